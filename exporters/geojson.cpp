// The geojson format: events that have places with coordinates, as RFC 7946 Features with a Linked Places "when".
#include "dateline/exporter.hpp"

#include "labels.hpp"
#include "stream.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace dateline {
namespace {

using json = nlohmann::json;
using namespace exporters;

// Six decimals is about 10 cm: more digits only add noise (RFC 7946 §11.2).
double rounded(double v) { return std::round(v * 1e6) / 1e6; }

// Linked Places format "when": one timespan from the first possible day to the
// last; an open span has no end, and the label carries the reader's words.
json when_of(const Span& s) {
    json span = json::object();
    if (s.precision == Precision::day && s.earliest == s.latest) {
        span["start"] = {{"in", iso(s.earliest)}};
        if (!s.open_end) span["end"] = {{"in", iso(s.latest)}};
    } else {
        span["start"] = {{"earliest", iso(s.earliest)}};
        if (!s.open_end) span["end"] = {{"latest", iso(s.latest)}};
    }
    return {{"timespans", json::array({span})}, {"label", human_date(s)}};
}

class GeoJsonExporter final : public Exporter {
public:
    std::string_view name() const override { return "geojson"; }
    std::string_view extension() const override { return "geojson"; }
    std::string_view description() const override {
        return "events with mapped places as GeoJSON Features with a Linked Places \"when\"";
    }

    void write(const Timeline& t, std::ostream& out) const override {
        VectorEventSource events(t.events);
        write_stream(t, events, out);
    }

    // Written feature by feature, in the bytes of the whole document's dump.
    void write_stream(const Timeline&, EventSource& events, std::ostream& out) const override {
        out << "{\n  \"features\": ";
        JsonArrayWriter features(out, 1);
        while (const Event* next = events.next()) {
            const Event& e = *next;
            json points = json::array();
            json place_names = json::array();
            for (const PlaceRef& p : e.places) {
                place_names.push_back(p.name);
                // GeoJSON positions are longitude first.
                if (p.lat && p.lon && std::isfinite(*p.lat) && std::isfinite(*p.lon))
                    points.push_back(json::array({rounded(*p.lon), rounded(*p.lat)}));
            }
            // An event with no mapped place has nowhere to be drawn.
            if (points.empty()) continue;
            json geometry = points.size() == 1 ? json{{"type", "Point"}, {"coordinates", points[0]}}
                                               : json{{"type", "MultiPoint"}, {"coordinates", points}};
            json actors = json::array();
            for (const ActorRef& a : e.actors) actors.push_back(a.name);
            json props = {{"headline", e.headline},
                          {"type", e.type},
                          {"cameo", e.cameo},
                          {"edtf", e.when ? json(e.when->edtf()) : json(nullptr)},
                          {"date", e.when ? json(human_date(*e.when)) : json("undated")},
                          {"date_source", std::string(to_string(e.date_source))},
                          {"actors", std::move(actors)},
                          {"places", std::move(place_names)},
                          {"source_count", e.source_count},
                          {"evidence", e.evidence.sentence},
                          {"url", e.evidence.url}};
            json feature = {{"type", "Feature"},
                            {"id", e.id},
                            {"geometry", std::move(geometry)},
                            {"properties", std::move(props)}};
            if (e.when) feature["when"] = when_of(*e.when);
            features.add(feature);
        }
        features.close();
        // Keys in the order of the tree's std::map: features, type.
        out << ",\n  \"type\": " << json_text(json("FeatureCollection")) << "\n}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_geojson_exporter() { return std::make_unique<GeoJsonExporter>(); }

}  // namespace dateline
