// Tests for the event types: loading, CAMEO codes, generated inflections.
#include "dateline/event_types.hpp"

#include "dateline/error.hpp"

#include <doctest/doctest.h>

using namespace dateline;

namespace {

std::optional<std::string> type_of(const EventTypes& t, const std::vector<std::string>& words) {
    const auto* list = t.triggers_starting_with(words.front());
    if (!list) return std::nullopt;
    for (std::size_t i : *list)
        if (t.triggers()[i].words == words) return t.types()[t.triggers()[i].type].name;
    return std::nullopt;
}

}  // namespace

TEST_CASE("every type the issue lists is defined with its CAMEO root") {
    EventTypes t(DataFiles::builtin());
    for (const char* name : {"armed_conflict", "attack", "casualties", "protest", "ceasefire", "agreement", "negotiation",
                             "meeting", "statement", "appeal", "accusation", "legal_ruling", "legal_proceeding",
                             "blockade", "occupation", "territorial_change", "displacement", "humanitarian",
                             "sanctions", "election", "other"})
        CHECK_MESSAGE(t.find(name).has_value(), name);
    CHECK(t.types()[*t.find("protest")].cameo == "14");
    CHECK(t.types()[*t.find("appeal")].cameo == "02");
    CHECK(t.types()[*t.find("armed_conflict")].cameo == "19");
}

TEST_CASE("verb lemmas are inflected and nouns pluralised") {
    EventTypes t(DataFiles::builtin());
    CHECK(type_of(t, {"ordered"}) == "legal_ruling");
    CHECK(type_of(t, {"ordering"}) == "legal_ruling");
    CHECK(type_of(t, {"urges"}) == "appeal");
    CHECK(type_of(t, {"clashes"}) == "armed_conflict");
    CHECK(type_of(t, {"protests"}) == "protest");
    CHECK(type_of(t, {"fled"}) == "displacement");
    CHECK(type_of(t, {"called", "on"}) == "appeal");
    CHECK(type_of(t, {"talks"}) == "negotiation");
    CHECK_FALSE(type_of(t, {"talk"}).has_value());  // "talks" is plural only
}

TEST_CASE("a word that is both verb and noun of a type is one trigger with both readings") {
    EventTypes t(DataFiles::builtin());
    const auto* list = t.triggers_starting_with("blockade");
    REQUIRE(list);
    int found = 0;
    for (std::size_t i : *list)
        if (t.triggers()[i].words == std::vector<std::string>{"blockade"}) {
            ++found;
            CHECK(t.triggers()[i].noun);
            CHECK(t.triggers()[i].verb);
        }
    CHECK(found == 1);
}

TEST_CASE("a malformed types file throws DataError with its name") {
    DataFiles files = DataFiles::builtin();
    files.set("events/types.json", R"({"types": [{"name": "x", "verbs": "not a list"}]})");
    CHECK_THROWS_WITH_AS(EventTypes{files}, doctest::Contains("events/types.json"), DataError);
    files.set("events/types.json", R"({"types": [{"name": "x"}, {"name": "x"}]})");
    CHECK_THROWS_WITH_AS(EventTypes{files}, doctest::Contains("defined twice"), DataError);
}
