// Tests for the gazetteer: loading, longest match, metonyms, demonyms, nouns, overrides.
#include "dateline/gazetteer.hpp"

#include "dateline/error.hpp"

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

}  // namespace

TEST_CASE("the longest name wins: the United Nations Supreme Court is the ICJ, not the UN") {
    auto m = matched(builtin(), "with the United Nations Supreme Court on Wednesday");
    REQUIRE(m.size() == 1);
    CHECK(m[0] == "United Nations Supreme Court=International Court of Justice;");
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
