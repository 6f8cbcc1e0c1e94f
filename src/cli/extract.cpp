// `dateline extract`: articles in, events out (no store), as JSON Lines, JSON or a table.
#include "cli/common.hpp"

#include "dateline/event_extractor.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace dateline::cli {
namespace {

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string published;
    std::string source;
    std::string format = "jsonl";
    std::string input_format;
    std::string output;
    std::size_t max_article_bytes = 10 * 1024 * 1024;
    unsigned jobs = 1;
    KnowledgeOptions knowledge;
};

// What one article yields, computed by any thread and written by the main one.
struct ArticleResult {
    std::string jsonl;          // --format jsonl: the article's events, serialised
    std::vector<Event> events;  // json, table: the events, for the global sort
    std::string origin;
    bool undated = false;  // relative dates left unresolved for want of a publication date
};

// Runs `work` on articles on `threads` worker threads and hands the results to
// `emit` in input order, so that -j N writes exactly what -j 1 writes. The
// calling thread only reads, pushes and writes (about a tenth of the work on
// JSON Lines). Articles travel in batches of about `batch_bytes` of text: one
// hand-over per article made ~35,000 context switches a second on 2 cores and
// cost a third more CPU than one thread (bench/README.md). At most `window`
// batches are in flight, which bounds memory whatever the input size. (A
// calling thread that also took queued work while the window was full left the
// workers idle whenever it held a long one: 1.68x on 2 cores against 1.79x for
// plain workers, bench/README.md.) Exceptions of `work` (std::bad_alloc;
// extraction itself never throws) reach the caller when the article's turn to
// be written comes, after the results before it.
class OrderedWorkers {
public:
    using Work = std::function<ArticleResult(const Article&)>;
    using Emit = std::function<void(ArticleResult&&)>;

    OrderedWorkers(unsigned threads, std::size_t window, std::size_t batch_bytes, Work work, Emit emit)
        : m_window_size(window), m_batch_bytes(batch_bytes), m_work(std::move(work)), m_emit(std::move(emit)) {
        for (unsigned i = 0; i < threads; ++i) m_threads.emplace_back([this] { worker(); });
    }
    OrderedWorkers(const OrderedWorkers&) = delete;
    OrderedWorkers& operator=(const OrderedWorkers&) = delete;

    ~OrderedWorkers() {
        {
            // On an early exit (an exception while writing) queued batches are dropped;
            // those being processed finish before the join.
            std::lock_guard lock(m_mutex);
            m_queue.clear();
            m_stop = true;
        }
        m_work_ready.notify_all();
        for (auto& t : m_threads) t.join();
    }

    void push(Article&& article) {
        if (!m_pending) m_pending = std::make_unique<Slot>();
        m_pending_bytes += article.text.size() + 1;
        m_pending->articles.push_back(std::move(article));
        if (m_pending_bytes >= m_batch_bytes || m_pending->articles.size() >= k_max_batch_articles) submit();
    }

    /// Writes every remaining result; call after the last push.
    void finish() {
        submit();
        while (!m_window.empty()) write_front();
    }

private:
    static constexpr std::size_t k_max_batch_articles = 256;

    struct Slot {
        std::vector<Article> articles;
        std::vector<ArticleResult> results;
        std::exception_ptr error;  // of results.size()'s article: those before it are written first
        bool done = false;         // guarded by m_mutex
    };

    void submit() {
        if (!m_pending) return;
        Slot* s = m_pending.get();
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(s);
        }
        m_work_ready.notify_one();
        m_window.push_back(std::move(m_pending));
        m_pending_bytes = 0;
        while (m_window.size() >= m_window_size) write_front();
    }

    static void run(Slot& s, const Work& work) {
        s.results.reserve(s.articles.size());
        try {
            for (const auto& a : s.articles) s.results.push_back(work(a));
        } catch (...) {
            s.error = std::current_exception();
        }
        // The texts are no longer needed: keep the window's memory to the results.
        s.articles = std::vector<Article>{};
    }

    void worker() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_work_ready.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty()) return;
            Slot* s = m_queue.front();
            m_queue.pop_front();
            lock.unlock();
            run(*s, m_work);
            lock.lock();
            s->done = true;
            m_slot_done.notify_one();
        }
    }

    // Waits for the oldest batch and writes it.
    void write_front() {
        Slot& front = *m_window.front();
        {
            std::unique_lock lock(m_mutex);
            m_slot_done.wait(lock, [&] { return front.done; });
        }
        auto slot = std::move(m_window.front());
        m_window.pop_front();
        for (auto& r : slot->results) m_emit(std::move(r));
        if (slot->error) std::rethrow_exception(slot->error);
    }

    const std::size_t m_window_size;
    const std::size_t m_batch_bytes;
    const Work m_work;
    const Emit m_emit;
    std::unique_ptr<Slot> m_pending;  // the batch being filled; only the calling thread touches it
    std::size_t m_pending_bytes = 0;
    std::deque<std::unique_ptr<Slot>> m_window;  // in input order; only the calling thread touches it
    std::mutex m_mutex;
    std::condition_variable m_work_ready;
    std::condition_variable m_slot_done;
    std::deque<Slot*> m_queue;  // submitted, not yet started
    bool m_stop = false;
    std::vector<std::thread> m_threads;  // last member: joined before the rest is destroyed
};

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

// Pads or cuts to `width` display columns, counting UTF-8 characters.
std::string column(const std::string& s, std::size_t width) {
    std::string out;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (cols + 1 > width) {
            if (!out.empty()) {
                // Replace the last character by an ellipsis.
                std::size_t back = out.size() - 1;
                while (back > 0 && (static_cast<unsigned char>(out[back]) & 0xC0) == 0x80) --back;
                out.resize(back);
                out += "\xE2\x80\xA6";
            }
            return out;
        }
        out.append(s, i, len);
        i += len;
        ++cols;
    }
    return out + std::string(width - cols, ' ');
}

void write_table(const std::vector<Event>& events, std::ostream& out) {
    out << column("when", 21) << "  " << column("type", 18) << "  " << column("actors", 34) << "  "
        << column("places", 20) << "  headline\n";
    out << std::string(21, '-') << "  " << std::string(18, '-') << "  " << std::string(34, '-') << "  "
        << std::string(20, '-') << "  " << std::string(40, '-') << "\n";
    for (const auto& e : events) {
        std::string when = e.when ? e.when->edtf() : "unresolved";
        if (e.date_source == DateSource::published) when += " (pub)";
        std::vector<std::string> actors, places;
        for (const auto& a : e.actors) actors.push_back(a.name);
        for (const auto& p : e.places) places.push_back(p.name);
        std::string headline = e.headline;
        if (e.status != EventStatus::asserted) headline = fmt::format("[{}] {}", to_string(e.status), headline);
        out << column(when, 21) << "  " << column(e.type, 18) << "  " << column(join_names(actors), 34) << "  "
            << column(join_names(places), 20) << "  " << headline << "\n";
    }
    out << fmt::format("{} events; (pub) = dated by the report's publication date, not by the text\n", events.size());
}

void run(const ExtractOptions& o) {
    if (o.format != "jsonl" && o.format != "json" && o.format != "table")
        throw UsageError(fmt::format("unknown --format '{}'; known: jsonl, json, table", o.format));
    std::optional<InputFormat> forced;
    if (!o.input_format.empty()) {
        if (o.input_format == "text") forced = InputFormat::text;
        else if (o.input_format == "jsonl") forced = InputFormat::jsonl;
        else if (o.input_format == "html") forced = InputFormat::html;
        else if (o.input_format == "timeml") forced = InputFormat::timeml;
        else throw UsageError(fmt::format("unknown --input-format '{}'; known: text, jsonl, html, timeml", o.input_format));
    }
    ReadOptions ropts;
    ropts.published = parse_date_option(o.published, "--published");
    ropts.source = o.source;
    ropts.max_article_bytes = o.max_article_bytes;

    std::vector<std::string> args = o.inputs;
    if (args.empty()) {
        if (isatty(STDIN_FILENO)) throw UsageError("no input: give FILE... or '-' for stdin (see dateline extract --help)");
        args.push_back("-");
    }
    // Validate everything before the expensive start-up and any output.
    Output output(o.output);
    // The pipeline lives as long as the process: its tables are given back to the
    // system at exit instead of being freed entry by entry (~4 M instructions, a
    // twelfth of a one-article run). Held by a global so leak checkers see it reachable.
    static const Pipeline* process_pipeline = nullptr;
    delete process_pipeline;
    process_pipeline = new Pipeline(o.knowledge.load());
    const Pipeline& pipeline = *process_pipeline;

    auto problem = [](const ReadProblem& p) {
        report_problem(p);
        note_exit(exit_bad_input);
    };
    const auto inputs = collect_inputs(args, problem);
    std::vector<Event> all;
    std::ostream& out = output.stream();
    // Everything per article but the write runs on the workers, JSON serialisation
    // included (a third of the per-article time on the TimeBank corpus, bench/README.md).
    const auto work = [&](const Article& a) {
        ArticleResult r;
        r.origin = a.origin;
        if (o.format == "jsonl") {
            // The JSON lines of the sorted events (the bytes of to_json(e).dump()),
            // written from the extractor's drafts without building the Events.
            const auto summary = pipeline.extract_jsonl(a, r.jsonl);
            if (!a.published) r.undated = summary.unresolved;
            return r;
        }
        auto events = pipeline.extract(a);
        if (!a.published)
            r.undated = std::any_of(events.begin(), events.end(),
                                    [](const Event& e) { return e.date_source == DateSource::unresolved; });
        sort_chronologically(events);
        r.events = std::move(events);
        return r;
    };
    const auto emit = [&](ArticleResult&& r) {
        if (r.undated)
            std::cerr << fmt::format("dateline: {}: no publication date; relative dates are left unresolved "
                                     "(give --published YYYY-MM-DD)\n", r.origin);
        out << r.jsonl;
        for (auto& e : r.events) all.push_back(std::move(e));
    };
    if (o.jobs <= 1) {
        for (const auto& input : inputs)
            read_input(input, forced, ropts, [&](Article&& a) { emit(work(a)); }, problem);
    } else {
        // Batches of ~32 KB of text, 4 per thread in flight: enough that a long article
        // does not stall the others, few enough that memory stays flat in the input size.
        OrderedWorkers workers(o.jobs, 4 * std::size_t{o.jobs}, 32 * 1024, work, emit);
        for (const auto& input : inputs)
            read_input(input, forced, ropts, [&](Article&& a) { workers.push(std::move(a)); }, problem);
        workers.finish();
    }
    if (o.format == "json") {
        sort_chronologically(all);
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& e : all) arr.push_back(to_json(e));
        out << arr.dump(2) << '\n';
    } else if (o.format == "table") {
        sort_chronologically(all);
        write_table(all, out);
    }
    output.close();
}

}  // namespace

void add_extract_command(CLI::App& app) {
    auto o = std::make_shared<ExtractOptions>();
    CLI::App* cmd = app.add_subcommand("extract", "Find dated events in articles and print them (no database)");
    cmd->add_option("inputs", o->inputs, "Article files (.txt, .jsonl, .html, .tml) or directories; '-' for stdin")
        ->type_name("FILE...");
    cmd->add_option("--published", o->published, "Publication date (YYYY-MM-DD) for articles that carry none")
        ->type_name("DATE");
    cmd->add_option("--source", o->source, "Source name for articles that carry none")->type_name("NAME");
    cmd->add_option("--format,-f", o->format, "Output: jsonl (one event per line), json (an array), table")
        ->type_name("FORMAT")
        ->capture_default_str();
    cmd->add_option("--input-format", o->input_format, "Read inputs as text, jsonl, html or timeml (default: by extension)")
        ->type_name("FORMAT");
    cmd->add_option("-o,--output", o->output, "Write to FILE instead of stdout")->type_name("FILE");
    cmd->add_option("--max-article-bytes", o->max_article_bytes, "Skip articles larger than this")
        ->capture_default_str();
    cmd->add_option("-j,--jobs", o->jobs, "Extract on N threads (output identical to one thread)")
        ->type_name("N")
        ->check(CLI::Range(1u, 1024u))
        ->capture_default_str();
    o->knowledge.add_to(*cmd);
    cmd->callback([o] { run(*o); });
}

}  // namespace dateline::cli
