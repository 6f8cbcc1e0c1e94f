// `dateline ingest`: articles in, events extracted and stored in batches, merged with what the store knows.
#include "cli/common.hpp"

#include "dateline/event_extractor.hpp"
#include "dateline/event_store.hpp"

#include <fmt/format.h>

#include <glob.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

namespace dateline::cli {
namespace {

struct IngestOptions {
    std::vector<std::string> inputs;
    std::string db;
    std::string published;
    std::string source;
    std::string input_format;
    // 3,000: on a store of 100,000 articles each commit rewrote the index
    // pages its batch touched (most of them, scattered by date and type), and
    // 500 made that a third of the ingest's CPU time; 3,000 writes 16 % fewer
    // blocks than 2,000 for ~11 MB more peak RSS (267 MB on c100k, under the
    // 300 MB of issue 5; 4,000 took 278 MB). See docs/store.md, Round (7).
    std::size_t batch_size = 3000;
    // A batch also closes at this many bytes of article text, so that its
    // memory does not grow with the length of the articles. A batch's events
    // and mentions take ~30 times its text: 3,000 synthetic articles are 1.2
    // MB of text; 12,000 articles of 3.6 KB peaked at 479 MB RSS in batches of
    // 3,000, 350 MB with 4 MiB, 287 MB with 2 MiB (docs/store.md, Round (7)).
    std::size_t batch_bytes = 2 * 1024 * 1024;
    unsigned jobs = 1;
    std::size_t max_article_bytes = 10 * 1024 * 1024;
    bool quiet = false;
    KnowledgeOptions knowledge;
};

struct Totals {
    std::size_t added = 0, unchanged = 0, replaced = 0, failed = 0;
    std::size_t batches = 0;
    std::size_t events_new = 0, events_merged = 0, events_removed = 0;
};

std::optional<InputFormat> input_format_option(const std::string& name) {
    if (name.empty()) return std::nullopt;
    if (name == "text") return InputFormat::text;
    if (name == "jsonl") return InputFormat::jsonl;
    if (name == "html") return InputFormat::html;
    if (name == "timeml") return InputFormat::timeml;
    throw UsageError(fmt::format("unknown --input-format '{}'; known: text, jsonl, html, timeml", name));
}

// Expands quoted globs ("news/*.jsonl", as in a script or on Windows) that the
// shell left alone; a name that exists as written is kept as it is.
std::vector<std::string> expand_globs(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const auto& a : args) {
        std::error_code ec;
        if (a == "-" || a.find_first_of("*?[") == std::string::npos || std::filesystem::exists(a, ec)) {
            out.push_back(a);
            continue;
        }
        glob_t g{};
        if (glob(a.c_str(), 0, nullptr, &g) == 0) {
            for (std::size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
        } else {
            out.push_back(a);  // no match: collect_inputs reports it as missing
        }
        globfree(&g);
    }
    return out;
}

void run(const IngestOptions& o) {
    // Arguments first, files after: nothing is created for a bad command line.
    const auto forced = input_format_option(o.input_format);
    if (o.batch_size == 0) throw UsageError("--batch must be at least 1");
    if (o.batch_bytes == 0) throw UsageError("--batch-bytes must be at least 1");
    if (o.jobs == 0) throw UsageError("--jobs must be at least 1");
    ReadOptions ropts;
    ropts.published = parse_date_option(o.published, "--published");
    ropts.source = o.source;
    ropts.max_article_bytes = o.max_article_bytes;
    std::vector<std::string> args = expand_globs(o.inputs);
    if (args.empty()) {
        if (isatty(STDIN_FILENO))
            throw UsageError("no input: give FILE... or '-' for stdin (see dateline ingest --help)");
        args.push_back("-");
    }

    const Pipeline pipeline(o.knowledge.load());
    EventStore store(o.db);
    report_upgrade(store);
    Totals totals;
    auto problem = [&](const ReadProblem& p) {
        report_problem(p);
        ++totals.failed;
        note_exit(exit_bad_input);
    };
    const auto inputs = collect_inputs(args, problem);

    // Extraction runs outside the transaction, so the write lock that other
    // ingest processes wait for is held only while a batch is written.
    std::vector<std::pair<Article, std::vector<Event>>> pending;
    pending.reserve(std::min<std::size_t>(o.batch_size, 100'000));
    std::size_t pending_bytes = 0;
    Progress progress("ingest: articles", 0, o.quiet);
    const auto start = std::chrono::steady_clock::now();
    // Extraction of a batch is spread over --jobs threads (Pipeline::extract is
    // const and thread-safe); each article keeps its place, so the store sees
    // the same order, and the same result, as with one thread.
    auto extract_pending = [&] {
        const std::size_t n = pending.size();
        const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(o.jobs, n));
        if (threads <= 1) {
            for (auto& [article, events] : pending) events = pipeline.extract(article);
            return;
        }
        std::vector<std::thread> workers;
        for (unsigned t = 0; t < threads; ++t)
            workers.emplace_back([&, t] {
                for (std::size_t i = t; i < n; i += threads) pending[i].second = pipeline.extract(pending[i].first);
            });
        for (auto& w : workers) w.join();
    };
    auto flush = [&] {
        if (pending.empty()) return;
        extract_pending();
        auto batch = store.batch();
        for (const auto& [article, events] : pending) {
            IngestResult r = store.ingest(article, events);
            switch (r.outcome) {
                case IngestOutcome::added: ++totals.added; break;
                case IngestOutcome::unchanged: ++totals.unchanged; break;
                case IngestOutcome::replaced: ++totals.replaced; break;
            }
            totals.events_new += static_cast<std::size_t>(r.events_new);
            totals.events_merged += static_cast<std::size_t>(r.events_merged);
            totals.events_removed += static_cast<std::size_t>(r.events_removed);
        }
        batch.commit();
        ++totals.batches;
        progress.tick(pending.size());
        pending.clear();
        pending_bytes = 0;
    };
    for (const auto& input : inputs) {
        read_input(
            input, forced, ropts,
            [&](Article&& a) {
                pending_bytes += a.text.size();
                pending.emplace_back(std::move(a), std::vector<Event>{});
                if (pending.size() >= o.batch_size || pending_bytes >= o.batch_bytes) flush();
            },
            problem);
    }
    flush();
    progress.finish();

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::size_t articles = totals.added + totals.unchanged + totals.replaced;
    if (!o.quiet || totals.failed > 0)
        std::cerr << fmt::format(
            "dateline: ingested {} {} into {} ({} new, {} unchanged, {} replaced, {} failed); "
            "events: {} new, {} merged{}; {:.1f} s, {:.0f} articles/s, {} {}\n",
            articles, articles == 1 ? "article" : "articles", o.db, totals.added, totals.unchanged, totals.replaced, totals.failed, totals.events_new,
            totals.events_merged,
            totals.events_removed ? fmt::format(", {} removed", totals.events_removed) : std::string(), seconds,
            articles / std::max(seconds, 1e-6), totals.batches, totals.batches == 1 ? "batch" : "batches");
}

}  // namespace

void add_ingest_command(CLI::App& app) {
    auto o = std::make_shared<IngestOptions>();
    CLI::App* cmd = app.add_subcommand(
        "ingest", "Extract events from articles and store them in a database, merging repeated reports");
    cmd->add_option("inputs", o->inputs,
                    "Article files (.txt, .jsonl, .html, .tml), directories (searched recursively), globs or '-' for stdin")
        ->type_name("FILE...");
    cmd->add_option("--db", o->db, "The SQLite database to create or add to")->type_name("PATH")->required();
    cmd->add_option("--published", o->published, "Publication date (YYYY-MM-DD) for articles that carry none")
        ->type_name("DATE");
    cmd->add_option("--source", o->source, "Source name for articles that carry none")->type_name("NAME");
    cmd->add_option("--input-format", o->input_format,
                    "Read inputs as text, jsonl, html or timeml (default: by extension)")
        ->type_name("FORMAT");
    cmd->add_option("--batch", o->batch_size, "Articles per transaction (a crash loses at most the open batch)")
        ->capture_default_str();
    cmd->add_option("--batch-bytes", o->batch_bytes,
                    "A batch also ends once its articles hold this many bytes of text (bounds memory for long articles)")
        ->capture_default_str();
    cmd->add_option("--jobs,-j", o->jobs, "Threads that extract events (the store is written by one)")
        ->capture_default_str();
    cmd->add_option("--max-article-bytes", o->max_article_bytes, "Skip articles larger than this")
        ->capture_default_str();
    cmd->add_flag("-q,--quiet", o->quiet, "No progress bar and no summary (problems are still reported)");
    o->knowledge.add_to(*cmd);
    cmd->footer(
        "Ingesting the same article again changes nothing; an article whose text changed replaces its events.\n"
        "Several ingest processes may share one database. Exit code 1 if some input was bad (the rest is stored).");
    cmd->callback([o] { run(*o); });
}

}  // namespace dateline::cli
