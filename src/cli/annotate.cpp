// `dateline annotate`: a TimeML document in, the same document with our TIMEX3 tags out.
#include "common.hpp"

#include "dateline/timeml.hpp"
#include "dateline/timex_tagger.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace dateline::cli {
namespace {

namespace fs = std::filesystem;

struct AnnotateOptions {
    std::string input;
    std::string format = "timeml";
    std::string output;
    std::string published;
    KnowledgeOptions knowledge;
};

bool is_timeml_name(const fs::path& p) {
    std::string ext = p.extension().string();
    return ext == ".tml" || ext == ".TE3input";
}

// "x.tml.TE3input" and "x.TE3input" become "x.tml": the output is a full TimeML file.
fs::path output_name(const fs::path& relative) {
    fs::path out = relative;
    if (out.extension() == ".TE3input") out.replace_extension();
    if (out.extension() != ".tml") out += ".tml";
    return out;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot open file for reading", path.string()));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw InputError(fmt::format("{}: read failed", path.string()));
    return s.str();
}

int run_annotate(const AnnotateOptions& o) {
    // Validate everything before reading or writing any file.
    std::optional<Date> published;
    if (!o.published.empty()) published = parse_date_option(o.published, "--published");
    fs::path input(o.input);
    std::error_code ec;
    bool input_is_dir = fs::is_directory(input, ec);
    if (!input_is_dir && !fs::exists(input, ec))
        throw UsageError(fmt::format("{}: no such file or directory", o.input));
    if (input_is_dir && o.output.empty())
        throw UsageError(fmt::format("{} is a directory: give an output directory with -o DIR", o.input));
    if (input_is_dir && fs::exists(o.output, ec) && !fs::is_directory(o.output, ec))
        throw UsageError(fmt::format("-o {}: a directory input needs an output directory", o.output));

    std::vector<fs::path> files;  // relative to `input` when it is a directory
    if (input_is_dir) {
        for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && is_timeml_name(it->path()))
                files.push_back(fs::relative(it->path(), input));
        if (ec) throw InputError(fmt::format("{}: cannot read directory: {}", o.input, ec.message()));
        std::sort(files.begin(), files.end());
        if (files.empty())
            throw UsageError(fmt::format("{}: no .tml or .TE3input files in this directory", o.input));
    }

    const TimexTagger tagger(o.knowledge.load());
    auto annotate = [&](const std::string& name, const std::string& content) {
        TimemlDocument doc = TimemlDocument::parse(content, name);
        std::optional<Date> dct = doc.dct() ? doc.dct() : published;
        return doc.write(timeml_timexes(tagger.tag(doc.text(), dct), doc.dct_tid()));
    };

    if (!input_is_dir) {
        std::string result = annotate(o.input, read_file(input));
        std::string target = o.output;
        if (!target.empty() && fs::is_directory(target, ec))
            target = (fs::path(target) / output_name(input.filename())).string();
        Output out(target);
        out.stream() << result;
        out.close();
        return exit_ok;
    }

    int rc = exit_ok;
    Progress progress("annotate", files.size(), false);
    for (const fs::path& rel : files) {
        fs::path source = input / rel;
        try {
            std::string result = annotate(source.string(), read_file(source));
            fs::path target = fs::path(o.output) / output_name(rel);
            fs::create_directories(target.parent_path(), ec);
            if (ec)
                throw InputError(fmt::format("{}: cannot create directory: {}", target.parent_path().string(),
                                             ec.message()));
            Output out(target.string());
            out.stream() << result;
            out.close();
        } catch (const InputError& e) {
            // One bad document is reported and skipped; the others are written.
            std::fprintf(stderr, "dateline: %s\n", e.what());
            rc = exit_bad_input;
        }
        progress.tick();
    }
    progress.finish();
    return rc;
}

}  // namespace

void add_annotate_command(CLI::App& app) {
    auto opts = std::make_shared<AnnotateOptions>();
    CLI::App* cmd = app.add_subcommand(
        "annotate",
        "Tag TimeML documents (.tml, TempEval-3 .TE3input) with TIMEX3 tags: existing TIMEX3 tags "
        "in <TEXT> are replaced by ours, every other byte is kept");
    cmd->add_option("input", opts->input, "A TimeML file, or a directory walked for .tml and .TE3input files")
        ->required();
    cmd->add_option("--format", opts->format, "Output format")
        ->check(CLI::IsMember({"timeml"}))
        ->capture_default_str();
    cmd->add_option("-o,--output", opts->output,
                    "Output file (default: standard output), or directory for a directory input "
                    "(x.TE3input is written as x.tml)");
    cmd->add_option("--published", opts->published,
                    "Document creation time (YYYY-MM-DD) for documents without a <DCT>");
    opts->knowledge.add_to(*cmd);
    cmd->callback([opts] {
        if (int rc = run_annotate(*opts); rc != exit_ok) note_exit(rc);
    });
}

}  // namespace dateline::cli
