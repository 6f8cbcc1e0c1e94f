// `dateline eval`: TempEval-3 timex figures of a system (or of dateline itself) against gold TimeML.
#include "common.hpp"

#include "dateline/segmenter.hpp"
#include "dateline/tempeval.hpp"
#include "dateline/timeml.hpp"
#include "dateline/timex_tagger.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace dateline::cli {
namespace {

namespace fs = std::filesystem;

struct EvalOptions {
    std::string gold_dir;
    std::string system_dir;
    bool json = false;
    bool errors = false;
    KnowledgeOptions knowledge;
};

// One disagreement between gold and system, for --errors.
struct Mistake {
    std::string file;
    std::size_t line = 0;
    std::string kind;  // miss, spurious, value, type, extent
    std::string text;  // the words of the timex (gold's, or ours when spurious)
    std::string gold;  // "DATE 1998-01-08" or the gold extent
    std::string ours;
    std::string sentence;  // with the timex in [brackets]
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{}: cannot open file for reading", path.string()));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string describe(const TimemlTimex& t) {
    std::string d = fmt::format("{} {}", t.type, t.value);
    if (!t.mod.empty()) d += fmt::format(" mod={}", t.mod);
    return d;
}

// The sentence around [begin, end) on one line, with the timex in brackets.
std::string sentence_of(const std::string& text, const std::vector<Sentence>& sentences, std::size_t begin,
                        std::size_t end) {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), begin,
                               [](std::size_t pos, const Sentence& s) { return pos < s.begin; });
    std::size_t from = begin;
    std::size_t to = end;
    if (it != sentences.begin() && std::prev(it)->end > begin) {
        from = std::prev(it)->begin;
        to = std::max(end, std::prev(it)->end);
    }
    return one_line(text.substr(from, begin - from)) + (from < begin ? " [" : "[") +
           one_line(text.substr(begin, end - begin)) + "]" + (to > end && text[end] == ' ' ? " " : "") +
           one_line(text.substr(end, to - end));
}

void collect_mistakes(const std::string& file, const TimemlDocument& gold_doc,
                      const std::vector<TimemlTimex>& gold, const std::vector<TimemlTimex>& system,
                      const TimexComparison& cmp, std::vector<Mistake>& out) {
    const std::string& text = gold_doc.text();
    std::vector<Sentence> sentences = split_sentences(text);
    auto words = [&](const TimemlTimex& t) { return one_line(text.substr(t.begin, t.end - t.begin)); };
    auto add = [&](std::string kind, const TimemlTimex& where, std::string gold_part, std::string ours_part) {
        out.push_back({file, gold_doc.line_of(where.begin), std::move(kind), words(where), std::move(gold_part),
                       std::move(ours_part), sentence_of(text, sentences, where.begin, where.end)});
    };
    for (const TimexPair& p : cmp.pairs) {
        if (!p.system) {
            add("miss", gold[*p.gold], describe(gold[*p.gold]), "");
            continue;
        }
        if (!p.gold) {
            add("spurious", system[*p.system], "", describe(system[*p.system]));
            continue;
        }
        const TimemlTimex& g = gold[*p.gold];
        const TimemlTimex& s = system[*p.system];
        if (g.begin != s.begin || g.end != s.end) add("extent", g, "\"" + words(g) + "\"", "\"" + words(s) + "\"");
        if (g.type != s.type) add("type", g, g.type, s.type);
        if (g.value != s.value) add("value", g, describe(g), describe(s));
    }
}

double percent(double fraction) { return std::round(fraction * 10000.0) / 100.0; }

nlohmann::json score_json(const TempEvalScore& s) {
    return nlohmann::json{
        {"documents", s.documents},
        {"gold", s.gold},
        {"system", s.system},
        {"strict_matches", s.strict},
        {"relaxed_matches", s.relaxed},
        {"type_matches", s.type},
        {"value_matches", s.value},
        {"strict_precision", percent(s.strict_precision())},
        {"strict_recall", percent(s.strict_recall())},
        {"strict_f1", percent(s.strict_f1())},
        {"relaxed_precision", percent(s.relaxed_precision())},
        {"relaxed_recall", percent(s.relaxed_recall())},
        {"relaxed_f1", percent(s.relaxed_f1())},
        {"type_accuracy", percent(s.type_accuracy())},
        {"value_accuracy", percent(s.value_accuracy())},
        {"type_f1", percent(s.type_f1())},
        {"value_f1", percent(s.value_f1())},
    };
}

void print_table(std::ostream& out, const std::vector<std::pair<std::string, TempEvalScore>>& columns) {
    struct Row {
        const char* label;
        bool count;
        std::function<double(const TempEvalScore&)> get;
    };
    const std::vector<Row> rows = {
        {"documents", true, [](const TempEvalScore& s) { return double(s.documents); }},
        {"gold timexes", true, [](const TempEvalScore& s) { return double(s.gold); }},
        {"system timexes", true, [](const TempEvalScore& s) { return double(s.system); }},
        {"strict P", false, &TempEvalScore::strict_precision},
        {"strict R", false, &TempEvalScore::strict_recall},
        {"strict F1", false, &TempEvalScore::strict_f1},
        {"relaxed P", false, &TempEvalScore::relaxed_precision},
        {"relaxed R", false, &TempEvalScore::relaxed_recall},
        {"relaxed F1", false, &TempEvalScore::relaxed_f1},
        {"type accuracy", false, &TempEvalScore::type_accuracy},
        {"value accuracy", false, &TempEvalScore::value_accuracy},
        {"type F1", false, &TempEvalScore::type_f1},
        {"value F1", false, &TempEvalScore::value_f1},
    };
    out << fmt::format("{:<16}", "");
    for (const auto& [name, score] : columns) out << fmt::format("{:>10}", name);
    out << '\n';
    for (const Row& row : rows) {
        out << fmt::format("{:<16}", row.label);
        for (const auto& [name, score] : columns) {
            double v = row.get(score);
            out << (row.count ? fmt::format("{:>10}", static_cast<long long>(v))
                              : fmt::format("{:>10.2f}", percent(v)));
        }
        out << '\n';
    }
}

int run_eval(const EvalOptions& o) {
    fs::path gold_dir(o.gold_dir);
    std::error_code ec;
    std::vector<fs::path> files;  // relative to gold_dir
    for (fs::recursive_directory_iterator it(gold_dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".tml")
            files.push_back(fs::relative(it->path(), gold_dir));
    if (ec) throw InputError(fmt::format("{}: cannot read directory: {}", o.gold_dir, ec.message()));
    std::sort(files.begin(), files.end());
    if (files.empty()) throw UsageError(fmt::format("{}: no .tml files in this directory", o.gold_dir));

    std::unique_ptr<TimexTagger> tagger;
    if (o.system_dir.empty()) tagger = std::make_unique<TimexTagger>(o.knowledge.load());

    int rc = exit_ok;
    auto problem = [&](const std::string& message) {
        std::fprintf(stderr, "dateline: %s\n", message.c_str());
        rc = exit_bad_input;
    };
    std::map<std::string, TempEvalScore> corpora;  // by first sub-directory
    TempEvalScore overall;
    std::vector<Mistake> mistakes;
    Progress progress("eval", files.size(), o.json);
    for (const fs::path& rel : files) {
        progress.tick();
        fs::path gold_path = gold_dir / rel;
        std::string corpus = std::next(rel.begin()) == rel.end() ? "" : rel.begin()->string();
        try {
            TimemlDocument gold = TimemlDocument::parse(read_file(gold_path), gold_path.string());
            std::optional<TimemlDocument> system;
            if (o.system_dir.empty()) {
                // Annotate in memory, through the same writer `dateline annotate` uses,
                // so the figures are those of its output.
                auto ours = timeml_timexes(tagger->tag(gold.text(), gold.dct()), gold.dct_tid());
                system = TimemlDocument::parse(gold.write(ours), gold_path.string());
            } else {
                fs::path system_path = fs::path(o.system_dir) / rel;
                if (!fs::exists(system_path, ec)) {
                    problem(fmt::format("{}: missing: its gold timexes count as misses", system_path.string()));
                } else {
                    system = TimemlDocument::parse(read_file(system_path), system_path.string());
                    if (system->text() != gold.text()) {
                        auto diff = std::mismatch(gold.text().begin(), gold.text().end(), system->text().begin(),
                                                  system->text().end());
                        std::size_t at = static_cast<std::size_t>(diff.first - gold.text().begin());
                        problem(fmt::format("{}:{}: the text differs from the gold file {} (line {}); skipped",
                                            system_path.string(), system->line_of(at), gold_path.string(),
                                            gold.line_of(at)));
                        continue;
                    }
                }
            }
            static const std::vector<TimemlTimex> none;
            const std::vector<TimemlTimex>& sys = system ? system->timexes() : none;
            TimexComparison cmp = compare_timexes(gold.timexes(), sys);
            corpora[corpus] += cmp.score;
            overall += cmp.score;
            if (o.errors) collect_mistakes(rel.generic_string(), gold, gold.timexes(), sys, cmp, mistakes);
        } catch (const InputError& e) {
            problem(e.what());
        }
    }
    progress.finish();

    // Sub-corpora get a column each when the gold files lie in sub-directories.
    std::vector<std::pair<std::string, TempEvalScore>> columns;
    bool split = corpora.size() > 1 || (corpora.size() == 1 && !corpora.begin()->first.empty());
    if (split)
        for (const auto& [name, score] : corpora) columns.emplace_back(name.empty() ? "(top)" : name, score);
    columns.emplace_back("overall", overall);

    if (o.json) {
        nlohmann::json j;
        j["gold"] = o.gold_dir;
        j["system"] = o.system_dir.empty() ? nlohmann::json("dateline " DATELINE_VERSION) : nlohmann::json(o.system_dir);
        j["corpora"] = nlohmann::json::object();
        if (split)
            for (const auto& [name, score] : corpora) j["corpora"][name.empty() ? "(top)" : name] = score_json(score);
        j["overall"] = score_json(overall);
        if (o.errors) {
            j["errors"] = nlohmann::json::array();
            for (const Mistake& m : mistakes)
                j["errors"].push_back({{"file", m.file}, {"line", m.line}, {"kind", m.kind}, {"text", m.text},
                                       {"gold", m.gold}, {"system", m.ours}, {"sentence", m.sentence}});
        }
        std::cout << j.dump(2) << '\n';
        return rc;
    }
    if (o.errors) {
        for (const Mistake& m : mistakes) {
            std::string detail;
            if (m.kind == "miss") detail = fmt::format("gold {}", m.gold);
            else if (m.kind == "spurious") detail = fmt::format("ours {}", m.ours);
            else detail = fmt::format("gold {} ours {}", m.gold, m.ours);
            std::cout << fmt::format("{}:{}: {} \"{}\": {}\n    {}\n", m.file, m.line, m.kind, m.text, detail,
                                     m.sentence);
        }
        std::cout << '\n';
    }
    std::cout << fmt::format("TempEval-3 timex figures (%) of {} against {}\n",
                             o.system_dir.empty() ? "dateline " DATELINE_VERSION : o.system_dir, o.gold_dir);
    print_table(std::cout, columns);
    return rc;
}

}  // namespace

void add_eval_command(CLI::App& app) {
    auto opts = std::make_shared<EvalOptions>();
    CLI::App* cmd = app.add_subcommand(
        "eval",
        "TempEval-3 timex figures (strict and relaxed P/R/F1, type and value accuracy, value F1) "
        "against gold TimeML files");
    cmd->add_option("gold_dir", opts->gold_dir, "Directory of gold .tml files (sub-directories are sub-corpora)")
        ->required()
        ->check(CLI::ExistingDirectory);
    cmd->add_option("system_dir", opts->system_dir,
                    "Directory of system .tml files at the same relative paths (default: annotate the gold "
                    "documents with dateline, in memory)")
        ->check(CLI::ExistingDirectory);
    cmd->add_flag("--json", opts->json, "Print the figures as JSON");
    cmd->add_flag("--errors", opts->errors,
                  "List every miss, spurious timex, wrong value, wrong type and wrong extent with its sentence");
    opts->knowledge.add_to(*cmd);
    cmd->callback([opts] {
        if (int rc = run_eval(*opts); rc != exit_ok) note_exit(rc);
    });
}

}  // namespace dateline::cli
