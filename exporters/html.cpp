// The html format: one self-contained page (inline CSS and SVG, no script, no network) with a time axis and a list.
#include "dateline/exporter.hpp"

#include "escape.hpp"
#include "labels.hpp"
#include "stream.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>

namespace dateline {
namespace {

using namespace exporters;
namespace greg = boost::gregorian;

// Colour-blind-safe categorical palette (Okabe–Ito, then Tol's muted set).
constexpr std::array<std::string_view, 14> k_palette{
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
    "#332288", "#882255", "#117733", "#999933", "#AA4499", "#44AA99", "#661100"};

constexpr double k_width = 1000;  // SVG user units; the page scales it
constexpr double k_margin = 16;
constexpr double k_lane = 16;
constexpr double k_top = 34;  // room for era names and the axis labels

// An HTML id from an event id (the list anchors the axis links to).
std::string anchor(const std::string& id) {
    std::string out = "ev-";
    for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    return out;
}

std::string css_name(std::string_view text) {
    std::string out;
    for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out;
}

// The days a span is drawn over: [first, end) with the end exclusive; open
// spans run to the export date.
struct Extent {
    Date first;
    Date end;
};

Extent extent(const Span& s, Date exported_on) {
    Date end = day_after(s.latest);
    if (s.open_end) end = std::max(end, day_after(exported_on));
    return {s.earliest, end};
}

class Axis {
public:
    Axis(Date lo, Date hi) : m_lo(lo), m_days(std::max<long>(1, (hi - lo).days())) {}
    double x(Date d) const {
        return k_margin + (k_width - 2 * k_margin) * static_cast<double>((d - m_lo).days()) / static_cast<double>(m_days);
    }
    long days() const { return m_days; }

private:
    Date m_lo;
    long m_days;
};

const char* k_style = R"(body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#222;background:#fff}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #ddd}
.meta{color:#666;margin:0 0 1em}
figure{margin:0;overflow-x:auto}svg{width:100%;height:auto;display:block}
svg text{font:11px system-ui,sans-serif;fill:#555}svg .era text{fill:#777;font-style:italic}
svg .tick{stroke:#ddd}svg .era rect{fill:#f3efe4}
svg .mark{stroke-width:1.5}svg a:hover .mark,svg a:focus .mark{stroke:#000;stroke-width:2.5}
svg .approximate,svg .uncertain{fill-opacity:.45;stroke-dasharray:3 2}svg .open-end{fill-opacity:.6}
.legend{list-style:none;padding:0;margin:.6em 0;display:flex;flex-wrap:wrap;gap:.3em 1.2em;font-size:.9em}
.legend span,.events .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.35em;vertical-align:-.05em}
.events{list-style:none;padding:0;margin:0}
.events li{padding:.45em .6em;border-left:4px solid #ccc;margin:.35em 0;background:#fafafa}
.events li:target{background:#fff6d6;outline:2px solid #e0b300}
.events time{font-weight:600;margin-right:.5em}.events .type{color:#666;font-size:.85em;margin-right:.5em}
.events .evidence{margin:.3em 0 0;color:#444;font-size:.92em;white-space:pre-line}
.events .sources{margin:.2em 0 0;font-size:.85em;color:#666}
.events .by-report{font-size:.8em;color:#8a5a00;margin-left:.4em}
)";

class HtmlExporter final : public Exporter {
public:
    std::string_view name() const override { return "html"; }
    std::string_view extension() const override { return "html"; }
    std::string_view description() const override {
        return "one self-contained page: a time axis of true spans and the list of events, works offline";
    }

    void write(const Timeline& t, std::ostream& out) const override {
        VectorEventSource events(t.events);
        write_stream(t, events, out);
    }

    // The page's head needs every type (its colours) and the count, and the
    // axis needs the first and last day of all events, so one pass writes the
    // list and each mark's tooltip to temporary files and keeps in memory only
    // a few numbers per dated event; the page is put together at the end.
    void write_stream(const Timeline& t, EventSource& events, std::ostream& out) const override {
        Spill list_spill;
        SpillStream list(list_spill);
        Spill tips;
        std::map<std::string, TypeStyle> types;  // by name: sorted, as the colours are given
        std::vector<std::string> css_of_type;   // by TypeStyle::id, the order of first use
        std::vector<Mark> marks;
        std::size_t count = 0;
        while (const Event* next = events.next()) {
            const Event& e = *next;
            ++count;
            auto [it, added] = types.try_emplace(e.type, TypeStyle{static_cast<std::uint32_t>(css_of_type.size()), {}});
            if (added) css_of_type.push_back(css_name(e.type));
            write_item(e, list);
            if (!e.when) continue;
            const Span& s = *e.when;
            const std::string tip = human_date(s) + " — " + one_line(e.headline) + "\n" + e.evidence.sentence;
            const std::string prefix = fmt::format("<a href=\"#{}\"><title>{}</title>", anchor(e.id), html_escape(tip));
            tips.write(prefix);
            const Extent x = extent(s, t.exported_on);
            Mark m{x.first, x.end, prefix.size(), it->second.id, 0};
            if (s.approximate) m.flags |= Mark::approximate;
            if (s.uncertain) m.flags |= Mark::uncertain;
            if (s.open_end) m.flags |= Mark::open_end;
            if (s.precision == Precision::day && s.earliest == s.latest && !s.open_end) m.flags |= Mark::point;
            marks.push_back(m);
        }

        // Colours by type name in sorted order: the same type list gives the same colours.
        std::size_t i = 0;
        for (auto& [type, style] : types) style.colour = k_palette[i++ % k_palette.size()];

        const std::string title = t.title.empty() ? "Timeline" : one_line(t.title);
        // No script may run here at all: the policy is a second wall behind the escaping.
        out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
               "img-src data:\">\n"
            << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            << "<meta name=\"generator\" content=\"dateline\">\n"
            << "<title>" << html_escape(title) << "</title>\n<style>\n" << k_style;
        for (const auto& [type, style] : types)
            out << fmt::format(".t-{0}{{fill:{1};stroke:{1}}}.events li.t-{0}{{border-left-color:{1}}}\n",
                               css_of_type[style.id], style.colour);
        out << "</style>\n</head>\n<body>\n<header>\n<h1 dir=\"auto\">" << html_escape(title) << "</h1>\n";
        out << "<p class=\"meta\">" << count << (count == 1 ? " event" : " events")
            << ", exported on " << iso(t.exported_on) << ". Hover a mark for its evidence; click it to jump to the "
            << "entry.</p>\n</header>\n";
        write_axis(t, types, marks, css_of_type, tips, out);
        out << "<h2>Events</h2>\n<ol class=\"events\">\n";
        list.flush();
        list_spill.copy_to(out);
        out << "</ol>\n</body>\n</html>\n";
    }

private:
    // A type's number (its place in css_of_type) and its colour.
    struct TypeStyle {
        std::uint32_t id;
        std::string_view colour;
    };

    // What the axis keeps of a dated event while the list is written; its
    // tooltip waits in a temporary file, `tip_size` bytes long.
    struct Mark {
        enum : std::uint8_t { approximate = 1, uncertain = 2, open_end = 4, point = 8 };
        Date first;
        Date end;
        std::size_t tip_size;
        std::uint32_t type;
        std::uint8_t flags;
    };

    static void write_axis(const Timeline& t, const std::map<std::string, TypeStyle>& types,
                           const std::vector<Mark>& marks, const std::vector<std::string>& css_of_type, Spill& tips,
                           std::ostream& out) {
        if (marks.empty()) return;
        Date lo = marks.front().first;
        Date hi = day_after(lo);
        for (const Mark& m : marks) {
            lo = std::min(lo, m.first);
            hi = std::max(hi, m.end);
        }
        // A little air on both sides so end marks are not cut.
        const long pad = std::max<long>(1, (hi - lo).days() / 50);
        lo = clamped_add(lo, -pad);
        hi = clamped_add(hi, pad);
        const Axis axis(lo, hi);

        // Lanes: each mark goes in the first lane where it does not overlap.
        std::vector<double> lane_end;
        std::vector<std::size_t> lane_of;
        lane_of.reserve(marks.size());
        for (const Mark& m : marks) {
            const double x0 = axis.x(m.first);
            double x1 = std::max(axis.x(m.end), x0 + 8);
            std::size_t lane = 0;
            while (lane < lane_end.size() && lane_end[lane] > x0 - 2) ++lane;
            if (lane == lane_end.size()) lane_end.push_back(0);
            lane_end[lane] = x1;
            lane_of.push_back(lane);
        }
        const double height = k_top + k_lane * static_cast<double>(lane_end.size()) + 8;
        out << fmt::format("<figure>\n<svg viewBox=\"0 0 {} {}\" role=\"img\" "
                           "aria-label=\"Time axis of {} events\">\n",
                           k_width, height, marks.size());

        for (const Era& era : t.eras) {
            const Extent x = extent(era.span, t.exported_on);
            const double x0 = std::clamp(axis.x(x.first), 0.0, k_width);
            const double x1 = std::clamp(axis.x(x.end), 0.0, k_width);
            if (x1 <= x0) continue;
            // Near the right edge the name is written leftwards so it stays on the page.
            const bool leftwards = x0 > k_width * 0.75;
            out << fmt::format("<g class=\"era\"><rect x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"{}\"/>"
                               "<text x=\"{:.1f}\" y=\"11\"{}>{}</text><title>{}</title></g>\n",
                               x0, x1 - x0, height, leftwards ? x1 - 3 : x0 + 3,
                               leftwards ? " text-anchor=\"end\"" : "", html_escape(one_line(era.name)),
                               html_escape(one_line(era.name) + ": " + human_date(era.span)));
        }
        write_ticks(lo, hi, axis, height, out);

        tips.start_reading();
        std::string tip;
        for (std::size_t n = 0; n < marks.size(); ++n) {
            const Mark& m = marks[n];
            const double y = k_top + k_lane * static_cast<double>(lane_of[n]);
            std::string cls = "mark t-" + css_of_type[m.type];
            if (m.flags & Mark::approximate) cls += " approximate";
            if (m.flags & Mark::uncertain) cls += " uncertain";
            if (m.flags & Mark::open_end) cls += " open-end";
            tips.read(m.tip_size, tip);
            out << tip;
            if (m.flags & Mark::point) {
                out << fmt::format("<circle class=\"{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\"/>", cls, axis.x(m.first),
                                   y + 6);
            } else {
                const double x0 = axis.x(m.first);
                const double w = std::max(axis.x(m.end) - x0, 6.0);
                out << fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"11\" "
                                   "rx=\"2\"/>",
                                   cls, x0, y + 0.5, w);
            }
            out << "</a>\n";
        }
        out << "</svg>\n</figure>\n<ul class=\"legend\">\n";
        for (const auto& [type, style] : types)
            out << fmt::format("<li><span style=\"background:{}\"></span>{}</li>\n", style.colour, html_escape(type));
        out << "</ul>\n";
    }

    // Year ticks (every 1, 2, 5, 10, ... years) or month ticks for short timelines.
    static void write_ticks(Date lo, Date hi, const Axis& axis, double height, std::ostream& out) {
        const long days = axis.days();
        if (days < 3 * 366) {
            const int step = days < 190 ? 1 : days < 400 ? 2 : days < 800 ? 3 : 6;
            // Counted in months rather than by Date arithmetic, which throws past year 9999.
            for (int m = lo.year() * 12 + static_cast<int>(lo.month()) - 1; m / 12 <= hi.year(); ++m) {
                if (m % 12 % step != 0) continue;
                const Date d(static_cast<unsigned short>(m / 12), static_cast<unsigned short>(m % 12 + 1), 1);
                if (d < lo) continue;
                if (d > hi) break;
                const double x = axis.x(d);
                out << fmt::format("<line class=\"tick\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"14\" y2=\"{1}\"/>"
                                   "<text x=\"{2:.1f}\" y=\"26\">{3}</text>\n",
                                   x, height, x + 2, unit_label(d, Precision::month));
            }
            return;
        }
        int step = 1;
        for (int s : {1, 2, 5, 10, 20, 50, 100, 200, 500})
            if (days / 365 / s <= 10) {
                step = s;
                break;
            }
        int y = lo.year() + 1;
        y += (step - y % step) % step;
        for (; y <= hi.year(); y += step) {
            const double x = axis.x(Date(static_cast<unsigned short>(y), 1, 1));
            out << fmt::format("<line class=\"tick\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"14\" y2=\"{1}\"/>"
                               "<text x=\"{2:.1f}\" y=\"26\">{3}</text>\n",
                               x, height, x + 2, y);
        }
    }

    static void write_item(const Event& e, std::ostream& out) {
        out << fmt::format("<li id=\"{}\" class=\"t-{}\">", anchor(e.id), css_name(e.type));
        if (e.when)
            out << fmt::format("<time datetime=\"{}\">{}</time>", html_escape(iso(e.when->earliest)),
                               html_escape(human_date(*e.when)));
        else
            out << "<time>undated</time>";
        out << "<span class=\"type\">" << html_escape(e.type) << "</span>";
        out << "<strong dir=\"auto\">" << html_escape(one_line(e.headline)) << "</strong>";
        if (e.date_source == DateSource::published) out << "<span class=\"by-report\">dated by the report</span>";
        out << "\n<p class=\"evidence\" dir=\"auto\">" << html_escape(e.evidence.sentence) << "</p>\n";
        std::string who;
        for (const ActorRef& a : e.actors) who += (who.empty() ? "" : ", ") + html_escape(a.name);
        std::string where;
        for (const PlaceRef& p : e.places) where += (where.empty() ? "" : ", ") + html_escape(p.name);
        std::string sources;
        std::vector<std::string> seen;
        std::vector<const Evidence*> all{&e.evidence};
        for (const Evidence& m : e.mentions) all.push_back(&m);
        for (const Evidence* ev : all) {
            const std::string name = ev->source.empty() ? ev->url : ev->source;
            if (name.empty() || std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
            seen.push_back(name);
            const std::string url = safe_url(ev->url);
            if (!sources.empty()) sources += ", ";
            sources += url.empty() ? html_escape(name)
                                   : fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                                                 html_escape(url), html_escape(name));
        }
        out << "<p class=\"sources\">";
        if (!who.empty()) out << "Actors: " << who << ". ";
        if (!where.empty()) out << "Places: " << where << ". ";
        out << (e.source_count == 1 ? std::string("1 source") : fmt::format("{} sources", e.source_count));
        if (!sources.empty()) out << ": " << sources;
        out << ".</p></li>\n";
    }
};

}  // namespace

std::unique_ptr<Exporter> make_html_exporter() { return std::make_unique<HtmlExporter>(); }

}  // namespace dateline
