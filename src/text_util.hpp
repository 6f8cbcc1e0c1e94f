// Internal text helpers shared by the extractor stages: ASCII case, word splitting.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

inline char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// Eight bytes lower-cased in a register (ASCII, as lower_char on each).
[[gnu::always_inline]] inline std::uint64_t lower8(std::uint64_t x) {
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const std::uint64_t low7 = x & ~highs;
    // High bit of a byte: its low seven bits are >= 'A', <= 'Z'; the byte itself < 0x80.
    const std::uint64_t upper = (low7 + (0x80 - 'A') * ones) & ~(low7 + (0x80 - 'Z' - 1) * ones) & ~x & highs;
    return x | (upper >> 2);  // 0x80 >> 2 == 'a' - 'A'
}

/// `n` bytes of `from` lower-cased (ASCII, as lower_char) into `to`, eight at a time.
inline void lower_into(const char* from, std::size_t n, char* to) {
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x;
        std::memcpy(&x, from + i, 8);
        x = lower8(x);
        std::memcpy(to + i, &x, 8);
    }
    for (; i < n; ++i) to[i] = lower_char(from[i]);
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_char(c);
    return out;
}

/// A hash of `s` lower-cased (ASCII, as lower_char): equal for words that are
/// equal_ci. Eight bytes at a time, lower-cased in a register: the look-up
/// tables of words hash every word of a text with it.
template <bool Lower>
[[gnu::always_inline]] inline std::uint64_t hash_of(std::string_view s) {
    auto mix = [](std::uint64_t h, std::uint64_t x) {
        h = (h ^ x) * 0x9E3779B97F4A7C15ull;
        return h ^ (h >> 29);
    };
    auto load = [](const char* at, std::size_t bytes) {
        std::uint64_t x = 0;
        std::memcpy(&x, at, bytes);
        return x;
    };
    auto fold = [](std::uint64_t x) {
        if constexpr (Lower) return lower8(x);
        else return x;
    };
    std::uint64_t h = 0x84222325CBF29CE4ull ^ s.size();
    const char* p = s.data();
    const std::size_t n = s.size();
    // Whole blocks of eight, then the last eight bytes (overlapping the block
    // before); a short word as two overlapping halves or three of its bytes.
    if (n >= 8) {
        std::size_t left = n;
        for (; left > 8; p += 8, left -= 8) h = mix(h, fold(load(p, 8)));
        h = mix(h, fold(load(s.data() + n - 8, 8)));
    } else if (n >= 4) {
        h = mix(h, fold(load(p, 4) | (load(p + n - 4, 4) << 32)));
    } else if (n > 0) {
        const auto byte = [&](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
        h = mix(h, fold(byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16)));
    }
    return h;
}

[[gnu::always_inline]] inline std::uint64_t hash_lower(std::string_view s) { return hash_of<true>(s); }
/// hash_lower(s) for `s` that is lower-case (ASCII) already: the same value,
/// without lower-casing it again.
[[gnu::always_inline]] inline std::uint64_t hash_lowered(std::string_view s) { return hash_of<false>(s); }

/// a == b for words (a few bytes): inline, where operator== calls memcmp.
/// Eight bytes at a time, the last eight (or four) overlapping the ones before.
[[gnu::always_inline]] inline bool same_bytes(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    auto load8 = [](const char* at) {
        std::uint64_t x;
        std::memcpy(&x, at, 8);
        return x;
    };
    auto load4 = [](const char* at) {
        std::uint32_t x;
        std::memcpy(&x, at, 4);
        return x;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8)
            if (load8(a.data() + i) != load8(b.data() + i)) return false;
        return load8(a.data() + n - 8) == load8(b.data() + n - 8);
    }
    if (n >= 4) return load4(a.data()) == load4(b.data()) && load4(a.data() + n - 4) == load4(b.data() + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
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

/// `h` as 16 lower-case hex digits into `out` (most significant first), the
/// nibbles spread into bytes and turned into digits eight at a time.
inline void write_hex16(std::uint64_t h, char* out) {
    auto eight = [](std::uint32_t x) {
        std::uint64_t v = x;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFull;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFull;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0Full;  // nibble i of x in byte i
        // Most significant first in memory.
        if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
        const std::uint64_t letters = ((v + 0x0606060606060606ull) >> 4) & 0x0101010101010101ull;  // nibble > 9
        return v + 0x3030303030303030ull + letters * ('a' - '0' - 10);
    };
    const std::uint64_t hi = eight(static_cast<std::uint32_t>(h >> 32)), lo = eight(static_cast<std::uint32_t>(h));
    std::memcpy(out, &hi, 8);
    std::memcpy(out + 8, &lo, 8);
}

inline bool is_capitalised(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }

/// "Azerbaijan's" -> "Azerbaijan" (ASCII or U+2019 apostrophe); other words unchanged.
[[gnu::always_inline]] inline std::string_view strip_possessive(std::string_view w) {
    // Most words end in neither form: one byte tells.
    if (w.size() <= 2 || (w.back() != 's' && w.back() != 'S')) return w;
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
/// The same appended to `out` (not cleared). The words are those of split_words(text,
/// begin, end) whatever `out` holds, provided no word in `out` ends at `begin` or later
/// (a right single quote at `begin` would join it): a caller splits a sentence piece by
/// piece between spaces this way.
void append_words(std::string_view text, std::size_t begin, std::size_t end, std::vector<std::pair<std::size_t, std::size_t>>& out);

/// Length of the well-formed UTF-8 sequence of more than one byte at p (p <
/// end, *p >= 0x80), 0 if there is none (Unicode table 3-7: no overlong form,
/// no surrogate, nothing above U+10FFFF): the sequences nlohmann accepts.
inline std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = p[0];
    const std::size_t avail = static_cast<std::size_t>(end - p);
    auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return i < avail && p[i] >= lo && p[i] <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

/// Appends code point `cp` (at most U+10FFFF, not a surrogate) as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The value of the four hex digits at p (a JSON \u escape's), or -1 when
/// fewer than four bytes remain before `end` or one is not a hex digit.
inline long hex4(const char* p, const char* end) {
    if (end - p < 4) return -1;
    long v = 0;
    for (int k = 0; k < 4; ++k) {
        const char c = p[k];
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -1;
        v = v * 16 + d;
    }
    return v;
}

/// The JSON escape whose backslash is just before p (p <= end): appends its
/// value to `out` as UTF-8 and returns how many bytes after the backslash it
/// took (1; 5 for \\uXXXX; 11 for a surrogate pair), or 0 when JSON does not
/// allow it (an unknown letter, a bad hex digit, a lone surrogate).
inline std::size_t decode_json_escape(const char* p, const char* end, std::string& out) {
    if (p == end) return 0;
    switch (*p) {
        case '"': out += '"'; return 1;
        case '\\': out += '\\'; return 1;
        case '/': out += '/'; return 1;
        case 'b': out += '\b'; return 1;
        case 'f': out += '\f'; return 1;
        case 'n': out += '\n'; return 1;
        case 'r': out += '\r'; return 1;
        case 't': out += '\t'; return 1;
        case 'u': break;
        default: return 0;
    }
    long cp = hex4(p + 1, end);
    if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return 0;  // not hex, or a low surrogate first
    std::size_t used = 5;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (end - p < 11 || p[5] != '\\' || p[6] != 'u') return 0;
        const long low = hex4(p + 7, end);
        if (low < 0xDC00 || low > 0xDFFF) return 0;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        used = 11;
    }
    append_utf8(out, static_cast<std::uint32_t>(cp));
    return used;
}

}  // namespace dateline
