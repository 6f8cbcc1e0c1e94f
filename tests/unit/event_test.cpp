// Tests for the event record: JSON shape, round trip, chronological order.
#include "dateline/event.hpp"

#include "dateline/error.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace dateline;

namespace {

Event sample_event() {
    Event e;
    e.id = "abc";
    Span s = Span::day(Date(2022, 12, 12));
    s.open_end = true;
    e.when = s;
    e.type = "protest";
    e.cameo = "14";
    e.headline = "Activists protest";
    e.actors = {{"Azerbaijan", "agent", "Azerbaijani", "activists"}};
    e.places = {{"Lachin corridor", 39.63, 46.55, "Lachin Pass"}};
    e.evidence = {"art", "Activists have been holding protests since December 12.", 10, 64, "December 12", "https://x.test", "Wire", Date(2023, 2, 23)};
    e.confidence = 0.8;
    return e;
}

}  // namespace

TEST_CASE("the event record has the keys other tools rely on") {
    const auto j = to_json(sample_event());
    for (const char* key : {"id", "when", "type", "cameo", "headline", "actors", "places", "evidence", "confidence"})
        CHECK_MESSAGE(j.contains(key), key);
    CHECK(j["when"]["edtf"] == "2022-12-12/..");
    CHECK(j["when"]["earliest"] == "2022-12-12");
    CHECK(j["when"]["latest"].is_null());
    CHECK(j["when"]["precision"] == "day");
    CHECK(j["when"]["date_source"] == "text");
    CHECK(j["actors"][0]["name"] == "Azerbaijan");
    CHECK(j["actors"][0]["role"] == "agent");
    CHECK(j["places"][0]["lat"] == doctest::Approx(39.63));
    CHECK(j["evidence"]["timex"] == "December 12");
    CHECK(j["evidence"]["begin"] == 10);
    CHECK_FALSE(j.contains("mentions"));
}

TEST_CASE("an event survives a JSON round trip") {
    Event e = sample_event();
    e.mentions.push_back(e.evidence);
    e.source_count = 2;
    const Event back = event_from_json(to_json(e, true));
    CHECK(back.when == e.when);
    CHECK(back.actors == e.actors);
    CHECK(back.places == e.places);
    CHECK(back.evidence == e.evidence);
    CHECK(back.mentions == e.mentions);
    CHECK(back.source_count == 2);
}

TEST_CASE("an unresolved event has a null date and says why") {
    Event e = sample_event();
    e.when.reset();
    e.date_source = DateSource::unresolved;
    const auto j = to_json(e);
    CHECK(j["when"]["edtf"].is_null());
    CHECK(j["when"]["date_source"] == "unresolved");
}

TEST_CASE("a malformed record throws InputError") {
    CHECK_THROWS_AS(event_from_json(nlohmann::json::object()), InputError);
    auto j = to_json(sample_event());
    j["when"]["edtf"] = "2023-02-30";
    CHECK_THROWS_AS(event_from_json(j), InputError);
}

TEST_CASE("events sort by span, coarser first, undated last") {
    Event a = sample_event(), b = sample_event(), c = sample_event(), d = sample_event();
    a.when = Span::day(Date(2020, 1, 1));
    b.when = Span::year(2020);
    c.when = Span::year(1991);
    d.when.reset();
    std::vector<Event> v{d, a, b, c};
    sort_chronologically(v);
    CHECK(v[0].when == Span::year(1991));
    CHECK(v[1].when == Span::year(2020));
    CHECK(v[2].when == Span::day(Date(2020, 1, 1)));
    CHECK_FALSE(v[3].when.has_value());
}
