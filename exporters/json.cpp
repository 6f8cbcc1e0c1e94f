// The json format: the native event records (with mentions and sources) of a timeline.
#include "dateline/exporter.hpp"

#include <nlohmann/json.hpp>

namespace dateline {
namespace {

using json = nlohmann::json;

class JsonExporter final : public Exporter {
public:
    std::string_view name() const override { return "json"; }
    std::string_view extension() const override { return "json"; }
    std::string_view description() const override {
        return "native event records with mentions and sources (docs/event.schema.json)";
    }

    // The document is written piece by piece in the bytes `dump(2)` of the
    // whole tree would give (keys in order, two spaces per level), each event
    // dumped on its own: memory stays at one event's tree, not the timeline's
    // (a whole-store export held ~6x its output size as a tree).
    void write(const Timeline& t, std::ostream& out) const override {
        auto dump = [](const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); };
        // A value nested `levels` deep: every line after its first indented by that much.
        auto nested = [&](const json& j, int levels) {
            std::string text = dump(j);
            const std::string pad(static_cast<std::size_t>(2 * levels), ' ');
            std::string shifted;
            shifted.reserve(text.size() + text.size() / 8);
            for (char c : text) {
                shifted += c;
                if (c == '\n') shifted += pad;
            }
            return shifted;
        };
        json eras = json::array();
        // Eras are day ranges ("2020-09-27/2020-11-10:Second Karabakh War"), which
        // one EDTF unit cannot hold: first and last day instead, null when open.
        for (const Era& era : t.eras)
            eras.push_back({{"name", era.name},
                            {"start", iso(era.span.earliest)},
                            {"end", era.span.open_end ? json(nullptr) : json(iso(era.span.latest))}});
        // Keys in the order of the tree's std::map: eras, events, exported_on, group_by, title.
        out << "{\n  \"eras\": " << nested(eras, 1) << ",\n  \"events\": ";
        if (t.events.empty()) {
            out << "[]";
        } else {
            out << "[\n";
            bool first = true;
            // The same record `extract` writes, so extract and export agree.
            for (const Event& e : t.events) {
                if (!first) out << ",\n";
                first = false;
                out << "    " << nested(to_json(e, true), 2);
            }
            out << "\n  ]";
        }
        out << ",\n  \"exported_on\": " << dump(json(iso(t.exported_on)))
            << ",\n  \"group_by\": " << dump(json(t.group_by))
            << ",\n  \"title\": " << dump(json(t.title)) << "\n}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() { return std::make_unique<JsonExporter>(); }

}  // namespace dateline
