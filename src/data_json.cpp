// data_json::tokenize: a strict JSON tokenizer for the data/ files (see data_json.hpp).
#include "data_json.hpp"

#include "text_util.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <system_error>

namespace dateline::data_json {
namespace {

using K = Token::Kind;

inline Token token(K kind) {
    Token t;
    t.kind = kind;
    return t;
}

// JSON's whitespace: space, tab, LF, CR (all below 0x21: one compare for most bytes).
inline bool is_space(char c) {
    return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
}
inline void skip_space(const char*& p, const char* e) {
    while (p < e && is_space(*p)) ++p;
}

// The string whose opening quote is at p: its decoded value in `value`, p past
// the closing quote. False on anything that is not a JSON string.
bool read_string(const char*& p, const char* e, std::string_view& value, std::string& decoded) {
    const char* const start = ++p;
    // Most strings: no escape, the value is the bytes.
    for (;;) {
#if defined(__SSE2__)
        // Sixteen bytes at a time up to a quote, a backslash, a control character or a non-ASCII byte.
        while (e - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const __m128i special = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));  // signed: below 0x20, or 0x80 and above
            const int mask = _mm_movemask_epi8(special);
            if (mask != 0) {
                p += __builtin_ctz(static_cast<unsigned>(mask));
                break;
            }
            p += 16;
        }
#endif
        if (p >= e) return false;
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"') {
            value = std::string_view(start, static_cast<std::size_t>(p - start));
            ++p;
            return true;
        }
        if (c == '\\') break;
        if (c < 0x20) return false;
        if (c < 0x80) {
            ++p;
            continue;
        }
        const std::size_t n = utf8_sequence(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(e));
        if (n == 0) return false;
        p += n;
    }
    // An escape: the value is built in `decoded` (which never reallocates: its room is
    // the whole text, more than all its strings decoded).
    const std::size_t at = decoded.size();
    decoded.append(start, p);
    while (p < e) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c == '"') {
            value = std::string_view(decoded.data() + at, decoded.size() - at);
            ++p;
            return true;
        }
        if (c < 0x20) return false;
        if (c >= 0x80) {
            const std::size_t n = utf8_sequence(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(e));
            if (n == 0) return false;
            decoded.append(p, n);
            p += n;
            continue;
        }
        if (c != '\\') {
            decoded += static_cast<char>(c);
            ++p;
            continue;
        }
        const std::size_t used = decode_json_escape(++p, e, decoded);
        if (used == 0) return false;
        p += used;
    }
    return false;
}

// The number at p (a '-' or a digit): its token, p past it. False if it is not
// a JSON number or if its value is out of range of a double.
bool read_number(const char*& p, const char* e, Token& t) {
    const char* const start = p;
    const bool minus = *p == '-';
    if (minus) ++p;
    if (p == e || *p < '0' || *p > '9') return false;
    std::uint64_t magnitude = 0;
    bool overflow = false;
    if (*p == '0') {
        ++p;
    } else {
        while (p < e && *p >= '0' && *p <= '9') {
            const std::uint64_t d = static_cast<std::uint64_t>(*p - '0');
            if (magnitude > (UINT64_MAX - d) / 10) overflow = true;
            else magnitude = magnitude * 10 + d;
            ++p;
        }
    }
    bool is_float = false;
    if (p < e && *p == '.') {
        ++p;
        if (p == e || *p < '0' || *p > '9') return false;
        while (p < e && *p >= '0' && *p <= '9') ++p;
        is_float = true;
    }
    if (p < e && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < e && (*p == '+' || *p == '-')) ++p;
        if (p == e || *p < '0' || *p > '9') return false;
        while (p < e && *p >= '0' && *p <= '9') ++p;
        is_float = true;
    }
    t.text = std::string_view(start, static_cast<std::size_t>(p - start));
    if (!is_float && !overflow) {
        if (!minus) {
            t.kind = K::number_unsigned;
            t.number.unsigned_integer = magnitude;
            return true;
        }
        if (magnitude <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
            t.kind = K::number_integer;
            t.number.integer = magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1
                                   ? INT64_MIN
                                   : -static_cast<std::int64_t>(magnitude);
            return true;
        }
    }
    // A fraction, an exponent, or an integer too large for its kind: a double, as
    // nlohmann reads it (correctly rounded).
    double v = 0;
    const auto [end, ec] = std::from_chars(start, p, v);
    if (ec != std::errc() || end != p) return false;
    t.kind = K::number_float;
    t.number.floating = v;
    return true;
}

bool read_literal(const char*& p, const char* e, std::string_view word) {
    if (static_cast<std::size_t>(e - p) < word.size() || std::string_view(p, word.size()) != word) return false;
    p += word.size();
    return true;
}

}  // namespace

bool tokenize(std::string_view text, std::vector<Token>& out, std::string& decoded) {
    out.clear();
    out.reserve(text.size() / 8);
    decoded.clear();
    decoded.reserve(text.size());
    const char* p = text.data();
    const char* const e = p + text.size();
    std::vector<char> open;  // the containers open: 'o' object, 'a' array
    enum class Want { value, key, after_value } want = Want::value;
    for (;;) {
        skip_space(p, e);
        if (want == Want::after_value) {
            if (open.empty()) return p == e;
            if (p == e) return false;
            const char c = *p++;
            if (c == ',') {
                want = open.back() == 'o' ? Want::key : Want::value;
            } else if (c == (open.back() == 'o' ? '}' : ']')) {
                out.push_back(token(open.back() == 'o' ? K::end_object : K::end_array));
                open.pop_back();
            } else {
                return false;
            }
            continue;
        }
        if (p == e) return false;
        if (want == Want::key) {
            if (*p != '"') return false;
            Token t = token(K::key);
            if (!read_string(p, e, t.text, decoded)) return false;
            out.push_back(t);
            skip_space(p, e);
            if (p == e || *p != ':') return false;
            ++p;
            want = Want::value;
            continue;
        }
        // A value.
        Token t;
        switch (*p) {
            case '{':
            case '[': {
                const bool object = *p == '{';
                ++p;
                out.push_back(token(object ? K::begin_object : K::begin_array));
                skip_space(p, e);
                if (p < e && *p == (object ? '}' : ']')) {
                    ++p;
                    out.push_back(token(object ? K::end_object : K::end_array));
                    want = Want::after_value;
                } else {
                    open.push_back(object ? 'o' : 'a');
                    want = object ? Want::key : Want::value;
                }
                continue;
            }
            case '"':
                t.kind = K::string;
                if (!read_string(p, e, t.text, decoded)) return false;
                break;
            case 't':
                if (!read_literal(p, e, "true")) return false;
                t.kind = K::boolean;
                t.flag = true;
                break;
            case 'f':
                if (!read_literal(p, e, "false")) return false;
                t.kind = K::boolean;
                break;
            case 'n':
                if (!read_literal(p, e, "null")) return false;
                t.kind = K::null;
                break;
            default:
                if (*p != '-' && (*p < '0' || *p > '9')) return false;
                if (!read_number(p, e, t)) return false;
                break;
        }
        out.push_back(t);
        want = Want::after_value;
    }
}

nlohmann::json parse(const std::string& text) {
    std::vector<Token> tokens;
    std::string decoded;
    if (!tokenize(text, tokens, decoded)) return nlohmann::json::parse(text);
    nlohmann::json doc;
    nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder(doc, true);
    replay(tokens, builder);
    return doc;
}

}  // namespace dateline::data_json
