// ingest_bench: figures for the event store: ingest rate (extraction and store apart), size, peak RSS, export times.
//
//   gen_articles 100000 > corpus.jsonl
//   ingest_bench corpus.jsonl --db /tmp/bench.db          # the whole pipeline, as `dateline ingest` runs it
//   ingest_bench --synthetic 1000000 --db /tmp/big.db      # store only: hand-built events, no text
//
// Prints one "name: value" line per figure. Nothing here is asserted: the
// figures go into the report, and the tests stay free of timing.
#include "dateline/event_extractor.hpp"
#include "dateline/event_store.hpp"
#include "dateline/exporter.hpp"
#include "dateline/reader.hpp"

#include <fmt/format.h>

#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <streambuf>
#include <string>
#include <vector>

namespace {

using namespace dateline;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// CPU seconds of this process: the machine may be shared, so wall time alone would undersell one core.
double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;  // Linux reports kilobytes
}

// Counts bytes and throws them away: export time without disk noise.
class CountingBuf : public std::streambuf {
public:
    std::size_t bytes = 0;

protected:
    int overflow(int c) override {
        ++bytes;
        return c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
};

// Counts what passes through, for the figures.
class CountingSource final : public EventSource {
public:
    explicit CountingSource(EventSource& inner) : m_inner(inner) {}
    const Event* next() override {
        const Event* e = m_inner.next();
        if (e) ++count;
        return e;
    }
    std::size_t count = 0;

private:
    EventSource& m_inner;
};

// As `dateline export` does it: the store streams, the exporter writes as the events come.
void time_export(EventStore& store, const TimelineQuery& q, const std::string& label, const std::string& format) {
    const auto t = Clock::now();
    const double cpu0 = cpu_seconds();
    Timeline header;
    auto events = store.stream(q);
    CountingSource counted(*events);
    CountingBuf buf;
    std::ostream out(&buf);
    builtin_exporters().get(format).write_stream(header, counted, out);
    const double total_s = seconds_since(t);
    // CPU time beside wall time: on a shared machine the wall time of a query
    // grows with the other processes' load, its CPU time barely.
    const double cpu_s = cpu_seconds() - cpu0;
    std::cout << fmt::format("export {} ({}): {} events, {:.1f} MB, total {:.0f} ms, CPU {:.0f} ms\n", label, format,
                             counted.count, buf.bytes / 1e6, total_s * 1e3, cpu_s * 1e3);
}

// Hand-built events, as the extractor would give them, for a store of any size.
void fill_synthetic(EventStore& store, std::size_t events_wanted, std::size_t batch_size) {
    std::mt19937_64 rng(7);
    const std::vector<std::string> types = {"armed_conflict", "attack", "casualties", "protest", "ceasefire",
                                            "negotiation", "statement", "appeal", "legal_ruling", "sanctions",
                                            "blockade"};
    const std::vector<std::string> actors = {"Azerbaijan", "Armenia", "Russia", "Turkey", "Iran", "Georgia",
                                             "European Union", "United Nations", "France", "United States",
                                             "Nagorno-Karabakh Republic", "OSCE Minsk Group"};
    const std::vector<std::string> places = {"Nagorno-Karabakh", "Lachin corridor", "Stepanakert", "Shusha",
                                             "Agdam", "Syunik", "Baku", "Yerevan", "Moscow", "Brussels"};
    std::uniform_int_distribution<int> day(0, 365 * 30), pick(0, 1 << 20);
    const Date first(1994, 1, 1);
    const auto start = Clock::now();
    const double cpu_start = cpu_seconds();
    std::size_t n = 0, articles = 0;
    while (n < events_wanted) {
        auto batch = store.batch();
        for (std::size_t k = 0; k < batch_size && n < events_wanted; ++k, ++articles) {
            Article a;
            a.id = fmt::format("syn-{}", articles);
            a.source = fmt::format("outlet-{}", pick(rng) % 40);
            a.published = first + boost::gregorian::days(day(rng));
            a.text = fmt::format("Synthetic article {}.", articles);
            std::vector<Event> events;
            for (int j = 0; j < 4 && n < events_wanted; ++j, ++n) {
                Event e;
                e.id = fmt::format("syn-{}-{}", articles, j);
                e.when = Span::day(first + boost::gregorian::days(day(rng)));
                e.type = types[static_cast<std::size_t>(pick(rng)) % types.size()];
                e.cameo = "01";
                const std::string& agent = actors[static_cast<std::size_t>(pick(rng)) % actors.size()];
                const std::string& target = actors[static_cast<std::size_t>(pick(rng)) % actors.size()];
                e.actors = {{agent, "agent", agent, ""}, {target, "target", target, ""}};
                e.places = {{places[static_cast<std::size_t>(pick(rng)) % places.size()], 40.0, 46.0, ""}};
                e.headline = fmt::format("{} {} {} near {}", agent, e.type, target, e.places[0].name);
                e.evidence.article = a.id;
                e.evidence.sentence = e.headline + ".";
                e.evidence.begin = static_cast<std::size_t>(j) * 10;
                e.evidence.end = e.evidence.begin + e.evidence.sentence.size();
                e.evidence.timex = "on a day";
                events.push_back(std::move(e));
            }
            store.ingest(a, events);
        }
        batch.commit();
    }
    const double s = seconds_since(start);
    const double cpu = cpu_seconds() - cpu_start;
    std::cout << fmt::format("synthetic store fill: {} articles, {} mentions in {:.1f} s ({:.1f} CPU s): "
                             "{:.0f} articles/s, {:.0f} mentions/s, {:.0f} mentions per CPU second\n",
                             articles, n, s, cpu, articles / s, n / s, n / cpu);
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus, db = "ingest_bench.db";
    std::size_t batch_size = 3000, synthetic = 0;  // the batch of `dateline ingest`
    bool keep = false, exports = true, extract_first = false, query_only = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--db" && i + 1 < argc) db = argv[++i];
        else if (arg == "--batch" && i + 1 < argc) batch_size = std::stoul(argv[++i]);
        else if (arg == "--synthetic" && i + 1 < argc) synthetic = std::stoul(argv[++i]);
        else if (arg == "--keep") keep = true;
        else if (arg == "--no-export") exports = false;
        else if (arg == "--extract-first") extract_first = true;
        else if (arg == "--query-only") query_only = keep = true;
        else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: ingest_bench CORPUS.jsonl [--db PATH] [--batch N] [--keep] [--no-export] [--extract-first]\n"
                         "       ingest_bench --synthetic EVENTS [--db PATH] [--keep] [--no-export]\n"
                         "       ingest_bench --query-only --db PATH   (the exports alone, on a store made before)\n"
                         "  --no-export      skip the export timings (profile the ingest alone)\n"
                         "  --extract-first  extract the whole corpus, then store it (the store part alone\n"
                         "                   in a profile; memory grows with the corpus)\n";
            return 0;
        } else corpus = arg;
    }
    if (corpus.empty() && synthetic == 0 && !query_only) {
        std::cerr << "ingest_bench: give a corpus (gen_articles N > corpus.jsonl) or --synthetic N\n";
        return 1;
    }
    if (!keep)
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);

    EventStore store(db);
    if (query_only) {
        // Nothing to ingest: the exports below, on the store as it is.
    } else if (synthetic > 0) {
        fill_synthetic(store, synthetic, batch_size);
    } else {
        const Pipeline pipeline(DataFiles::builtin());
        std::ifstream in(corpus, std::ios::binary);
        if (!in) {
            std::cerr << "ingest_bench: cannot open " << corpus << '\n';
            return 1;
        }
        std::vector<std::pair<Article, std::vector<Event>>> pending;
        double extract_s = 0, store_s = 0, store_cpu = 0;
        std::size_t articles = 0, mentions = 0, merged = 0;
        auto flush = [&] {
            const auto t = Clock::now();
            const double c = cpu_seconds();
            auto batch = store.batch();
            for (const auto& [a, events] : pending) merged += static_cast<std::size_t>(store.ingest(a, events).events_merged);
            batch.commit();
            store_s += seconds_since(t);
            store_cpu += cpu_seconds() - c;
            pending.clear();
        };
        const auto start = Clock::now();
        const double cpu_start = cpu_seconds();
        read_articles(
            in, corpus, InputFormat::jsonl, ReadOptions{},
            [&](Article&& a) {
                const auto t = Clock::now();
                auto events = pipeline.extract(a);
                extract_s += seconds_since(t);
                ++articles;
                mentions += events.size();
                pending.emplace_back(std::move(a), std::move(events));
                if (!extract_first && pending.size() >= batch_size) flush();
            },
            [](const ReadProblem& p) { std::cerr << p.where << ": " << p.message << '\n'; });
        if (extract_first) {
            // Everything is extracted: now store it batch by batch, as above.
            auto all = std::move(pending);
            pending.clear();
            for (auto& item : all) {
                pending.push_back(std::move(item));
                if (pending.size() >= batch_size) flush();
            }
        }
        flush();
        const double total_s = seconds_since(start);
        const double cpu_s = cpu_seconds() - cpu_start;
        std::cout << fmt::format("articles: {}\nmentions (extracted events): {}\nmerged into stored events: {}\n",
                                 articles, mentions, merged);
        std::cout << fmt::format("ingest total: {:.1f} s, {:.0f} articles/s, {:.0f} events/s\n", total_s,
                                 articles / total_s, mentions / total_s);
        std::cout << fmt::format("ingest CPU time: {:.2f} s, {:.0f} articles per CPU second, {:.0f} events per CPU "
                                 "second\n",
                                 cpu_s, articles / cpu_s, mentions / cpu_s);
        std::cout << fmt::format("  extraction: {:.1f} s, {:.0f} articles/s\n", extract_s, articles / extract_s);
        std::cout << fmt::format("  store:      {:.1f} s ({:.2f} CPU s), {:.0f} articles/s, {:.0f} events/s; "
                                 "{:.0f} articles per CPU second\n",
                                 store_s, store_cpu, articles / store_s, mentions / store_s, articles / store_cpu);
    }
    const StoreStats st = store.stats();
    std::cout << fmt::format("store: {} articles, {} events, {} mentions, {} merged events\n", st.articles, st.events,
                             st.mentions, st.merged_events);
    std::error_code ec;
    auto size = std::filesystem::file_size(db, ec);
    auto wal = std::filesystem::file_size(db + "-wal", ec);
    std::cout << fmt::format("database size: {:.1f} MB (+ {:.1f} MB WAL)\n", size / 1e6, ec ? 0.0 : wal / 1e6);
    std::cout << fmt::format("peak RSS after ingest: {} MB\n", peak_rss_mb());

    if (!exports) return 0;
    // Exports: the whole timeline, then filtered ones of about a thousand events.
    TimelineQuery all;
    // Streamed, so memory does not grow with the store (peak RSS printed after).
    time_export(store, all, "whole timeline", "json");
    std::cout << fmt::format("peak RSS after the whole export: {} MB\n", peak_rss_mb());
    // The filters of issue 5, each keeping about a thousand events (--limit
    // 1000 with each --rank, alone and combined with the other filters).
    auto limited = [](TimelineQuery q, Rank rank) {
        q.limit = 1000;
        q.rank = rank;
        return q;
    };
    const std::pair<Rank, const char*> ranks[] = {
        {Rank::sources, "sources"}, {Rank::confidence, "confidence"}, {Rank::date, "date"}};
    TimelineQuery statement;
    statement.types = {"statement"};
    for (const auto& [rank, name] : ranks)
        time_export(store, limited(statement, rank), fmt::format("--type statement --limit 1000 --rank {}", name),
                    "json");
    for (const auto& [rank, name] : ranks)
        time_export(store, limited(TimelineQuery{}, rank), fmt::format("--limit 1000 --rank {}", name), "json");
    TimelineQuery actor;
    actor.actors = {"Russia"};
    TimelineQuery place;
    place.places = {"Stepanakert"};
    TimelineQuery text;
    text.query = "ceasefire";
    TimelineQuery sources;
    sources.min_sources = 2;
    for (const auto& [q, name] : {std::pair{actor, "--actor Russia"}, std::pair{place, "--place Stepanakert"},
                                  std::pair{text, "--query ceasefire"}, std::pair{sources, "--min-sources 2"}})
        for (const auto& [rank, rank_name] : ranks)
            time_export(store, limited(q, rank), fmt::format("{} --limit 1000 --rank {}", name, rank_name), "json");
    // A date window sized to hold about 1,000 events.
    if (!st.earliest.empty() && st.events > 0) {
        auto first = parse_iso_date(st.earliest), last = parse_iso_date(st.latest);
        if (first && last) {
            const Date dense = std::max(*first, *last - boost::gregorian::days(3650));
            const double per_day = double(st.events) / std::max(1, int((*last - dense).days()));
            const int window = std::max(1, int(1000 / per_day));
            TimelineQuery window_q;
            // In the middle of the last ten years: a few old background dates
            // ("in 1991") would put the middle of the whole range where news is thin.
            const Date recent = std::max(*first, *last - boost::gregorian::days(3650));
            window_q.from = recent + boost::gregorian::days(int((*last - recent).days()) / 2);
            window_q.to = *window_q.from + boost::gregorian::days(window - 1);
            time_export(store, window_q, fmt::format("--from/--to window of {} days", window), "json");
            for (const auto& [rank, name] : ranks)
                time_export(store, limited(window_q, rank),
                            fmt::format("--from/--to window --limit 1000 --rank {}", name), "json");
            TimelineQuery year = window_q;
            year.from = window_q.from;
            year.to = *window_q.from + boost::gregorian::days(364);
            for (const auto& [rank, name] : ranks)
                time_export(store, limited(year, rank), fmt::format("--from/--to a year --limit 1000 --rank {}", name),
                            "json");
            window_q.actors = {"Russia"};
            time_export(store, window_q, "same window --actor Russia", "timelinejs");
            TimelineQuery all_filters = limited(year, Rank::sources);
            all_filters.types = {"statement"};
            all_filters.actors = {"Russia"};
            time_export(store, all_filters, "a year --type statement --actor Russia --limit 1000 --rank sources",
                        "json");
        }
    }
    std::cout << fmt::format("peak RSS at the end: {} MB\n", peak_rss_mb());
    return 0;
}
