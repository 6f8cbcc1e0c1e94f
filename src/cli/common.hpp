// Shared pieces of the CLI: knowledge options, input collection, exit codes, progress.
#pragma once

#include "dateline/data_files.hpp"
#include "dateline/error.hpp"
#include "dateline/event_store.hpp"
#include "dateline/reader.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dateline::cli {

/// Exit codes (documented in README): 0 ok, 1 bad input or usage (also: some
/// inputs were bad, the rest processed), 2 internal failure.
enum ExitCode { exit_ok = 0, exit_bad_input = 1, exit_internal = 2 };

/// The exit code main returns when no exception escaped: commands raise it with
/// `note_exit(exit_bad_input)` when some input was bad but the rest was processed.
int exit_code();
void note_exit(int code);

/// Thrown by a command to end with a message and exit code 1 (usage errors
/// found after parsing, e.g. a --published value that is not a date).
class UsageError : public InputError {
public:
    using InputError::InputError;
};

/// --data DIR (repeatable) and --gazetteer FILE (repeatable).
struct KnowledgeOptions {
    std::vector<std::string> data_dirs;
    std::vector<std::string> gazetteers;
    void add_to(CLI::App& app);
    /// The built-in files overlaid with the user's. Throws DataError.
    DataFiles load() const;
};

/// Parses a --published style value; throws UsageError naming the option.
std::optional<Date> parse_date_option(const std::string& value, const std::string& option);

/// One input to read: a path, or "-" for standard input.
struct InputFile {
    std::string name;  // as given, or "<stdin>"
    bool is_stdin = false;
};

/// Expands the command line's inputs: "-" is stdin; a directory is walked
/// recursively for .txt .jsonl .ndjson .html .htm .tml .TE3input files (sorted).
/// Problems (missing file, unreadable directory) go to `on_problem` and the
/// others are kept.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& args,
                                      const ProblemSink& on_problem);

/// Reads every article of one input (opens the file, detects the format unless
/// `forced` is given). A file that cannot be opened, is a directory, or is empty
/// is reported through `on_problem`.
void read_input(const InputFile& input, std::optional<InputFormat> forced,
                const ReadOptions& options, const ArticleSink& on_article,
                const ProblemSink& on_problem);

/// Prints "dateline: file:line: message" to stderr.
void report_problem(const ReadProblem& p);

/// Tells on stderr that opening `store` upgraded its schema, and where the
/// copy from before the upgrade is; nothing when it did not.
void report_upgrade(const EventStore& store);

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and
/// not quiet; redrawn at most ~10 times a second.
class Progress {
public:
    Progress(std::string label, std::size_t total, bool quiet);
    ~Progress();
    void tick(std::size_t n = 1);
    void finish();

private:
    std::string m_label;
    std::size_t m_total;
    std::size_t m_done = 0;
    bool m_enabled;
    double m_start;
    double m_last_draw = 0;
};

/// Opens an output file for writing (or stdout for "-" / empty); throws InputError.
class Output {
public:
    explicit Output(const std::string& path);
    ~Output();  // without close(): the partial file is removed, the target untouched
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;
    std::ostream& stream();
    void close();  // flushes and puts the file in place; throws InputError if the write failed

private:
    std::string m_path;
    std::string m_temp;  // "<path>.part-<pid>" until close()
    std::unique_ptr<std::ostream> m_file;
};

// Each subcommand lives in src/cli/<name>.cpp and registers itself here,
// called once from main.cpp in a fixed order.
void add_extract_command(CLI::App& app);
void add_ingest_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_events_command(CLI::App& app);
void add_stats_command(CLI::App& app);
void add_merge_command(CLI::App& app);
void add_annotate_command(CLI::App& app);
void add_eval_command(CLI::App& app);

}  // namespace dateline::cli
