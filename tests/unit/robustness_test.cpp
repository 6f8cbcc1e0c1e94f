// Robustness: adversarial text costs work linear in its length, and giant input costs bounded memory.
//
// Tests never look at the clock. The work counter is the heap: every allocation
// and every allocated byte while a stage runs, counted by replacing the global
// operator new. A stage that rescans or copies the rest of the text at each
// token (the usual way to go quadratic) shows up there as a ratio far above the
// ratio of input sizes; so do output sizes, which are checked beside it.
#include "dateline/data_files.hpp"
#include "dateline/event_extractor.hpp"
#include "dateline/reader.hpp"
#include "dateline/segmenter.hpp"
#include "dateline/timex_tagger.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::atomic<std::size_t> g_allocations{0};
std::atomic<std::size_t> g_allocated_bytes{0};

}  // namespace

// The replacements apply to the whole test binary; they only count. Every plain
// and nothrow form of new and delete is replaced so that each pair stays a
// matching malloc/free (ASan reports a malloc/operator-delete mismatch
// otherwise); the aligned forms are left alone and stay matched among themselves.
void* operator new(std::size_t size) {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    g_allocated_bytes.fetch_add(size, std::memory_order_relaxed);
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    g_allocated_bytes.fetch_add(size, std::memory_order_relaxed);
    return std::malloc(size ? size : 1);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return ::operator new(size, tag); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace dateline;

namespace {

struct Work {
    std::size_t allocations = 0;
    std::size_t bytes = 0;
};

template <class F>
Work work_of(F&& run) {
    const std::size_t a0 = g_allocations.load(), b0 = g_allocated_bytes.load();
    run();
    return {g_allocations.load() - a0, g_allocated_bytes.load() - b0};
}

std::string repeat(std::string_view unit, std::size_t bytes) {
    std::string out;
    out.reserve(bytes + unit.size());
    while (out.size() < bytes) out += unit;
    return out;
}

const Pipeline& pipeline() {
    static const Pipeline p(DataFiles::builtin());
    return p;
}

constexpr std::size_t k_small = 64 * 1024;
constexpr std::size_t k_big = 1024 * 1024;  // 16 times the small one

/// Text that has made taggers backtrack or rescan: runs of numbers that could
/// start a date, month names that are also words, date words with nothing to
/// anchor, one giant token, one giant sentence.
const std::vector<std::string_view> k_adversarial{
    "1 ", "May ", "May 1 ", "1, ", "1,1", "12 December ", "since ", "the ", "March March 2020 ", "2020-",
    "Friday ", "last ", "ago ", "- ", "a", "U.N. ", ". ", "12/12/", "1990s ", "Baku attacked Yerevan on ",
};

/// Work on 1 MB must stay within twice the 16-fold of the work on 64 KB (plus a
/// constant for set-up), and allocations per byte must stay small.
void check_linear(std::string_view what, const Work& small, const Work& big) {
    INFO("text: '" << what << "' repeated; 64 KB: " << small.allocations << " allocations, " << small.bytes
                   << " bytes; 1 MB: " << big.allocations << " allocations, " << big.bytes << " bytes");
    const std::size_t ratio = k_big / k_small;
    CHECK(big.allocations <= 2 * ratio * small.allocations + 1000);
    CHECK(big.bytes <= 2 * ratio * small.bytes + 1'000'000);
    CHECK(big.allocations <= 4 * k_big);
}

}  // namespace

TEST_CASE("the segmenter splits 1 MB of adversarial text with work linear in its length") {
    for (std::string_view unit : k_adversarial) {
        const std::string small = repeat(unit, k_small), big = repeat(unit, k_big);
        std::size_t small_tokens = 0, big_tokens = 0;
        auto run = [](const std::string& text, std::size_t& tokens) {
            for (const Sentence& s : split_sentences(text)) tokens += tokenize(text, s.begin, s.end).size();
        };
        const Work ws = work_of([&] { run(small, small_tokens); });
        const Work wb = work_of([&] { run(big, big_tokens); });
        check_linear(unit, ws, wb);
        CHECK(big_tokens <= big.size());
    }
}

TEST_CASE("a 1 MB sentence without a full stop is one sentence, not a hang") {
    const std::string text = repeat("word ", k_big);
    const auto sentences = split_sentences(text);
    REQUIRE(sentences.size() == 1);
    CHECK(sentences[0].begin == 0);
    CHECK(sentences[0].end == text.size() - 1);  // the trailing space is not part of it
}

TEST_CASE("the timex tagger handles 1 MB of adversarial text with work linear in its length") {
    const TimexTagger& tagger = pipeline().tagger();
    for (std::string_view unit : k_adversarial) {
        const std::string small = repeat(unit, k_small), big = repeat(unit, k_big);
        std::vector<Timex> small_found, big_found;
        const Work ws = work_of([&] { small_found = tagger.tag(small, Date(2023, 2, 23)); });
        const Work wb = work_of([&] { big_found = tagger.tag(big, Date(2023, 2, 23)); });
        check_linear(unit, ws, wb);
        // Output is bounded too: at most one timex per two bytes ("1 " is the densest unit).
        CHECK(big_found.size() <= big.size() / 2);
        CHECK(std::all_of(big_found.begin(), big_found.end(), [&](const Timex& t) { return t.end <= big.size(); }));
    }
}

TEST_CASE("'1 1 1 ...' and 'May May May ...' are not dates at all") {
    const TimexTagger& tagger = pipeline().tagger();
    CHECK(tagger.tag(repeat("1 ", k_big), Date(2023, 2, 23)).empty());
    CHECK(tagger.tag(repeat("May ", k_big), Date(2023, 2, 23)).empty());
}

TEST_CASE("the whole extraction of 1 MB of adversarial text does work linear in its length") {
    for (std::string_view unit : k_adversarial) {
        Article small, big;
        small.text = repeat(unit, k_small);
        big.text = repeat(unit, k_big);
        small.published = big.published = Date(2023, 2, 23);
        std::vector<Event> small_events, big_events;
        const Work ws = work_of([&] { small_events = pipeline().extract(small); });
        const Work wb = work_of([&] { big_events = pipeline().extract(big); });
        check_linear(unit, ws, wb);
        INFO("text: '" << unit << "' repeated");
        CHECK(big_events.size() <= big.text.size() / 8);
    }
}

TEST_CASE("a JSON line over the article limit is skipped with memory bounded by the limit, and the next line is read") {
    ReadOptions options;
    options.max_article_bytes = 100 * 1024;
    const std::string giant = "{\"id\": \"giant\", \"text\": \"" + repeat("a", 4 * 1024 * 1024) + "\"}";
    std::istringstream in(giant + "\n{\"id\": \"small\", \"text\": \"The court ruled on Wednesday.\"}\n");
    std::vector<std::string> ids;
    std::vector<ReadProblem> problems;
    const Work w = work_of([&] {
        read_articles(in, "big.jsonl", InputFormat::jsonl, options, [&](Article&& a) { ids.push_back(a.id); },
                      [&](const ReadProblem& p) { problems.push_back(p); });
    });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == "big.jsonl:1");
    CHECK(problems[0].message.find(std::to_string(giant.size()) + " bytes") != std::string::npos);
    CHECK(ids == std::vector<std::string>{"small"});
    // The 4 MB line is never held whole: what is allocated stays near the limit.
    CHECK(w.bytes < 4 * (options.max_article_bytes + 65536));
}

TEST_CASE("a plain-text or HTML file over the article limit is reported with its size, without reading it into memory") {
    ReadOptions options;
    options.max_article_bytes = 64 * 1024;
    const std::string text = repeat("Troops withdrew on Monday. ", 2 * 1024 * 1024);
    for (InputFormat format : {InputFormat::text, InputFormat::html, InputFormat::timeml}) {
        std::istringstream in(text);
        std::vector<ReadProblem> problems;
        std::size_t articles = 0;
        const Work w = work_of([&] {
            read_articles(in, "big", format, options, [&](Article&&) { ++articles; },
                          [&](const ReadProblem& p) { problems.push_back(p); });
        });
        INFO("format " << to_string(format));
        CHECK(articles == 0);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message.find(std::to_string(text.size()) + " bytes, over the limit") != std::string::npos);
        CHECK(w.bytes < 4 * options.max_article_bytes);
    }
}

TEST_CASE("an HTML page nested 100,000 deep is refused before parsing, naming its depth") {
    // gumbo's tree building is quadratic in the depth: such a page would take minutes.
    for (const std::string unit : {"<div>", "<b><i>", "<table><tr><td>", "<span class=\"x\">"}) {
        std::istringstream in("<html><body>" + repeat(unit, 100'000 * unit.size()) + "Troops withdrew on Monday.");
        std::vector<ReadProblem> problems;
        std::size_t articles = 0;
        read_articles(in, "deep.html", InputFormat::html, ReadOptions{}, [&](Article&&) { ++articles; },
                      [&](const ReadProblem& p) { problems.push_back(p); });
        INFO(unit);
        CHECK(articles == 0);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].message.find("elements nest about") != std::string::npos);
        CHECK(problems[0].message.find("over the limit of 500") != std::string::npos);
    }
}

TEST_CASE("an HTML page with sloppy markup, scripts and comments is not mistaken for a deep one") {
    // Unclosed <p> and <li>, void elements, "<" in scripts and comments: none of them nests.
    const std::string page = "<html><head><script>for (i = 0; i<n; i++) if (a<b) x = '<div>';</script>"
                             "<style>a<b{}</style></head><body><!-- <div><div><div> -->" +
                             repeat("<p>Troops withdrew on Monday.<br><img src=x><li>item<hr/>", 200'000) +
                             "</body></html>";
    std::istringstream in(page);
    std::size_t articles = 0;
    std::vector<ReadProblem> problems;
    read_articles(in, "sloppy.html", InputFormat::html, ReadOptions{}, [&](Article&&) { ++articles; },
                  [&](const ReadProblem& p) { problems.push_back(p); });
    CHECK(problems.empty());
    CHECK(articles == 1);
}
