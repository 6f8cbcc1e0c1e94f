// The markdown format: a readable chronology grouped by year, "date — headline (sources)".
#include "dateline/exporter.hpp"

#include "escape.hpp"
#include "labels.hpp"
#include "stream.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dateline {
namespace {

using namespace exporters;

// The heading an event is listed under: its start year, or the decade or
// century when that is all the text said.
std::string heading(const Event& e) {
    if (!e.when) return "Undated";
    const Span& s = *e.when;
    if (s.precision == Precision::decade || s.precision == Precision::century)
        return unit_label(s.earliest, s.precision);
    return fmt::format("{}", static_cast<int>(s.earliest.year()));
}

std::string sources(const Event& e) {
    // Each distinct source once, linked when it has a plain web address.
    std::vector<std::string> seen;
    std::string out;
    auto add = [&](const Evidence& ev) {
        const std::string name = ev.source.empty() ? ev.url : ev.source;
        if (name.empty() || std::find(seen.begin(), seen.end(), name) != seen.end()) return;
        seen.push_back(name);
        const std::string url = safe_url(ev.url);
        if (!out.empty()) out += ", ";
        // Parentheses and angle brackets would end the link target early.
        std::string target;
        for (char c : url) {
            if (c == '(') target += "%28";
            else if (c == ')') target += "%29";
            else if (c == '<') target += "%3C";
            else if (c == '>') target += "%3E";
            else target += c;
        }
        out += url.empty() ? markdown_escape(name) : fmt::format("[{}]({})", markdown_escape(name), target);
    };
    add(e.evidence);
    for (const Evidence& m : e.mentions) add(m);
    const std::string count = e.source_count == 1 ? "1 source" : fmt::format("{} sources", e.source_count);
    return out.empty() ? count : count + ": " + out;
}

class MarkdownExporter final : public Exporter {
public:
    std::string_view name() const override { return "markdown"; }
    std::string_view extension() const override { return "md"; }
    std::string_view description() const override {
        return "a readable chronology grouped by year: date — headline (sources)";
    }

    void write(const Timeline& t, std::ostream& out) const override {
        VectorEventSource events(t.events);
        write_stream(t, events, out);
    }

    // The heading counts the events, so the list goes to a temporary file
    // first and follows the heading when the count is known.
    void write_stream(const Timeline& t, EventSource& events, std::ostream& out) const override {
        Spill spill;
        SpillStream body(spill);
        std::size_t count = 0;
        std::string current;
        bool first = true;
        while (const Event* next = events.next()) {
            const Event& e = *next;
            ++count;
            const std::string h = heading(e);
            if (first || h != current) {
                body << "\n## " << h << "\n\n";
                current = h;
                first = false;
            }
            const std::string date = e.when ? human_date(*e.when) : "undated";
            std::string line = fmt::format("- **{}** — {} ({})", markdown_escape(date),
                                           markdown_escape(e.headline), sources(e));
            if (e.date_source == DateSource::published) line += " *dated by the report*";
            body << line << "\n";
        }
        body.flush();
        out << "# " << (t.title.empty() ? std::string("Timeline") : markdown_escape(t.title)) << "\n";
        out << "\n" << count << (count == 1 ? " event" : " events") << ", exported on " << iso(t.exported_on)
            << ".\n";
        spill.copy_to(out);
    }
};

}  // namespace

std::unique_ptr<Exporter> make_markdown_exporter() { return std::make_unique<MarkdownExporter>(); }

}  // namespace dateline
