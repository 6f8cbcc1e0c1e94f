// Tests for data_json, the fast reader of the data/ files: it must hand a SAX
// handler what nlohmann's parser would, and turn away what nlohmann rejects.
#include "data_json.hpp"

#include "dateline/error.hpp"
#include "dateline/gazetteer.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace dateline;
using nlohmann::json;

namespace {

// Every SAX event as a line of text.
struct Recorder {
    std::vector<std::string> events;
    bool null() { return add("null"); }
    bool boolean(bool v) { return add(v ? "true" : "false"); }
    bool number_integer(json::number_integer_t v) { return add("int " + std::to_string(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return add("uint " + std::to_string(v)); }
    bool number_float(json::number_float_t v, const std::string& s) { return add("float " + json(v).dump() + " " + s); }
    bool string(std::string& v) { return add("string " + v); }
    bool binary(json::binary_t&) { return add("binary"); }
    bool start_object(std::size_t n) { return add("{" + std::to_string(n)); }
    bool end_object() { return add("}"); }
    bool start_array(std::size_t n) { return add("[" + std::to_string(n)); }
    bool end_array() { return add("]"); }
    bool key(std::string& k) { return add("key " + k); }
    bool parse_error(std::size_t, const std::string&, const json::exception&) { return add("error"), false; }
    bool add(std::string s) {
        events.push_back(std::move(s));
        return true;
    }
};

std::vector<std::string> ours(const std::string& text) {
    std::vector<data_json::Token> tokens;
    std::string decoded;
    REQUIRE(data_json::tokenize(text, tokens, decoded));
    Recorder r;
    CHECK(data_json::replay(tokens, r));
    return r.events;
}

std::vector<std::string> nlohmanns(const std::string& text) {
    Recorder r;
    CHECK(json::sax_parse(text, &r));
    return r.events;
}

}  // namespace

TEST_CASE("data_json gives a handler the events nlohmann gives") {
    const char* docs[] = {
        R"({"actors": [{"name": "X", "aliases": ["a", "b"], "lat": 1.5, "n": -3, "m": 7}], "e": {}, "f": []})",
        R"([true, false, null, 0, -0, 1e3, 2.5E-2, -1.25e+2, 123456789012345678])",
        R"("just a string")",
        " \t\r\n 42 \n",
        R"({"esc": "q\" b\\ s\/ \b\f\n\r\t end", "u": "caf\u00e9 \u00E9\u4e2d \ud83d\ude00 \u0041"})",
        "{\"raw\": \"caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80 \xc2\xb1\"}",
        R"({"big": 18446744073709551615, "bigger": 18446744073709551616, "low": -9223372036854775808, "lower": -9223372036854775809})",
        R"([[[[{"a": [{"b": {}}]}]]], {}, [], ""])",
        R"({"dup": 1, "dup": 2})",
    };
    for (const char* doc : docs) {
        INFO(doc);
        CHECK(ours(doc) == nlohmanns(doc));
    }
}

TEST_CASE("data_json decodes escapes and keeps UTF-8 as it is") {
    std::vector<data_json::Token> tokens;
    std::string decoded;
    REQUIRE(data_json::tokenize(R"(["a\"b", "caf\u00e9", "\ud83d\ude00", "plain", "Baku\n"])", tokens, decoded));
    REQUIRE(tokens.size() == 7);
    CHECK(tokens[1].text == "a\"b");
    CHECK(tokens[2].text == "caf\xc3\xa9");
    CHECK(tokens[3].text == "\xf0\x9f\x98\x80");
    CHECK(tokens[4].text == "plain");
    CHECK(tokens[5].text == "Baku\n");
    using K = data_json::Token::Kind;
    REQUIRE(data_json::tokenize("[1, -2, 3.5]", tokens, decoded));
    CHECK(tokens[1].kind == K::number_unsigned);
    CHECK(tokens[1].number.unsigned_integer == 1);
    CHECK(tokens[2].kind == K::number_integer);
    CHECK(tokens[2].number.integer == -2);
    CHECK(tokens[3].kind == K::number_float);
    CHECK(tokens[3].number.floating == 3.5);
    CHECK(tokens[3].text == "3.5");
}

TEST_CASE("data_json turns away what is not JSON, as nlohmann does") {
    const std::string docs[] = {
        "", "   ", "{", "}", "[1, 2", "[1, 2,]", R"({"a": 1,})", R"({"a" 1})", R"({a: 1})", R"({"a": 1} x)", "[1] [2]",
        "01", "1.", "-", "+1", ".5", "1e", "1e+", "tru", "nul", "True", "[NaN]", R"("unterminated)", "\"tab\there\"",
        "\"nl\nhere\"", R"("bad \x escape")", R"("\u12")", R"("\u12G4")", R"("\ud83d")", R"("\ude00")",
        R"("\ud83d\u0041")", "\"\x80\"", "\"\xc3\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
        "\"\xff\"", std::string("[1,\0 2]", 7), "['single']", "[1e400]",
    };
    for (const std::string& doc : docs) {
        INFO(doc);
        std::vector<data_json::Token> tokens;
        std::string decoded;
        CHECK_FALSE(data_json::tokenize(doc, tokens, decoded));
        // nlohmann rejects all but the number out of range (an infinity to it):
        // the loaders hand such a text to nlohmann, whose message is then the one.
        if (doc != "[1e400]") CHECK_THROWS_AS([&] { const json j = json::parse(doc); }(), json::exception);
    }
}

TEST_CASE("a gazetteer read by data_json: escapes and unicode in names, bad input named by file and line") {
    DataFiles files = DataFiles::builtin();
    files.set("gazetteer/~esc.json", R"({"actors": [{"name": "Caf\u00e9 \"Q\" Group", "aliases": ["Zo\u00eb's Men"]}],
        "places": [{"name": "Sm\u00f8rhavn", "lat": 1e1, "lon": -2.5E0}]})");
    const Gazetteer g{files};
    auto a = g.find_actor("Caf\xc3\xa9 \"Q\" Group");
    REQUIRE(a);
    CHECK(g.actors()[*a].aliases == std::vector<std::string>{"Zo\xc3\xab's Men"});
    auto p = g.find_place("Sm\xc3\xb8rhavn");
    REQUIRE(p);
    CHECK(g.places()[*p].lat == 10.0);
    CHECK(g.places()[*p].lon == -2.5);
    const std::string text = "Sm\xc3\xb8rhavn was quiet.";
    const auto m = g.match(text, 0, text.size());
    REQUIRE(m.size() == 1);
    CHECK(m[0].end == text.find(" was"));

    files.set("gazetteer/~esc.json", "{\n  \"actors\": [\n    {\"name\": \"X\",}\n  ]\n}\n");
    CHECK_THROWS_WITH_AS(Gazetteer{files}, doctest::Contains("~esc.json: malformed JSON"), DataError);
    CHECK_THROWS_WITH_AS(Gazetteer{files}, doctest::Contains("line 3"), DataError);
    files.set("gazetteer/~esc.json", "{\"actors\": [{\"name\": \"bad \\q escape\"}]}");
    CHECK_THROWS_WITH_AS(Gazetteer{files}, doctest::Contains("~esc.json: malformed JSON"), DataError);
    files.set("gazetteer/~esc.json", "{\"actors\": [{\"name\": \"bad \xff byte\"}]}");
    CHECK_THROWS_WITH_AS(Gazetteer{files}, doctest::Contains("~esc.json: malformed JSON"), DataError);
}

TEST_CASE("data_json and nlohmann agree on thousands of mangled data files") {
    // A small gazetteer-like text, mangled byte by byte (a fixed seed: the same
    // texts each run): data_json takes a text if and only if nlohmann does, and
    // then gives the same events. (Numbers out of range of a double, which
    // nlohmann reads as infinity and data_json leaves to it, do not arise here:
    // no mangling makes an exponent of three digits from this text.)
    const std::string base = "{\"actors\": [{\"name\": \"Caf\\u00e9 Q\", \"aliases\": [\"A\\\"b\", \"c\xc3\xa9\"], \"n\": -12},\n"
                             " {\"name\": \"X\", \"lat\": 40.5, \"lon\": -1e2, \"ok\": true, \"no\": null}], \"e\": [], \"o\": {}}";
    const char bytes[] = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', '0', '9', '-', 'e', '.', 'u', 'n', 't', '\n',
                          '\x01', '\x80', '\xc3', '\xff', 'd', '8'};
    std::uint32_t seed = 12345;
    auto next = [&](std::uint32_t n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 8) % n;
    };
    int taken = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string doc = base;
        for (int k = 1 + static_cast<int>(next(3)); k > 0; --k) {
            const std::size_t at = next(static_cast<std::uint32_t>(doc.size()));
            const char b = bytes[next(sizeof bytes)];
            switch (next(3)) {
                case 0: doc[at] = b; break;
                case 1: doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), b); break;
                default: doc.erase(at, 1); break;
            }
        }
        std::vector<data_json::Token> tokens;
        std::string decoded;
        const bool ours_ok = data_json::tokenize(doc, tokens, decoded);
        Recorder theirs;
        const bool theirs_ok = json::sax_parse(doc, &theirs);
        INFO(doc);
        REQUIRE(ours_ok == theirs_ok);
        if (!ours_ok) continue;
        ++taken;
        Recorder r;
        data_json::replay(tokens, r);
        CHECK(r.events == theirs.events);
    }
    CHECK(taken > 100);  // some mangled texts are still JSON
}
