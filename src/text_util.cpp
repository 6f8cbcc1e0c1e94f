// Internal text helpers: word splitting for name and trigger matching.
#include "text_util.hpp"

namespace dateline {
namespace {

bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// U+2018..U+201F (quotes), U+2010..U+2015 (dashes), U+2026 (ellipsis): not word bytes.
std::size_t punct_utf8_len(std::string_view t, std::size_t i) {
    if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 && static_cast<unsigned char>(t[i + 1]) == 0x80) {
        const unsigned char c = static_cast<unsigned char>(t[i + 2]);
        if (c >= 0x90 && c <= 0xA6) return 3;
    }
    return 0;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> split_words(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    split_words(text, begin, end, out);
    return out;
}

void split_words(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::pair<std::size_t, std::size_t>>& out) {
    out.clear();
    if (end > text.size()) end = text.size();
    std::size_t i = begin;
    while (i < end) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::size_t p = punct_utf8_len(text, i)) {
            // A right single quote inside a word is an apostrophe: "court’s".
            const bool apostrophe = static_cast<unsigned char>(text[i + 2]) == 0x99 && !out.empty() &&
                                    out.back().second == i && i + 3 < end &&
                                    word_byte(static_cast<unsigned char>(text[i + 3]));
            if (apostrophe) {
                std::size_t j = i + 3;
                while (j < end && word_byte(static_cast<unsigned char>(text[j])) && !punct_utf8_len(text, j)) ++j;
                out.back().second = j;
                i = j;
                continue;
            }
            i += p;
            continue;
        }
        if (c == '-') {
            out.emplace_back(i, i + 1);
            ++i;
            continue;
        }
        if (!word_byte(c)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < end) {
            const unsigned char d = static_cast<unsigned char>(text[j]);
            if (punct_utf8_len(text, j)) break;
            if (word_byte(d)) {
                ++j;
                continue;
            }
            const bool next_word = j + 1 < end && word_byte(static_cast<unsigned char>(text[j + 1]));
            if (d == '\'' && next_word) {
                ++j;
                continue;
            }
            // "U.N." and "U.S.": a dot between single letters, and the final dot.
            if (d == '.' && j >= i + 1 && j - i >= 1 && ((j + 2 <= end && next_word && (j + 2 == end || !word_byte(static_cast<unsigned char>(text[j + 2])) || text[j + 2] == '.')) ||
                                                   (j >= 2 && text[j - 2] == '.'))) {
                // Accept "X.Y." shapes only: letters alternate with dots.
                std::size_t len = j - i;
                if (len == 1 || (len >= 3 && text[j - 2] == '.')) {
                    ++j;
                    continue;
                }
            }
            break;
        }
        // Drop a trailing dot unless it closes an initialism ("U.N.").
        if (j > i && text[j - 1] == '.' && !(j - i >= 4 && text[j - 3] == '.')) --j;
        out.emplace_back(i, j);
        i = j;
    }
}

}  // namespace dateline
