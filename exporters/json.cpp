// The json format: the native event records (with mentions and sources) of a timeline.
#include "dateline/event.hpp"
#include "dateline/exporter.hpp"

#include "stream.hpp"

#include <nlohmann/json.hpp>

namespace dateline {
namespace {

using json = nlohmann::json;
using namespace exporters;

class JsonExporter final : public Exporter {
public:
    std::string_view name() const override { return "json"; }
    std::string_view extension() const override { return "json"; }
    std::string_view description() const override {
        return "native event records with mentions and sources (docs/event.schema.json)";
    }

    void write(const Timeline& t, std::ostream& out) const override {
        VectorEventSource events(t.events);
        write_stream(t, events, out);
    }

    // The document is written piece by piece in the bytes `dump(2)` of the
    // whole tree would give (keys in order, two spaces per level), each event
    // dumped on its own: memory stays at one event's tree, not the timeline's
    // (a whole-store export held ~6x its output size as a tree).
    void write_stream(const Timeline& t, EventSource& events, std::ostream& out) const override {
        json eras = json::array();
        // Eras are day ranges ("2020-09-27/2020-11-10:Second Karabakh War"), which
        // one EDTF unit cannot hold: first and last day instead, null when open.
        for (const Era& era : t.eras)
            eras.push_back({{"name", era.name},
                            {"start", iso(era.span.earliest)},
                            {"end", era.span.open_end ? json(nullptr) : json(iso(era.span.latest))}});
        // Keys in the order of the tree's std::map: eras, events, exported_on, group_by, title.
        out << "{\n  \"eras\": " << json_nested(eras, 1) << ",\n  \"events\": ";
        JsonArrayWriter list(out, 1);
        // The same record `extract` writes, so extract and export agree.
        // Written compact by append_json (no tree) and laid out as dump(2)
        // would; text that is not UTF-8 (append_json throws for it) goes
        // through the tree, whose dump replaces it.
        std::string compact;
        while (const Event* e = events.next()) {
            compact.clear();
            try {
                append_json(compact, *e, true);
            } catch (const json::type_error&) {
                list.add(to_json(*e, true));
                continue;
            }
            list.add_compact(compact);
        }
        list.close();
        out << ",\n  \"exported_on\": " << json_text(json(iso(t.exported_on)))
            << ",\n  \"group_by\": " << json_text(json(t.group_by))
            << ",\n  \"title\": " << json_text(json(t.title)) << "\n}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() { return std::make_unique<JsonExporter>(); }

}  // namespace dateline
