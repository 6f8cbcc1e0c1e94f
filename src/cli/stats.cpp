// `dateline stats`: what a store holds (articles, events, merges, types, actors, date range).
#include "cli/common.hpp"

#include "dateline/event_store.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace dateline::cli {
namespace {

struct StatsOptions {
    std::string db;
    bool json = false;
    bool check = false;
};

void run(const StatsOptions& o) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.db, ec))
        throw InputError(fmt::format("{}: no such database; create it with 'dateline ingest FILE... --db {}'", o.db, o.db));
    EventStore store(o.db, EventStore::Access::read);
    report_upgrade(store);
    const StoreStats s = store.stats();
    const auto bytes = std::filesystem::file_size(o.db, ec);
    std::string integrity = o.check ? store.integrity_check() : std::string();
    if (o.json) {
        nlohmann::ordered_json j = {{"articles", s.articles}, {"events", s.events}, {"mentions", s.mentions},
                                    {"merged_events", s.merged_events}, {"sources", s.sources},
                                    {"actors", s.actors}, {"places", s.places},
                                    {"earliest", s.earliest.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.earliest)},
                                    {"latest", s.latest.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.latest)},
                                    {"schema_version", s.schema_version}};
        nlohmann::ordered_json types = nlohmann::ordered_json::object();
        for (const auto& [name, n] : s.types) types[name] = n;
        j["types"] = types;
        nlohmann::ordered_json actors = nlohmann::ordered_json::object();
        for (const auto& [name, n] : s.actors_top) actors[name] = n;
        j["top_actors"] = actors;
        if (o.check) j["integrity"] = integrity;
        std::cout << j.dump(2) << '\n';
    } else {
        std::cout << fmt::format("database        {} ({:.1f} MB, schema v{})\n", o.db, bytes / 1e6, s.schema_version);
        std::cout << fmt::format("articles        {}\n", s.articles);
        std::cout << fmt::format("sources         {}\n", s.sources);
        std::cout << fmt::format("events          {} ({} told by more than one mention)\n", s.events, s.merged_events);
        std::cout << fmt::format("mentions        {}\n", s.mentions);
        std::cout << fmt::format("actors, places  {}, {}\n", s.actors, s.places);
        if (!s.earliest.empty()) std::cout << fmt::format("dates           {} .. {}\n", s.earliest, s.latest);
        if (!s.types.empty()) {
            std::cout << "events by type\n";
            for (const auto& [name, n] : s.types) std::cout << fmt::format("  {:<22}{:>8}\n", name, n);
        }
        if (!s.actors_top.empty()) {
            std::cout << "top actors\n";
            for (const auto& [name, n] : s.actors_top) std::cout << fmt::format("  {:<34}{:>8}\n", name, n);
        }
        if (o.check) std::cout << fmt::format("integrity       {}\n", integrity);
    }
    if (o.check && integrity != "ok") note_exit(exit_internal);
}

}  // namespace

void add_stats_command(CLI::App& app) {
    auto o = std::make_shared<StatsOptions>();
    CLI::App* cmd = app.add_subcommand("stats", "Show what a database holds: articles, events, merges, types, actors");
    cmd->add_option("--db", o->db, "The database written by 'dateline ingest'")->type_name("PATH")->required();
    cmd->add_flag("--json", o->json, "Print the figures as JSON");
    cmd->add_flag("--check", o->check, "Also run SQLite's integrity check (exit 2 if it fails)");
    cmd->callback([o] { run(*o); });
}

}  // namespace dateline::cli
