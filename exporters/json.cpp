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

    void write(const Timeline& t, std::ostream& out) const override {
        json doc = json::object();
        doc["title"] = t.title;
        doc["exported_on"] = iso(t.exported_on);
        doc["group_by"] = t.group_by;
        json eras = json::array();
        // Eras are day ranges ("2020-09-27/2020-11-10:Second Karabakh War"), which
        // one EDTF unit cannot hold: first and last day instead, null when open.
        for (const Era& era : t.eras)
            eras.push_back({{"name", era.name},
                            {"start", iso(era.span.earliest)},
                            {"end", era.span.open_end ? json(nullptr) : json(iso(era.span.latest))}});
        doc["eras"] = std::move(eras);
        // The same record `extract` writes, so extract and export agree.
        json events = json::array();
        for (const Event& e : t.events) events.push_back(to_json(e, true));
        doc["events"] = std::move(events);
        out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
    }
};

}  // namespace

std::unique_ptr<Exporter> make_json_exporter() { return std::make_unique<JsonExporter>(); }

}  // namespace dateline
