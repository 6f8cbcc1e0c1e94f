// The event record in JSON (both ways) and chronological ordering of events.
#include "dateline/event.hpp"

#include "dateline/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace dateline {
namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 3> k_date_sources{"text", "published", "unresolved"};
constexpr std::array<std::string_view, 4> k_statuses{"asserted", "negated", "planned", "reported"};

json evidence_json(const Evidence& ev) {
    json j = json::object();
    j["article"] = ev.article;
    j["sentence"] = ev.sentence;
    j["begin"] = ev.begin;
    j["end"] = ev.end;
    j["timex"] = ev.timex ? json(*ev.timex) : json(nullptr);
    if (!ev.url.empty()) j["url"] = ev.url;
    if (!ev.source.empty()) j["source"] = ev.source;
    if (ev.published) j["published"] = iso(*ev.published);
    return j;
}

Evidence evidence_from(const json& j) {
    Evidence ev;
    ev.article = j.at("article").get<std::string>();
    ev.sentence = j.at("sentence").get<std::string>();
    ev.begin = j.at("begin").get<std::size_t>();
    ev.end = j.at("end").get<std::size_t>();
    if (j.contains("timex") && !j["timex"].is_null()) ev.timex = j["timex"].get<std::string>();
    ev.url = j.value("url", "");
    ev.source = j.value("source", "");
    if (j.contains("published") && j["published"].is_string()) ev.published = parse_iso_date(j["published"].get<std::string>());
    return ev;
}

}  // namespace

std::string_view to_string(DateSource s) { return k_date_sources[static_cast<std::size_t>(s)]; }
std::string_view to_string(EventStatus s) { return k_statuses[static_cast<std::size_t>(s)]; }

std::optional<EventStatus> status_from_string(std::string_view s) {
    for (std::size_t i = 0; i < k_statuses.size(); ++i)
        if (k_statuses[i] == s) return static_cast<EventStatus>(i);
    return std::nullopt;
}

json to_json(const Event& e, bool with_mentions) {
    json j = json::object();
    j["id"] = e.id;
    json when = json::object();
    if (e.when) {
        when["edtf"] = e.when->edtf();
        when["earliest"] = iso(e.when->earliest);
        when["latest"] = e.when->open_end ? json(nullptr) : json(iso(e.when->latest));
        when["precision"] = std::string(to_string(e.when->precision));
    } else {
        when["edtf"] = nullptr;
        when["earliest"] = nullptr;
        when["latest"] = nullptr;
        when["precision"] = nullptr;
    }
    when["date_source"] = std::string(to_string(e.date_source));
    if (!e.timex_value.empty()) when["timex_value"] = e.timex_value;
    j["when"] = std::move(when);
    j["type"] = e.type;
    j["cameo"] = e.cameo.empty() ? json(nullptr) : json(e.cameo);
    j["headline"] = e.headline;
    json actors = json::array();
    for (const auto& a : e.actors) {
        json aj = {{"name", a.name}, {"role", a.role}};
        if (!a.surface.empty()) aj["surface"] = a.surface;
        if (!a.qualifier.empty()) aj["qualifier"] = a.qualifier;
        actors.push_back(std::move(aj));
    }
    j["actors"] = std::move(actors);
    json places = json::array();
    for (const auto& p : e.places) {
        json pj = {{"name", p.name},
                   {"lat", p.lat ? json(*p.lat) : json(nullptr)},
                   {"lon", p.lon ? json(*p.lon) : json(nullptr)}};
        if (!p.surface.empty()) pj["surface"] = p.surface;
        places.push_back(std::move(pj));
    }
    j["places"] = std::move(places);
    j["evidence"] = evidence_json(e.evidence);
    j["confidence"] = std::round(e.confidence * 1000.0) / 1000.0;
    j["status"] = std::string(to_string(e.status));
    if (with_mentions) {
        json mentions = json::array();
        for (const auto& m : e.mentions) mentions.push_back(evidence_json(m));
        j["mentions"] = std::move(mentions);
        j["source_count"] = e.source_count;
    }
    return j;
}

Event event_from_json(const json& j) {
    try {
        Event e;
        e.id = j.at("id").get<std::string>();
        const json& when = j.at("when");
        if (when.contains("edtf") && !when["edtf"].is_null()) {
            const auto text = when["edtf"].get<std::string>();
            e.when = parse_edtf(text);
            if (!e.when) throw InputError(fmt::format("event {}: when.edtf '{}' is not a date dateline writes", e.id, text));
        }
        const std::string src = when.value("date_source", "text");
        e.date_source = src == "published" ? DateSource::published : src == "unresolved" ? DateSource::unresolved : DateSource::text;
        e.timex_value = when.value("timex_value", "");
        e.type = j.at("type").get<std::string>();
        e.cameo = j.contains("cameo") && j["cameo"].is_string() ? j["cameo"].get<std::string>() : "";
        e.headline = j.value("headline", "");
        for (const auto& a : j.value("actors", json::array()))
            e.actors.push_back({a.at("name").get<std::string>(), a.value("role", ""), a.value("surface", ""),
                                a.value("qualifier", "")});
        for (const auto& p : j.value("places", json::array())) {
            PlaceRef pr;
            pr.name = p.at("name").get<std::string>();
            if (p.contains("lat") && p["lat"].is_number()) pr.lat = p["lat"].get<double>();
            if (p.contains("lon") && p["lon"].is_number()) pr.lon = p["lon"].get<double>();
            pr.surface = p.value("surface", "");
            e.places.push_back(std::move(pr));
        }
        e.evidence = evidence_from(j.at("evidence"));
        for (const auto& m : j.value("mentions", json::array())) e.mentions.push_back(evidence_from(m));
        e.confidence = j.value("confidence", 0.5);
        e.status = status_from_string(j.value("status", "asserted")).value_or(EventStatus::asserted);
        e.source_count = j.value("source_count", 1);
        return e;
    } catch (const json::exception& ex) {
        throw InputError(fmt::format("malformed event record: {}", ex.what()));
    }
}

void sort_chronologically(std::vector<Event>& events) {
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        if (a.when.has_value() != b.when.has_value()) return a.when.has_value();  // undated last
        if (a.when && b.when && *a.when != *b.when) {
            if (chronologically_before(*a.when, *b.when)) return true;
            if (chronologically_before(*b.when, *a.when)) return false;
        }
        if (a.evidence.article != b.evidence.article) return a.evidence.article < b.evidence.article;
        if (a.evidence.begin != b.evidence.begin) return a.evidence.begin < b.evidence.begin;
        // Two events of one sentence: by type name, which does not depend on
        // the article id the way the event id does.
        if (a.type != b.type) return a.type < b.type;
        return a.id < b.id;
    });
}

}  // namespace dateline
