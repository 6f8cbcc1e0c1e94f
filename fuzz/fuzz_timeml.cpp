// libFuzzer target: the TimeML reader and writer (parse, byte map, write back with our tags).
#include "fuzz_support.hpp"

#include "dateline/error.hpp"
#include "dateline/timeml.hpp"
#include "dateline/timex_tagger.hpp"

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    const std::string content(reinterpret_cast<const char*>(data), size);

    std::istringstream in(content);
    read_articles(
        in, "fuzz.tml", InputFormat::timeml, ReadOptions{}, [](Article&&) {},
        [](const ReadProblem& p) { fuzz::check(!p.message.empty(), "problem without reason"); });

    std::optional<TimemlDocument> doc;
    try {
        doc = TimemlDocument::parse(content, "fuzz.tml");
    } catch (const InputError&) {
        return 0;  // the documented way to refuse a malformed document
    }
    const std::string& text = doc->text();
    for (const auto& t : doc->timexes())
        fuzz::check(t.begin <= t.end && t.end <= text.size(), "gold timex outside the text");
    for (std::size_t i = 0; i <= text.size(); i += 1 + text.size() / 8) (void)doc->line_of(i);
    // Writing back the gold tags, then our own, must never crash; our own must parse again.
    (void)doc->write(doc->timexes());
    std::vector<TimemlTimex> ours;
    fuzz::run_pipeline([&] { ours = timeml_timexes(fuzz::pipeline().tagger().tag(text, doc->dct()), doc->dct_tid()); });
    const std::string annotated = doc->write(ours);
    try {
        const TimemlDocument again = TimemlDocument::parse(annotated, "fuzz-again.tml");
        fuzz::check(again.text() == text, "writing our tags changed the document's text");
    } catch (const InputError&) {
        fuzz::fail("the document we wrote does not parse again");
    }
    return 0;
}
