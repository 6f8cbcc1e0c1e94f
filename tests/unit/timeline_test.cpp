// Tests for in-memory timeline queries: filters, ranking and limits.
#include "dateline/timeline.hpp"

#include <doctest/doctest.h>

using namespace dateline;

namespace {

Event ev(const std::string& id, Span when, const std::string& type, const std::string& actor, int sources) {
    Event e;
    e.id = id;
    e.when = when;
    e.type = type;
    e.actors = {{actor, "agent", "", ""}};
    e.source_count = sources;
    e.headline = "Headline " + id;
    e.evidence.article = "a";
    return e;
}

std::vector<Event> fixture() {
    Span since = Span::year(1991);
    since.open_end = true;
    return {ev("1", since, "occupation", "Armenia", 1), ev("2", Span::year(2020), "armed_conflict", "Azerbaijan", 5),
            ev("3", Span::day(Date(2023, 2, 22)), "legal_ruling", "International Court of Justice", 3),
            ev("4", Span::month(2023, 1), "legal_proceeding", "International Court of Justice", 1)};
}

std::vector<std::string> ids(const std::vector<Event>& v) {
    std::vector<std::string> out;
    for (const auto& e : v) out.push_back(e.id);
    return out;
}

}  // namespace

TEST_CASE("a date filter keeps events whose span overlaps it, open ends included") {
    TimelineQuery q;
    q.from = Date(2023, 1, 15);
    q.to = Date(2023, 1, 20);
    CHECK(ids(apply_query(fixture(), q)) == std::vector<std::string>{"1", "4"});
}

TEST_CASE("type, actor and source filters combine") {
    TimelineQuery q;
    q.actors = {"International Court of Justice"};
    q.min_sources = 2;
    CHECK(ids(apply_query(fixture(), q)) == std::vector<std::string>{"3"});
    TimelineQuery t;
    t.types = {"occupation", "armed_conflict"};
    CHECK(ids(apply_query(fixture(), t)) == std::vector<std::string>{"1", "2"});
}

TEST_CASE("a limit keeps the best ranked events and returns them in date order") {
    TimelineQuery q;
    q.limit = 2;
    q.rank = Rank::sources;
    CHECK(ids(apply_query(fixture(), q)) == std::vector<std::string>{"2", "3"});
}

TEST_CASE("a text query matches headlines case-insensitively") {
    TimelineQuery q;
    q.query = "headline 4";
    CHECK(ids(apply_query(fixture(), q)) == std::vector<std::string>{"4"});
}
