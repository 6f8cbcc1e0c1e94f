// The timelinejs format: Knight Lab TimelineJS3 JSON (events as slides, eras, a title slide).
#include "dateline/exporter.hpp"

#include "escape.hpp"
#include "labels.hpp"
#include "stream.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <set>

namespace dateline {
namespace {

using json = nlohmann::json;
using namespace exporters;

// A TimelineJS date object at the precision's own parts: integers only, since
// a string part makes TimelineJS guess and a bad guess hangs the page.
json date_parts(Date d, Precision p) {
    json j = json::object();
    j["year"] = static_cast<int>(d.year());
    switch (p) {
    case Precision::day:
    case Precision::week:
        j["month"] = static_cast<int>(d.month());
        j["day"] = static_cast<int>(d.day());
        break;
    case Precision::month:
    case Precision::quarter:
    case Precision::season: j["month"] = static_cast<int>(d.month()); break;
    case Precision::year:
    case Precision::decade:
    case Precision::century: break;
    }
    return j;
}

// The first day of the last unit: where the end marker goes.
Date last_unit_start(const Span& s) {
    switch (s.precision) {
    case Precision::day: return s.latest;
    case Precision::week: return s.latest;  // weeks show as day ranges
    case Precision::month:
    case Precision::quarter:
    case Precision::season: return Date(s.latest.year(), s.latest.month(), 1);
    default: return Date(s.latest.year(), 1, 1);
    }
}

// Units TimelineJS has no notion of (weeks, quarters, decades, ...) are shown
// as a start..end range of the parts it does know, labelled with our words.
bool needs_end(const Span& s) {
    if (s.open_end) return false;
    if (spans_several_units(s)) return true;
    return s.precision != Precision::day && s.precision != Precision::month && s.precision != Precision::year;
}

bool needs_display_date(const Span& s) {
    return s.approximate || s.uncertain || s.open_end || s.open_start || needs_end(s);
}

// An id TimelineJS can use as an HTML id and URL hash: derived from the event
// id only, so links to a slide survive re-exports.
std::string slide_id(const std::string& event_id, std::set<std::string>& used) {
    std::string id = "ev-";
    for (char c : event_id) {
        const auto u = static_cast<unsigned char>(c);
        id += (std::isalnum(u) || c == '-' || c == '_') ? c : '_';
    }
    std::string unique = id;
    for (int n = 2; !used.insert(unique).second; ++n) unique = fmt::format("{}-{}", id, n);
    return unique;
}

std::string evidence_html(const Event& e) {
    std::string html = "<p>" + html_escape_lines(e.evidence.sentence) + "</p>";
    std::string who;
    for (const ActorRef& a : e.actors) who += (who.empty() ? "" : ", ") + html_escape(a.name);
    std::string where;
    for (const PlaceRef& p : e.places) where += (where.empty() ? "" : ", ") + html_escape(p.name);
    if (!who.empty()) html += "<p>Actors: " + who + "</p>";
    if (!where.empty()) html += "<p>Places: " + where + "</p>";

    // Every distinct source once, linked where its URL is a plain web link.
    std::vector<const Evidence*> all{&e.evidence};
    for (const Evidence& m : e.mentions) all.push_back(&m);
    std::vector<std::string> seen;
    std::string sources;
    for (const Evidence* ev : all) {
        const std::string key = ev->url.empty() ? ev->source : ev->url;
        if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        std::string name = html_escape(ev->source.empty() ? ev->url : ev->source);
        if (ev->published) name += " (" + iso(*ev->published) + ")";
        const std::string url = safe_url(ev->url);
        if (!sources.empty()) sources += ", ";
        sources += url.empty() ? name
                               : fmt::format("<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
                                             html_escape(url), name);
    }
    if (!sources.empty()) html += "<p>Source: " + sources + "</p>";
    if (e.date_source == DateSource::published) html += "<p>Dated by the report&#39;s publication date.</p>";
    return html;
}

json slide(const Event& e, const Timeline& t, std::set<std::string>& used_ids) {
    const Span& s = *e.when;
    json j = json::object();
    j["start_date"] = date_parts(s.earliest, s.precision);
    if (needs_end(s)) j["end_date"] = date_parts(last_unit_start(s), s.precision);
    if (needs_display_date(s)) j["display_date"] = human_date(s);
    j["text"] = {{"headline", html_escape(one_line(e.headline))}, {"text", evidence_html(e)}};
    if (t.group_by != "none") j["group"] = html_escape(group_of(e, t.group_by));
    j["unique_id"] = slide_id(e.id, used_ids);
    // Article text is escaped above; TimelineJS must not add links of its own.
    j["autolink"] = false;
    return j;
}

class TimelineJsExporter final : public Exporter {
public:
    std::string_view name() const override { return "timelinejs"; }
    std::string_view extension() const override { return "json"; }
    std::string_view description() const override {
        return "Knight Lab TimelineJS3 JSON: one slide per dated event, eras, optional title slide";
    }

    void write(const Timeline& t, std::ostream& out) const override {
        VectorEventSource events(t.events);
        write_stream(t, events, out);
    }

    // Written slide by slide in the bytes of the whole document's dump (keys
    // in std::map order: eras, events, scale, title; the title slide counts
    // the slides, so it comes last anyway). Only the slide ids are kept.
    void write_stream(const Timeline& t, EventSource& events, std::ostream& out) const override {
        out << "{\n";
        if (!t.eras.empty()) {
            json eras = json::array();
            for (const Era& era : t.eras) {
                // An era needs an end; an open one runs to the export date.
                const Date end = era.span.open_end ? std::max(t.exported_on, era.span.earliest)
                                                   : last_unit_start(era.span);
                const Precision p = era.span.open_end ? Precision::day : era.span.precision;
                eras.push_back({{"start_date", date_parts(era.span.earliest, era.span.precision)},
                                {"end_date", date_parts(end, p)},
                                {"text", {{"headline", html_escape(one_line(era.name))}}}});
            }
            out << "  \"eras\": " << json_nested(eras, 1) << ",\n";
        }
        out << "  \"events\": ";
        std::set<std::string> used_ids;
        JsonArrayWriter slides(out, 1);
        while (const Event* e = events.next())
            if (e->when) slides.add(slide(*e, t, used_ids));
        slides.close();
        if (slides.size() > k_timelinejs_slide_warning)
            std::clog << fmt::format(
                "dateline: warning: timelinejs: {} slides; TimelineJS is built for dozens and slows down past {} "
                "(use --limit N)\n",
                slides.size(), k_timelinejs_slide_warning);
        out << ",\n  \"scale\": " << json_text(json("human"));
        if (!t.title.empty()) {
            const json title = {{"text",
                                 {{"headline", html_escape(one_line(t.title))},
                                  {"text", fmt::format("<p>{} events, exported on {}.</p>", slides.size(),
                                                       iso(t.exported_on))}}},
                                {"unique_id", "title"}};
            out << ",\n  \"title\": " << json_nested(title, 1);
        }
        out << "\n}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_timelinejs_exporter() { return std::make_unique<TimelineJsExporter>(); }

}  // namespace dateline
