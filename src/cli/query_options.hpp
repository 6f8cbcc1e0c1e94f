// The timeline filters shared by `dateline export` and `dateline events` (--from, --actor, --limit, ...).
#pragma once

#include "cli/common.hpp"

#include "dateline/span.hpp"
#include "dateline/timeline.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <vector>

namespace dateline::cli {

/// Command-line filters, parsed into a TimelineQuery after CLI11 has run.
struct QueryOptions {
    std::string db;
    std::string from;
    std::string to;
    std::vector<std::string> actors;
    std::vector<std::string> places;
    std::vector<std::string> types;
    std::vector<std::string> statuses;
    std::string query;
    int min_sources = 0;
    std::size_t limit = 0;
    std::string rank = "sources";

    void add_to(CLI::App& app) {
        app.add_option("--db", db, "The database written by 'dateline ingest'")->type_name("PATH")->required();
        app.add_option("--from", from, "Keep events that may lie on or after this date (EDTF or ISO: 2020, 2020-09)")
            ->type_name("DATE");
        app.add_option("--to", to, "Keep events that may lie on or before this date (EDTF or ISO)")
            ->type_name("DATE");
        app.add_option("--actor", actors, "Keep events involving this actor or alias (repeatable: any of)")
            ->type_name("NAME");
        app.add_option("--place", places, "Keep events at this place or alias (repeatable: any of)")
            ->type_name("NAME");
        app.add_option("--type", types, "Keep events of this type, e.g. ceasefire (repeatable: any of)")
            ->type_name("TYPE");
        app.add_option("--status", statuses, "Keep events of this status: asserted, negated, planned, reported")
            ->type_name("STATUS");
        app.add_option("--query", query, "Full-text search in headlines and evidence (all words must occur)")
            ->type_name("TEXT");
        app.add_option("--min-sources", min_sources, "Keep events told by at least N distinct sources")
            ->type_name("N");
        app.add_option("--limit", limit, "Keep only the N best events by --rank (then in date order)")
            ->type_name("N");
        app.add_option("--rank", rank, "What --limit keeps first: sources, confidence or date")
            ->type_name("RANK")
            ->capture_default_str();
    }

    /// Validates the values; throws UsageError naming the option. Call before opening files.
    TimelineQuery parse() const {
        TimelineQuery q;
        if (!from.empty()) q.from = parse_bound(from, "--from").earliest;
        if (!to.empty()) q.to = parse_bound(to, "--to").latest;
        if (q.from && q.to && *q.to < *q.from)
            throw UsageError(fmt::format("--from {} is after --to {}", from, to));
        q.actors = actors;
        q.places = places;
        q.types = types;
        for (const auto& s : statuses)
            if (!status_from_string(s))
                throw UsageError(
                    fmt::format("unknown --status '{}'; known: asserted, negated, planned, reported", s));
        q.statuses = statuses;
        q.query = query;
        if (min_sources < 0) throw UsageError("--min-sources must not be negative");
        q.min_sources = min_sources;
        if (limit > 0) q.limit = limit;
        if (rank == "sources") q.rank = Rank::sources;
        else if (rank == "confidence") q.rank = Rank::confidence;
        else if (rank == "date") q.rank = Rank::date;
        else throw UsageError(fmt::format("unknown --rank '{}'; known: sources, confidence, date", rank));
        return q;
    }

    /// Refuses to invent an empty database where the user expected their timeline.
    void check_database() const {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(db, ec))
            throw InputError(fmt::format("{}: no such database; create it with 'dateline ingest FILE... --db {}'", db, db));
    }

private:
    static Span parse_bound(const std::string& text, const char* option) {
        if (auto span = parse_edtf(text)) return *span;
        if (auto day = parse_iso_date(text)) return Span::day(*day);
        throw UsageError(fmt::format("{} '{}' is not a date; use EDTF or ISO, e.g. {} 2020-09-27 or {} 2020",
                                     option, text, option, option));
    }
};

}  // namespace dateline::cli
