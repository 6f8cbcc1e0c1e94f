// Exporter: the interface every output format implements, and the registry of formats.
#pragma once

#include "dateline/timeline.hpp"

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

/// One output format. `write` is deterministic (stable order, fixed
/// indentation, trailing newline), escapes article text for its format, and
/// does no file I/O of its own.
class Exporter {
public:
    virtual ~Exporter() = default;
    virtual std::string_view name() const = 0;         // "timelinejs"
    virtual std::string_view extension() const = 0;    // "json"
    virtual std::string_view description() const = 0;  // one line for --help
    virtual void write(const Timeline& timeline, std::ostream& out) const = 0;
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

// One factory per built-in format, defined in exporters/<name>.cpp.
std::unique_ptr<Exporter> make_timelinejs_exporter();
std::unique_ptr<Exporter> make_json_exporter();

}  // namespace dateline
