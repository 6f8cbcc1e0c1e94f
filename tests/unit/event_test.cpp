// Tests for the event record: JSON shape, round trip, chronological order.
#include "dateline/event.hpp"

#include "dateline/error.hpp"
#include "event_json.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

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

TEST_CASE("append_json writes exactly what to_json(...).dump() writes") {
    std::vector<Event> events;
    events.push_back(sample_event());
    {
        // Every byte class a string can hold: quotes, backslashes, each control
        // character, DEL, multi-byte UTF-8 (2, 3 and 4 bytes), '/'.
        Event e = sample_event();
        std::string odd = "q\"b\\s/ \x7F caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D \xF0\x9F\x98\x80 ";
        for (int c = 0; c < 0x20; ++c) odd += static_cast<char>(c);
        e.headline = odd;
        e.evidence.sentence = odd + odd;
        e.evidence.timex.reset();
        e.evidence.url.clear();
        e.evidence.published.reset();
        e.actors.push_back({"X", "target", "", ""});
        e.actors.push_back({"Y\tZ", "mediator", "y", ""});
        e.places.push_back({"Nowhere", std::nullopt, std::nullopt, ""});
        e.places.push_back({"Far", -0.5, 1e-7, "far"});
        e.places.push_back({"Big", 123456789.125, -180.0, ""});
        e.cameo.clear();
        e.timex_value = "2022-12-12";
        e.status = EventStatus::reported;
        e.date_source = DateSource::published;
        e.mentions.push_back(e.evidence);
        e.mentions.push_back(sample_event().evidence);
        e.source_count = 3;
        events.push_back(e);
    }
    {
        Event e = sample_event();
        e.when.reset();
        e.date_source = DateSource::unresolved;
        e.actors.clear();
        e.places.clear();
        e.evidence.source.clear();
        e.status = EventStatus::negated;
        events.push_back(e);
    }
    for (const Span& s : {Span::week(Date(2023, 1, 2)), Span::month(2023, 2), Span::quarter(2023, 1),
                          Span::season(2021, 1), Span::year(1991), Span::decade(1990), Span::century(1900)}) {
        Event e = sample_event();
        e.when = s;
        events.push_back(e);
    }
    for (std::size_t at = 0; at < 20; ++at)
        for (const char* special : {"\"", "\\", "\n", "\x01", "\x1F", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80"}) {
            // Each special byte at every place of an 8-byte block, in long plain text.
            Event e = sample_event();
            e.evidence.sentence = std::string(at, 'a') + special + std::string(25, 'b') + special;
            events.push_back(e);
        }
    for (std::size_t size = 0; size < 17; ++size)
        for (std::size_t at = 0; at < size; ++at)
            for (const char* special : {"\"", "\\", "\n", "\x01", "\x1F", "\x7F", "\xC3\xA9", "\xE2\x80\x94"}) {
                // Short strings (names, roles): each special byte at every place.
                Event e = sample_event();
                std::string text(size, 'n');
                text.replace(at, 1, special);
                e.actors[0].name = text;
                e.actors[0].role = "r" + text;
                e.headline = text + "h";
                events.push_back(e);
            }
    for (double c : {-0.0001, -0.3, 0.0004, 1.5, 0.0, 0.05, 0.1, 0.15, 0.3, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.85, 0.9, 0.95, 1.0, 0.123456, 2.0 / 3.0}) {
        Event e = sample_event();
        e.confidence = c;
        events.push_back(e);
    }
    for (const Event& e : events)
        for (bool with_mentions : {false, true}) {
            std::string out = "prefix";
            append_json(out, e, with_mentions);
            CHECK(out == "prefix" + to_json(e, with_mentions).dump());
            // The same event as views (what the extractor writes from its drafts).
            std::vector<ActorView> actors;
            for (const auto& a : e.actors) actors.push_back({a.name, a.role, a.surface, a.qualifier});
            std::vector<PlaceView> places;
            for (const auto& p : e.places) places.push_back({p.name, p.lat, p.lon, p.surface});
            auto evidence = [](const Evidence& ev) {
                EvidenceView v{ev.article, ev.sentence, ev.begin, ev.end, std::nullopt, ev.url, ev.source, ev.published};
                if (ev.timex) v.timex = *ev.timex;
                return v;
            };
            std::vector<EvidenceView> mentions;
            for (const auto& m : e.mentions) mentions.push_back(evidence(m));
            EventView v;
            v.id = e.id;
            v.when = e.when;
            v.date_source = e.date_source;
            v.timex_value = e.timex_value;
            v.type = e.type;
            v.cameo = e.cameo;
            v.headline = e.headline;
            v.actors = actors;
            v.places = places;
            v.evidence = evidence(e.evidence);
            v.mentions = mentions;
            v.confidence = e.confidence;
            v.status = e.status;
            v.source_count = e.source_count;
            std::string from_view = "prefix";
            append_json(from_view, v, with_mentions);
            CHECK(from_view == out);
            CHECK(to_json(to_event(v), true) == to_json(e, true));
        }
}

TEST_CASE("append_json throws what dump() throws on text that is not UTF-8") {
    for (const char* bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80", "\xFF", "a\x80"}) {
        Event e = sample_event();
        e.evidence.sentence = std::string("ok ") + bad + " ok";
        std::string out = "prefix";
        CHECK_THROWS_AS(append_json(out, e), nlohmann::json::type_error);
        CHECK_THROWS_AS((void)to_json(e).dump(), nlohmann::json::type_error);
        EventView v;
        v.id = e.id;
        v.type = e.type;
        v.evidence.sentence = e.evidence.sentence;
        CHECK_THROWS_AS(append_json(out, v), nlohmann::json::type_error);
    }
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
