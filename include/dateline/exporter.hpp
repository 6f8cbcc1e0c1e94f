// Exporter: the interface every output format implements, and the registry of formats.
#pragma once

#include "dateline/timeline.hpp"

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

/// One output format. `write` is deterministic (stable order, fixed
/// indentation, trailing newline), escapes article text for its format, and
/// does no file I/O of its own. It throws only what the stream throws.
///
///   const Exporter& vis = builtin_exporters().get("vis");  // InputError if unknown
///   vis.write(timeline, std::cout);
class Exporter {
public:
    virtual ~Exporter() = default;
    virtual std::string_view name() const = 0;         // "timelinejs"
    virtual std::string_view extension() const = 0;    // "json"
    virtual std::string_view description() const = 0;  // one line for --help
    virtual void write(const Timeline& timeline, std::ostream& out) const = 0;
    /// The same bytes as `write` of `header` with the events of `events`
    /// (`header.events` is ignored). Formats that can write an event and
    /// forget it override this, so an export of a whole store holds one event
    /// at a time (plus what the format must keep: group names, slide ids);
    /// the default collects the events and calls `write`. Every built-in
    /// format overrides it.
    virtual void write_stream(const Timeline& header, EventSource& events, std::ostream& out) const;
};

/// Formats by name. Filled explicitly by `register_builtin_exporters` (no static
/// self-registration: the linker drops it from static libraries).
class ExporterRegistry {
public:
    void add(std::unique_ptr<Exporter> exporter);
    /// Throws InputError naming the format asked for and the known ones.
    const Exporter& get(std::string_view name) const;
    std::vector<std::string> names() const;  // sorted
    const std::vector<std::unique_ptr<Exporter>>& all() const { return m_exporters; }

private:
    std::vector<std::unique_ptr<Exporter>> m_exporters;
};

void register_builtin_exporters(ExporterRegistry& registry);

/// The registry with every built-in format.
const ExporterRegistry& builtin_exporters();

// One factory per built-in format, defined in exporters/<name>.cpp
// (docs/exporters.md describes each output).
std::unique_ptr<Exporter> make_timelinejs_exporter();  // Knight Lab TimelineJS3 JSON
std::unique_ptr<Exporter> make_json_exporter();        // the native event records
std::unique_ptr<Exporter> make_vis_exporter();         // vis-timeline items and groups
std::unique_ptr<Exporter> make_csv_exporter();         // one RFC 4180 row per event
std::unique_ptr<Exporter> make_markdown_exporter();    // a chronology by year
std::unique_ptr<Exporter> make_html_exporter();        // one self-contained page
std::unique_ptr<Exporter> make_geojson_exporter();     // events with places as Features

/// TimelineJS is built for dozens of slides: past this many the timelinejs
/// exporter warns on std::clog (and still writes them all).
inline constexpr std::size_t k_timelinejs_slide_warning = 200;

}  // namespace dateline
