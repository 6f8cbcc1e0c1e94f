// `dateline merge`: stores built separately joined into one, with the same merge rule as ingest.
#include "cli/common.hpp"

#include "dateline/event_store.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

namespace dateline::cli {
namespace {

struct MergeOptions {
    std::vector<std::string> inputs;
    std::string output;
    std::size_t batch_size = 500;
    bool quiet = false;
};

void run(const MergeOptions& o) {
    namespace fs = std::filesystem;
    if (o.inputs.empty()) throw UsageError("no input databases; use dateline merge A.db B.db -o C.db");
    if (o.batch_size == 0) throw UsageError("--batch must be at least 1");
    std::error_code ec;
    for (const auto& in : o.inputs) {
        if (!fs::is_regular_file(in, ec))
            throw InputError(fmt::format("{}: no such database", in));
        if (fs::exists(o.output, ec) && fs::equivalent(in, o.output, ec))
            throw UsageError(fmt::format("{} is both an input and the output; write to a new file", in));
    }
    EventStore out(o.output);
    report_upgrade(out);
    std::size_t added = 0, unchanged = 0, replaced = 0, events_new = 0, events_merged = 0;
    Progress progress("merge: articles", 0, o.quiet);
    for (const auto& in : o.inputs) {
        EventStore source(in);
        report_upgrade(source);
        // Articles are re-ingested one by one, so the output applies its own
        // merge rule and its idempotence: merging the same store twice adds nothing.
        std::optional<EventStore::Batch> batch;
        std::size_t in_batch = 0;
        source.for_each_article([&](const Article& article, const std::vector<Event>& events) {
            if (!batch) batch.emplace(out);
            IngestResult r = out.ingest(article, events);
            added += r.outcome == IngestOutcome::added;
            unchanged += r.outcome == IngestOutcome::unchanged;
            replaced += r.outcome == IngestOutcome::replaced;
            events_new += static_cast<std::size_t>(r.events_new);
            events_merged += static_cast<std::size_t>(r.events_merged);
            if (++in_batch >= o.batch_size) {
                batch->commit();
                batch.reset();
                progress.tick(in_batch);
                in_batch = 0;
            }
        });
        if (batch) batch->commit();
        progress.tick(in_batch);
    }
    progress.finish();
    if (!o.quiet)
        std::cerr << fmt::format(
            "dateline: merged {} databases into {}: articles {} new, {} unchanged, {} replaced; events {} new, "
            "{} merged\n",
            o.inputs.size(), o.output, added, unchanged, replaced, events_new, events_merged);
}

}  // namespace

void add_merge_command(CLI::App& app) {
    auto o = std::make_shared<MergeOptions>();
    CLI::App* cmd = app.add_subcommand("merge", "Join databases built separately into one, merging shared events");
    cmd->add_option("inputs", o->inputs, "Databases written by 'dateline ingest'")->type_name("DB...")->required();
    cmd->add_option("-o,--output", o->output, "The database to create or add to")->type_name("PATH")->required();
    cmd->add_option("--batch", o->batch_size, "Articles per transaction")->capture_default_str();
    cmd->add_flag("-q,--quiet", o->quiet, "No progress bar and no summary");
    cmd->footer("Example: dateline merge east.db west.db -o all.db");
    cmd->callback([o] { run(*o); });
}

}  // namespace dateline::cli
