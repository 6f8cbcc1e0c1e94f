// libFuzzer target: the HTML reader (gumbo, page furniture removal, meta dates).
#include "fuzz_support.hpp"

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    ReadOptions options;
    std::size_t articles = 0;
    read_articles(
        in, "fuzz.html", InputFormat::html, options,
        [&](Article&& a) {
            ++articles;
            fuzz::check(valid_utf8(a.text), "HTML reader produced invalid UTF-8");
            fuzz::check(valid_utf8(a.title), "HTML reader produced an invalid UTF-8 title");
            fuzz::check(a.text.find('\0') == std::string::npos, "HTML reader passed on a NUL byte");
        },
        [](const ReadProblem& p) { fuzz::check(!p.message.empty(), "problem without reason"); });
    fuzz::check(articles <= 1, "one page gave several articles");
    return 0;
}
