// libFuzzer target: the timex tagger and resolver on any text with a random DCT (or none).
#include "fuzz_support.hpp"

#include "dateline/timex_tagger.hpp"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::optional<Date> dct = fuzz::take_dct(text);
    std::vector<Timex> timexes;
    fuzz::run_pipeline([&] { timexes = fuzz::pipeline().tagger().tag(text, dct); });
    std::size_t last_begin = 0;
    for (const Timex& t : timexes) {
        fuzz::check(t.begin < t.end && t.end <= text.size(), "timex span empty or outside the text");
        fuzz::check(t.begin >= last_begin, "timexes not in text order");
        last_begin = t.begin;
        fuzz::check(!t.value.empty(), "timex without a TIMEX3 value");
        if (t.when) fuzz::check_span(*t.when);
        // Without a DCT nothing relative may be dated from today: only from a date the
        // text names ("a year earlier", "that week").
        if (!dct && t.relative && !t.anaphoric && !t.from_text)
            fuzz::check(!t.when.has_value(), "relative timex dated without a DCT");
        if (t.from_text) fuzz::check(t.relative, "timex dated from the text but not marked relative");
    }
    fuzz::check(timexes.size() <= text.size(), "more timexes than bytes");
    return 0;
}
