// Shared CLI pieces: knowledge options, input collection and reading, progress, output files.
#include "cli/common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <streambuf>
#include <vector>
#include <unistd.h>

namespace dateline::cli {
namespace {

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool readable_extension(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == ".txt" || ext == ".jsonl" || ext == ".ndjson" || ext == ".html" || ext == ".htm" || ext == ".tml" ||
           ext == ".te3input";
}

int g_exit_code = 0;

// Serves the bytes already peeked, then the rest of the stream: stdin cannot be
// rewound, and reading it whole first would hold a 200 MB input in memory.
class PrefixedBuffer : public std::streambuf {
public:
    PrefixedBuffer(std::string prefix, std::streambuf* rest) : m_prefix(std::move(prefix)), m_rest(rest) {
        setg(m_prefix.data(), m_prefix.data(), m_prefix.data() + m_prefix.size());
    }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        const std::streamsize n = m_rest->sgetn(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        if (n <= 0) return traits_type::eof();
        setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + n);
        return traits_type::to_int_type(*gptr());
    }

private:
    std::string m_prefix;
    std::streambuf* m_rest;
    std::vector<char> m_buffer = std::vector<char>(64 * 1024);
};

}  // namespace

int exit_code() { return g_exit_code; }
void note_exit(int code) { g_exit_code = std::max(g_exit_code, code); }

void KnowledgeOptions::add_to(CLI::App& app) {
    app.add_option("--data", data_dirs, "Directory of data files that add to or replace the built-in data/ (repeatable)")
        ->type_name("DIR");
    app.add_option("--gazetteer", gazetteers, "Extra gazetteer JSON file of actors and places (repeatable)")
        ->type_name("FILE");
}

DataFiles KnowledgeOptions::load() const {
    DataFiles files = DataFiles::builtin();
    for (const auto& d : data_dirs) files.add_directory(d);
    for (std::size_t i = 0; i < gazetteers.size(); ++i)
        // Sorted after the built-in gazetteer files, so user entries override.
        files.add_file(fmt::format("gazetteer/~user-{:03d}.json", i), gazetteers[i]);
    return files;
}

std::optional<Date> parse_date_option(const std::string& value, const std::string& option) {
    if (value.empty()) return std::nullopt;
    auto d = parse_iso_date(value);
    if (!d) throw UsageError(fmt::format("{} '{}' is not a date; use YYYY-MM-DD, e.g. {} 2023-02-23", option, value, option));
    return d;
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& args, const ProblemSink& on_problem) {
    std::vector<InputFile> out;
    for (const auto& a : args) {
        if (a == "-") {
            out.push_back({"<stdin>", true});
            continue;
        }
        std::error_code ec;
        const auto status = std::filesystem::status(a, ec);
        if (ec || !std::filesystem::exists(status)) {
            on_problem({a, "no such file or directory"});
            continue;
        }
        if (std::filesystem::is_directory(status)) {
            std::vector<std::string> found;
            std::filesystem::recursive_directory_iterator it(a, std::filesystem::directory_options::skip_permission_denied, ec);
            if (ec) {
                on_problem({a, fmt::format("cannot read directory: {}", ec.message())});
                continue;
            }
            for (; it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) {
                    on_problem({a, fmt::format("cannot read directory: {}", ec.message())});
                    break;
                }
                std::error_code fec;
                if (!readable_extension(it->path())) continue;
                if (it->is_regular_file(fec))
                    found.push_back(it->path().string());
                else if (it->is_symlink(fec) && !std::filesystem::exists(it->path(), fec))
                    // An article file whose link points nowhere is an input lost, not furniture.
                    on_problem({it->path().string(), "broken symbolic link (its target is missing); skipped"});
            }
            std::sort(found.begin(), found.end());
            if (found.empty())
                on_problem({a, "directory holds no .txt, .jsonl, .html or .tml files"});
            for (auto& f : found) out.push_back({std::move(f), false});
            continue;
        }
        out.push_back({a, false});
    }
    return out;
}

void read_input(const InputFile& input, std::optional<InputFormat> forced, const ReadOptions& options,
                const ArticleSink& on_article, const ProblemSink& on_problem) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (!input.is_stdin) {
        std::error_code ec;
        if (std::filesystem::is_directory(input.name, ec)) {
            on_problem({input.name, "is a directory; give the files in it, or the directory to ingest"});
            return;
        }
        file.open(input.name, std::ios::binary);
        if (!file) {
            on_problem({input.name, "cannot open file (missing or not readable)"});
            return;
        }
        in = &file;
    }
    // Peek at the first bytes to detect the format without consuming them.
    std::string head;
    if (!forced) {
        char buf[256];
        in->read(buf, sizeof buf);
        head.assign(buf, static_cast<std::size_t>(in->gcount()));
        in->clear();
        if (!input.is_stdin) {
            in->seekg(0);
        }
    }
    if (!forced && head.empty()) {
        on_problem({input.name, "file is empty"});
        return;
    }
    const InputFormat format = forced ? *forced : detect_format(input.is_stdin ? "" : input.name, head);
    if (input.is_stdin && !forced) {
        PrefixedBuffer buffer(std::move(head), in->rdbuf());
        std::istream all(&buffer);
        read_articles(all, input.name, format, options, on_article, on_problem);
        return;
    }
    read_articles(*in, input.name, format, options, on_article, on_problem);
}

void report_problem(const ReadProblem& p) { std::cerr << fmt::format("dateline: {}: {}\n", p.where, p.message); }

void report_upgrade(const EventStore& store) {
    const int from = store.upgraded_from();
    if (from == 0) return;
    const std::string path = store.path().string();
    std::cerr << fmt::format(
        "dateline: {0}: upgraded from schema {1} to {2}; the file as it was is kept as {0}.v{1}.bak (remove it "
        "when you no longer need it; the upgrade may leave free space in {0}, which `sqlite3 {0} VACUUM` gives "
        "back)\n",
        path, from, EventStore::schema_version);
}

Progress::Progress(std::string label, std::size_t total, bool quiet)
    : m_label(std::move(label)), m_total(total), m_enabled(!quiet && isatty(STDERR_FILENO)), m_start(now_seconds()) {}

Progress::~Progress() { finish(); }

void Progress::tick(std::size_t n) {
    m_done += n;
    if (!m_enabled) return;
    const double t = now_seconds();
    if (t - m_last_draw < 0.1) return;
    m_last_draw = t;
    const double rate = m_done / std::max(1e-9, t - m_start);
    if (m_total > 0) {
        const int width = 30;
        const int filled = static_cast<int>(width * std::min<double>(1.0, double(m_done) / double(m_total)));
        std::cerr << fmt::format("\r{} [{}{}] {}/{} {:.0f}/s ", m_label, std::string(filled, '#'),
                                 std::string(width - filled, ' '), m_done, m_total, rate);
    } else {
        std::cerr << fmt::format("\r{} {} {:.0f}/s ", m_label, m_done, rate);
    }
    std::cerr.flush();
}

void Progress::finish() {
    if (!m_enabled) return;
    std::cerr << "\r\033[K";
    std::cerr.flush();
    m_enabled = false;
}

Output::Output(const std::string& path) : m_path(path) {
    if (path.empty() || path == "-") return;
    // A new file or a plain regular one is written beside the target and
    // renamed over it when complete: a failed or interrupted run leaves the
    // previous file as it was, never half of one. Anything else (a symbolic
    // link such as /dev/stdout, a device such as /dev/null, a pipe) is
    // written in place, as it must never be renamed over.
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(path, ec);
    if (!std::filesystem::exists(status) || std::filesystem::is_regular_file(status)) {
        m_temp = fmt::format("{}.part-{}", path, static_cast<long>(::getpid()));
        auto f = std::make_unique<std::ofstream>(m_temp, std::ios::binary | std::ios::trunc);
        if (*f) {
            m_file = std::move(f);
            return;
        }
        m_temp.clear();  // a folder we may not write: the file itself, in place
    }
    auto f = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*f) throw InputError(fmt::format("cannot write {}: check the folder exists and is writable", path));
    m_file = std::move(f);
}

Output::~Output() {
    if (m_temp.empty()) return;
    m_file.reset();
    std::error_code ec;
    std::filesystem::remove(m_temp, ec);
}

std::ostream& Output::stream() { return m_file ? *m_file : std::cout; }

void Output::close() {
    stream().flush();
    if (!stream()) throw InputError(fmt::format("writing {} failed (disk full?)", m_path.empty() ? "stdout" : m_path));
    if (!m_file) return;
    auto& file = static_cast<std::ofstream&>(*m_file);
    file.close();
    if (!file) throw InputError(fmt::format("writing {} failed (disk full?)", m_path));
    if (m_temp.empty()) return;
    std::error_code ec;
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec) throw InputError(fmt::format("cannot write {}: {}", m_path, ec.message()));
    m_temp.clear();
}

}  // namespace dateline::cli
