// The csv format: one RFC 4180 row per event, safe to open in a spreadsheet.
#include "dateline/exporter.hpp"

#include "escape.hpp"
#include "labels.hpp"

#include <fmt/format.h>

#include <array>

namespace dateline {
namespace {

using namespace exporters;

constexpr std::array<std::string_view, 18> k_columns{
    "id",     "date",    "earliest",    "latest",       "precision",  "date_label",
    "date_source", "type", "cameo",     "headline",     "actors",     "places",
    "status", "confidence", "source_count", "source_url", "sources",  "evidence"};

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += "; ";
        out += p;
    }
    return out;
}

class CsvExporter final : public Exporter {
public:
    std::string_view name() const override { return "csv"; }
    std::string_view extension() const override { return "csv"; }
    std::string_view description() const override {
        return "one RFC 4180 row per event with EDTF dates, for spreadsheets";
    }

    void write(const Timeline& t, std::ostream& out) const override {
        VectorEventSource events(t.events);
        write_stream(t, events, out);
    }

    void write_stream(const Timeline&, EventSource& events, std::ostream& out) const override {
        // A UTF-8 byte order mark: without it Excel reads the file as the local
        // code page and garbles Armenian, Arabic and emoji.
        out << "\xEF\xBB\xBF";
        std::string line;
        for (std::string_view c : k_columns) {
            if (!line.empty()) line += ',';
            line += c;
        }
        out << line << "\r\n";
        while (const Event* next = events.next()) {
            const Event& e = *next;
            std::vector<std::string> actors, places;
            for (const ActorRef& a : e.actors) actors.push_back(a.name);
            for (const PlaceRef& p : e.places) places.push_back(p.name);
            const std::string url = !e.evidence.url.empty() ? e.evidence.url : [&] {
                for (const Evidence& m : e.mentions)
                    if (!m.url.empty()) return m.url;
                return std::string();
            }();
            const std::array<std::string, 18> cells{
                e.id,
                e.when ? e.when->edtf() : "",
                e.when ? iso(e.when->earliest) : "",
                e.when && !e.when->open_end ? iso(e.when->latest) : "",
                e.when ? std::string(to_string(e.when->precision)) : "",
                e.when ? human_date(*e.when) : "undated",
                std::string(to_string(e.date_source)),
                e.type,
                e.cameo,
                one_line(e.headline),
                joined(actors),
                joined(places),
                std::string(to_string(e.status)),
                fmt::format("{:.3f}", e.confidence),
                fmt::format("{}", e.source_count),
                url,
                joined(source_names(e)),
                e.evidence.sentence};
            line.clear();
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (i) line += ',';
                line += csv_field(cells[i]);
            }
            out << line << "\r\n";
        }
    }
};

}  // namespace

std::unique_ptr<Exporter> make_csv_exporter() { return std::make_unique<CsvExporter>(); }

}  // namespace dateline
