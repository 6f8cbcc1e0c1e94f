// Tests of EventStore: round trip, idempotent ingest, the merge rule and its edge cases, queries, migrations.
#include "dateline/event_store.hpp"

#include "dateline/error.hpp"
#include "dateline/exporter.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_schema.hpp"
#include "sqlite_statement.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using namespace dateline;

namespace {

// A fresh directory per test, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("dateline-store-test-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path db() const { return path / "t.db"; }
};

Article article(std::string id, std::string text, std::string source = "", std::optional<Date> published = {}) {
    Article a;
    a.id = std::move(id);
    a.text = std::move(text);
    a.source = std::move(source);
    a.published = published ? published : Date(2023, 2, 23);
    a.title = "Title of " + a.id;
    a.url = "https://example.org/" + a.id;
    return a;
}

Event event(const Article& a, std::string type, Span when, std::vector<std::string> actors,
            std::vector<std::string> places = {}, std::size_t begin = 0) {
    Event e;
    e.id = a.id + "-" + type + "-" + std::to_string(begin);
    e.when = when;
    e.type = std::move(type);
    e.cameo = "01";
    e.headline = e.type + " headline";
    for (auto& name : actors) e.actors.push_back({name, e.actors.empty() ? "agent" : "target", "", ""});
    for (auto& name : places) e.places.push_back({name, 40.0, 46.0, ""});
    e.evidence.article = a.id;
    e.evidence.sentence = a.text.substr(begin, std::min<std::size_t>(40, a.text.size() - begin));
    e.evidence.begin = begin;
    e.evidence.end = begin + e.evidence.sentence.size();
    e.evidence.timex = "some day";
    e.evidence.url = a.url;
    e.evidence.source = a.source;
    e.evidence.published = a.published;
    return e;
}

Span day(int y, int m, int d) { return Span::day(Date(y, m, d)); }

}  // namespace

TEST_CASE("a new store has the current schema version and passes the integrity check") {
    TempDir dir;
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(store.upgraded_from() == 0);  // created, not upgraded: no backup to speak of
    CHECK(store.integrity_check() == "ok");
    CHECK(store.stats().events == 0);
}

TEST_CASE("opening a store waits for another connection's lock before switching the file to WAL") {
    // SQLite refuses the switch to WAL at once, without the busy handler, while
    // another connection holds a lock: four `ingest` processes starting on a
    // new file together failed now and then with "database is locked".
    TempDir dir;
    sqlite::Connection other(dir.db());
    other.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    // A write transaction holds the file's RESERVED lock until COMMIT: a
    // connection that has read the file cannot wait for it without risking a
    // deadlock, so SQLite answers SQLITE_BUSY there at once.
    other.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (2)");
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        other.exec("COMMIT");
    });
    std::optional<EventStore> store;
    CHECK_NOTHROW(store.emplace(dir.db()));
    release.join();
    REQUIRE(store);
    CHECK(store->stats().events == 0);
    sqlite::Connection after(dir.db());
    sqlite::Statement mode(after, "PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.column_text(0) == "wal");
}

TEST_CASE("an SQL pointer predicate tests integers against the object bound to its statement") {
    TempDir dir;
    sqlite::Connection db(dir.db());
    db.create_pointer_predicate("in_list", "test_int_list", [](const void* object, long long value) {
        const auto& list = *static_cast<const std::vector<long long>*>(object);
        return std::find(list.begin(), list.end(), value) != list.end();
    });
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (NULL), (5), (7)");
    std::vector<long long> list{2, 7, 9};
    sqlite::Statement select(db, "SELECT count(*), sum(x) FROM t WHERE in_list(?1, x)");
    select.bind_pointer(1, &list, "test_int_list");
    REQUIRE(select.step());
    CHECK(select.column_int64(0) == 2);  // NULL is not in any list
    CHECK(select.column_int64(1) == 9);
    // A pointer bound under another type reads as none: an error naming the function.
    sqlite::Statement wrong(db, "SELECT in_list(?1, 2)");
    wrong.bind_pointer(1, &list, "some_other_type");
    try {
        wrong.step();
        FAIL("expected an error");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("in_list: no object bound") != std::string::npos);
    }
}

TEST_CASE("an event comes back from the store with every field it went in with") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a1", "Baku was ordered by the court to end the blockade on Wednesday.", "Outlet");
    Event e = event(a, "legal_ruling", day(2023, 2, 22), {"International Court of Justice", "Azerbaijan"},
                    {"Lachin corridor"});
    e.actors[1].surface = "Baku";
    e.actors[0].qualifier = "judges";
    e.places[0].surface = "Lachin Pass";
    e.timex_value = "2023-02-22";
    e.confidence = 0.75;
    e.status = EventStatus::reported;
    Span open = Span::year(1991);
    open.open_end = true;
    Event f = event(a, "occupation", open, {"Armenia"}, {}, 5);
    Event g = event(a, "appeal", day(2023, 2, 23), {"Russia"}, {}, 9);
    g.date_source = DateSource::published;
    g.evidence.timex.reset();
    Event h = event(a, "statement", day(2023, 2, 23), {"Russia"}, {}, 12);
    h.when.reset();
    h.date_source = DateSource::unresolved;
    store.ingest(a, {e, f, g, h});

    auto events = store.query({});
    REQUIRE(events.size() == 4);
    const Event* got = nullptr;
    for (const auto& x : events)
        if (x.type == "legal_ruling") got = &x;
    REQUIRE(got);
    CHECK(got->id == e.id);
    CHECK(got->when == e.when);
    CHECK(got->date_source == DateSource::text);
    CHECK(got->timex_value == "2023-02-22");
    CHECK(got->cameo == "01");
    CHECK(got->headline == e.headline);
    CHECK(got->actors == e.actors);
    CHECK(got->places == e.places);
    CHECK(got->evidence == e.evidence);
    CHECK(got->mentions.empty());
    CHECK(got->confidence == doctest::Approx(0.75));
    CHECK(got->status == EventStatus::reported);
    CHECK(got->source_count == 1);

    CHECK(events[0].type == "occupation");  // 1991/.. first
    CHECK(events[0].when->open_end);
    CHECK(events[0].when->edtf() == "1991/..");
    bool saw_published = false, saw_unresolved = false;
    for (const auto& x : events) {
        if (x.type == "appeal") {
            saw_published = true;
            CHECK(x.date_source == DateSource::published);
            CHECK_FALSE(x.evidence.timex.has_value());
        }
        if (x.type == "statement") {
            saw_unresolved = true;
            CHECK(x.date_source == DateSource::unresolved);
            CHECK_FALSE(x.when.has_value());
        }
    }
    CHECK(saw_published);
    CHECK(saw_unresolved);
}

TEST_CASE("actors and places with escapes, UTF-8 and odd coordinates come back as they went in") {
    // The store reads its own lists of actors and places without a JSON tree,
    // and hands anything with an escape to nlohmann: both must give them back.
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a1", "Odd names.", "Outlet");
    Event e = event(a, "statement", day(2023, 2, 22), {"Azerbaijan", "Armenia"}, {"Lachin corridor", "Nowhere"});
    e.actors[0].surface = "Baku's \"government\" \\ office";
    e.actors[0].qualifier = "activists, [sic]: {x}";
    e.actors[1].surface = "Yerevan — Ереван “quoted”";
    e.actors[1].qualifier = "tab\there\nline";
    e.places[0].surface = "Laçın";
    e.places[0].lat = -39.625;
    e.places[0].lon = 1e-7;
    e.places[1].lat.reset();
    e.places[1].lon = 179.99999999999997;
    e.places[1].surface = "plain";
    Event f = event(a, "attack", day(2023, 2, 23), {"Russia"}, {"Stepanakert"}, 3);
    f.places[0].lat = 39.8177;
    f.places[0].lon = 46.7528;
    Event g = event(a, "protest", day(2023, 2, 24), {}, {}, 6);
    store.ingest(a, {e, f, g});
    int seen = 0;
    for (const Event& got : store.query({})) {
        const Event& want = got.type == "statement" ? e : got.type == "attack" ? f : g;
        CHECK(got.actors == want.actors);
        CHECK(got.places == want.places);
        ++seen;
    }
    CHECK(seen == 3);
}

TEST_CASE("ingesting the same article twice leaves identical counts") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a1", "Russia urged Azerbaijan and Armenia to resume talks.");
    std::vector<Event> events = {event(a, "appeal", day(2023, 2, 23), {"Russia", "Azerbaijan"})};
    CHECK(store.ingest(a, events).outcome == IngestOutcome::added);
    auto before = store.stats();
    auto again = store.ingest(a, events);
    CHECK(again.outcome == IngestOutcome::unchanged);
    CHECK(again.events_new == 0);
    auto after = store.stats();
    CHECK(after.articles == before.articles);
    CHECK(after.events == before.events);
    CHECK(after.mentions == before.mentions);

    SUBCASE("the same text under another id is the same article") {
        Article copy = a;
        copy.id = "a1-mirror";
        CHECK(store.ingest(copy, events).outcome == IngestOutcome::unchanged);
        CHECK(store.stats().articles == 1);
    }
    SUBCASE("reopening the store keeps everything") {
        EventStore reopened(dir.db());
        CHECK(reopened.ingest(a, events).outcome == IngestOutcome::unchanged);
        CHECK(reopened.stats().mentions == 1);
    }
}

TEST_CASE("two articles telling the same event in different words make one event with two mentions") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "The ICJ ordered Azerbaijan to end the blockade on Wednesday.", "Reuters");
    Article b = article("b", "On 22 February the UN court told Baku to lift the Lachin blockade.", "AP");
    store.ingest(a, {event(a, "legal_ruling", day(2023, 2, 22), {"International Court of Justice", "Azerbaijan"},
                           {"Lachin corridor"})});
    auto r = store.ingest(b, {event(b, "legal_ruling", day(2023, 2, 22), {"Azerbaijan"}, {"Lachin corridor"})});
    CHECK(r.events_merged == 1);
    CHECK(r.events_new == 0);
    auto events = store.query({});
    REQUIRE(events.size() == 1);
    CHECK(events[0].source_count == 2);
    CHECK(events[0].mentions.size() == 1);
    CHECK(events[0].evidence.article == "a");
    CHECK(events[0].mentions[0].article == "b");
    CHECK(store.stats().mentions == 2);
}

TEST_CASE("two articles from the same outlet count as one source") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "First report of the ceasefire.", "Reuters");
    Article b = article("b", "Second report of the ceasefire.", "Reuters");
    store.ingest(a, {event(a, "ceasefire", day(2020, 11, 10), {"Armenia", "Azerbaijan"})});
    store.ingest(b, {event(b, "ceasefire", day(2020, 11, 10), {"Azerbaijan", "Armenia"})});
    auto events = store.query({});
    REQUIRE(events.size() == 1);
    CHECK(events[0].source_count == 1);
    CHECK(events[0].mentions.size() == 1);
}

TEST_CASE("two different statements by Russia a week apart stay two events") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Russia said on Monday it was concerned.", "TASS");
    Article b = article("b", "Russia said on Monday it was alarmed.", "RIA");
    store.ingest(a, {event(a, "statement", day(2023, 2, 13), {"Russia"})});
    store.ingest(b, {event(b, "statement", day(2023, 2, 20), {"Russia"})});
    auto events = store.query({});
    REQUIRE(events.size() == 2);
    CHECK(events[0].source_count == 1);
    CHECK(events[1].source_count == 1);
}

TEST_CASE("a month and a day inside it merge and the finer date wins") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Last month the court held a hearing.", "A");
    Article b = article("b", "The court held a hearing on 30 January.", "B");
    store.ingest(a, {event(a, "legal_proceeding", Span::month(2023, 1), {"International Court of Justice"})});
    store.ingest(b, {event(b, "legal_proceeding", day(2023, 1, 30), {"International Court of Justice"})});
    auto events = store.query({});
    REQUIRE(events.size() == 1);
    CHECK(events[0].when->edtf() == "2023-01-30");
    CHECK(events[0].evidence.article == "b");
    CHECK(events[0].source_count == 2);
}

TEST_CASE("a year does not merge with a day inside it") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "In 2020 Azerbaijan regained territory.", "A");
    Article b = article("b", "On 9 November 2020 Azerbaijan regained Shusha.", "B");
    store.ingest(a, {event(a, "territorial_change", Span::year(2020), {"Azerbaijan"})});
    store.ingest(b, {event(b, "territorial_change", day(2020, 11, 9), {"Azerbaijan"})});
    CHECK(store.query({}).size() == 2);

    SUBCASE("but two reports of the same year do") {
        Article c = article("c", "Azerbaijan regained territory in 2020.", "C");
        store.ingest(c, {event(c, "territorial_change", Span::year(2020), {"Azerbaijan"})});
        CHECK(store.query({}).size() == 2);
        CHECK(store.stats().mentions == 3);
    }
}

TEST_CASE("merging does not chain a month of statements by one actor into one event") {
    TempDir dir;
    EventStore store(dir.db());
    // The vague report comes first, so every later day would fit it if the span could grow back.
    Article vague = article("vague", "In February Russia made statements.", "V");
    store.ingest(vague, {event(vague, "statement", Span::month(2023, 2), {"Russia"})});
    for (int d = 1; d <= 28; d += 3) {
        Article a = article("d" + std::to_string(d), "Russia said something on day " + std::to_string(d), "S");
        store.ingest(a, {event(a, "statement", day(2023, 2, d), {"Russia"})});
    }
    auto events = store.query({});
    CHECK(events.size() == 10);  // the month report joined the first day; the other nine days stand alone
    std::size_t merged = 0;
    for (const auto& e : events) {
        CHECK(e.when->precision == Precision::day);
        merged += e.mentions.size();
    }
    CHECK(merged == 1);
}

TEST_CASE("a store merges with what another connection wrote since its last batch") {
    // Each store keeps merge candidates in memory between batches; what another
    // process commits meanwhile must be seen (a stale month here would chain).
    TempDir dir;
    EventStore first(dir.db());
    EventStore second(dir.db());
    Article vague = article("vague", "In February Russia made statements.", "V");
    Article other = article("other", "Iran protested on 5 March.", "O");
    {
        auto batch = first.batch();
        first.ingest(vague, {event(vague, "statement", Span::month(2023, 2), {"Russia"})});
        first.ingest(other, {event(other, "statement", day(2023, 3, 5), {"Iran"})});
        batch.commit();
    }
    // The other connection narrows the month to a day and starts an event in March.
    Article d13 = article("d13", "Russia said on 13 February.", "S");
    Article march = article("march", "Russia said on 5 March.", "S");
    second.ingest(d13, {event(d13, "statement", day(2023, 2, 13), {"Russia"})});
    second.ingest(march, {event(march, "statement", day(2023, 3, 5), {"Russia"})});
    {
        auto batch = first.batch();
        Article d20 = article("d20", "Russia said on 20 February.", "T");
        Article march2 = article("march2", "Russia said so on 5 March.", "T");
        CHECK(first.ingest(d20, {event(d20, "statement", day(2023, 2, 20), {"Russia"})}).events_new == 1);
        CHECK(first.ingest(march2, {event(march2, "statement", day(2023, 3, 5), {"Russia"})}).events_merged == 1);
        batch.commit();
    }
    auto events = first.query({});
    REQUIRE(events.size() == 4);  // 13 Feb (with the month), 20 Feb, Iran on 5 March, Russia on 5 March
    CHECK(events[0].when->edtf() == "2023-02-13");
    CHECK(events[0].mentions.size() == 1);
    CHECK(events[1].mentions.empty());
    CHECK(first.stats().mentions == 6);
    CHECK(first.integrity_check() == "ok");
}

TEST_CASE("a batch rolled back leaves no merge candidate behind") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Russia said on 13 February.", "A");
    {
        auto batch = store.batch();
        store.ingest(a, {event(a, "statement", day(2023, 2, 13), {"Russia"})});
    }  // not committed
    Article b = article("b", "Russia said so on 13 February.", "B");
    CHECK(store.ingest(b, {event(b, "statement", day(2023, 2, 13), {"Russia"})}).events_new == 1);
    CHECK(store.ingest(a, {event(a, "statement", day(2023, 2, 13), {"Russia"})}).events_merged == 1);
    CHECK(store.query({}).size() == 1);
}

TEST_CASE("merging needs shared actors and the same place when both name one") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Protests in Stepanakert on 1 March.", "A");
    Article b = article("b", "Protests in Lachin on 1 March.", "B");
    Article c = article("c", "Georgia protested on 1 March.", "C");
    Article d = article("d", "Armenians protested in Stepanakert on 1 March.", "D");
    store.ingest(a, {event(a, "protest", day(2023, 3, 1), {"Armenia"}, {"Stepanakert"})});
    store.ingest(b, {event(b, "protest", day(2023, 3, 1), {"Armenia"}, {"Lachin"})});
    store.ingest(c, {event(c, "protest", day(2023, 3, 1), {"Georgia"}, {"Stepanakert"})});
    auto r = store.ingest(d, {event(d, "protest", day(2023, 3, 1), {"Armenia"}, {"Stepanakert"})});
    CHECK(r.events_merged == 1);
    auto events = store.query({});
    CHECK(events.size() == 3);
    TimelineQuery q;
    q.places = {"Stepanakert"};
    q.actors = {"Armenia"};
    auto found = store.query(q);
    REQUIRE(found.size() == 1);
    CHECK(found[0].source_count == 2);
}

TEST_CASE("an event dated by its report never merges with one dated by its own words") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Russia urged calm.", "A");
    Article b = article("b", "On 23 February Russia urged calm.", "B");
    Event published = event(a, "appeal", day(2023, 2, 23), {"Russia"});
    published.date_source = DateSource::published;
    store.ingest(a, {published});
    store.ingest(b, {event(b, "appeal", day(2023, 2, 23), {"Russia"})});
    CHECK(store.query({}).size() == 2);
}

TEST_CASE("a negated event does not merge with the asserted one") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Azerbaijan attacked on 13 September.", "A");
    Article b = article("b", "Azerbaijan did not attack on 13 September.", "B");
    store.ingest(a, {event(a, "attack", day(2022, 9, 13), {"Azerbaijan"})});
    Event denied = event(b, "attack", day(2022, 9, 13), {"Azerbaijan"});
    denied.status = EventStatus::negated;
    store.ingest(b, {denied});
    CHECK(store.query({}).size() == 2);
}

TEST_CASE("a changed article replaces its old mentions") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Version one: the court ruled on 22 February.", "A");
    Article b = article("b", "Another outlet: the court ruled on 22 February.", "B");
    store.ingest(a, {event(a, "legal_ruling", day(2023, 2, 22), {"International Court of Justice"}),
                     event(a, "protest", day(2022, 12, 12), {"Azerbaijan"}, {}, 8)});
    store.ingest(b, {event(b, "legal_ruling", day(2023, 2, 22), {"International Court of Justice"})});
    REQUIRE(store.query({}).size() == 2);

    Article changed = a;
    changed.text = "Version two: only a blockade began on 12 December.";
    auto r = store.ingest(changed, {event(changed, "blockade", day(2022, 12, 12), {"Azerbaijan"})});
    CHECK(r.outcome == IngestOutcome::replaced);
    CHECK(r.events_removed == 1);  // the protest only "a" told of
    auto events = store.query({});
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == "blockade");
    CHECK(events[1].type == "legal_ruling");
    CHECK(events[1].source_count == 1);
    CHECK(events[1].evidence.article == "b");
    CHECK(events[1].mentions.empty());
    auto st = store.stats();
    CHECK(st.articles == 2);
    CHECK(st.mentions == 2);
    CHECK(store.integrity_check() == "ok");  // includes the full-text index
    TimelineQuery q;
    q.query = "Version one";
    CHECK(store.query(q).empty());
    q.query = "Version two";
    CHECK(store.query(q).size() == 1);
}

TEST_CASE("an article changed twice within one batch keeps the full-text index whole") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "First words about the ceasefire.", "A");
    {
        auto batch = store.batch();
        store.ingest(a, {event(a, "ceasefire", day(2020, 11, 10), {"Russia"})});
        a.text = "Second words about the ceasefire.";
        store.ingest(a, {event(a, "ceasefire", day(2020, 11, 10), {"Russia"})});
        batch.commit();
    }
    a.text = "Third words about the ceasefire.";
    store.ingest(a, {event(a, "ceasefire", day(2020, 11, 10), {"Russia"})});
    CHECK(store.integrity_check() == "ok");
    TimelineQuery q;
    q.query = "Third";
    CHECK(store.query(q).size() == 1);
    q.query = "Second";
    CHECK(store.query(q).empty());
    CHECK(store.stats().mentions == 1);
}

TEST_CASE("the full-text index holds a text once per article and still finds every event that tells it") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Shelling near Jermuk and Goris overnight. Artillery fire hit Kapan.", "A");
    // Two events told by one sentence, with one headline (a clause of it), and
    // a third whose headline has a word its sentence lacks.
    Event e1 = event(a, "attack", day(2022, 9, 13), {"Azerbaijan"});
    Event e2 = event(a, "military_posture", day(2022, 9, 13), {"Armenia"});
    Event e3 = event(a, "attack", day(2022, 9, 14), {"Azerbaijan"}, {}, 42);
    e1.evidence.sentence = e2.evidence.sentence = "Shelling near Jermuk and Goris overnight.";
    e1.evidence.end = e2.evidence.end = e1.evidence.sentence.size();
    e1.headline = e2.headline = "shelling near Jermuk";
    e3.evidence.sentence = "Artillery fire hit Kapan.";
    e3.headline = "Strike on Kapan";
    store.ingest(a, {e1, e2, e3});
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT count(*) FROM mentions_text") == 2);  // e1 and e2 share one row of the index
        CHECK(db.scalar("SELECT count(*) FROM mentions WHERE fts_headline = 0") == 2);  // a clause of its sentence
    }
    CHECK(store.integrity_check() == "ok");
    auto ids = [&](const std::string& words) {
        TimelineQuery q;
        q.query = words;
        std::vector<std::string> out;
        for (const auto& e : store.query(q)) out.push_back(e.type);
        std::sort(out.begin(), out.end());
        return out;
    };
    for (const char* plan : {"walk", "sort"}) {
        setenv("DATELINE_RANK_PLAN", plan, 1);
        CHECK(ids("Goris") == std::vector<std::string>{"attack", "military_posture"});
        CHECK(ids("shelling jermuk") == std::vector<std::string>{"attack", "military_posture"});
        CHECK(ids("strike") == std::vector<std::string>{"attack"});  // only in the headline
        CHECK(ids("Kapan artillery") == std::vector<std::string>{"attack"});
        TimelineQuery q;
        q.query = "Goris";
        q.limit = 1;
        CHECK(store.query(q).size() == 1);
        unsetenv("DATELINE_RANK_PLAN");
    }
    // Replaced: its texts leave the index with it.
    Article changed = a;
    changed.text = "Calm returned to Goris.";
    Event e4 = event(changed, "statement", day(2022, 9, 20), {"Armenia"});
    store.ingest(changed, {e4});
    CHECK(store.integrity_check() == "ok");
    CHECK(ids("Jermuk").empty());
    CHECK(ids("strike").empty());
    CHECK(ids("calm") == std::vector<std::string>{"statement"});
}

TEST_CASE("counts changed by merges within a batch are in the rows at commit and before a replacement") {
    TempDir dir;
    EventStore store(dir.db());
    auto counts = [&](const std::string& id) {
        sqlite::Connection db(dir.db());
        sqlite::Statement s(db,
                            "SELECT source_count, confidence, coalesce(first_reported, '') FROM events WHERE id = ?");
        s.bind(1, id);
        REQUIRE(s.step());
        auto out = std::make_tuple(s.column_int64(0), s.column_double(1), s.column_text(2));
        s.reset();
        return out;
    };
    Article a = article("a", "Russia said on 13 February that it was concerned.", "A", Date(2023, 2, 23));
    Article b = article("b", "Moscow said on 13 February it was worried.", "B", Date(2023, 2, 20));
    Article c = article("c", "Russia said on 13 February it was concerned, again.", "C", Date(2023, 2, 25));
    Event ea = event(a, "statement", day(2023, 2, 13), {"Russia"});
    Event eb = event(b, "statement", day(2023, 2, 13), {"Russia"});
    Event ec = event(c, "statement", day(2023, 2, 13), {"Russia"});
    ea.confidence = 0.5;
    eb.confidence = 0.9;  // higher, and an earlier report
    ec.confidence = 0.6;
    {
        auto batch = store.batch();
        store.ingest(a, {ea});
        store.ingest(b, {eb});
        store.ingest(c, {ec});
        batch.commit();
    }
    CHECK(counts(ea.id) == std::make_tuple(3LL, 0.9, std::string("2023-02-20")));
    {
        // "b" replaced in the batch that merged into its event: the event is
        // rebuilt from its rows, which hold every merge of the batch so far.
        auto batch = store.batch();
        Article d = article("d", "Russia said on 13 February that it was very concerned.", "D", Date(2023, 2, 24));
        Event ed = event(d, "statement", day(2023, 2, 13), {"Russia"});
        ed.confidence = 0.95;
        store.ingest(d, {ed});
        Article b2 = b;
        b2.text = "Nothing about statements any more.";
        store.ingest(b2, {});
        batch.commit();
    }
    CHECK(counts(ea.id) == std::make_tuple(3LL, 0.95, std::string("2023-02-23")));  // a, c, d
    TimelineQuery q;
    q.limit = 1;
    q.rank = Rank::confidence;
    auto events = store.query(q);
    REQUIRE(events.size() == 1);
    CHECK(events[0].source_count == 3);
    CHECK(events[0].confidence == doctest::Approx(0.95));
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a batch that is not committed leaves nothing behind") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "Text one.", "A");
    {
        auto batch = store.batch();
        store.ingest(a, {event(a, "attack", day(2022, 9, 13), {"Azerbaijan"})});
    }
    CHECK(store.stats().articles == 0);
    CHECK(store.stats().actors == 0);
    {
        auto batch = store.batch();
        store.ingest(a, {event(a, "attack", day(2022, 9, 13), {"Azerbaijan"})});
        batch.commit();
    }
    CHECK(store.stats().articles == 1);
    CHECK(store.stats().actors == 1);
}

TEST_CASE("queries filter by date overlap, actor, place, type, status, text and sources") {
    TempDir dir;
    EventStore store(dir.db());
    Article a = article("a", "The war of 2020 and the ceasefire of 10 November 2020.", "A");
    Article b = article("b", "The ceasefire of 10 November 2020 held, said Moscow.", "B");
    Event war = event(a, "armed_conflict", Span::year(2020), {"Azerbaijan", "Armenia"}, {"Nagorno-Karabakh"});
    war.headline = "Second Karabakh war";
    Event truce = event(a, "ceasefire", day(2020, 11, 10), {"Russia", "Armenia"}, {}, 10);
    truce.headline = "Russian-brokered ceasefire";
    truce.actors[0].surface = "Moscow";
    Event since = event(a, "occupation", Span::year(1991), {"Armenia"}, {"Nagorno-Karabakh"}, 20);
    since.when->open_end = true;
    since.status = EventStatus::reported;
    store.ingest(a, {war, truce, since});
    store.ingest(b, {event(b, "ceasefire", day(2020, 11, 10), {"Russia"})});

    TimelineQuery q;
    q.from = Date(2020, 6, 1);
    q.to = Date(2020, 6, 30);
    auto found = store.query(q);  // the year 2020 and the open 1991/.. overlap June 2020
    REQUIRE(found.size() == 2);
    CHECK(found[0].type == "occupation");
    CHECK(found[1].type == "armed_conflict");

    q = {};
    q.from = Date(2021, 1, 1);
    found = store.query(q);
    REQUIRE(found.size() == 1);
    CHECK(found[0].type == "occupation");

    q = {};
    q.actors = {"Russia"};
    CHECK(store.query(q).size() == 1);
    q.actors = {"Moscow"};  // an alias seen in the text finds the actor too
    CHECK(store.query(q).size() == 1);

    q = {};
    q.places = {"Nagorno-Karabakh"};
    CHECK(store.query(q).size() == 2);
    q = {};
    q.types = {"ceasefire", "armed_conflict"};
    CHECK(store.query(q).size() == 2);
    q = {};
    q.statuses = {"reported"};
    CHECK(store.query(q).size() == 1);
    q = {};
    q.query = "brokered ceasefire";
    found = store.query(q);
    REQUIRE(found.size() == 1);
    CHECK(found[0].type == "ceasefire");
    q.query = "\"U.N.\" (odd";  // analyst text is never an FTS syntax error
    CHECK(store.query(q).empty());
    q = {};
    q.min_sources = 2;
    found = store.query(q);
    REQUIRE(found.size() == 1);
    CHECK(found[0].type == "ceasefire");
    q = {};
    q.limit = 1;
    q.rank = Rank::sources;
    found = store.query(q);
    REQUIRE(found.size() == 1);
    CHECK(found[0].type == "ceasefire");
    q.rank = Rank::date;
    q.limit = 2;
    found = store.query(q);
    REQUIRE(found.size() == 2);
    CHECK(found[0].type == "occupation");
    CHECK(found[1].type == "armed_conflict");
}

TEST_CASE("a ranked limit keeps the same events whether it walks the rank index or sorts the filtered ones") {
    TempDir dir;
    EventStore store(dir.db());
    const std::vector<std::string> types = {"statement", "attack", "protest"};
    const std::vector<std::string> actors = {"Russia", "Armenia", "Azerbaijan", "Turkey"};
    const std::vector<std::string> places = {"Stepanakert", "Lachin", "Shusha"};
    const std::vector<std::string> sources = {"A", "B", "C", "D"};
    {
        auto batch = store.batch();
        for (int n = 0; n < 240; ++n) {
            // Every fourth article tells the event of the one before (merged: more sources).
            const int told = n % 4 == 3 ? n - 1 : n;
            Article a = article(fmt::format("a{}", n), fmt::format("Report {} of ceasefire talks {}.", n, told % 7),
                                sources[static_cast<std::size_t>(n) % sources.size()], Date(2023, 1, 1) + boost::gregorian::days(n));
            Event e = event(a, types[static_cast<std::size_t>(told) % types.size()], day(2023, 1, 1 + told % 28),
                            {actors[static_cast<std::size_t>(told) % actors.size()]},
                            {places[static_cast<std::size_t>(told / 3) % places.size()]});
            e.confidence = 0.5 + 0.1 * (told % 5);
            e.headline = fmt::format("event {}", told);
            if (told % 10 == 5) {  // undated: last by date, after every dated one
                e.when.reset();
                e.date_source = DateSource::unresolved;
            }
            store.ingest(a, {e});
        }
        batch.commit();
    }
    std::vector<TimelineQuery> queries(10);
    queries[1].types = {"statement"};
    queries[2].actors = {"Russia", "Turkey"};
    queries[3].places = {"Lachin"};
    queries[4].query = "ceasefire 3";
    queries[5].min_sources = 2;
    queries[6].from = Date(2023, 1, 5);
    queries[6].to = Date(2023, 1, 20);
    queries[7] = queries[6];
    queries[7].types = {"attack", "protest"};
    queries[7].statuses = {"asserted"};
    queries[8] = queries[6];  // a filter without parameters after one with them
    queries[8].min_sources = 2;
    queries[9] = queries[7];  // the full-text hits tested beside a window and lists
    queries[9].query = "ceasefire";
    auto ids = [&](const TimelineQuery& q, const char* plan) {
        setenv("DATELINE_RANK_PLAN", plan, 1);
        std::vector<std::string> out;
        for (const auto& e : store.query(q)) out.push_back(e.id);
        unsetenv("DATELINE_RANK_PLAN");
        return out;
    };
    for (auto q : queries)
        for (Rank rank : {Rank::sources, Rank::confidence, Rank::date})
            for (std::size_t limit : {1, 7, 30, 1000}) {
                q.rank = rank;
                q.limit = limit;
                const auto walked = ids(q, "walk"), sorted = ids(q, "sort"), chosen = ids(q, "");
                CHECK(!sorted.empty());
                CHECK(walked == sorted);
                CHECK(chosen == sorted);  // the plan the store picks (a window by date: its own)
            }
}

TEST_CASE("a limit ranked by date reads narrow, wide and undated events in the order of a sort") {
    // Schema 8 has no index of its own for `--rank date`: the walk reads the
    // narrow events from the window index (ties on one day put in key order),
    // the wide ones from theirs, then the undated ones.
    TempDir dir;
    EventStore store(dir.db());
    {
        auto batch = store.batch();
        for (int n = 0; n < 60; ++n) {
            Article a = article(fmt::format("a{}", n), fmt::format("Report {} on the talks.", n),
                                fmt::format("S{}", n % 5), Date(2023, 3, 1));
            Span when = day(2020, 1 + n % 3, 1 + (59 - n) % 4);  // many events on each day, keys against latest
            if (n % 6 == 1) when = Span::decade(2010);            // wide: from 2010 on, before every day
            if (n % 6 == 2) when = Span::month(2020, 2);          // a month: the day of its first day
            if (n % 6 == 3) {
                when = Span::year(2019);
                when.open_end = true;  // wide and open: "since 2019"
            }
            Event e = event(a, n % 2 ? "statement" : "attack", when, {n % 4 ? "Russia" : "Armenia"});
            if (n % 10 == 5) {
                e.when.reset();
                e.date_source = DateSource::unresolved;
            }
            e.headline = fmt::format("event {}", n);
            store.ingest(a, {e});
        }
        batch.commit();
    }
    std::vector<TimelineQuery> queries(3);
    queries[1].types = {"statement"};
    queries[2].actors = {"Armenia"};
    auto ids = [&](const TimelineQuery& q, const char* plan) {
        setenv("DATELINE_RANK_PLAN", plan, 1);
        std::vector<std::string> out;
        for (const auto& e : store.query(q)) out.push_back(e.id);
        unsetenv("DATELINE_RANK_PLAN");
        return out;
    };
    for (auto q : queries)
        for (std::size_t limit : {1, 2, 5, 9, 20, 45, 100}) {
            q.rank = Rank::date;
            q.limit = limit;
            const auto walked = ids(q, "walk"), sorted = ids(q, "sort");
            CHECK(!sorted.empty());
            CHECK(walked == sorted);
        }
}

TEST_CASE("every article comes back out with the events extracted from it") {
    TempDir dir;
    Article a = article("a", "The ICJ ruled on 22 February.", "A");
    Article b = article("b", "The court ruled on 22 February.", "B");
    Event ea = event(a, "legal_ruling", day(2023, 2, 22), {"International Court of Justice"});
    Event eb = event(b, "legal_ruling", day(2023, 2, 22), {"International Court of Justice"});
    {
        EventStore store(dir.db());
        store.ingest(a, {ea});
        store.ingest(b, {eb});
    }
    EventStore store(dir.db());
    std::vector<std::pair<Article, std::vector<Event>>> seen;
    store.for_each_article([&](const Article& art, const std::vector<Event>& events) {
        seen.emplace_back(art, events);
    });
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].first.id == "a");
    CHECK(seen[0].first.text == a.text);
    CHECK(seen[0].first.published == a.published);
    REQUIRE(seen[1].second.size() == 1);
    const Event& back = seen[1].second[0];
    CHECK(back.id == eb.id);
    CHECK(back.when == eb.when);
    CHECK(back.actors == eb.actors);
    CHECK(back.evidence == eb.evidence);

    SUBCASE("and feeding them to another store merges them the same way") {
        EventStore other(dir.path / "other.db");
        for (auto& [art, events] : seen) other.ingest(art, events);
        auto events = other.query({});
        REQUIRE(events.size() == 1);
        CHECK(events[0].source_count == 2);
    }
}

TEST_CASE("a database of an older schema is upgraded in place after a backup copy") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 1);
        db.exec(
            "INSERT INTO articles (id, hash, source_key, text, ingested_at) VALUES ('a', 'h', 'a', 'text', 'now');"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "primary_mention) VALUES ('e', 'attack', 'text', '2022-09-13', '2022-09-13', '2022-09-13', "
            "'2022-09-13', 'day', 'Shelling near Jermuk', 1);"
            "INSERT INTO mentions (event, article, id, type, date_source, headline, sentence) "
            "VALUES (1, 1, 'e', 'attack', 'text', 'Shelling near Jermuk', 'Shelling near Jermuk overnight.');");
        CHECK(db.scalar("PRAGMA user_version") == 1);
    }
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(fs::exists(dir.path / "t.db.v1.bak"));
    TimelineQuery q;
    q.query = "Jermuk";
    CHECK(store.query(q).size() == 1);  // the full-text index covers mentions from before the upgrade
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 4 store gets the merge index of step 5, and its months still take the days they contain") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 4);
        db.exec(
            "INSERT INTO articles (id, hash, source, source_key, published, text, ingested_at) "
            "VALUES ('old', 'h', 'A', 'A', '2023-02-23', 'Russia said in February.', 'now');"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "status, first_reported, primary_mention) VALUES ('old-statement-0', 'statement', 'text', '2023-02', "
            "'2023-02-01', '2023-02-28', '2023-02-28', 'month', 'statement headline', 'asserted', '2023-02-23', 1);"
            "INSERT INTO mentions (event, article, id, type, date_source, edtf, earliest, latest, precision, "
            "headline, sentence, actors, source_key) VALUES (1, 1, 'old-statement-0', 'statement', 'text', "
            "'2023-02', '2023-02-01', '2023-02-28', 'month', 'statement headline', 'Russia said in February.', "
            "'[{\"name\":\"Russia\",\"qualifier\":\"\",\"role\":\"agent\",\"surface\":\"\"}]', 'A');"
            "INSERT INTO mentions_fts (rowid, headline, sentence) VALUES (1, 'statement headline', "
            "'Russia said in February.');"
            "INSERT INTO actors (name) VALUES ('Russia');"
            "INSERT INTO event_actors (event, actor, role, canonical) VALUES (1, 1, 'agent', 1);");
        CHECK(db.scalar("PRAGMA user_version") == 4);
    }
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(fs::exists(dir.path / "t.db.v4.bak"));
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'events_merge_coarser'") == 1);
    }
    // The month stored before the upgrade is found by the new index: the day joins it and narrows it.
    Article a = article("new", "Russia said on 13 February that it was concerned.", "B");
    IngestResult r = store.ingest(a, {event(a, "statement", day(2023, 2, 13), {"Russia"})});
    CHECK(r.events_merged == 1);
    auto events = store.query({});
    REQUIRE(events.size() == 1);
    CHECK(events[0].source_count == 2);
    CHECK(events[0].when->precision == Precision::day);
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 5 store gets the full-text index of step 6 and still finds its old mentions") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 5);
        db.exec(
            "INSERT INTO articles (id, hash, source, source_key, published, text, ingested_at) "
            "VALUES ('old', 'h', 'A', 'A', '2022-09-14', 'Shelling near Jermuk overnight.', 'now');"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "status, first_reported, primary_mention) VALUES ('old-attack-0', 'attack', 'text', '2022-09-13', "
            "'2022-09-13', '2022-09-13', '2022-09-13', 'day', 'Shelling near Jermuk', 'asserted', '2022-09-14', 1);"
            "INSERT INTO mentions (event, article, id, type, date_source, edtf, earliest, latest, precision, "
            "headline, sentence, source_key) VALUES (1, 1, 'old-attack-0', 'attack', 'text', '2022-09-13', "
            "'2022-09-13', '2022-09-13', 'day', 'Shelling near Jermuk', 'Shelling near Jermuk overnight.', 'A');"
            "INSERT INTO mentions_fts (rowid, headline, sentence) VALUES (1, 'Shelling near Jermuk', "
            "'Shelling near Jermuk overnight.');");
        CHECK(db.scalar("PRAGMA user_version") == 5);
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'mentions_fts_docsize'") == 1);
    }
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(fs::exists(dir.path / "t.db.v5.bak"));
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'mentions_fts_docsize'") == 0);
    }
    TimelineQuery q;
    q.query = "Jermuk";
    CHECK(store.query(q).size() == 1);  // rebuilt from the mentions
    Article a = article("new", "Shelling near Jermuk again overnight.", "B", Date(2022, 9, 14));
    store.ingest(a, {event(a, "attack", day(2022, 9, 13), {})});
    q.query = "again";
    CHECK(store.query(q).size() == 1);
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 6 store gets the rank indexes of step 7 and a ranked limit reads the same events") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 6);
        db.exec(
            "INSERT INTO articles (id, hash, source, source_key, published, text, ingested_at) "
            "VALUES ('old', 'h', 'A', 'A', '2022-09-14', 'Shelling near Jermuk overnight.', 'now');"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "status, first_reported, primary_mention, source_count, confidence) VALUES ('old-attack-0', 'attack', "
            "'text', '2022-09-13', '2022-09-13', '2022-09-13', '2022-09-13', 'day', 'Shelling near Jermuk', "
            "'asserted', '2022-09-14', 1, 3, 0.9);"
            "INSERT INTO mentions (event, article, id, type, date_source, edtf, earliest, latest, precision, "
            "headline, sentence, source_key) VALUES (1, 1, 'old-attack-0', 'attack', 'text', '2022-09-13', "
            "'2022-09-13', '2022-09-13', 'day', 'Shelling near Jermuk', 'Shelling near Jermuk overnight.', 'A');"
            "INSERT INTO mentions_fts (rowid, headline, sentence) VALUES (1, 'Shelling near Jermuk', "
            "'Shelling near Jermuk overnight.');");
        CHECK(db.scalar("PRAGMA user_version") == 6);
    }
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(fs::exists(dir.path / "t.db.v6.bak"));
    {
        sqlite::Connection db(dir.db());
        // (Step 8 keeps the first two, the first for events of two sources
        // or more, and drops the third: see the test of version 7 below.)
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('events_by_sources', "
                        "'events_by_confidence')") == 2);
        // The whole span (step 7), then the canonical links (step 10).
        CHECK(db.scalar("SELECT count(*) FROM pragma_index_info('events_for_merge') WHERE seqno < 8 AND name IN "
                        "('earliest', 'latest', 'precision', 'open_start', 'open_end')") == 5);
        CHECK(db.scalar("SELECT count(*) FROM pragma_index_info('events_for_merge')") == 10);
    }
    Article a = article("new", "Shelling near Jermuk again overnight.", "B", Date(2022, 9, 20));
    store.ingest(a, {event(a, "attack", day(2022, 9, 19), {})});
    for (Rank rank : {Rank::sources, Rank::confidence, Rank::date}) {
        TimelineQuery q;
        q.limit = 1;
        q.rank = rank;
        auto events = store.query(q);
        REQUIRE(events.size() == 1);
        CHECK(events[0].id == "old-attack-0");  // 3 sources, confidence 0.9, the first day: first by every rank
    }
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 7 store gets the partial index of step 8 and a limit ranked by sources reads the same events") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 7);
        // Three events of one source (0.9, 0.7, 0.9 a day later) and one of two sources (0.6).
        db.exec(
            "INSERT INTO articles (id, hash, source, source_key, published, text, ingested_at) "
            "VALUES ('old', 'h', 'A', 'A', '2022-09-14', 'Shelling near Jermuk overnight.', 'now');"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "status, first_reported, primary_mention, source_count, confidence) VALUES "
            "('one-a', 'attack', 'text', '2022-09-13', '2022-09-13', '2022-09-13', '2022-09-13', 'day', 'a', "
            "'asserted', '2022-09-14', 1, 1, 0.9), "
            "('one-b', 'attack', 'text', '2022-09-12', '2022-09-12', '2022-09-12', '2022-09-12', 'day', 'b', "
            "'asserted', '2022-09-14', 2, 1, 0.7), "
            "('one-c', 'attack', 'text', '2022-09-14', '2022-09-14', '2022-09-14', '2022-09-14', 'day', 'c', "
            "'asserted', '2022-09-14', 3, 1, 0.9), "
            "('two', 'attack', 'text', '2022-09-20', '2022-09-20', '2022-09-20', '2022-09-20', 'day', 'd', "
            "'asserted', '2022-09-14', 4, 2, 0.6);"
            "INSERT INTO mentions (key, event, article, id, type, date_source, headline, sentence, source_key) VALUES "
            "(1, 1, 1, 'one-a', 'attack', 'text', 'a', 'Shelling near Jermuk overnight.', 'A'), "
            "(2, 2, 1, 'one-b', 'attack', 'text', 'b', 'Shelling near Jermuk overnight.', 'A'), "
            "(3, 3, 1, 'one-c', 'attack', 'text', 'c', 'Shelling near Jermuk overnight.', 'A'), "
            "(4, 4, 1, 'two', 'attack', 'text', 'd', 'Shelling near Jermuk overnight.', 'A');"
            "INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');");
        CHECK(db.scalar("PRAGMA user_version") == 7);
        CHECK(db.scalar("SELECT count(*) FROM events INDEXED BY events_by_sources") == 4);
    }
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(fs::exists(dir.path / "t.db.v7.bak"));
    {
        sqlite::Connection db(dir.db());
        // Only the event of two sources is in the index now.
        CHECK(db.scalar("SELECT count(*) FROM events INDEXED BY events_by_sources WHERE source_count >= 2") == 1);
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'events_by_sources' "
                        "AND sql LIKE '%WHERE source_count >= 2'") == 1);
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'events_by_date'") == 0);
    }
    // The best by sources: the event of two sources, then those of one by
    // confidence and first day, whichever plan reads them.
    const std::vector<std::vector<std::string>> expected = {
        {"two"}, {"one-a", "two"}, {"one-a", "one-c", "two"}, {"one-b", "one-a", "one-c", "two"}};
    for (const char* plan : {"walk", "sort", ""}) {
        setenv("DATELINE_RANK_PLAN", plan, 1);
        for (std::size_t limit = 1; limit <= 4; ++limit) {
            TimelineQuery q;
            q.limit = limit;
            q.rank = Rank::sources;
            std::vector<std::string> ids;
            for (const auto& e : store.query(q)) ids.push_back(e.id);
            CHECK(ids == expected[limit - 1]);
        }
        for (Rank rank : {Rank::sources, Rank::confidence, Rank::date}) {
            TimelineQuery q;
            q.limit = 4;
            q.rank = rank;
            q.min_sources = 2;
            auto events = store.query(q);
            REQUIRE(events.size() == 1);
            CHECK(events[0].id == "two");
            q.min_sources = 3;  // (not seen by SQLite to imply the index's `>= 2` unless said)
            CHECK(store.query(q).empty());
            q.min_sources = 1;
            CHECK(store.query(q).size() == 4);
        }
        unsetenv("DATELINE_RANK_PLAN");
    }
    // A merge that gives an event a second source puts it in the index.
    Article a = article("new", "Shelling near Jermuk again overnight.", "B", Date(2022, 9, 20));
    store.ingest(a, {event(a, "attack", day(2022, 9, 12), {})});
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT count(*) FROM events INDEXED BY events_by_sources WHERE source_count >= 2") == 2);
    }
    TimelineQuery q;
    q.limit = 1;
    q.rank = Rank::sources;
    auto events = store.query(q);
    REQUIRE(events.size() == 1);
    CHECK(events[0].id == "one-b");  // two sources, confidence 0.7: before "two" (0.6)
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 8 store gets the mention keys and full-text index of step 9 and keeps its events") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 8);
        // Article "a" tells two events in one sentence (mentions 1 and 2);
        // "b" tells the first one again, more finely (mention 3, canonical).
        db.exec(
            "INSERT INTO articles (id, hash, source, source_key, published, text, ingested_at) VALUES "
            "('a', 'h1', 'A', 'A', '2022-09-14', 'Shelling near Jermuk overnight, and troops moved.', 'now'), "
            "('b', 'h2', 'B', 'B', '2022-09-15', 'Shelling near Jermuk on 13 September.', 'now');"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "status, first_reported, primary_mention, source_count, confidence) VALUES "
            "('b-attack', 'attack', 'text', '2022-09-13', '2022-09-13', '2022-09-13', '2022-09-13', 'day', "
            "'Shelling near Jermuk', 'asserted', '2022-09-14', 3, 2, 0.8), "
            "('a-move', 'military_posture', 'text', '2022-09', '2022-09-01', '2022-09-30', '2022-09-30', 'month', "
            "'Shelling near Jermuk', 'asserted', '2022-09-14', 2, 1, 0.5);"
            "INSERT INTO mentions (key, event, article, id, type, date_source, edtf, earliest, latest, precision, "
            "headline, sentence, begin, end, source_key) VALUES "
            "(1, 1, 1, 'a-attack', 'attack', 'text', '2022-09', '2022-09-01', '2022-09-30', 'month', "
            "'Shelling near Jermuk', 'Shelling near Jermuk overnight, and troops moved.', 0, 49, 'A'), "
            "(2, 2, 1, 'a-move', 'military_posture', 'text', '2022-09', '2022-09-01', '2022-09-30', 'month', "
            "'Shelling near Jermuk', 'Shelling near Jermuk overnight, and troops moved.', 0, 49, 'A'), "
            "(3, 1, 2, 'b-attack', 'attack', 'text', '2022-09-13', '2022-09-13', '2022-09-13', 'day', "
            "'Shelling near Jermuk', 'Shelling near Jermuk on 13 September.', 0, 37, 'B');"
            "INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');");
        CHECK(db.scalar("PRAGMA user_version") == 8);
    }
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(store.upgraded_from() == 8);  // the CLI tells the user, naming the backup
    CHECK(fs::exists(dir.path / "t.db.v8.bak"));
    CHECK(EventStore(dir.db(), EventStore::Access::read).upgraded_from() == 0);  // once only
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'mentions_by_article'") == 0);
        // Each article's mentions in a range of keys of its slot, in their old order.
        CHECK(db.scalar("SELECT count(*) FROM mentions m JOIN articles a ON a.key = m.article "
                        "WHERE m.key >> 20 = a.slot") == 3);
        CHECK(db.scalar("SELECT count(*) FROM articles a JOIN mentions m ON m.article = a.key "
                        "WHERE a.id = 'a' AND m.id = 'a-attack' AND m.key & 1048575 = 0") == 1);
        CHECK(db.scalar("SELECT count(*) FROM mentions_text") == 2);  // a's sentence once, b's
        CHECK(db.scalar("SELECT count(*) FROM events e JOIN mentions m ON m.key = e.primary_mention "
                        "WHERE m.id = e.id") == 2);  // the canonical mentions followed their new keys
    }
    CHECK(store.integrity_check() == "ok");
    auto events = store.query({});
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == "a-move");  // 2022-09 (the month begins first)
    CHECK(events[1].id == "b-attack");
    CHECK(events[1].evidence.article == "b");
    REQUIRE(events[1].mentions.size() == 1);
    CHECK(events[1].mentions[0].article == "a");
    TimelineQuery q;
    q.query = "troops";
    CHECK(store.query(q).size() == 2);  // one row of the index for the two events of "a"

    // "a" replaced: its mentions go (by its range), and new ones follow every stored one.
    Article a = article("a", "Troops withdrew from Jermuk on 20 September.", "A", Date(2022, 9, 21));
    IngestResult r = store.ingest(a, {event(a, "withdrawal", day(2022, 9, 20), {"Armenia"})});
    CHECK(r.outcome == IngestOutcome::replaced);
    CHECK(r.events_removed == 1);
    events = store.query({});
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == "b-attack");
    CHECK(events[0].mentions.empty());
    CHECK(events[0].source_count == 1);
    CHECK(events[1].type == "withdrawal");
    q.query = "overnight";
    CHECK(store.query(q).empty());
    q.query = "withdrew";
    CHECK(store.query(q).size() == 1);
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT min(key) FROM mentions WHERE article = 1") >
              db.scalar("SELECT max(key) FROM mentions WHERE article = 2"));
    }
    std::size_t seen = 0;
    store.for_each_article([&](const Article& art, const std::vector<Event>& evs) {
        seen += evs.size();
        if (art.id == "a") {
            REQUIRE(evs.size() == 1);
            CHECK(evs[0].type == "withdrawal");
        }
    });
    CHECK(seen == 2);
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 9 store gets its events' canonical links in the merge indexes (step 10)") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 9);
        // One event told by article "a": canonical links to Azerbaijan (agent),
        // Armenia (target) and Lachin; another report added Russia, not canonical.
        db.exec(
            "INSERT INTO articles (id, hash, source, source_key, published, text, ingested_at, slot) VALUES "
            "('a', 'h1', 'A', 'A', '2022-12-14', 'Azerbaijan blocked the road to Armenia at Lachin.', 'now', 1);"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "status, first_reported, primary_mention, source_count, confidence) VALUES "
            "('a-blockade', 'blockade', 'text', '2022-12-12', '2022-12-12', '2022-12-12', '2022-12-12', 'day', "
            "'Azerbaijan blocked the road', 'asserted', '2022-12-14', 1048576, 1, 0.8);"
            "INSERT INTO mentions (key, event, article, fts_key, id, type, date_source, edtf, earliest, latest, "
            "precision, headline, sentence, begin, end, source_key, actors, places) VALUES "
            "(1048576, 1, 1, 1048576, 'a-blockade', 'blockade', 'text', '2022-12-12', '2022-12-12', '2022-12-12', "
            "'day', 'Azerbaijan blocked the road', 'Azerbaijan blocked the road to Armenia at Lachin.', 0, 49, 'A', "
            "'[{\"name\":\"Azerbaijan\",\"qualifier\":\"\",\"role\":\"agent\",\"surface\":\"Azerbaijan\"},"
            "{\"name\":\"Armenia\",\"qualifier\":\"\",\"role\":\"target\",\"surface\":\"Armenia\"}]', "
            "'[{\"lat\":39.6,\"lon\":46.5,\"name\":\"Lachin\",\"surface\":\"Lachin\"}]');"
            "INSERT INTO actors (name) VALUES ('Azerbaijan'), ('Armenia'), ('Russia');"
            "INSERT INTO places (name, lat, lon) VALUES ('Lachin', 39.6, 46.5);"
            "INSERT INTO event_actors (event, actor, role, canonical) VALUES "
            "(1, 1, 'agent', 1), (1, 2, 'target', 1), (1, 3, 'agent', 0);"
            "INSERT INTO event_places (event, place, canonical) VALUES (1, 1, 1);"
            "INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');");
        CHECK(db.scalar("PRAGMA user_version") == 9);
    }
    {
        EventStore store(dir.db());
        CHECK(store.upgraded_from() == 9);
        CHECK(fs::exists(dir.path / "t.db.v9.bak"));
        CHECK(store.integrity_check() == "ok");
    }
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("PRAGMA user_version") == EventStore::schema_version);
        sqlite::Statement s(db, "SELECT canon_actors, canon_places FROM events WHERE key = 1");
        REQUIRE(s.step());
        CHECK(s.column_text(0) == "1\x1f" "agent\x1e" "2\x1f" "target");  // Russia is not canonical
        CHECK(s.column_text(1) == "1");
        // The probe reads the links from the merge index alone.
        CHECK(db.scalar("SELECT count(*) FROM events INDEXED BY events_for_merge WHERE type = 'blockade' AND "
                        "canon_actors LIKE '%target%'") == 1);
    }
    EventStore store(dir.db());
    // A report that shares only Armenia merges (the links came from the
    // migration); one that shares only Russia (not canonical) does not.
    Article b = article("b", "Armenia said the Lachin road was blocked on 12 December.", "B", Date(2022, 12, 15));
    auto merged = store.ingest(b, {event(b, "blockade", day(2022, 12, 12), {"Armenia"})});
    CHECK(merged.events_merged == 1);
    Article c = article("c", "Russia said the road was blocked on 12 December.", "C", Date(2022, 12, 15));
    auto apart = store.ingest(c, {event(c, "blockade", day(2022, 12, 12), {"Russia"})});
    CHECK(apart.events_merged == 0);
    auto events = store.query({});
    REQUIRE(events.size() == 2);
    CHECK(events[0].source_count + events[1].source_count == 3);
    {
        // A new event and a finer mention write their canonical links with them.
        Article d = article("d", "Azerbaijan and Armenia traded fire in December 2022.", "D", Date(2022, 12, 20));
        Span month;
        month.earliest = Date(2022, 12, 1);
        month.latest = Date(2022, 12, 31);
        month.precision = Precision::month;
        store.ingest(d, {event(d, "attack", month, {"Azerbaijan", "Armenia"}, {"Lachin"})});
        Article f = article("f", "Armenia reported fire at Lachin on 18 December.", "F", Date(2022, 12, 20));
        CHECK(store.ingest(f, {event(f, "attack", day(2022, 12, 18), {"Armenia"}, {"Lachin"})}).events_merged == 1);
        sqlite::Connection db(dir.db());
        sqlite::Statement s(db, "SELECT canon_actors, canon_places, precision FROM events WHERE type = 'attack'");
        REQUIRE(s.step());
        CHECK(s.column_text(0) == "2\x1f" "agent");  // the day's report is canonical now
        CHECK(s.column_text(1) == "1");
        CHECK(s.column_text(2) == "day");
    }
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 9 store gets the links of step 11, one row per actor or place and event, and keeps its events") {
    TempDir dir;
    const long long a0 = 1LL << 20, b0 = 2LL << 20;  // the first mention of slots 1 and 2
    {
        sqlite::Connection db(dir.db());
        sqlite::migrate(db, 9);
        // One event told by "a" (a month, Armenia as agent, in Jermuk) and
        // by "b" (the day, canonical: Azerbaijan as agent, Armenia as target).
        db.exec(fmt::format(
            "INSERT INTO articles (id, hash, source, source_key, published, text, ingested_at, slot) VALUES "
            "('a', 'h1', 'A', 'A', '2022-09-14', 'Armenia reported shelling near Jermuk in September.', 'now', 1), "
            "('b', 'h2', 'B', 'B', '2022-09-15', 'Azerbaijan shelled Armenia on 13 September.', 'now', 2);"
            "INSERT INTO actors (name) VALUES ('Armenia'), ('Azerbaijan');"
            "INSERT INTO places (name, lat, lon) VALUES ('Jermuk', 39.84, 45.67);"
            "INSERT INTO events (id, type, date_source, edtf, earliest, latest, upper, precision, headline, "
            "status, first_reported, primary_mention, source_count, confidence) VALUES "
            "('b-attack', 'attack', 'text', '2022-09-13', '2022-09-13', '2022-09-13', '2022-09-13', 'day', "
            "'Azerbaijan shelled Armenia', 'asserted', '2022-09-14', {1}, 2, 0.8);"
            "INSERT INTO mentions (key, event, article, fts_key, fts_headline, id, type, date_source, edtf, "
            "earliest, latest, precision, headline, confidence, sentence, begin, end, actors, places, source_key) "
            "VALUES ({0}, 1, 1, {0}, 1, 'a-attack', 'attack', 'text', '2022-09', '2022-09-01', '2022-09-30', "
            "'month', 'Armenia reported shelling', 0.6, 'Armenia reported shelling near Jermuk in September.', 0, 52, "
            "'[{{\"name\":\"Armenia\",\"qualifier\":\"\",\"role\":\"agent\",\"surface\":\"\"}}]', "
            "'[{{\"lat\":39.84,\"lon\":45.67,\"name\":\"Jermuk\",\"surface\":\"\"}}]', 'A'), "
            "({1}, 1, 2, {1}, 1, 'b-attack', 'attack', 'text', '2022-09-13', '2022-09-13', '2022-09-13', 'day', "
            "'Azerbaijan shelled Armenia', 0.8, 'Azerbaijan shelled Armenia on 13 September.', 0, 43, "
            "'[{{\"name\":\"Azerbaijan\",\"qualifier\":\"\",\"role\":\"agent\",\"surface\":\"\"}},"
            "{{\"name\":\"Armenia\",\"qualifier\":\"\",\"role\":\"target\",\"surface\":\"\"}}]', '[]', 'B');"
            "INSERT INTO event_actors (event, actor, role, canonical) VALUES "
            "(1, 1, 'agent', 0), (1, 2, 'agent', 1), (1, 1, 'target', 1);"
            "INSERT INTO event_places (event, place, canonical) VALUES (1, 1, 0);"
            "INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild');",
            a0, b0));
        CHECK(db.scalar("PRAGMA user_version") == 9);
    }
    EventStore store(dir.db());
    CHECK(store.stats().schema_version == EventStore::schema_version);
    CHECK(store.upgraded_from() == 9);
    CHECK(fs::exists(dir.path / "t.db.v9.bak"));
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('event_actors_by_actor', 'event_places_by_place')") == 0);
        CHECK(db.scalar("SELECT count(*) FROM event_actors") == 2);  // Armenia (two roles) once, Azerbaijan
        CHECK(db.scalar("SELECT count(*) FROM event_places") == 1);
    }
    CHECK(store.integrity_check() == "ok");
    auto events = store.query({});
    REQUIRE(events.size() == 1);
    // The canonical mention's actors, then what the other mention adds (by
    // name and role), and its place with the stored coordinates.
    REQUIRE(events[0].actors.size() == 3);
    CHECK(events[0].actors[0].name == "Azerbaijan");
    CHECK(events[0].actors[1].name == "Armenia");
    CHECK(events[0].actors[1].role == "target");
    CHECK(events[0].actors[2].name == "Armenia");
    CHECK(events[0].actors[2].role == "agent");
    REQUIRE(events[0].places.size() == 1);
    CHECK(events[0].places[0].name == "Jermuk");
    CHECK(events[0].places[0].lat == doctest::Approx(39.84));
    TimelineQuery q;
    q.actors = {"Armenia"};
    CHECK(store.query(q).size() == 1);
    q = {};
    q.places = {"Jermuk"};
    CHECK(store.query(q).size() == 1);

    // The canonical actors, read from the canonical mention, still decide a merge.
    Article c = article("c", "Azerbaijan fired at Armenian positions on 13 September.", "C", Date(2022, 9, 16));
    IngestResult r = store.ingest(c, {event(c, "attack", day(2022, 9, 13), {"Azerbaijan"})});
    CHECK(r.events_merged == 1);
    Article d = article("d", "Georgia fired on 13 September.", "D", Date(2022, 9, 16));
    r = store.ingest(d, {event(d, "attack", day(2022, 9, 13), {"Georgia"})});
    CHECK(r.events_new == 1);  // no canonical actor in common

    // "a" replaced: Jermuk, which only it named, goes; Armenia stays (named by "b").
    Article a = article("a", "Armenia said nothing.", "A", Date(2022, 9, 14));
    r = store.ingest(a, {});
    CHECK(r.outcome == IngestOutcome::replaced);
    CHECK(r.events_removed == 0);
    CHECK(store.query(q).empty());
    q = {};
    q.actors = {"Armenia"};
    CHECK(store.query(q).size() == 1);
    // "d" replaced: its event goes, and its link with it.
    d.text = "Nothing happened.";
    r = store.ingest(d, {});
    CHECK(r.events_removed == 1);
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("SELECT count(*) FROM event_places") == 0);
        CHECK(db.scalar("SELECT count(*) FROM event_actors") == 2);
        CHECK(db.scalar("SELECT count(*) FROM event_actors WHERE event NOT IN (SELECT key FROM events)") == 0);
    }
    events = store.query({});
    REQUIRE(events.size() == 1);
    CHECK(events[0].source_count == 2);  // b and c
    REQUIRE(events[0].actors.size() == 2);  // a's Armenia as agent is gone with it
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a version 11 store gets the full-text pending size of step 12 and still finds its mentions") {
    TempDir dir;
    {
        EventStore store(dir.db());
        Article a = article("a", "Azerbaijan shelled Armenia near Jermuk on 13 September.", "A", Date(2022, 9, 14));
        store.ingest(a, {event(a, "attack", day(2022, 9, 13), {"Azerbaijan"})});
    }
    {
        // The same store as version 11 wrote it: no hashsize in the index's config.
        sqlite::Connection db(dir.db());
        db.exec("DELETE FROM mentions_fts_config WHERE k = 'hashsize'; PRAGMA user_version = 11");
    }
    EventStore store(dir.db());
    CHECK(store.upgraded_from() == 11);
    CHECK(fs::exists(dir.path / "t.db.v11.bak"));
    {
        sqlite::Connection db(dir.db());
        CHECK(db.scalar("PRAGMA user_version") == 12);
        CHECK(db.scalar("SELECT v FROM mentions_fts_config WHERE k = 'hashsize'") == 8388608);
    }
    TimelineQuery q;
    q.query = "Jermuk";
    CHECK(store.query(q).size() == 1);
    // New texts are found too, before and after the pending terms are written.
    Article b = article("b", "Armenia reported shelling near Jermuk on 14 September.", "B", Date(2022, 9, 15));
    store.ingest(b, {event(b, "attack", day(2022, 9, 14), {"Armenia"})});
    CHECK(store.query(q).size() == 2);
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a new store writes the full-text index's pending terms in segments of up to 8 MiB (step 12)") {
    TempDir dir;
    { EventStore store(dir.db()); }
    sqlite::Connection db(dir.db());
    CHECK(db.scalar("SELECT v FROM mentions_fts_config WHERE k = 'hashsize'") == 8388608);
}

TEST_CASE("a database from a newer dateline is refused with a hint") {
    TempDir dir;
    {
        sqlite::Connection db(dir.db());
        db.exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH_AS(EventStore(dir.db()), doctest::Contains("upgrade dateline"), StoreError);
}

TEST_CASE("the integrity check notices a full-text index out of step with the mentions") {
    TempDir dir;
    Article a = article("a", "Words about the ceasefire.", "A");
    {
        EventStore store(dir.db());
        store.ingest(a, {event(a, "ceasefire", day(2020, 11, 10), {"Russia"})});
        CHECK(store.integrity_check() == "ok");
    }
    {
        sqlite::Connection db(dir.db());
        db.exec("UPDATE mentions SET sentence = 'other words entirely'");
    }
    EventStore store(dir.db());
    CHECK(store.integrity_check() != "ok");
}

TEST_CASE("a streamed query hands out the same events in the same order as query, a first day at a time") {
    TempDir dir;
    EventStore store(dir.db());
    // Many events share a first day (a decade, a year, a quarter, a month, a
    // week and days all open on 2020-01-01 or nearby), across articles, in
    // an ingest order unlike the chronological one; some are undated.
    const std::vector<std::string> types = {"statement", "attack", "protest", "meeting", "appeal", "blockade"};
    std::vector<Span> spans = {Span::decade(2020), Span::year(2020), Span::quarter(2020, 1), Span::month(2020, 1),
                               day(2020, 1, 1),    day(2019, 12, 31), day(2020, 1, 2), Span::year(1991)};
    Span open = Span::year(2020);
    open.open_end = true;
    spans.push_back(open);
    Span rough = day(2020, 1, 1);
    rough.approximate = true;
    spans.push_back(rough);
    int n = 0;
    for (int art = 0; art < 6; ++art) {
        Article a = article(fmt::format("art{}", art), std::string(400, 'x'), fmt::format("S{}", art));
        std::vector<Event> events;
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const std::size_t k = (i * 7 + static_cast<std::size_t>(art) * 3) % spans.size();
            Event e = event(a, types[(i + static_cast<std::size_t>(art)) % types.size()], spans[k],
                            {fmt::format("Actor{}", n % 5)},
                            i % 2 ? std::vector<std::string>{} : std::vector<std::string>{"Lachin"}, i * 20);
            ++n;
            events.push_back(std::move(e));
        }
        Event undated = event(a, "statement", day(2020, 1, 1), {"Nobody"}, {}, 300);
        undated.when.reset();
        undated.date_source = DateSource::unresolved;
        events.push_back(std::move(undated));
        store.ingest(a, events);
    }

    auto ids = [](const std::vector<Event>& events) {
        std::vector<std::string> out;
        for (const Event& e : events) out.push_back(e.id);
        return out;
    };
    auto streamed = [&](const TimelineQuery& q) {
        std::vector<Event> out;
        auto source = store.stream(q);
        while (const Event* e = source->next()) out.push_back(*e);
        CHECK(source->next() == nullptr);  // stays at the end
        return out;
    };

    std::vector<TimelineQuery> queries(5);
    queries[1].from = Date(2020, 1, 1);
    queries[1].to = Date(2020, 1, 1);
    queries[2].types = {"attack", "meeting"};
    queries[3].limit = 7;
    queries[4].limit = 9;
    queries[4].rank = Rank::date;
    for (const TimelineQuery& q : queries) {
        const std::vector<Event> whole = store.query(q);
        REQUIRE(!whole.empty());
        const std::vector<Event> pieces = streamed(q);
        CHECK(ids(pieces) == ids(whole));
        CHECK(pieces.size() == whole.size());
        for (std::size_t i = 0; i < std::min(pieces.size(), whole.size()); ++i)
            CHECK(to_json(pieces[i], true) == to_json(whole[i], true));
        // And the order is the chronological one of all of them at once.
        std::vector<Event> sorted = whole;
        sort_chronologically(sorted);
        CHECK(ids(sorted) == ids(whole));
    }
    const std::vector<Event> all = store.query({});
    CHECK(!all.back().when);  // undated last

    // Every format writes the same bytes from the stream as from the timeline in memory.
    Timeline header;
    header.title = "T";
    header.exported_on = Date(2024, 5, 1);
    header.eras.push_back({Span::year(2020), "The year"});
    Timeline whole = header;
    whole.events = all;
    for (const auto& exporter : builtin_exporters().all()) {
        CAPTURE(exporter->name());
        std::ostringstream from_memory, from_store;
        exporter->write(whole, from_memory);
        auto source = store.stream({});
        exporter->write_stream(header, *source, from_store);
        CHECK(from_store.str() == from_memory.str());
        CHECK(from_store.str().size() > 100);
    }
    // On 2020-01-01 coarser spans open first: the decade before the year before the day.
    auto first_of = [&](Precision p) {
        for (std::size_t i = 0; i < all.size(); ++i)
            if (all[i].when && all[i].when->earliest == Date(2020, 1, 1) && all[i].when->precision == p) return i;
        return all.size();
    };
    CHECK(first_of(Precision::decade) < first_of(Precision::year));
    CHECK(first_of(Precision::year) < first_of(Precision::month));
    CHECK(first_of(Precision::month) < first_of(Precision::day));
}
