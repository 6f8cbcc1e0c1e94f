// Internal text helpers: word splitting for name and trigger matching.
#include "text_util.hpp"

#include <array>
#include <cstdint>
#include <bit>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dateline {
namespace {

// Letters, digits and every byte of a UTF-8 sequence: one table look-up per byte.
constexpr std::array<bool, 256> k_word_byte = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    return t;
}();

bool word_byte(unsigned char c) { return k_word_byte[c]; }

// Word bytes but 0xE2 (which may begin a quote or a dash): a word's bytes are
// mostly these, passed over with one look-up each.
constexpr std::array<bool, 256> k_plain_word_byte = [] {
    std::array<bool, 256> t = k_word_byte;
    t[0xE2] = false;
    return t;
}();

// The first byte at or after p that is no plain word byte (or end). Kept out of
// line: inlined, gcc merged this loop with the one around it and kept six
// induction variables, ~14 instructions per byte instead of 4.
//
// Sixteen bytes at a time where sixteen are left (most words end within the
// first sixteen: one step instead of a look-up per byte): letters, digits and
// bytes >= 0x80 but 0xE2, classified with SSE2.
[[gnu::noinline]] const char* skip_plain(const char* p, const char* end) {
#if defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        // x <= n, unsigned, for x = v - base: a byte in [base, base + n].
        auto in_range = [&](char base, char n) {
            const __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(base));
            return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(n)), x);
        };
        // v | 0x20 is a lower-case letter only for letters of either case.
        const __m128i letter = [&] {
            const __m128i x = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
            return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(25)), x);
        }();
        const __m128i high = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2))),
                                              _mm_cmplt_epi8(v, _mm_setzero_si128()));
        const __m128i plain = _mm_or_si128(_mm_or_si128(letter, in_range('0', 9)), high);
        const unsigned other = ~static_cast<unsigned>(_mm_movemask_epi8(plain)) & 0xFFFFu;
        if (other != 0) return p + std::countr_zero(other);
        p += 16;
    }
#endif
    while (p < end && k_plain_word_byte[static_cast<unsigned char>(*p)]) ++p;
    return p;
}

#if defined(__SSE2__)
// The sixteen bytes at `p` as bit masks (bit k: byte k): plain word bytes (as
// skip_plain), 0xE2, '-', and the apostrophe and the dot (which may go on a word).
struct Classes16 {
    unsigned plain, e2, dash, quote_dot;
};
[[gnu::always_inline]] inline Classes16 classify16(const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    const __m128i letter = [&] {
        const __m128i x = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
        return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(25)), x);
    }();
    const __m128i digit = [&] {
        const __m128i x = _mm_sub_epi8(v, _mm_set1_epi8('0'));
        return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(9)), x);
    }();
    const __m128i e2 = eq(static_cast<char>(0xE2));
    const __m128i high = _mm_andnot_si128(e2, _mm_cmplt_epi8(v, _mm_setzero_si128()));
    auto bits = [](__m128i m) { return static_cast<unsigned>(_mm_movemask_epi8(m)); };
    return {bits(_mm_or_si128(_mm_or_si128(letter, digit), high)), bits(e2), bits(eq('-')),
            bits(_mm_or_si128(eq('\''), eq('.')))};
}
#endif

// Bytes that neither begin a word nor are one ('-' is a word of its own).
constexpr std::array<bool, 256> k_skip_byte = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = !k_word_byte[c] && c != '-';
    return t;
}();

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
    append_words(text, begin, end, out);
}

void append_words(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::pair<std::size_t, std::size_t>>& out) {
    if (end > text.size()) end = text.size();
    const char* const t = text.data();
    auto byte = [t](std::size_t at) { return static_cast<unsigned char>(t[at]); };
    std::size_t i = begin;
    while (i < end) {
        // Spaces and punctuation other than '-' are passed over in a tight loop.
        while (i < end && k_skip_byte[byte(i)]) ++i;
        if (i >= end) break;
#if defined(__SSE2__)
        // Thirty-two (or sixteen) bytes at once where they are left: the words in
        // them that are a run of plain bytes ended by a byte that ends a word
        // outright (a space, a comma, a hyphen; not an apostrophe, a dot or 0xE2,
        // which the rules below look at) are taken from bit masks, several per
        // load. A word that runs past the window is looked at again from a window
        // that begins with it.
        if (end - i >= 16 && k_plain_word_byte[byte(i)]) {
            const Classes16 lo = classify16(t + i);
            std::uint64_t plain = lo.plain, begins = lo.plain | lo.e2 | lo.dash, care = lo.e2 | lo.quote_dot;
            unsigned window = 16;
            if (end - i >= 32) {
                const Classes16 hi = classify16(t + i + 16);
                plain |= std::uint64_t{hi.plain} << 16;
                begins |= std::uint64_t{hi.plain | hi.e2 | hi.dash} << 16;
                care |= std::uint64_t{hi.e2 | hi.quote_dot} << 16;
                window = 32;
            }
            unsigned at = 0;     // a plain byte: a word begins here
            bool rules = false;  // that word is read by the rules below
            for (;;) {
                const unsigned stop = static_cast<unsigned>(std::countr_zero(~(plain >> at))) + at;
                if (stop >= window || ((care >> stop) & 1u)) {
                    // Past the window: again from a window at the word, unless it
                    // began this one (a word of 16 bytes or more).
                    rules = stop < window || at == 0;
                    break;
                }
                out.emplace_back(i + at, i + stop);
                const std::uint64_t rest = begins >> stop;
                // Only bytes to skip left, or a hyphen or 0xE2 next: the loop goes on there.
                at = rest == 0 ? window : stop + static_cast<unsigned>(std::countr_zero(rest));
                if (at == window || !((plain >> at) & 1u)) break;
            }
            i += at;
            if (!rules) continue;
        }
#endif
        const unsigned char c = byte(i);
        // punct_utf8_len is 0 unless the byte is 0xE2, a word byte.
        if (!word_byte(c)) {  // '-'
            out.emplace_back(i, i + 1);
            ++i;
            continue;
        }
        if (c == 0xE2) {
            if (std::size_t p = punct_utf8_len(text, i)) {
                // A right single quote inside a word is an apostrophe: "court’s".
                const bool apostrophe = byte(i + 2) == 0x99 && !out.empty() && out.back().second == i && i + 3 < end &&
                                        word_byte(byte(i + 3));
                if (apostrophe) {
                    std::size_t j = i + 3;
                    while (j < end && word_byte(byte(j)) && !punct_utf8_len(text, j)) ++j;
                    out.back().second = j;
                    i = j;
                    continue;
                }
                i += p;
                continue;
            }
        }
        std::size_t j = i;
        for (;;) {
            // Letters, digits and UTF-8 bytes other than 0xE2: the bulk of a word.
            j = static_cast<std::size_t>(skip_plain(t + j, t + end) - t);
            if (j >= end) break;
            const unsigned char d = byte(j);
            if (d == 0xE2) {
                if (punct_utf8_len(text, j)) break;
                ++j;
                continue;
            }
            // Most words end at a space or a comma: only an apostrophe or a dot may go on.
            if (d != '\'' && d != '.') break;
            const bool next_word = j + 1 < end && word_byte(byte(j + 1));
            if (d == '\'' && next_word) {
                ++j;
                continue;
            }
            // "U.N." and "U.S.": a dot between single letters, and the final dot.
            if (d == '.' && j >= i + 1 &&
                ((j + 2 <= end && next_word && (j + 2 == end || !word_byte(byte(j + 2)) || t[j + 2] == '.')) ||
                 (j >= 2 && t[j - 2] == '.'))) {
                // Accept "X.Y." shapes only: letters alternate with dots.
                const std::size_t len = j - i;
                if (len == 1 || (len >= 3 && t[j - 2] == '.')) {
                    ++j;
                    continue;
                }
            }
            break;
        }
        // Drop a trailing dot unless it closes an initialism ("U.N.").
        if (j > i && t[j - 1] == '.' && !(j - i >= 4 && t[j - 3] == '.')) --j;
        out.emplace_back(i, j);
        i = j;
    }
}

}  // namespace dateline
