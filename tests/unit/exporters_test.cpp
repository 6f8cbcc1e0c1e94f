// Tests of the exporter registry and of what every format promises: dates at their precision, escaping, limits.
#include "dateline/error.hpp"
#include "dateline/exporter.hpp"

#include "exporter_fixture.hpp"
#include "../exporters/stream.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>

using namespace dateline;
using json = nlohmann::json;

namespace {

Event event_at(const std::string& id, Span s, const std::string& type = "protest") {
    Event e;
    e.id = id;
    e.when = s;
    e.type = type;
    e.headline = "headline " + id;
    e.evidence.article = "a";
    e.evidence.sentence = "sentence " + id;
    return e;
}

Timeline one(Event e) {
    Timeline t;
    t.exported_on = Date(2023, 3, 1);
    t.events.push_back(std::move(e));
    return t;
}

json slide_of(const Span& s) {
    const json doc = json::parse(test::render(builtin_exporters().get("timelinejs"), one(event_at("x", s))));
    return doc.at("events").at(0);
}

json item_of(const Span& s) {
    const json doc = json::parse(test::render(builtin_exporters().get("vis"), one(event_at("x", s))));
    return doc.at("items").at(0);
}

}  // namespace

TEST_CASE("the registry lists every built-in format in sorted order") {
    CHECK(builtin_exporters().names() ==
          std::vector<std::string>{"csv", "geojson", "html", "json", "markdown", "timelinejs", "vis"});
    for (const auto& e : builtin_exporters().all()) {
        CHECK_FALSE(e->description().empty());
        CHECK_FALSE(e->extension().empty());
    }
}

TEST_CASE("an unknown format throws an InputError naming it and the known formats") {
    try {
        builtin_exporters().get("pdf");
        FAIL("no exception");
    } catch (const InputError& e) {
        const std::string what = e.what();
        CHECK(what.find("'pdf'") != std::string::npos);
        CHECK(what.find("csv, geojson, html, json, markdown, timelinejs, vis") != std::string::npos);
    }
}

TEST_CASE("a format added under a known name replaces the built-in one") {
    struct Fake final : Exporter {
        std::string_view name() const override { return "csv"; }
        std::string_view extension() const override { return "txt"; }
        std::string_view description() const override { return "fake"; }
        void write(const Timeline&, std::ostream& out) const override { out << "fake\n"; }
    };
    ExporterRegistry r;
    register_builtin_exporters(r);
    r.add(std::make_unique<Fake>());
    CHECK(r.names().size() == 7);
    CHECK(r.get("csv").description() == "fake");
}

TEST_CASE("timelinejs gives each precision its own integer date parts") {
    const json day = slide_of(Span::day(Date(2022, 12, 12)));
    CHECK(day["start_date"] == json{{"year", 2022}, {"month", 12}, {"day", 12}});
    CHECK_FALSE(day.contains("end_date"));
    CHECK_FALSE(day.contains("display_date"));

    const json month = slide_of(Span::month(2023, 1));
    CHECK(month["start_date"] == json{{"year", 2023}, {"month", 1}});
    CHECK_FALSE(month.contains("end_date"));

    const json year = slide_of(Span::year(1991));
    CHECK(year["start_date"] == json{{"year", 1991}});
    CHECK(year["start_date"]["year"].is_number_integer());

    const json decade = slide_of(Span::decade(1990));
    CHECK(decade["start_date"] == json{{"year", 1990}});
    CHECK(decade["end_date"] == json{{"year", 1999}});
    CHECK(decade["display_date"] == "1990s");
}

TEST_CASE("timelinejs shows approximate dates with c. and open spans as ongoing without an end") {
    Span approx = Span::year(1991);
    approx.approximate = true;
    CHECK(slide_of(approx)["display_date"] == "c. 1991");

    Span open = Span::year(1991);
    open.open_end = true;
    const json s = slide_of(open);
    CHECK(s["display_date"] == "1991 – ongoing");
    CHECK_FALSE(s.contains("end_date"));
}

TEST_CASE("timelinejs always uses the human scale and a unique_id derived from the event id") {
    Timeline t = one(event_at("abc/1", Span::year(2020)));
    t.events.push_back(event_at("abc/1", Span::year(2021)));  // a duplicate id must still give distinct slides
    const json doc = json::parse(test::render(builtin_exporters().get("timelinejs"), t));
    CHECK(doc["scale"] == "human");
    CHECK(doc["events"][0]["unique_id"] == "ev-abc_1");
    CHECK(doc["events"][1]["unique_id"] == "ev-abc_1-2");
}

TEST_CASE("timelinejs escapes article text because TimelineJS renders it as HTML") {
    Event e = event_at("x", Span::year(2020));
    e.headline = "<img src=x onerror=alert(1)> \"q\" & 'a'";
    e.evidence.sentence = "<script>alert(1)</script>";
    e.evidence.url = "javascript:alert(1)";
    e.evidence.source = "Evil";
    const std::string out = test::render(builtin_exporters().get("timelinejs"), one(e));
    const json s = json::parse(out)["events"][0];
    CHECK(s["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &amp; &#39;a&#39;");
    CHECK(s["text"]["text"].get<std::string>().find("<script") == std::string::npos);
    CHECK(out.find("href=\\\"javascript") == std::string::npos);
    CHECK(s["autolink"] == false);
}

TEST_CASE("timelinejs warns on the log past 200 slides and still writes them all") {
    Timeline t;
    t.exported_on = Date(2023, 3, 1);
    for (int i = 0; i < 201; ++i) t.events.push_back(event_at(std::to_string(i), Span::year(1800 + i)));
    std::ostringstream log;
    auto* old = std::clog.rdbuf(log.rdbuf());
    const json doc = json::parse(test::render(builtin_exporters().get("timelinejs"), t));
    std::clog.rdbuf(old);
    CHECK(doc["events"].size() == 201);
    CHECK(log.str().find("201 slides") != std::string::npos);

    t.events.pop_back();
    std::ostringstream quiet;
    old = std::clog.rdbuf(quiet.rdbuf());
    test::render(builtin_exporters().get("timelinejs"), t);
    std::clog.rdbuf(old);
    CHECK(quiet.str().empty());
}

TEST_CASE("vis never writes a bare year: coarse dates are ranges of full days with an exclusive end") {
    const json day = item_of(Span::day(Date(2022, 12, 12)));
    CHECK(day["type"] == "point");
    CHECK(day["start"] == "2022-12-12");
    CHECK_FALSE(day.contains("end"));

    const json month = item_of(Span::month(2022, 12));
    CHECK(month["type"] == "range");
    CHECK(month["start"] == "2022-12-01");
    CHECK(month["end"] == "2023-01-01");

    const json year = item_of(Span::year(1991));
    CHECK(year["start"] == "1991-01-01");
    CHECK(year["end"] == "1992-01-01");

    Span open = Span::year(1991);
    open.open_end = true;
    const json o = item_of(open);
    CHECK(o["end"] == "2023-03-01");  // the export date
    CHECK(o["className"].get<std::string>().find("open-end") != std::string::npos);

    Span approx = Span::year(1991);
    approx.approximate = true;
    const json a = item_of(approx);
    CHECK(a["className"] == "type-protest precision-year approximate");
    CHECK(a["title"].get<std::string>().rfind("c. 1991", 0) == 0);
}

TEST_CASE("group_by chooses what tools group events under") {
    Event e = event_at("x", Span::year(2020), "protest");
    e.actors.push_back({"Azerbaijan", "agent", "", ""});
    Timeline t = one(e);
    t.events.push_back(event_at("y", Span::year(2021), "appeal"));  // no actor
    for (auto [by, first, second] : {std::tuple{"type", "protest", "appeal"}, std::tuple{"actor", "Azerbaijan", "other"}}) {
        t.group_by = by;
        const json vis = json::parse(test::render(builtin_exporters().get("vis"), t));
        CHECK(vis["items"][0]["group"] == first);
        CHECK(vis["groups"].size() == 2);
        const json tl = json::parse(test::render(builtin_exporters().get("timelinejs"), t));
        CHECK(tl["events"][1]["group"] == second);
    }
    t.group_by = "none";
    const json vis = json::parse(test::render(builtin_exporters().get("vis"), t));
    CHECK(vis["groups"].empty());
    CHECK_FALSE(vis["items"][0].contains("group"));
}

TEST_CASE("csv quotes per RFC 4180 and neutralises cells a spreadsheet would run as formulas") {
    Event e = event_at("x", Span::year(2020));
    e.headline = "=cmd|' /C calc'!A0";
    e.evidence.sentence = "said \"no\",\nthen left";
    e.actors = {{"+Plus", "agent", "", ""}, {"Armenia", "target", "", ""}};
    const std::string out = test::render(builtin_exporters().get("csv"), one(e));
    CHECK(out.rfind("\xEF\xBB\xBFid,date,", 0) == 0);
    CHECK(out.find(",'=cmd|' /C calc'!A0,") != std::string::npos);
    CHECK(out.find(",'+Plus; Armenia,") != std::string::npos);
    CHECK(out.find(",\"said \"\"no\"\",\nthen left\"\r\n") != std::string::npos);
}

TEST_CASE("the html page escapes every piece of article text and carries no script or network request") {
    Event e = event_at("x", Span::year(2020));
    e.headline = "<script>alert(1)</script>";
    e.evidence.sentence = "<img src=x onerror=alert(1)>";
    e.evidence.source = "<b>src</b>";
    e.evidence.url = "javascript:alert(1)";
    Timeline t = one(e);
    t.title = "</title><script>alert(2)</script>";
    const std::string page = test::render(builtin_exporters().get("html"), t);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
    CHECK(page.find("http://") == std::string::npos);  // nothing to fetch: inline SVG needs no namespace URL
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("the html axis pairs each mark with its own tooltip, in list order, and leaves undated events off it") {
    // The page is put together after one pass: the tooltips wait in a
    // temporary file while the axis is measured, so their order is checked.
    Timeline t = one(event_at("a", Span::day(Date(2020, 1, 1)), "attack"));
    Event undated = event_at("b", Span::year(2020), "statement");
    undated.when.reset();
    t.events.push_back(undated);
    Span approx = Span::year(2021);
    approx.approximate = true;
    t.events.push_back(event_at("c", approx, "statement"));
    t.events.push_back(event_at("d", Span::day(Date(2020, 1, 1)), "attack"));
    const std::string page = test::render(builtin_exporters().get("html"), t);
    CHECK(page.find("<p class=\"meta\">4 events,") != std::string::npos);
    CHECK(page.find("aria-label=\"Time axis of 3 events\"") != std::string::npos);
    const auto a = page.find("<a href=\"#ev-a\"><title>1 January 2020 — headline a\nsentence a</title><circle "
                             "class=\"mark t-attack\"");
    const auto c = page.find("<a href=\"#ev-c\"><title>");
    const auto d = page.find("<a href=\"#ev-d\"><title>1 January 2020 — headline d\nsentence d</title><circle "
                             "class=\"mark t-attack\"");
    REQUIRE(a != std::string::npos);
    REQUIRE(c != std::string::npos);
    REQUIRE(d != std::string::npos);
    CHECK(a < c);
    CHECK(c < d);
    CHECK(page.find("headline c\nsentence c</title><rect class=\"mark t-statement approximate\"", c) != std::string::npos);
    CHECK(page.find("href=\"#ev-b\"") == std::string::npos);  // undated: in the list only
    CHECK(page.find("<li id=\"ev-b\" class=\"t-statement\"><time>undated</time>") != std::string::npos);
    // The same day twice takes a second lane: two lanes of 16 units under a 34-unit top, plus 8.
    CHECK(page.find("<svg viewBox=\"0 0 1000 74\"") != std::string::npos);
    // Both types have a colour rule and a legend entry.
    CHECK(page.find(".t-attack{fill:") != std::string::npos);
    CHECK(page.find(".t-statement{fill:") != std::string::npos);
}

TEST_CASE("markdown lists events under their year and escapes markup") {
    Event e = event_at("x", Span::month(2023, 1));
    e.headline = "*bold* [link](http://x) <b>";
    const std::string md = test::render(builtin_exporters().get("markdown"), one(e));
    CHECK(md.find("## 2023\n") != std::string::npos);
    CHECK(md.find("- **January 2023** — \\*bold\\* \\[link\\](http://x) &lt;b&gt; (1 source)") != std::string::npos);
}

TEST_CASE("geojson writes longitude first and skips events with no mapped place") {
    Event e = event_at("x", Span::day(Date(2023, 2, 22)));
    e.places.push_back({"Lachin corridor", 39.63, 46.55, ""});
    Timeline t = one(e);
    t.events.push_back(event_at("y", Span::year(2020)));
    const json doc = json::parse(test::render(builtin_exporters().get("geojson"), t));
    REQUIRE(doc["features"].size() == 1);
    CHECK(doc["features"][0]["geometry"]["coordinates"] == json::array({46.55, 39.63}));
    CHECK(doc["features"][0]["when"]["timespans"][0]["start"]["in"] == "2023-02-22");
}

TEST_CASE("every exporter writes a valid document for an empty timeline") {
    Timeline t;
    for (const auto& e : builtin_exporters().all()) {
        CAPTURE(e->name());
        const std::string out = test::render(*e, t);
        CHECK(!out.empty());
        CHECK(out.back() == '\n');
        if (e->extension() == "json" || e->extension() == "geojson") CHECK(json::accept(out));
    }
}

TEST_CASE("dates at the ends of the calendar dateline accepts export in every format") {
    Timeline t;
    t.exported_on = Date(2023, 3, 1);
    t.events.push_back(event_at("first", Span::year(1400)));
    t.events.push_back(event_at("c", Span::century(9900)));
    t.events.push_back(event_at("last", Span::day(Date(9999, 12, 31))));
    Span open = Span::year(9999);
    open.open_end = true;
    t.events.push_back(event_at("open", open));
    t.eras.push_back({Span::year(9999), "far"});
    for (const auto& e : builtin_exporters().all()) {
        CAPTURE(e->name());
        std::string out;
        CHECK_NOTHROW(out = test::render(*e, t));
        if (e->extension() == "json" || e->extension() == "geojson") CHECK(json::accept(out));
    }
    const json vis = json::parse(test::render(builtin_exporters().get("vis"), t));
    for (const auto& item : vis["items"]) CHECK_FALSE(item.value("end", "x").empty());
}

TEST_CASE("append_indented lays out compact JSON in the bytes of json_nested") {
    const json values[] = {
        json::parse(R"({"a":[],"b":{},"c":[1,2.5,-3e-7,true,false,null],"d":{"e":{"f":[{}]}}})"),
        json("a \"quoted\" word, {braces} [brackets] and a colon: \\ backslash"),
        json::array(),
        json::object(),
        json(42),
        json::parse(R"([{"k\"ey:":"v,a]l\\"},[[]],"\n\t\u0001 ünï “text” —"])"),
    };
    for (int levels = 0; levels < 3; ++levels)
        for (const json& v : values) {
            std::string out = "prefix";
            exporters::append_indented(out, v.dump(), levels);
            CHECK(out == "prefix" + exporters::json_nested(v, levels));
        }
    std::string out;
    CHECK_THROWS_AS(exporters::append_indented(out, R"({"open":"no end)", 0), std::logic_error);
}

TEST_CASE("the json format writes each event as the dump of the whole document would, odd text included") {
    Event plain = event_at("p1", Span::day(Date(2023, 2, 22)), "legal_ruling");
    Event odd = event_at("p2", Span::year(2020), "statement");
    odd.headline = "He said: \"stop [now], {all} of you\" \\ — ünïcödé “quotes”\ttab";
    odd.evidence.sentence = "Line one\nline two, with a colon: and a comma, \x01 control";
    odd.evidence.timex = "2020";
    odd.evidence.url = "https://example.org/a?b=c&d=[e]";
    odd.evidence.published = Date(2023, 2, 23);
    odd.actors = {{"Azerbaijan", "agent", "Baku", ""}, {"Armenia", "target", "Yerevan", "activists"}};
    odd.places = {{"Lachin corridor", 39.6, 46.5, "Lachin Pass"}, {"Nowhere", std::nullopt, std::nullopt, "x"}};
    Evidence second = odd.evidence;
    second.article = "b";
    second.source = "{source}";
    odd.mentions = {second};
    odd.source_count = 2;
    odd.confidence = 0.8125;
    Event bad_utf8 = event_at("p3", Span::month(2021, 5));
    bad_utf8.evidence.sentence = "broken \xff byte";
    Event undated = event_at("p4", Span::day(Date(2000, 1, 1)));
    undated.when.reset();
    undated.date_source = DateSource::unresolved;

    Timeline t;
    t.title = "A \"title\"";
    t.exported_on = Date(2023, 3, 1);
    t.events = {plain, odd, bad_utf8, undated};
    const std::string written = test::render(builtin_exporters().get("json"), t);

    json events = json::array();
    for (const Event& e : t.events) events.push_back(to_json(e, true));
    const json whole = {{"eras", json::array()},
                        {"events", events},
                        {"exported_on", "2023-03-01"},
                        {"group_by", t.group_by},
                        {"title", t.title}};
    CHECK(written == whole.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}
