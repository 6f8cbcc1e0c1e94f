// libFuzzer target: the JSON Lines reader, then the pipeline on every article it accepts.
#include "fuzz_support.hpp"

#include <algorithm>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    ReadOptions options;
    options.max_article_bytes = 64 * 1024;  // the limit's own path gets exercised too
    std::size_t articles = 0;
    read_articles(
        in, "fuzz.jsonl", InputFormat::jsonl, options,
        [&](Article&& a) {
            ++articles;
            fuzz::check(valid_utf8(a.text), "reader passed on invalid UTF-8");
            fuzz::check(!a.id.empty(), "article without id");
            fuzz::run_pipeline([&] {
                auto events = fuzz::pipeline().extract(a);
                fuzz::check_events(a, events);
            });
        },
        [](const ReadProblem& p) { fuzz::check(!p.where.empty() && !p.message.empty(), "problem without place or reason"); });
    // One article per line at most.
    fuzz::check(articles <= static_cast<std::size_t>(std::count(data, data + size, '\n')) + 1, "more articles than lines");
    return 0;
}
