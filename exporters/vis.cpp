// The vis format: vis-timeline items and groups as one JSON document {"items": [...], "groups": [...]}.
#include "dateline/exporter.hpp"

#include "escape.hpp"
#include "labels.hpp"
#include "stream.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <utility>

namespace dateline {
namespace {

using json = nlohmann::json;
using namespace exporters;

// A CSS class name from free text: vis puts className into the class attribute.
std::string css_class(std::string_view prefix, std::string_view text) {
    std::string out(prefix);
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        out += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : (c == '-' ? '-' : '_');
    }
    return out;
}

json item(const Event& e, const Timeline& t) {
    const Span& s = *e.when;
    json j = json::object();
    j["id"] = e.id;
    j["content"] = html_escape(one_line(e.headline));
    // Full dates only: vis reads a bare "1991" as milliseconds since 1970.
    j["start"] = iso(s.earliest);
    const bool point = s.precision == Precision::day && s.latest == s.earliest && !s.open_end;
    if (point) {
        j["type"] = "point";
    } else {
        // vis ends are exclusive: a month runs to the 1st of the next one; an
        // open span runs to the export date.
        Date end = day_after(s.latest);
        if (s.open_end) end = std::max(t.exported_on, end);
        j["end"] = iso(end);
        j["type"] = "range";
    }
    if (t.group_by != "none") j["group"] = group_of(e, t.group_by);
    // The tooltip: the date at its true precision and the evidence, as vis shows it (HTML).
    j["title"] = html_escape(human_date(s)) + "<br>" + html_escape_lines(e.evidence.sentence);
    std::string cls = css_class("type-", e.type) + " " + css_class("precision-", to_string(s.precision));
    if (s.approximate) cls += " approximate";
    if (s.uncertain) cls += " uncertain";
    if (s.open_end) cls += " open-end";
    if (s.open_start) cls += " open-start";
    j["className"] = cls;
    // Not shown by vis; kept so a page can label or filter without a second file.
    j["edtf"] = s.edtf();
    return j;
}

class VisExporter final : public Exporter {
public:
    std::string_view name() const override { return "vis"; }
    std::string_view extension() const override { return "json"; }
    std::string_view description() const override {
        return "vis-timeline items and groups: {\"items\": [...], \"groups\": [...]}";
    }

    void write(const Timeline& t, std::ostream& out) const override {
        VectorEventSource events(t.events);
        write_stream(t, events, out);
    }

    // The document's keys come in std::map order, groups before items, and
    // the groups are known only after the last item: the items go to a
    // temporary file and follow the groups. Only the group names are kept.
    void write_stream(const Timeline& t, EventSource& events, std::ostream& out) const override {
        Spill spill;
        SpillStream body(spill);
        JsonArrayWriter items(body, 1);
        // Every group in the order first seen (dated or not), and whether a
        // dated item is in it: only those become rows, so vis shows none empty.
        std::vector<std::pair<std::string, bool>> groups;
        std::unordered_map<std::string, std::size_t> group_at;
        while (const Event* next = events.next()) {
            const Event& e = *next;
            if (t.group_by != "none") {
                std::string g = group_of(e, t.group_by);
                auto [at, inserted] = group_at.try_emplace(g, groups.size());
                if (inserted) groups.emplace_back(std::move(g), false);
                if (e.when) groups[at->second].second = true;
            }
            if (e.when) items.add(item(e, t));
        }
        items.close();
        body.flush();
        json rows = json::array();
        int order = 0;
        for (const auto& [g, used] : groups)
            if (used) rows.push_back({{"id", g}, {"content", html_escape(g)}, {"order", order++}});
        out << "{\n  \"groups\": " << json_nested(rows, 1) << ",\n  \"items\": ";
        spill.copy_to(out);
        out << "\n}\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_vis_exporter() { return std::make_unique<VisExporter>(); }

}  // namespace dateline
