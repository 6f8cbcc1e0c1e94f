// Internal text helpers shared by the extractor stages: ASCII case, word splitting.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

inline char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_char(c);
    return out;
}

inline bool equals_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_char(a[i]) != lower_char(b[i])) return false;
    return true;
}

inline bool has_suffix_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && equals_ci(s.substr(s.size() - suffix.size()), suffix);
}

inline bool has_upper(std::string_view s) {
    for (char c : s)
        if (c >= 'A' && c <= 'Z') return true;
    return false;
}

inline bool is_all_upper(std::string_view s) {
    bool letter = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

inline bool is_capitalised(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

/// "Azerbaijan's" -> "Azerbaijan" (ASCII or U+2019 apostrophe); other words unchanged.
inline std::string_view strip_possessive(std::string_view w) {
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) return w.substr(0, w.size() - 2);
    if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) return w.substr(0, w.size() - 4);
    return w;
}

/// Words for name matching: runs of letters, digits, apostrophes and dots inside
/// initialisms ("U.N."); a hyphen is a word of its own so "Russian-brokered"
/// yields "Russian". Byte ranges [first, second) into text.
std::vector<std::pair<std::size_t, std::size_t>> split_words(std::string_view text, std::size_t begin, std::size_t end);
/// The same into `out` (cleared first), so that a caller splitting sentence after
/// sentence reuses one buffer.
void split_words(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::pair<std::size_t, std::size_t>>& out);

}  // namespace dateline
