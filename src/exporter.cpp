// The registry of export formats, filled explicitly with the built-in ones.
#include "dateline/exporter.hpp"

#include "dateline/error.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace dateline {

void Exporter::write_stream(const Timeline& header, EventSource& events, std::ostream& out) const {
    Timeline whole;
    whole.title = header.title;
    whole.eras = header.eras;
    whole.group_by = header.group_by;
    whole.exported_on = header.exported_on;
    while (const Event* e = events.next()) whole.events.push_back(*e);
    write(whole, out);
}

void ExporterRegistry::add(std::unique_ptr<Exporter> exporter) {
    // A later format of the same name replaces the earlier one, so a program
    // can swap a built-in format for its own.
    auto same = std::find_if(m_exporters.begin(), m_exporters.end(),
                             [&](const auto& e) { return e->name() == exporter->name(); });
    if (same != m_exporters.end())
        *same = std::move(exporter);
    else
        m_exporters.push_back(std::move(exporter));
}

const Exporter& ExporterRegistry::get(std::string_view name) const {
    for (const auto& e : m_exporters)
        if (e->name() == name) return *e;
    throw InputError(fmt::format("unknown export format '{}' (known formats: {})", name,
                                 fmt::join(names(), ", ")));
}

std::vector<std::string> ExporterRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& e : m_exporters) out.emplace_back(e->name());
    std::sort(out.begin(), out.end());
    return out;
}

void register_builtin_exporters(ExporterRegistry& registry) {
    registry.add(make_timelinejs_exporter());
    registry.add(make_vis_exporter());
    registry.add(make_json_exporter());
    registry.add(make_csv_exporter());
    registry.add(make_markdown_exporter());
    registry.add(make_html_exporter());
    registry.add(make_geojson_exporter());
}

const ExporterRegistry& builtin_exporters() {
    // Built on first use (thread-safe static init); never changes afterwards.
    static const ExporterRegistry registry = [] {
        ExporterRegistry r;
        register_builtin_exporters(r);
        return r;
    }();
    return registry;
}

}  // namespace dateline
