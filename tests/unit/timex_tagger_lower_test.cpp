// TimexTagger::tag given the lower-cased text by its caller (as the extractor does)
// finds exactly what it finds lower-casing the text itself.
#include "dateline/segmenter.hpp"
#include "dateline/timex_tagger.hpp"

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

void check_same(const std::string& text, std::optional<Date> dct) {
    INFO(text);
    const auto sentences = split_sentences(text);
    const auto want = tagger().tag(text, sentences, dct);
    const std::string lower = lowered_padded(text);
    const auto got = tagger().tag(text, lower, sentences, dct);
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
