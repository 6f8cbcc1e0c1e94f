// `dateline events`: the stored events that match the filters, as a table on the terminal.
#include "cli/common.hpp"
#include "cli/query_options.hpp"

#include "dateline/event_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace dateline::cli {
namespace {

struct EventsOptions {
    QueryOptions filters;
    std::string format = "table";
    bool mentions = false;
};

// Pads or cuts to `width` characters (UTF-8 aware), so columns line up.
std::string cell(const std::string& s, std::size_t width) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (chars + 1 == width && i + len < s.size()) {
            out += "\xE2\x80\xA6";  // an ellipsis marks the cut
            ++chars;
            break;
        }
        out.append(s, i, std::min(len, s.size() - i));
        i += len;
        ++chars;
    }
    return out + std::string(width > chars ? width - chars : 0, ' ');
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// Fixed column widths, so rows are written as they come from the store.
void write_table(EventSource& events, bool with_mentions, std::ostream& out) {
    out << cell("when", 21) << "  " << cell("type", 18) << "  " << cell("src", 3) << "  " << cell("actors", 30)
        << "  " << cell("places", 18) << "  headline\n";
    std::size_t count = 0;
    while (const Event* next = events.next()) {
        const Event& e = *next;
        ++count;
        std::string when = e.when ? e.when->edtf() : "unresolved";
        if (e.date_source == DateSource::published) when += " (pub)";
        std::vector<std::string> actors, places;
        for (const auto& a : e.actors) actors.push_back(a.name);
        for (const auto& p : e.places) places.push_back(p.name);
        std::string headline = e.headline;
        if (e.status != EventStatus::asserted) headline = fmt::format("[{}] {}", to_string(e.status), headline);
        out << cell(when, 21) << "  " << cell(e.type, 18) << "  " << cell(std::to_string(e.source_count), 3) << "  "
            << cell(joined(actors), 30) << "  " << cell(joined(places), 18) << "  " << headline << '\n';
        if (with_mentions) {
            auto line = [&](const Evidence& ev) {
                out << fmt::format("    {} [{}..{}] {}\n", ev.article, ev.begin, ev.end, ev.sentence);
            };
            line(e.evidence);
            for (const auto& m : e.mentions) line(m);
        }
    }
    out << fmt::format("{} events; src = distinct sources; (pub) = dated by the report, not the text\n",
                       count);
}

void run(const EventsOptions& o) {
    const TimelineQuery query = o.filters.parse();
    if (o.format != "table" && o.format != "jsonl")
        throw UsageError(fmt::format("unknown --format '{}'; known: table, jsonl", o.format));
    o.filters.check_database();
    EventStore store(o.filters.db, EventStore::Access::read);
    report_upgrade(store);
    const auto events = store.stream(query);  // one day's events in memory at a time
    Output output("");
    if (o.format == "jsonl") {
        while (const Event* e = events->next()) output.stream() << to_json(*e, true).dump() << '\n';
    } else {
        write_table(*events, o.mentions, output.stream());
    }
    output.close();
}

}  // namespace

void add_events_command(CLI::App& app) {
    auto o = std::make_shared<EventsOptions>();
    CLI::App* cmd = app.add_subcommand("events", "List the stored events that match the filters, as a table");
    o->filters.add_to(*cmd);
    cmd->add_option("--format,-f", o->format, "table (for reading) or jsonl (the event record with mentions)")
        ->type_name("FORMAT")
        ->capture_default_str();
    cmd->add_flag("--mentions", o->mentions, "Under each event, list the sentences that tell of it");
    cmd->callback([o] { run(*o); });
}

}  // namespace dateline::cli
