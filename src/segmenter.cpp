// Sentence splitting and tokenisation with byte offsets (ASCII rules, UTF-8 safe).
#include "dateline/segmenter.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <cctype>
#include <string>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dateline {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_alnum(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Words after which a period does not end a sentence (titles, months, common
// abbreviations). Kept here rather than in data/: they are the segmenter's
// own mechanics, not knowledge a user would extend.
constexpr std::array<std::string_view, 52> k_abbreviations{
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "pres",
    "st", "jr", "sr", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "mt",
    "ft", "adm", "cmdr", "brig", "amb", "min", "sec", "u.s"};

constexpr std::size_t k_longest_abbreviation = [] {
    std::size_t n = 0;
    for (auto a : k_abbreviations) n = std::max(n, a.size());
    return n;
}();

static_assert(k_longest_abbreviation <= 7, "abbreviation_key packs the bytes below the size");

// Up to 7 bytes, the first lowest, with the size in the top byte.
constexpr std::uint64_t abbreviation_key(std::string_view s) {
    std::uint64_t v = static_cast<std::uint64_t>(s.size()) << 56;
    for (std::size_t k = 0; k < s.size(); ++k)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[k])) << (8 * k);
    return v;
}

constexpr auto k_abbreviation_keys = [] {
    std::array<std::uint64_t, k_abbreviations.size()> keys{};
    for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = abbreviation_key(k_abbreviations[i]);
    std::sort(keys.begin(), keys.end());
    return keys;
}();

bool is_abbreviation(std::string_view word) {
    if (word.empty()) return false;
    if (word.size() <= k_longest_abbreviation) {
        // Lower-cased on the stack: this runs at every period of the text. ASCII
        // A-Z only, inline (std::tolower was a call per byte; the keys are ASCII,
        // and the program never leaves the "C" locale, where it does the same).
        char buf[k_longest_abbreviation];
        for (std::size_t i = 0; i < word.size(); ++i) {
            const char c = word[i];
            buf[i] = static_cast<unsigned char>(c - 'A') < 26u ? static_cast<char>(c - 'A' + 'a') : c;
        }
        // One binary search over the entries packed as numbers (size included: a word may hold '\0').
        if (std::binary_search(k_abbreviation_keys.begin(), k_abbreviation_keys.end(),
                               abbreviation_key(std::string_view(buf, word.size()))))
            return true;
    }
    // Dotted initialisms: "U.N", "U.S", "e.g", and single capital initials "J".
    if (word.size() == 1 && is_upper(static_cast<unsigned char>(word[0]))) return true;
    if (word.find('.') != std::string_view::npos) {
        bool alternating = true;
        for (std::size_t i = 0; i < word.size(); ++i)
            if ((i % 2 == 1) != (word[i] == '.')) alternating = false;
        if (alternating) return true;
    }
    return false;
}

// Closing quotes and brackets that belong to the sentence before a break.
bool is_closer(std::string_view text, std::size_t i, std::size_t& len) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
        len = 1;
        return true;
    }
    // U+201D right double quote, U+2019 right single quote (E2 80 9D / E2 80 99).
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x9D || static_cast<unsigned char>(text[i + 2]) == 0x99)) {
        len = 3;
        return true;
    }
    return false;
}

void push_trimmed(std::string_view text, std::size_t b, std::size_t e, std::vector<Sentence>& out) {
    while (b < e && is_space(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && is_space(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) out.push_back({b, e});
}

}  // namespace

// The bytes split_sentences stops at: a newline and the terminators.
constexpr std::array<bool, 256> k_sentence_stop = [] {
    std::array<bool, 256> t{};
    t['\n'] = t['.'] = t['!'] = t['?'] = true;
    return t;
}();

// The first byte in [p, end) that split_sentences stops at, or end. Eight bytes
// at a time: a byte equal to one of the four has a zero in x ^ byte, and the
// lowest flagged byte of (v - 1) & ~v & 0x80.. is exactly the first zero (the
// flags above it may be borrows), so the lowest flag of the four is the stop.
const char* find_stop(const char* p, const char* end) {
#if defined(__SSE2__)
    // Sixteen bytes at a time where sixteen are left.
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('.'))),
                                          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
        if (mask != 0) return p + std::countr_zero(mask);
        p += 16;
    }
#endif
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    auto zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    while (std::endian::native == std::endian::little && end - p >= 8) {
        std::uint64_t x;
        std::memcpy(&x, p, 8);
        const std::uint64_t hits =
            zero(x ^ ('\n' * ones)) | zero(x ^ ('.' * ones)) | zero(x ^ ('!' * ones)) | zero(x ^ ('?' * ones));
        if (hits) return p + std::countr_zero(hits) / 8;
        p += 8;
    }
    while (p < end && !k_sentence_stop[static_cast<unsigned char>(*p)]) ++p;
    return p;
}

std::vector<Sentence> split_sentences(std::string_view text) {
    std::vector<Sentence> out;
    // Room for a sentence per 64 bytes at once (news sentences are ~130 bytes): the vector
    // grew by doubling from nothing for every article, a copy at each step.
    out.reserve(text.size() / 64 + 4);
    std::size_t start = 0;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Other bytes are passed over in a tight loop.
        i = static_cast<std::size_t>(find_stop(text.data() + i, text.data() + n) - text.data());
        if (i >= n) break;
        const char c = text[i];
        if (c == '\n') {
            // A blank line (only whitespace between two newlines) is a hard break.
            std::size_t j = i + 1;
            while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
            if (j < n && text[j] == '\n') {
                push_trimmed(text, start, i, out);
                while (j < n && is_space(static_cast<unsigned char>(text[j]))) ++j;
                start = i = j;
                continue;
            }
            ++i;
            continue;
        }
        if (c == '.' || c == '!' || c == '?') {
            std::size_t end = i + 1;
            // Runs of terminators ("?!", "...") and closing quotes stay with the sentence.
            while (end < n && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
            std::size_t len = 0;
            while (end < n && is_closer(text, end, len)) end += len;
            // A break needs whitespace and then something that can start a sentence.
            if (end < n && !is_space(static_cast<unsigned char>(text[end]))) {
                i = end;
                continue;
            }
            std::size_t next = end;
            while (next < n && is_space(static_cast<unsigned char>(text[next]))) ++next;
            bool breaks = true;
            if (c == '.' && end == i + 1) {
                // The word before the period.
                std::size_t wb = i;
                while (wb > start && !is_space(static_cast<unsigned char>(text[wb - 1])) && text[wb - 1] != '(' &&
                       text[wb - 1] != '"')
                    --wb;
                const std::string_view word = text.substr(wb, i - wb);
                if (is_abbreviation(word)) {
                    // "U.S. officials" continues; "in the U.S. The next" breaks on a capital
                    // only for initialisms, never after titles like "Mr." or months like "Dec.".
                    const bool initialism = word.find('.') != std::string_view::npos && word.size() > 1;
                    breaks = initialism && next < n && is_upper(static_cast<unsigned char>(text[next]));
                } else if (!word.empty() && std::isdigit(static_cast<unsigned char>(word.back())) && next < n &&
                           is_lower(static_cast<unsigned char>(text[next]))) {
                    breaks = false;
                }
            }
            if (breaks && next < n && is_lower(static_cast<unsigned char>(text[next]))) breaks = false;
            if (breaks) {
                push_trimmed(text, start, end, out);
                start = i = next;
                continue;
            }
            i = end;
            continue;
        }
        ++i;
    }
    push_trimmed(text, start, n, out);
    return out;
}

std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<Token> out;
    end = std::min(end, text.size());
    std::size_t i = begin;
    while (i < end) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c >= 0x80 && !(c >= 0xC0)) {  // stray continuation byte: skip it alone
            out.push_back({i, i + 1});
            ++i;
            continue;
        }
        if (c >= 0xC0) {
            // A multi-byte character: punctuation (quotes, dashes) alone, letters join words.
            std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (i + len > end) len = end - i;
            if (c == 0xE2) {  // General Punctuation block: quotes, dashes, ellipsis
                out.push_back({i, i + len});
                i += len;
                continue;
            }
        }
        if (is_alnum(c)) {
            std::size_t j = i;
            while (j < end) {
                const unsigned char d = static_cast<unsigned char>(text[j]);
                if (d == 0xE2) break;
                if (is_alnum(d)) {
                    ++j;
                    continue;
                }
                // Inner apostrophe, hyphen, or digit separator: "don't", "Nagorno-Karabakh", "1,991", "12.5".
                if ((d == '\'' || d == '-' || d == ',' || d == '.' || d == '/' || d == ':') && j + 1 < end &&
                    j > i) {
                    const unsigned char prev = static_cast<unsigned char>(text[j - 1]);
                    const unsigned char next = static_cast<unsigned char>(text[j + 1]);
                    const bool digits = std::isdigit(prev) && std::isdigit(next);
                    if ((d == '\'' || d == '-') && is_alnum(prev) && is_alnum(next)) {
                        ++j;
                        continue;
                    }
                    if ((d == ',' || d == '.' || d == '/' || d == ':') && digits) {
                        ++j;
                        continue;
                    }
                }
                break;
            }
            out.push_back({i, j});
            i = j;
            continue;
        }
        out.push_back({i, i + 1});
        ++i;
    }
    return out;
}

}  // namespace dateline
