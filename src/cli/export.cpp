// `dateline export`: a filtered timeline from the store, written by one of the registered exporters.
#include "cli/common.hpp"
#include "cli/query_options.hpp"

#include "dateline/event_store.hpp"
#include "dateline/exporter.hpp"

#include <fmt/format.h>

#include <ctime>
#include <memory>

namespace dateline::cli {
namespace {

struct ExportOptions {
    QueryOptions filters;
    std::string format;
    std::string output;
    std::string title;
    std::vector<std::string> eras;
    std::string group_by = "type";
    std::string export_date;
};

Date today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date(static_cast<unsigned short>(tm.tm_year + 1900), static_cast<unsigned short>(tm.tm_mon + 1),
                static_cast<unsigned short>(tm.tm_mday));
}

Span parse_era_date(const std::string& text, const std::string& era) {
    if (auto span = parse_edtf(text)) return *span;
    throw UsageError(fmt::format("--era '{}': '{}' is not a date; use e.g. --era \"2020-09-27/2020-11-10:Second "
                                 "Karabakh War\"",
                                 era, text));
}

// "2020-09-27/2020-11-10:Second Karabakh War" or "2020:The year of the war".
Era parse_era(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon + 1 >= text.size())
        throw UsageError(fmt::format("--era '{}' has no name; use DATE/DATE:NAME, e.g. --era \"2020-09-27/2020-11-10:"
                                     "Second Karabakh War\"",
                                     text));
    const std::string dates = text.substr(0, colon);
    Era era;
    era.name = text.substr(colon + 1);
    const auto slash = dates.find('/');
    if (slash == std::string::npos) {
        era.span = parse_era_date(dates, text);
    } else {
        era.span = parse_era_date(dates.substr(0, slash), text);
        const Span end = parse_era_date(dates.substr(slash + 1), text);
        if (end.latest < era.span.earliest) throw UsageError(fmt::format("--era '{}' ends before it begins", text));
        era.span.latest = end.latest;
    }
    return era;
}

void run(const ExportOptions& o) {
    const TimelineQuery query = o.filters.parse();
    const Exporter& exporter = builtin_exporters().get(o.format);  // throws InputError listing the formats
    if (o.group_by != "type" && o.group_by != "actor" && o.group_by != "place" && o.group_by != "none")
        throw UsageError(fmt::format("unknown --group-by '{}'; known: type, actor, place, none", o.group_by));
    Timeline timeline;
    timeline.title = o.title;
    timeline.group_by = o.group_by;
    for (const auto& e : o.eras) timeline.eras.push_back(parse_era(e));
    timeline.exported_on = o.export_date.empty() ? today() : *parse_date_option(o.export_date, "--export-date");
    o.filters.check_database();

    EventStore store(o.filters.db, EventStore::Access::read);
    report_upgrade(store);
    // Streamed: the store hands the events over one day at a time and the
    // exporter writes each as it comes, so a whole store fits in memory.
    const auto events = store.stream(query);
    Output output(o.output);
    exporter.write_stream(timeline, *events, output.stream());
    output.close();
}

}  // namespace

void add_export_command(CLI::App& app) {
    auto o = std::make_shared<ExportOptions>();
    std::string formats;
    for (const auto& name : builtin_exporters().names()) formats += (formats.empty() ? "" : ", ") + name;
    CLI::App* cmd = app.add_subcommand("export", "Write the stored timeline (or a filtered part) in a format");
    cmd->add_option("--format,-f", o->format, "Output format: " + formats)->type_name("FORMAT")->required();
    cmd->add_option("-o,--output", o->output, "Write to FILE instead of stdout")->type_name("FILE");
    o->filters.add_to(*cmd);
    cmd->add_option("--title", o->title, "Title of the timeline (title slide, page heading)")->type_name("TEXT");
    cmd->add_option("--era", o->eras, "A named period shown behind the events, DATE/DATE:NAME (repeatable)")
        ->type_name("ERA");
    cmd->add_option("--group-by", o->group_by, "Group events by type, actor, place or none")
        ->type_name("KEY")
        ->capture_default_str();
    cmd->add_option("--export-date", o->export_date, "The date open-ended events run to (default: today)")
        ->type_name("DATE");
    // One line per format, from the exporters themselves.
    std::string footer = "Formats:\n";
    for (const auto& e : builtin_exporters().all())
        footer += fmt::format("  {:<12} {}\n", e->name(), e->description());
    footer += "\nExample: dateline export --db timeline.db --format timelinejs --from 2020 --actor Russia "
              "--limit 50 -o timeline.json";
    cmd->footer(footer);
    cmd->callback([o] { run(*o); });
}

}  // namespace dateline::cli
