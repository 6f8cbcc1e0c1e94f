// TimexTagger::tag given the lower-cased text by its caller (as the extractor does)
// finds exactly what it finds lower-casing the text itself.
#include "dateline/segmenter.hpp"
#include "dateline/timex_tagger.hpp"
#include "text_util.hpp"

#include <doctest/doctest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace dateline;

namespace {

const TimexTagger& tagger() {
    static const TimexTagger t(DataFiles::builtin());
    return t;
}

std::string lowered_padded(const std::string& text) {
    std::string out = text;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.append(8, '\0');
    return out;
}

void check_same(const std::string& text, std::optional<Date> dct, TagWords* words = nullptr) {
    INFO(text);
    const auto sentences = split_sentences(text);
    const auto want = tagger().tag(text, sentences, dct);
    const std::string lower = lowered_padded(text);
    const auto got = words ? tagger().tag(text, lower, sentences, dct, *words) : tagger().tag(text, lower, sentences, dct);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].begin == want[i].begin);
        CHECK(got[i].end == want[i].end);
        CHECK(got[i].type == want[i].type);
        CHECK(got[i].value == want[i].value);
        CHECK(got[i].mod == want[i].mod);
        CHECK(got[i].when == want[i].when);
        CHECK(got[i].role == want[i].role);
        CHECK(got[i].anaphoric == want[i].anaphoric);
        CHECK(got[i].relative == want[i].relative);
        CHECK(got[i].from_text == want[i].from_text);
    }
}

}  // namespace

TEST_CASE("tag with the caller's lower-cased text equals tag lower-casing it itself") {
    const std::vector<std::string> texts = {
        "On Monday, Feb. 20, 2023, the ministry said talks would resume NEXT WEEK; at 5 p.m. EST Nov. 9 the "
        "army withdrew. Last year's figures, the third-quarter report and the 1990s were cited.",
        "FROM 27 SEPTEMBER TO 10 NOVEMBER 2020 the corridor was closed. Since then, every Thursday from August 6.",
        "",
        "No date here at all.",
        "The \xE2\x80\x9C" "60 Minutes\xE2\x80\x9D programme aired Sunday\xE2\x80\x99s night, two weeks ago.",
    };
    for (const auto& t : texts) {
        check_same(t, Date(2023, 2, 23));
        check_same(t, std::nullopt);
    }
    // Random sentences of date words, numbers and punctuation in random case.
    const std::vector<std::string> pieces = {"monday", "May", "3", "2021", "last", "year", "'s", "the", "week",
                                             "at", "5", "p.m.", ",", ".", "-", "NEXT", "Quarter", "1990s",
                                             "'90s", "ago", "between", "and", "Jan.", "12:30", "tonight", " "};
    std::mt19937 rng(20261127);
    for (int n = 0; n < 300; ++n) {
        std::string text;
        const int words = 1 + static_cast<int>(rng() % 40);
        for (int w = 0; w < words; ++w) {
            std::string p = pieces[rng() % pieces.size()];
            if (rng() % 3 == 0)
                for (char& c : p) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            text += p;
            text += rng() % 5 == 0 ? "" : " ";
        }
        check_same(text, Date(2023, 2, 23));
    }
}

TEST_CASE("tag refuses a lower-cased text of the wrong size or without its zero padding") {
    const std::string text = "On Monday the talks resumed.";
    const auto sentences = split_sentences(text);
    std::string lower = lowered_padded(text);
    CHECK_THROWS_AS(tagger().tag(text, std::string_view(lower).substr(0, lower.size() - 1), sentences, std::nullopt),
                    std::invalid_argument);
    lower[lower.size() - 3] = 'x';
    CHECK_THROWS_AS(tagger().tag(text, lower, sentences, std::nullopt), std::invalid_argument);
}

namespace {

bool tagger_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

// TagWords' promise: the same timexes; in every chunk (bytes between spaces) inside a sentence
// without a mark, the runs are split_words' words of the chunk.
void check_words(const std::string& text) {
    INFO(text);
    TagWords words;
    words.runs.resize(text.size());
    check_same(text, Date(2023, 2, 23), &words);
    REQUIRE(words.complete);
    REQUIRE(words.n_runs <= text.size());
    for (std::size_t k = 0; k + 1 < words.n_runs; ++k) CHECK(words.runs[k].second <= words.runs[k + 1].first);
    for (std::size_t k = 0; k + 1 < words.marks.size(); ++k) CHECK(words.marks[k] < words.marks[k + 1]);
    for (const Sentence& s : split_sentences(text)) {
        for (std::size_t b = s.begin; b < s.end;) {
            if (tagger_space(text[b])) {
                ++b;
                continue;
            }
            std::size_t e = b;
            while (e < s.end && !tagger_space(text[e])) ++e;
            const bool inside = (b == 0 || b > s.begin || tagger_space(text[b - 1])) &&
                                (e == text.size() || e < s.end || tagger_space(text[e]));
            bool marked = false;
            for (std::size_t m : words.marks) marked = marked || (m >= b && m < e);
            if (inside && !marked) {
                std::vector<std::pair<std::size_t, std::size_t>> want, got;
                split_words(text, b, e, want);
                for (std::size_t k = 0; k < words.n_runs; ++k)
                    if (words.runs[k].first >= b && words.runs[k].first < e) got.push_back(words.runs[k]);
                INFO(text.substr(b, e - b));
                CHECK(got == want);
            }
            b = e;
        }
    }
}

}  // namespace

TEST_CASE("tag's words (TagWords) are split_words' words of every chunk without a mark") {
    check_words("U.S. officials said Mr. Smith's year-earlier figure, 1,991 or 12.5%, was e.g. a.b. wrong.");
    check_words("\xE2\x80\x9CThe court\xE2\x80\x99s ruling\xE2\x80\x9D \xE2\x80\x94 on Monday (Feb. 20) -- "
                "x.Y said: 'no'. A. B. C.");
    check_words("");
    const std::vector<std::string> pieces = {"a", "Zq", "U", "S", "N", "e", "g", "09", "1", ".", ",", "-", "'", ":",
                                             "/", "(", ")", "\"", "!", "?", "\xE2\x80\x99", "\xE2\x80\x9C",
                                             "\xE2\x80\x94", "\xE2\x82\xAC", "\xC3\xA9", "\xA9", " ", " ", " ",
                                             "\n", "\t", "\v", "  ", "Monday", "May"};
    std::mt19937 rng(7);
    for (int n = 0; n < 400; ++n) {
        std::string text;
        const int count = static_cast<int>(rng() % 120);
        for (int k = 0; k < count; ++k) text += pieces[rng() % pieces.size()];
        check_words(text);
    }
}
