// Test helpers for the exporters: the fixed golden timeline, read back from its native JSON form.
#pragma once

#include "dateline/event.hpp"
#include "dateline/exporter.hpp"
#include "dateline/span.hpp"
#include "dateline/timeline.hpp"

#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace dateline::test {

inline std::filesystem::path exporter_golden_dir() { return source_dir() / "tests/golden/exporters"; }

/// A Timeline from the `json` exporter's document (what the golden input is).
inline Timeline timeline_from_native(const nlohmann::json& doc) {
    Timeline t;
    t.title = doc.value("title", "");
    t.group_by = doc.value("group_by", "type");
    t.exported_on = *parse_iso_date(doc.at("exported_on").get<std::string>());
    for (const auto& era : doc.value("eras", nlohmann::json::array())) {
        Era e;
        e.name = era.at("name").get<std::string>();
        e.span = Span::day(*parse_iso_date(era.at("start").get<std::string>()));
        if (era.at("end").is_null())
            e.span.open_end = true;
        else
            e.span.latest = *parse_iso_date(era.at("end").get<std::string>());
        t.eras.push_back(e);
    }
    for (const auto& ev : doc.at("events")) t.events.push_back(event_from_json(ev));
    sort_chronologically(t.events);
    return t;
}

inline Timeline golden_timeline() {
    return timeline_from_native(nlohmann::json::parse(slurp(exporter_golden_dir() / "timeline.json")));
}

inline std::string render(const Exporter& exporter, const Timeline& t) {
    std::ostringstream out;
    exporter.write(t, out);
    return out.str();
}

}  // namespace dateline::test
