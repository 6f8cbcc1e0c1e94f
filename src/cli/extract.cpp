// `dateline extract`: articles in, events out (no store), as JSON Lines, JSON or a table.
#include "cli/common.hpp"

#include "dateline/event_extractor.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
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
    KnowledgeOptions knowledge;
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
    out << column("when", 16) << "  " << column("type", 18) << "  " << column("actors", 34) << "  "
        << column("places", 20) << "  headline\n";
    out << std::string(16, '-') << "  " << std::string(18, '-') << "  " << std::string(34, '-') << "  "
        << std::string(20, '-') << "  " << std::string(40, '-') << "\n";
    for (const auto& e : events) {
        std::string when = e.when ? e.when->edtf() : "unresolved";
        if (e.date_source == DateSource::published) when += " (pub)";
        std::vector<std::string> actors, places;
        for (const auto& a : e.actors) actors.push_back(a.name);
        for (const auto& p : e.places) places.push_back(p.name);
        std::string headline = e.headline;
        if (e.status != EventStatus::asserted) headline = fmt::format("[{}] {}", to_string(e.status), headline);
        out << column(when, 16) << "  " << column(e.type, 18) << "  " << column(join_names(actors), 34) << "  "
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
    const Pipeline pipeline(o.knowledge.load());

    auto problem = [](const ReadProblem& p) {
        report_problem(p);
        note_exit(exit_bad_input);
    };
    const auto inputs = collect_inputs(args, problem);
    std::vector<Event> all;
    std::ostream& out = output.stream();
    for (const auto& input : inputs) {
        read_input(input, forced, ropts, [&](Article&& a) {
            auto events = pipeline.extract(a);
            if (!a.published)
                for (const auto& e : events)
                    if (e.date_source == DateSource::unresolved) {
                        std::cerr << fmt::format("dateline: {}: no publication date; relative dates are left unresolved "
                                                 "(give --published YYYY-MM-DD)\n", a.origin);
                        break;
                    }
            sort_chronologically(events);
            if (o.format == "jsonl") {
                for (const auto& e : events) out << to_json(e).dump() << '\n';
            } else {
                for (auto& e : events) all.push_back(std::move(e));
            }
        }, problem);
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
    o->knowledge.add_to(*cmd);
    cmd->callback([o] { run(*o); });
}

}  // namespace dateline::cli
