// Tests for the gazetteer: loading, longest match, metonyms, demonyms, nouns, overrides.
#include "dateline/gazetteer.hpp"

#include "dateline/error.hpp"
#include "text_util.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace dateline;

namespace {

std::vector<std::string> matched(const Gazetteer& g, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& m : g.match(text, 0, text.size())) {
        std::string s = text.substr(m.begin, m.end - m.begin) + "=";
        for (const auto& r : m.refs)
            s += (r.kind == GazetteerRef::Kind::actor ? g.actors()[r.index].name : g.places()[r.index].name) + ";";
        out.push_back(s);
    }
    return out;
}

const Gazetteer& builtin() {
    static const Gazetteer g(DataFiles::builtin());
    return g;
}

// Each word's place among `keys` (1-based), 0 for none: what the extractor's
// look-up hands match_entries.
std::vector<std::uint32_t> entries_of(const std::string& text,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& words,
                                      const std::vector<std::string_view>& keys) {
    std::vector<std::uint32_t> entries(words.size(), 0);
    for (std::size_t k = 0; k < words.size(); ++k)
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (lower(text.substr(words[k].first, words[k].second - words[k].first)) == keys[i])
                entries[k] = static_cast<std::uint32_t>(i + 1);
    return entries;
}

// Two match lists agree entry by entry: bytes, references (the same entries
// of the gazetteer, not copies) and words.
void check_same_matches(const std::vector<GazetteerMatch>& got, const std::vector<GazetteerMatch>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].begin == want[i].begin);
        CHECK(got[i].end == want[i].end);
        CHECK(got[i].refs.data() == want[i].refs.data());
        CHECK(got[i].refs.size() == want[i].refs.size());
        CHECK(got[i].word == want[i].word);
        CHECK(got[i].word_end == want[i].word_end);
    }
}

}  // namespace

TEST_CASE("the longest name wins: the United Nations Supreme Court is the ICJ, not the UN") {
    auto m = matched(builtin(), "with the United Nations Supreme Court on Wednesday");
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "United Nations Supreme Court=International Court of Justice;");
}

TEST_CASE("match_entries, given each word's place among index_keys, finds what match finds") {
    const auto& g = builtin();
    const auto keys = g.index_keys();
    const std::string text =
        "Azerbaijan's President Ilham Aliyev said the United Nations Supreme Court in The Hague erred; "
        "the court and Yerevan's officials, Russian-brokered talks in BAKU, the enclave, U.N. envoys.";
    const auto words = split_words(text, 0, text.size());
    const auto entries = entries_of(text, words, keys);
    std::vector<GazetteerMatch> got;
    g.match_entries(text, words, entries, got);
    const auto want = g.match(text, words);
    CHECK(want.size() >= 8);
    check_same_matches(got, want);
    // A match's words are those the extractor used to find from its bytes: the
    // word that begins at `begin`, up to the first word that begins at or after `end`.
    for (const auto& m : got) {
        std::size_t k = 0;
        while (k < words.size() && words[k].second <= m.begin) ++k;
        std::size_t k_end = k;
        while (k_end < words.size() && words[k_end].first < m.end) ++k_end;
        CHECK(words[k].first == m.begin);
        CHECK(m.word == k);
        CHECK(m.word_end == k_end);
    }
}

TEST_CASE("a capital is both its state, by metonymy, and a city") {
    const auto& g = builtin();
    const std::string text = "Baku denies it";
    auto ms = g.match(text, 0, text.size());
    REQUIRE(ms.size() == 1);
    bool actor = false, place = false;
    for (const auto& r : ms[0].refs) {
        if (r.kind == GazetteerRef::Kind::actor) {
            actor = true;
            CHECK(g.actors()[r.index].name == "Azerbaijan");
            CHECK(r.how == GazetteerRef::How::metonym);
        } else {
            place = true;
            CHECK(g.places()[r.index].name == "Baku");
        }
    }
    CHECK(actor);
    CHECK(place);
}

TEST_CASE("demonyms, possessives and hyphenated compounds find their actor") {
    auto m = matched(builtin(), "Azerbaijani activists and Armenia's forces in a Russian-brokered deal");
    REQUIRE(m.size() >= 3);
    CHECK(m[0].starts_with("Azerbaijani=Azerbaijan;"));
    CHECK(m[1].find("=Armenia;") != std::string::npos);
    CHECK(m[1].starts_with("Armenia"));
    CHECK(m[2].starts_with("Russian=Russia;"));
}

TEST_CASE("names do not match inside other words or in the wrong case") {
    CHECK(matched(builtin(), "the iranian-made chairs in Ukrainesque style").empty());
    CHECK(matched(builtin(), "a turkey dinner").empty());
}

TEST_CASE("a noun matches only after 'the' and lists every entry that has it") {
    const auto& g = builtin();
    const std::string text = "the court said; a court said";
    auto ms = g.match(text, 0, text.size());
    REQUIRE(ms.size() == 1);
    CHECK(text.substr(ms[0].begin, ms[0].end - ms[0].begin) == "the court");
    CHECK(ms[0].refs.front().how == GazetteerRef::How::noun);
    CHECK(ms[0].refs.size() >= 2);
}

TEST_CASE("a user's gazetteer file adds entries and aliases to the built-in ones") {
    DataFiles files = DataFiles::builtin();
    files.set("gazetteer/~user.json", R"({"actors": [{"name": "Azerbaijan", "aliases": ["Land of Fire"]},
        {"name": "Example Militia", "kind": "group", "aliases": ["the Militia"]}],
        "places": [{"name": "Test Valley", "kind": "region", "lat": 40.1, "lon": 45.2}]})");
    Gazetteer g(files);
    auto m = matched(g, "The Land of Fire and the Militia met in Test Valley");
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "Land of Fire=Azerbaijan;");
    CHECK(m[1] == "Militia=Example Militia;");
    CHECK(m[2] == "Test Valley=Test Valley;");
    auto i = g.find_place("Test Valley");
    REQUIRE(i);
    CHECK(g.places()[*i].lat == doctest::Approx(40.1));
}

TEST_CASE("a malformed gazetteer file throws DataError naming the file") {
    DataFiles files = DataFiles::builtin();
    files.set("gazetteer/~bad.json", R"({"places": [{"name": "X", "lat": 123}]})");
    CHECK_THROWS_WITH_AS(Gazetteer{files}, doctest::Contains("~bad.json"), DataError);
    files.set("gazetteer/~bad.json", "{oops");
    CHECK_THROWS_AS(Gazetteer{files}, DataError);
}

TEST_CASE("a gazetteer file's fields may come in any order; unknown keys of any shape are skipped") {
    DataFiles files = DataFiles::builtin();
    files.set("gazetteer/~order.json", R"({
        "notes": {"nested": [1, {"deep": [true, null]}], "x": "y"},
        "actors": [{"aliases": ["Order Test Force"], "extra": [[1], {"a": 2}], "kind": "group", "name": "Order Test"}],
        "places": [{"lon": 44.5, "aliases": ["Order Vale"], "lat": -40, "name": "Order Valley", "country": null}],
        "conflicts": [{"places": ["Order Valley"], "parties": ["Order Test", "Armenia"], "name": "Order conflict"}],
        "about": "ignored"})");
    const Gazetteer g{files};
    auto a = g.find_actor("Order Test");
    REQUIRE(a);
    CHECK(g.actors()[*a].kind == "group");
    CHECK(g.actors()[*a].aliases == std::vector<std::string>{"Order Test Force"});
    auto p = g.find_place("Order Valley");
    REQUIRE(p);
    CHECK(g.places()[*p].lat == doctest::Approx(-40));
    CHECK(g.places()[*p].lon == doctest::Approx(44.5));
    CHECK(g.places()[*p].aliases == std::vector<std::string>{"Order Vale"});
    bool found = false;
    for (const auto& c : g.conflicts())
        if (c.name == "Order conflict") {
            found = true;
            CHECK(c.parties == std::vector<std::string>{"Order Test", "Armenia"});
            CHECK(c.places == std::vector<std::string>{"Order Valley"});
        }
    CHECK(found);
}

TEST_CASE("each kind of bad gazetteer entry gets its own message naming the file and entry") {
    const std::pair<const char*, const char*> cases[] = {
        {R"([1, 2])", "expected an object with actors/places/conflicts"},
        {R"("text")", "expected an object with actors/places/conflicts"},
        {R"({"actors": {"name": "X"}})", "\"actors\" must be an array of entries"},
        {R"({"places": "X"})", "\"places\" must be an array of entries"},
        {R"({"actors": ["X"]})", "every actor needs a non-empty \"name\""},
        {R"({"actors": [["X"]]})", "every actor needs a non-empty \"name\""},
        {R"({"actors": [{"kind": "state"}]})", "every actor needs a non-empty \"name\""},
        {R"({"actors": [{"name": ""}]})", "every actor needs a non-empty \"name\""},
        {R"({"places": [{"name": 5}]})", "every place needs a non-empty \"name\""},
        {R"({"actors": [{"name": "X", "kind": 3}]})", "entry 'X': \"kind\" must be a string"},
        {R"({"actors": [{"aliases": "Y", "name": "X"}]})", "entry 'X': \"aliases\" must be an array of strings"},
        {R"({"actors": [{"name": "X", "metonyms": ["a", 1]}]})", "entry 'X': \"metonyms\" must hold strings"},
        {R"({"conflicts": [{"name": "X", "parties": [["a"]]}]})", "entry 'X': \"parties\" must hold strings"},
        {R"({"places": [{"name": "X", "lat": 91}]})", "place 'X': \"lat\" must be a number within ±90"},
        {R"({"places": [{"name": "X", "lon": "east"}]})", "place 'X': \"lon\" must be a number within ±180"},
        {R"({"actors": [{"name": "X"})", "malformed JSON"},
        {"", "malformed JSON"},
    };
    for (const auto& c : cases) {
        const char* text = c.first;  // not a structured binding: clang 14 cannot capture one in INFO
        const char* message = c.second;
        INFO(text);
        DataFiles files = DataFiles::builtin();
        files.set("gazetteer/~bad.json", text);
        CHECK_THROWS_WITH_AS(Gazetteer{files}, doctest::Contains("~bad.json: "), DataError);
        CHECK_THROWS_WITH_AS(Gazetteer{files}, doctest::Contains(message), DataError);
    }
}

TEST_CASE("the built-in gazetteer covers the South Caucasus and the world's states") {
    const auto& g = builtin();
    for (const char* name : {"Azerbaijan", "Armenia", "Russia", "International Court of Justice", "OSCE Minsk Group",
                             "European Union", "Ukraine", "Brazil", "Japan"})
        CHECK_MESSAGE(g.find_actor(name).has_value(), name);
    for (const char* name : {"Nagorno-Karabakh", "Lachin corridor", "Stepanakert", "Shusha"}) {
        auto i = g.find_place(name);
        REQUIRE_MESSAGE(i.has_value(), name);
        CHECK(g.places()[*i].lat.has_value());
    }
    CHECK(g.actors().size() > 190);
    CHECK_FALSE(g.conflicts().empty());
}

TEST_CASE("match_entries over the listed candidate words finds what it finds over every word") {
    const auto& g = builtin();
    const auto keys = g.index_keys();
    const std::vector<std::string> texts = {
        "Azerbaijan's President Ilham Aliyev said the United Nations Supreme Court in The Hague erred; "
        "the court and Yerevan's officials, Russian-brokered talks in BAKU, the enclave, U.N. envoys.",
        "AZERBAIJAN'S troops and Armenia\xE2\x80\x99s army; the Kremlin\xE2\x80\x99S aides met the ministry's "
        "envoys, the court's ruling, the court\xE2\x80\x99s judges, the ICJ's judges in the Hague's Peace Palace.",
        "the the court court's 's s's Russia Russians Russia's the enclave's the United States's the U.S.'s"};
    for (const std::string& text : texts) {
        const auto words = split_words(text, 0, text.size());
        const auto entries = entries_of(text, words, keys);
        // The candidates as the header states them: an entry, or a possessive.
        std::vector<std::uint32_t> candidates;
        for (std::size_t k = 0; k < words.size(); ++k) {
            const std::string w = text.substr(words[k].first, words[k].second - words[k].first);
            const bool possessive = (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) ||
                                    (w.size() > 4 && w.ends_with("\xE2\x80\x99s"));
            if (entries[k] != 0 || possessive) candidates.push_back(static_cast<std::uint32_t>(k));
        }
        CHECK(candidates.size() < words.size());
        std::vector<GazetteerMatch> all, listed;
        g.match_entries(text, words, entries, all);
        g.match_entries(text, words, entries, candidates, listed);
        CHECK(all.size() >= 5);
        check_same_matches(listed, all);
    }
}
