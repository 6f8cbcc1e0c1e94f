// Tests for the segmenter: sentence breaks and tokens with byte offsets.
#include "dateline/segmenter.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace dateline;

namespace {
std::vector<std::string> sentences(const std::string& text) {
    std::vector<std::string> out;
    for (auto s : split_sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}
}  // namespace

TEST_CASE("sentences end at a period followed by a capital") {
    auto s = sentences("Russia urged talks. Baku refused.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Russia urged talks.");
    CHECK(s[1] == "Baku refused.");
}

TEST_CASE("abbreviations such as Dec., U.N. and Mr. do not end a sentence") {
    CHECK(sentences("The protests began on Dec. 12 near Lachin.").size() == 1);
    CHECK(sentences("Mr. Aliyev met the envoy.").size() == 1);
    CHECK(sentences("The U.N. court ruled on Wednesday.").size() == 1);
    CHECK(sentences("Gen. Smith said so. Later he left.").size() == 2);
}

TEST_CASE("a blank line always ends a sentence, a single newline does not") {
    auto s = sentences("Headline without a period\n\nThe body starts\nhere and goes on.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "Headline without a period");
    CHECK(s[1] == "The body starts\nhere and goes on.");
}

TEST_CASE("closing quotes stay with their sentence") {
    auto s = sentences("\xE2\x80\x9CWe call on them,\xE2\x80\x9D he added. Then he left.");
    REQUIRE(s.size() == 2);
    CHECK(s[0] == "\xE2\x80\x9CWe call on them,\xE2\x80\x9D he added.");
}

TEST_CASE("sentence offsets point into the original text") {
    const std::string text = "  First one.   Second one.  ";
    auto spans = split_sentences(text);
    REQUIRE(spans.size() == 2);
    CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "Second one.");
}

TEST_CASE("empty and whitespace-only text has no sentences") {
    CHECK(split_sentences("").empty());
    CHECK(split_sentences(" \n\n \t").empty());
}

TEST_CASE("tokens keep digit groups, hyphenated names and inner apostrophes whole") {
    const std::string text = "1,991 troops left Nagorno-Karabakh, didn't they?";
    std::vector<std::string> toks;
    for (auto t : tokenize(text, 0, text.size())) toks.push_back(text.substr(t.begin, t.end - t.begin));
    CHECK(toks == std::vector<std::string>{"1,991", "troops", "left", "Nagorno-Karabakh", ",", "didn't", "they", "?"});
}
