// A fast reader for the JSON of data/ files: the start-up of every command reads
// some 230 KB of it (gazetteers, event types, word lists).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::data_json {

/// One token of a JSON text, in document order.
struct Token {
    enum class Kind : std::uint8_t {
        begin_object, end_object, begin_array, end_array,
        key, string,                    // `text`: the decoded string
        number_integer, number_unsigned, number_float,  // `text`: the number as written
        boolean, null,
    };
    Kind kind = Kind::null;
    bool flag = false;  // boolean: its value
    std::string_view text;
    union {
        std::int64_t integer;
        std::uint64_t unsigned_integer;
        double floating;
    } number{0};
};

/// The tokens of a JSON text, or false (with `out` in an unspecified state) when
/// `text` is not JSON, or has something this reader leaves to nlohmann: a
/// byte-order mark, or a number out of range of its kind. The caller then reads
/// the text with nlohmann::json, whose error message tells what and where.
///
/// Strict RFC 8259, as nlohmann's parser is: one value, whitespace around it
/// (space, tab, CR, LF), strings in well-formed UTF-8 with no control character,
/// the escapes \" \\ \/ \b \f \n \r \t \uXXXX (surrogate pairs joined; a lone
/// surrogate is an error). Numbers are read as nlohmann reads them: integers
/// with a minus as `number_integer`, without as `number_unsigned`, others (a
/// fraction or an exponent) as `number_float`.
///
/// String views point into `text` when the string has no escape, else into
/// `decoded` (reserved to text.size() here, so that it never moves): both must
/// outlive the tokens.
bool tokenize(std::string_view text, std::vector<Token>& out, std::string& decoded);

/// Hands the tokens to a handler with nlohmann's SAX interface (start_object,
/// key, string, number_float, ...): what nlohmann::json::sax_parse would call
/// on the same text. Stops when the handler returns false; returns that. A
/// handler with key(std::string_view) and string(std::string_view) gets views.
template <typename Sax>
bool replay(const std::vector<Token>& tokens, Sax& sax) {
    std::string s;  // the handler takes strings by non-const reference
    using K = Token::Kind;
    for (const Token& t : tokens) {
        bool ok = true;
        switch (t.kind) {
            case K::begin_object: ok = sax.start_object(static_cast<std::size_t>(-1)); break;
            case K::end_object: ok = sax.end_object(); break;
            case K::begin_array: ok = sax.start_array(static_cast<std::size_t>(-1)); break;
            case K::end_array: ok = sax.end_array(); break;
            case K::key:
                if constexpr (requires { sax.key(t.text); }) {
                    ok = sax.key(t.text);  // a handler that takes a view: no copy
                } else {
                    s.assign(t.text);
                    ok = sax.key(s);
                }
                break;
            case K::string:
                if constexpr (requires { sax.string(t.text); }) {
                    ok = sax.string(t.text);
                } else {
                    s.assign(t.text);
                    ok = sax.string(s);
                }
                break;
            case K::number_integer: ok = sax.number_integer(t.number.integer); break;
            case K::number_unsigned: ok = sax.number_unsigned(t.number.unsigned_integer); break;
            case K::number_float: s.assign(t.text); ok = sax.number_float(t.number.floating, s); break;
            case K::boolean: ok = sax.boolean(t.flag); break;
            case K::null: ok = sax.null(); break;
        }
        if (!ok) return false;
    }
    return true;
}

/// `text` as a nlohmann::json document: built from our tokens when tokenize takes
/// the text, else by nlohmann::json::parse, which throws its parse_error (naming
/// the line and column) as it did before this reader.
nlohmann::json parse(const std::string& text);

}  // namespace dateline::data_json
