// Tagger throughput in MB/s on the TimeBank + AQUAINT text, one core, start-up excluded.
//
//   timex_bench [TIMEML_DIR] [--seconds S]
//   timex_bench [TIMEML_DIR] --dump [TEXT_FILE...]
//   timex_bench [TIMEML_DIR] --seconds 0 --corpus-only    (one pass, for callgrind)
// TIMEML_DIR defaults to ../shared/eval/timeml. The documents are read and
// stripped of their tags (TimemlDocument) and the tagger is built before the
// clock starts; then the whole corpus is tagged again and again for at least S
// CPU seconds of this thread (default 3), so other programs on a shared machine
// do not count. It also times two adversarial inputs (1 MB of "1 1 1 ..." and
// of "May May ...") to show the time stays linear.
// --dump prints every field of every timex found in the corpus, the adversarial
// inputs and each TEXT_FILE (tagged whole, DCT 2023-02-23) instead of timing: two
// builds whose dumps are byte-identical tag identically.
#include "dateline/timeml.hpp"
#include "dateline/timex_tagger.hpp"

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
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

struct Doc {
    std::string text;
    std::optional<dateline::Date> dct;
};

/// Tags `docs` repeatedly for at least `seconds`; returns MB/s and the timex count of one pass.
void dump(const char* name, const std::string& text, std::optional<dateline::Date> dct,
          const dateline::TimexTagger& tagger) {
    std::printf("## %s\n", name);
    for (const auto& t : tagger.tag(text, dct)) {
        std::printf("%zu %zu %s %s %s %s %s %d %d", t.begin, t.end, std::string(dateline::to_string(t.type)).c_str(),
                    t.value.c_str(), t.mod.c_str(), std::string(dateline::to_string(t.role)).c_str(),
                    std::string(t.text(text)).c_str(), t.anaphoric ? 1 : 0, t.relative ? 1 : 0);
        if (t.when)
            std::printf(" %s %s %s %s", t.when->edtf().c_str(), dateline::iso(t.when->earliest).c_str(),
                        dateline::iso(t.when->latest).c_str(), std::string(to_string(t.when->precision)).c_str());
        std::printf("\n");
    }
}

double throughput(const dateline::TimexTagger& tagger, const std::vector<Doc>& docs, double seconds,
                  std::size_t& timexes_per_pass, std::size_t& passes) {
    std::size_t bytes_per_pass = 0;
    for (const auto& d : docs) bytes_per_pass += d.text.size();
    passes = 0;
    timexes_per_pass = 0;
    const double start = cpu_seconds();
    double elapsed = 0;
    do {
        std::size_t found = 0;
        for (const auto& d : docs) found += tagger.tag(d.text, d.dct).size();
        timexes_per_pass = found;
        ++passes;
        elapsed = cpu_seconds() - start;
    } while (elapsed < seconds);
    return static_cast<double>(bytes_per_pass) * static_cast<double>(passes) / 1e6 / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path dir = std::filesystem::path(DATELINE_SHARED_DIR) / "eval" / "timeml";
    double seconds = 3;
    bool dumping = false, corpus_only = false;
    std::vector<std::string> extra;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
        else if (a == "--dump") dumping = true;
        else if (a == "--corpus-only") corpus_only = true;
        else if (dumping) extra.push_back(a);
        else dir = a;
    }
    if (!std::filesystem::is_directory(dir)) {
        std::fprintf(stderr, "timex_bench: no TimeML directory at %s (pass one as the first argument)\n",
                     dir.string().c_str());
        return 1;
    }
    std::vector<Doc> docs;
    std::size_t bytes = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".tml") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        auto doc = dateline::TimemlDocument::parse(s.str(), e.path().string());
        docs.push_back({doc.text(), doc.dct()});
        bytes += doc.text().size();
    }
    const dateline::TimexTagger tagger(dateline::DataFiles::builtin());
    if (dumping) {
        for (std::size_t k = 0; k < docs.size(); ++k)
            dump(("corpus " + std::to_string(k)).c_str(), docs[k].text, docs[k].dct, tagger);
        for (const char* word : {"1 ", "May "}) {
            std::string adversarial;
            while (adversarial.size() < 100000) adversarial += word;
            dump(word, adversarial, dateline::Date(2023, 2, 23), tagger);
        }
        for (const auto& path : extra) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            dump(path.c_str(), s.str(), dateline::Date(2023, 2, 23), tagger);
        }
        return 0;
    }

    std::size_t found = 0, passes = 0;
    const double mbs = throughput(tagger, docs, seconds, found, passes);
    std::printf("corpus        %zu documents, %.3f MB of text, %zu timexes per pass\n", docs.size(), bytes / 1e6,
                found);
    std::printf("throughput    %.1f MB/s (%zu passes, one core, start-up excluded)\n", mbs, passes);
    if (corpus_only) return 0;

    for (const char* word : {"1 ", "May "}) {
        std::string adversarial;
        while (adversarial.size() < 1000000) adversarial += word;
        std::vector<Doc> one{{adversarial, dateline::Date(2023, 2, 23)}};
        std::size_t n = 0, p = 0;
        const double a = throughput(tagger, one, seconds / 3, n, p);
        std::printf("adversarial   1 MB of \"%s...\": %.1f MB/s, %zu timexes\n", word, a, n);
    }
    return 0;
}
