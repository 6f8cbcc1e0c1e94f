// libFuzzer target: the whole `dateline extract` path: format detection, reader, pipeline, JSON records.
#include "fuzz_support.hpp"

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace dateline;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    ReadOptions options;
    options.published = fuzz::take_dct(input);
    options.max_article_bytes = 256 * 1024;
    const InputFormat format = detect_format("", input.substr(0, 256));
    std::istringstream in{std::string(input)};
    read_articles(
        in, "<stdin>", format, options,
        [&](Article&& a) {
            fuzz::run_pipeline([&] {
                auto events = fuzz::pipeline().extract(a);
                fuzz::check_events(a, events);
            });
        },
        [](const ReadProblem&) {});
    return 0;
}
