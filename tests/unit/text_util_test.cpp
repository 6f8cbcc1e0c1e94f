// Tests for the internal text helpers: split_words against a plain byte-at-a-time
// statement of its rules, on random text.
#include "text_util.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace dateline;

namespace {

// The rules of split_words, one byte at a time (as the splitter was before it
// read sixteen bytes at once).
std::vector<std::pair<std::size_t, std::size_t>> reference_split(std::string_view t, std::size_t begin, std::size_t end) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (end > t.size()) end = t.size();
    auto byte = [&](std::size_t at) { return static_cast<unsigned char>(t[at]); };
    auto word_byte = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    };
    auto punct = [&](std::size_t i) -> std::size_t {
        if (i + 2 < t.size() && byte(i) == 0xE2 && byte(i + 1) == 0x80 && byte(i + 2) >= 0x90 && byte(i + 2) <= 0xA6) return 3;
        return 0;
    };
    std::size_t i = begin;
    while (i < end) {
        while (i < end && !word_byte(byte(i)) && byte(i) != '-') ++i;
        if (i >= end) break;
        const unsigned char c = byte(i);
        if (c == '-') {
            out.emplace_back(i, i + 1);
            ++i;
            continue;
        }
        if (std::size_t p = punct(i)) {
            if (byte(i + 2) == 0x99 && !out.empty() && out.back().second == i && i + 3 < end && word_byte(byte(i + 3))) {
                std::size_t j = i + 3;
                while (j < end && word_byte(byte(j)) && !punct(j)) ++j;
                out.back().second = j;
                i = j;
                continue;
            }
            i += p;
            continue;
        }
        std::size_t j = i;
        while (j < end) {
            const unsigned char d = byte(j);
            if (word_byte(d)) {
                if (punct(j)) break;
                ++j;
                continue;
            }
            const bool next_word = j + 1 < end && word_byte(byte(j + 1));
            if (d == '\'' && next_word) {
                ++j;
                continue;
            }
            if (d == '.' && j >= i + 1 &&
                ((j + 2 <= end && next_word && (j + 2 == end || !word_byte(byte(j + 2)) || t[j + 2] == '.')) ||
                 (j >= 2 && t[j - 2] == '.'))) {
                const std::size_t len = j - i;
                if (len == 1 || (len >= 3 && t[j - 2] == '.')) {
                    ++j;
                    continue;
                }
            }
            break;
        }
        if (j > i && t[j - 1] == '.' && !(j - i >= 4 && t[j - 3] == '.')) --j;
        out.emplace_back(i, j);
        i = j;
    }
    return out;
}

}  // namespace

TEST_CASE("split_words follows its rules on random text") {
    // Pieces that meet every rule: plain letters and digits, spaces, commas,
    // hyphens, apostrophes, dots ("U.N."), curly quotes and dashes (0xE2 ...),
    // other UTF-8, controls.
    const std::vector<std::string> pieces = {
        "a", "B", "z", "Q", "7", "word", "Words", "UNITED", "x1", " ", " ", " ", "  ", ",", ", ", "-", "'", "'s", ".",
        ". ", "U.N.", "U.S", "e.g.", "\n", "\t", ";", ":", "\"", "(", ")", "\xE2\x80\x99", "\xE2\x80\x99s", "\xE2\x80\x9C",
        "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\xA6", "\xE2\x82\xAC", "\xE2", "\xE2\x80", "caf\xC3\xA9", "\xC3", "longerwordthansixteen",
        "abcdefghijklmnopqrstuvwxyz0123456789"};
    std::mt19937 rng(20261127);
    std::size_t words = 0;
    for (int round = 0; round < 60000; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 40);
        for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
        const std::size_t begin = text.empty() || rng() % 2 ? 0 : rng() % text.size();
        const std::size_t end = rng() % 3 == 0 || text.empty() ? text.size() : begin + rng() % (text.size() - begin + 1);
        const auto expected = reference_split(text, begin, end);
        std::vector<std::pair<std::size_t, std::size_t>> got = {{99, 99}};  // cleared first
        split_words(text, begin, end, got);
        REQUIRE_MESSAGE(got == expected, text, " [", begin, ", ", end, ")");
        words += got.size();
    }
    CHECK(words > 100000);
}

TEST_CASE("hash_lowered of lower-cased text is hash_lower of the text") {
    std::mt19937 rng(11);
    for (int round = 0; round < 100000; ++round) {
        std::string s;
        const int n = static_cast<int>(rng() % 24);
        for (int k = 0; k < n; ++k) s += static_cast<char>(rng() % 3 ? 'A' + rng() % 58 : rng() % 256);
        REQUIRE(hash_lowered(lower(s)) == hash_lower(s));
    }
}

TEST_CASE("write_hex16 writes what a nibble-at-a-time loop writes") {
    auto reference = [](std::uint64_t h) {
        std::string out(16, ' ');
        for (std::size_t i = 16; i-- > 0; h >>= 4) out[i] = "0123456789abcdef"[h & 0xF];
        return out;
    };
    std::mt19937_64 rng(20261127);
    std::vector<std::uint64_t> cases = {0, 1, 9, 10, 15, 16, 0x0123456789abcdefull, 0xfedcba9876543210ull, ~0ull,
                                        0xa0a0a0a0a0a0a0a0ull, 0x9999999999999999ull, 0xaaaaaaaaaaaaaaaaull};
    for (int round = 0; round < 200000; ++round) {
        std::uint64_t h = rng();
        // Also values made of only a few distinct nibbles (9 and a meet at the digit/letter edge).
        if (round % 3 == 0) h &= rng();
        if (round % 5 == 0) h |= rng() & rng();
        cases.push_back(h);
    }
    for (const std::uint64_t h : cases) {
        char got[17] = {};
        write_hex16(h, got);
        REQUIRE_MESSAGE(std::string(got, 16) == reference(h), h);
    }
}
