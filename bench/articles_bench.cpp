// Event recall on the hand-written test articles: each tests/articles/NN-name.jsonl against the
// facts an analyst expects (NN-name.expected.json); prints per article and overall figures and a JSON line.
//
//   articles_bench [DIR] [--misses]
//
// A fact is found when an event has its type, its `when` (EDTF) and a sentence that contains its
// evidence (whitespace squashed), as the sample's test in tests/unit/event_extractor_test.cpp
// matches. Of the found facts it counts those with every expected actor and place, the ones whose
// status (asserted unless given), date source (text unless given) and source role agree. Events
// that match no fact are extra. --misses lists every fact missed or partly wrong, with what
// dateline produced for the same sentence instead.
#include "dateline/event_extractor.hpp"
#include "dateline/reader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

using namespace dateline;
namespace fs = std::filesystem;

namespace {

std::string squash(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

bool has_actor(const Event& e, const std::string& name, const std::string& role = {}) {
    return std::any_of(e.actors.begin(), e.actors.end(),
                       [&](const ActorRef& a) { return a.name == name && (role.empty() || a.role == role); });
}

bool has_place(const Event& e, const std::string& name) {
    return std::any_of(e.places.begin(), e.places.end(), [&](const PlaceRef& p) { return p.name == name; });
}

std::string edtf(const Event& e) { return e.when ? e.when->edtf() : std::string("unresolved"); }

std::string describe(const Event& e) {
    std::string actors, places;
    for (const auto& a : e.actors) actors += (actors.empty() ? "" : ", ") + a.name + (a.role == "source" ? " (source)" : "");
    for (const auto& p : e.places) places += (places.empty() ? "" : ", ") + p.name;
    return fmt::format("{} {} [{}{}] actors [{}] places [{}]", edtf(e), e.type, to_string(e.status),
                       e.date_source == DateSource::published ? ", published" : "", actors, places);
}

struct Figures {
    long facts = 0, found = 0, complete = 0, status = 0, date_source = 0, sources = 0, sources_right = 0, events = 0, extra = 0;
    void add(const Figures& o) {
        facts += o.facts, found += o.found, complete += o.complete, status += o.status, date_source += o.date_source;
        sources += o.sources, sources_right += o.sources_right, events += o.events, extra += o.extra;
    }
};

double share(long part, long whole) { return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0; }

std::string line(const std::string& name, const Figures& f) {
    return fmt::format("{:<32} facts {:3}  found {:3} ({:5.1f}%)  actors+places {:3}/{:<3}  status {:3}/{:<3}  date_source {:3}/{:<3}"
                       "  source {:2}/{:<2}  events {:3}  extra {:3}",
                       name, f.facts, f.found, share(f.found, f.facts), f.complete, f.found, f.status, f.found, f.date_source,
                       f.found, f.sources_right, f.sources, f.events, f.extra);
}

// Scores how well an event fits a fact that already agrees on type, when and sentence.
int fit(const Event& e, const nlohmann::json& fact) {
    int score = 0;
    for (const auto& a : fact["actors"]) score += has_actor(e, a.get<std::string>());
    for (const auto& p : fact["places"]) score += has_place(e, p.get<std::string>());
    if (to_string(e.status) == fact.value("status", "asserted")) ++score;
    return score;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path dir = fs::path(__FILE__).parent_path().parent_path() / "tests" / "articles";
    bool list_misses = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--misses") list_misses = true;
        else dir = arg;
    }
    if (!fs::is_directory(dir)) {
        std::cerr << "articles_bench: " << dir.string() << " is not a directory (it is tests/articles)\n";
        return 1;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".jsonl") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    const Pipeline pipeline(DataFiles::builtin());
    Figures total;
    std::ostringstream misses;
    for (const auto& file : files) {
        fs::path expected_file = file;
        expected_file.replace_extension(".expected.json");
        if (!fs::exists(expected_file)) {
            std::cerr << "articles_bench: " << file.string() << " has no " << expected_file.filename().string() << "; skipped\n";
            continue;
        }
        std::ifstream in(file);
        std::vector<Article> articles;
        read_articles(in, file.filename().string(), InputFormat::jsonl, {}, [&](Article&& a) { articles.push_back(std::move(a)); },
                      [](const ReadProblem& p) { std::cerr << p.where << ": " << p.message << "\n"; });
        std::ifstream ein(expected_file);
        const auto expected = nlohmann::json::parse(ein);
        std::vector<Event> events;
        for (const auto& a : articles) {
            auto found = pipeline.extract(a);
            events.insert(events.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        }
        const std::string name = file.stem().string();
        Figures f;
        f.events = static_cast<long>(events.size());
        std::set<std::size_t> used;
        for (const auto& fact : expected["facts"]) {
            ++f.facts;
            const std::string evidence = squash(fact["evidence"].get<std::string>());
            const std::string when = fact["when"].get<std::string>();
            const std::string type = fact["type"].get<std::string>();
            if (fact.contains("source")) ++f.sources;
            // The best fitting event of the right type, date and sentence, unused ones first.
            std::optional<std::size_t> hit;
            int best = -1;
            for (std::size_t i = 0; i < events.size(); ++i) {
                const Event& e = events[i];
                if (e.type != type || edtf(e) != when || squash(e.evidence.sentence).find(evidence) == std::string::npos) continue;
                const int score = fit(e, fact) + (used.count(i) ? 0 : 100);
                if (score > best) best = score, hit = i;
            }
            const std::string head = fmt::format("{}: {} {} \"{}\"", name, when, type, fact["evidence"].get<std::string>());
            if (!hit) {
                if (list_misses) {
                    misses << "MISSED  " << head << "\n";
                    bool any = false;
                    for (const auto& e : events)
                        if (squash(e.evidence.sentence).find(evidence) != std::string::npos) {
                            misses << "        got " << describe(e) << "\n";
                            any = true;
                        }
                    if (!any) misses << "        got nothing from that sentence\n";
                }
                continue;
            }
            used.insert(*hit);
            ++f.found;
            const Event& e = events[*hit];
            std::vector<std::string> lacking;
            for (const auto& a : fact["actors"])
                if (!has_actor(e, a.get<std::string>())) lacking.push_back("actor " + a.get<std::string>());
            for (const auto& p : fact["places"])
                if (!has_place(e, p.get<std::string>())) lacking.push_back("place " + p.get<std::string>());
            if (lacking.empty()) ++f.complete;
            const std::string want_status = fact.value("status", "asserted");
            if (to_string(e.status) == want_status) ++f.status;
            else lacking.push_back(fmt::format("status {} (got {})", want_status, to_string(e.status)));
            const std::string want_source = fact.value("date_source", "text");
            if (to_string(e.date_source) == want_source) ++f.date_source;
            else lacking.push_back(fmt::format("date_source {} (got {})", want_source, to_string(e.date_source)));
            if (fact.contains("source")) {
                if (has_actor(e, fact["source"].get<std::string>(), "source")) ++f.sources_right;
                else lacking.push_back("source " + fact["source"].get<std::string>());
            }
            if (list_misses && !lacking.empty()) {
                misses << "PARTIAL " << head << "\n        lacks";
                for (const auto& l : lacking) misses << " " << l << ";";
                misses << "\n        got " << describe(e) << "\n";
            }
        }
        f.extra = f.events - static_cast<long>(used.size());
        std::cout << line(name, f) << "\n";
        total.add(f);
    }
    std::cout << line(fmt::format("overall ({} articles)", files.size()), total) << "\n";
    nlohmann::json j = {{"bench", "articles"},
                        {"articles", files.size()},
                        {"facts", total.facts},
                        {"found", total.found},
                        {"recall", std::round(share(total.found, total.facts) * 10) / 10},
                        {"actors_places_complete", total.complete},
                        {"status_agree", total.status},
                        {"date_source_agree", total.date_source},
                        {"source_role", total.sources_right},
                        {"source_role_expected", total.sources},
                        {"events", total.events},
                        {"extra", total.extra}};
    std::cout << j.dump() << "\n";
    if (list_misses) std::cout << "\n" << misses.str();
    return 0;
}
