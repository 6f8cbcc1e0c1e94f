// Throughput of the whole extract path (Pipeline::extract + JSON of the events) on TimeBank+AQUAINT, one core.
//
//   extract_bench [TIMEML_DIR] [--seconds S] [--json]
//   extract_bench [TIMEML_DIR] --write-corpus FILE [--min-mb M]
//   extract_bench [TIMEML_DIR] --only STAGE --seconds 0   (one pass of one stage, for callgrind)
//
// TIMEML_DIR defaults to ../shared/eval/timeml. Its .tml files are read in
// path order and turned into articles with `article_from_timeml` (plain text of
// <TEXT>, DCT as publication date); page furniture is blanked as the readers do,
// so the text here, the text `dateline extract` reads from the written corpus
// and the text chrono-node parses (bench/chrono) are the same bytes.
//
// Figures, each a loop over the whole corpus for at least S seconds of this
// thread's CPU time (default 3; thread CPU time so that other programs on a
// shared machine do not count):
//   split         split_sentences: the ceiling's "split" (no reading)
//   read+split    read_articles over the corpus as JSON Lines in memory, then
//                 split_sentences: the ceiling of `dateline extract` on JSONL
//   tag           TimexTagger::tag alone (segmenting included)
//   extract       Pipeline::extract
//   extract+json  Pipeline::extract_jsonl: the JSON line of every event (the
//                 bytes of to_json(e).dump()), sorted chronologically, into a
//                 buffer, written from the extractor's drafts: what `dateline
//                 extract` does per article, less the reading and the write to stdout
//   events+json   the same bytes through Events: Pipeline::extract,
//                 sort_chronologically, append_json of each (checked equal to
//                 extract+json's once before timing)
// Start-up (DataFiles::builtin + Pipeline construction) is timed separately,
// median of several runs, and "included" is one pass with one start-up, as a
// process that extracts this corpus once would see it.
//
// --write-corpus writes the articles as JSON Lines ({"id", "published",
// "text"}), repeated until the file holds at least M MB of text (default: once);
// repeats get ids "<id>#2", ... This is the input of `dateline extract` and of
// chrono_bench in bench/run.sh.
#include "dateline/data_files.hpp"
#include "dateline/event.hpp"
#include "dateline/event_extractor.hpp"
#include "dateline/reader.hpp"
#include "dateline/segmenter.hpp"
#include "dateline/span.hpp"
#include "dateline/timeml.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// CPU seconds of this thread: on a shared machine wall time counts other programs' turns too.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Corpus {
    std::vector<dateline::Article> articles;
    std::size_t bytes = 0;
};

Corpus load_corpus(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".tml") files.push_back(e.path());
    // Directory order differs between file systems; path order keeps runs comparable.
    std::sort(files.begin(), files.end());
    Corpus c;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        dateline::Article a = dateline::article_from_timeml(s.str(), f.string());
        dateline::blank_page_furniture(a.text);
        c.bytes += a.text.size();
        c.articles.push_back(std::move(a));
    }
    return c;
}

std::string article_line(const dateline::Article& a, const std::string& id) {
    nlohmann::json j;
    j["id"] = id;
    j["published"] = a.published ? nlohmann::json(dateline::iso(*a.published)) : nlohmann::json(nullptr);
    j["text"] = a.text;
    return j.dump() + "\n";
}

std::string g_only;  // --only: the one stage to run (profiling)

struct Figure {
    const char* name;
    double mb_s = 0;
    double articles_s = 0;
    std::size_t passes = 0;
    std::size_t items = 0;  // what one pass found (sentences, timexes, events, bytes of JSON)
};

/// Runs `pass` (one pass over the corpus, returning a count) for at least `seconds` of CPU time.
Figure measure(const char* name, const Corpus& c, double seconds, const std::function<std::size_t()>& pass) {
    Figure f{name};
    if (!g_only.empty() && g_only != name) return f;
    const double start = cpu_seconds();
    double elapsed = 0;
    do {
        f.items = pass();
        ++f.passes;
        elapsed = cpu_seconds() - start;
    } while (elapsed < seconds);
    f.mb_s = static_cast<double>(c.bytes) * static_cast<double>(f.passes) / 1e6 / elapsed;
    f.articles_s = static_cast<double>(c.articles.size()) * static_cast<double>(f.passes) / elapsed;
    return f;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path dir = std::filesystem::path(DATELINE_SHARED_DIR) / "eval" / "timeml";
    double seconds = 3;
    bool json_only = false;
    std::string write_corpus;
    std::string only;
    double min_mb = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
        else if (a == "--json") json_only = true;
        else if (a == "--write-corpus" && i + 1 < argc) write_corpus = argv[++i];
        else if (a == "--min-mb" && i + 1 < argc) min_mb = std::atof(argv[++i]);
        else if (a == "--only" && i + 1 < argc) only = argv[++i];
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "extract_bench: unknown option %s\n", a.c_str());
            return 1;
        } else dir = a;
    }
    if (!std::filesystem::is_directory(dir)) {
        std::fprintf(stderr, "extract_bench: no TimeML directory at %s (pass one as the first argument)\n",
                     dir.string().c_str());
        return 1;
    }
    g_only = only;
    const Corpus corpus = load_corpus(dir);
    if (corpus.articles.empty()) {
        std::fprintf(stderr, "extract_bench: no .tml files under %s\n", dir.string().c_str());
        return 1;
    }

    if (!write_corpus.empty()) {
        std::ofstream out(write_corpus, std::ios::binary);
        std::size_t text = 0;
        for (int round = 1; round == 1 || static_cast<double>(text) < min_mb * 1e6; ++round)
            for (const auto& a : corpus.articles) {
                out << article_line(a, round == 1 ? a.id : a.id + "#" + std::to_string(round));
                text += a.text.size();
            }
        out.close();
        if (!out) {
            std::fprintf(stderr, "extract_bench: cannot write %s\n", write_corpus.c_str());
            return 1;
        }
        std::fprintf(stderr, "extract_bench: wrote %s (%.2f MB of text)\n", write_corpus.c_str(), text / 1e6);
        return 0;
    }

    // Start-up: what every `dateline extract` process pays before its first article.
    std::vector<double> startup_wall, startup_cpu;
    for (int i = 0; i < (only.empty() || only == "startup" ? 9 : 1); ++i) {
        const double w = wall_seconds(), c = cpu_seconds();
        const dateline::Pipeline p(dateline::DataFiles::builtin());
        startup_cpu.push_back(cpu_seconds() - c);
        startup_wall.push_back(wall_seconds() - w);
    }
    const double startup = median(startup_cpu);
    const dateline::Pipeline pipeline(dateline::DataFiles::builtin());

    std::string jsonl;
    for (const auto& a : corpus.articles) jsonl += article_line(a, a.id);

    std::vector<Figure> figures;
    figures.push_back(measure("split", corpus, seconds / 3, [&] {
        std::size_t n = 0;
        for (const auto& a : corpus.articles) n += dateline::split_sentences(a.text).size();
        return n;
    }));
    figures.push_back(measure("read+split", corpus, seconds / 3, [&] {
        std::size_t n = 0;
        std::istringstream in(jsonl);
        dateline::read_articles(
            in, "corpus", dateline::InputFormat::jsonl, {},
            [&](dateline::Article&& a) { n += dateline::split_sentences(a.text).size(); },
            [](const dateline::ReadProblem&) {});
        return n;
    }));
    figures.push_back(measure("tag", corpus, seconds, [&] {
        std::size_t n = 0;
        for (const auto& a : corpus.articles) n += pipeline.tagger().tag(a.text, a.published).size();
        return n;
    }));
    figures.push_back(measure("extract", corpus, seconds, [&] {
        std::size_t n = 0;
        for (const auto& a : corpus.articles) n += pipeline.extract(a).size();
        return n;
    }));
    // Room for a pass's JSON from the start: the timed passes reuse the buffer,
    // and the single pass profiled with --only then counts what they do (not the
    // buffer doubling from empty, ~2.5 M instructions).
    std::string buffer;
    buffer.reserve(4 * corpus.bytes);
    std::size_t events_per_pass = 0;
    const double one_pass_start = cpu_seconds();
    const auto full_pass = [&] {
        buffer.clear();
        events_per_pass = 0;
        for (const auto& a : corpus.articles) events_per_pass += pipeline.extract_jsonl(a, buffer).events;
        return buffer.size();
    };
    if (only.empty()) full_pass();
    const double one_pass = cpu_seconds() - one_pass_start;
    // The same lines through Events: extract, sort_chronologically, append_json.
    std::string events_buffer;
    events_buffer.reserve(4 * corpus.bytes);
    const auto events_pass = [&] {
        events_buffer.clear();
        for (const auto& a : corpus.articles) {
            auto events = pipeline.extract(a);
            dateline::sort_chronologically(events);
            for (const auto& e : events) {
                dateline::append_json(events_buffer, e);  // == to_json(e).dump()
                events_buffer += '\n';
            }
        }
        return events_buffer.size();
    };
    if (only.empty()) {
        events_pass();
        if (events_buffer != buffer) {
            std::fprintf(stderr, "extract_bench: extract_jsonl and append_json of extract's events differ\n");
            return 1;
        }
    }
    figures.push_back(measure("extract+json", corpus, seconds, full_pass));
    const Figure full = figures.back();
    figures.push_back(measure("events+json", corpus, seconds, events_pass));
    const double mb = corpus.bytes / 1e6;
    const double included_mb_s = mb / (startup + mb / full.mb_s);

    if (!json_only) {
        std::printf("corpus          %zu articles, %.3f MB of text (%s)\n", corpus.articles.size(), corpus.bytes / 1e6,
                    dir.string().c_str());
        std::printf("start-up        %.1f ms CPU, %.1f ms wall (median of %zu: DataFiles::builtin + Pipeline)\n",
                    startup * 1e3, median(startup_wall) * 1e3, startup_cpu.size());
        std::printf("\n%-14s %10s %12s %8s %12s\n", "stage", "MB/s", "articles/s", "passes", "per pass");
        for (const auto& f : figures)
            if (f.passes > 0)
                std::printf("%-14s %10.2f %12.0f %8zu %12zu\n", f.name, f.mb_s, f.articles_s, f.passes, f.items);
        std::printf("\n(per pass: sentences for split, timexes for tag, events for extract, JSON bytes for "
                    "extract+json; %zu events)\n",
                    events_per_pass);
        std::printf("extract+json    %.2f MB/s start-up excluded, %.2f MB/s with one start-up per corpus pass; "
                    "first (cold-cache) pass %.2f MB/s\n",
                    full.mb_s, included_mb_s, corpus.bytes / 1e6 / one_pass);
    }
    nlohmann::json j;
    j["bench"] = "extract";
    j["articles"] = corpus.articles.size();
    j["mb"] = corpus.bytes / 1e6;
    j["startup_ms"] = startup * 1e3;
    j["events_per_pass"] = events_per_pass;
    for (const auto& f : figures) {
        if (f.passes == 0) continue;
        j["stages"][f.name] = {{"mb_s", f.mb_s}, {"articles_s", f.articles_s}, {"passes", f.passes}};
    }
    j["mb_s"] = full.mb_s;
    j["articles_s"] = full.articles_s;
    j["mb_s_startup_included"] = included_mb_s;
    std::printf("%s\n", j.dump().c_str());
    return 0;
}
