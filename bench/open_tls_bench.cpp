// Event coverage on real timelines: each dated entry of ../shared/eval/open-tls read as
// an article published on that date; prints how many entries yield events, how many
// are dated right, and the type distribution.
#include "dateline/event_extractor.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

using namespace dateline;
namespace fs = std::filesystem;

namespace {

// A timex the reader would call an explicit date: it names a year ("March 3, 2016",
// "in 1991"). Weekdays and "last month" are relative to the entry date and must
// land on or near it.
bool explicit_year(const std::optional<std::string>& timex) {
    if (!timex) return false;
    int digits = 0;
    for (char c : *timex) {
        digits = (c >= '0' && c <= '9') ? digits + 1 : 0;
        if (digits == 4) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(DATELINE_SHARED_DIR) / "eval/open-tls";
    const bool list_misses = argc > 2 && std::string(argv[2]) == "--misses";
    if (!fs::is_directory(dir)) {
        std::cerr << "open_tls_bench: " << dir.string() << " not found (it is ../shared/eval/open-tls)\n";
        return 1;
    }
    const Pipeline pipeline(DataFiles::builtin());
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().filename() == "timelines.jsonl") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    long entries = 0, with_event = 0, entries_all_right = 0, events = 0, events_right = 0, events_text = 0;
    long bytes = 0;
    std::map<std::string, long> types;
    double seconds = 0;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            const auto timeline = nlohmann::json::parse(line);
            for (const auto& entry : timeline) {
                const auto date = parse_iso_date(entry.at(0).get<std::string>());
                if (!date) continue;
                Article a;
                a.id = fmt::format("{}#{}", file.parent_path().filename().string(), entries);
                a.published = date;
                for (const auto& s : entry.at(1)) {
                    if (!a.text.empty()) a.text += ' ';
                    a.text += s.get<std::string>();
                }
                bytes += static_cast<long>(a.text.size());
                ++entries;
                const auto t0 = std::chrono::steady_clock::now();
                const auto found = pipeline.extract(a);
                seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                if (found.empty()) {
                    if (list_misses) std::cout << "NO EVENT  " << iso(*date) << "  " << a.text.substr(0, 160) << "\n";
                    continue;
                }
                ++with_event;
                bool all_right = true;
                for (const auto& e : found) {
                    ++events;
                    ++types[e.type];
                    if (e.date_source == DateSource::text) ++events_text;
                    const bool right = (e.when && e.when->earliest <= *date && *date <= e.when->upper_bound()) ||
                                       (e.date_source == DateSource::text && explicit_year(e.evidence.timex));
                    if (right) ++events_right;
                    else {
                        all_right = false;
                        if (list_misses)
                            std::cout << "WRONG     " << iso(*date) << "  got " << (e.when ? e.when->edtf() : "unresolved")
                                      << " from '" << e.evidence.timex.value_or("") << "'  " << e.evidence.sentence.substr(0, 140) << "\n";
                    }
                }
                if (all_right) ++entries_all_right;
            }
        }
    }
    auto pct = [](long a, long b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    std::cout << fmt::format("open-tls: {} timelines files, {} dated entries, {:.2f} MB\n", files.size(), entries, bytes / 1e6);
    std::cout << fmt::format("(a) entries with at least one event:        {:6.2f}%  ({} of {})\n", pct(with_event, entries), with_event, entries);
    std::cout << fmt::format("(b) entries whose events are all dated right: {:6.2f}%  ({} of {} with events)\n",
                             pct(entries_all_right, with_event), entries_all_right, with_event);
    std::cout << fmt::format("    events dated right:                     {:6.2f}%  ({} of {}; {} dated by their own text)\n",
                             pct(events_right, events), events_right, events, events_text);
    std::cout << "(c) types:\n";
    std::vector<std::pair<long, std::string>> sorted;
    for (const auto& [t, n] : types) sorted.emplace_back(n, t);
    std::sort(sorted.rbegin(), sorted.rend());
    for (const auto& [n, t] : sorted) std::cout << fmt::format("    {:20} {:6} {:6.2f}%\n", t, n, pct(n, events));
    std::cout << fmt::format("    share typed other: {:.2f}%\n", pct(types["other"], events));
    std::cout << fmt::format("extraction: {:.2f} MB/s ({:.3f} s)\n", bytes / 1e6 / std::max(seconds, 1e-9), seconds);
    nlohmann::json j{{"entries", entries}, {"with_event_pct", pct(with_event, entries)},
                     {"dated_right_pct", pct(entries_all_right, with_event)}, {"events_right_pct", pct(events_right, events)},
                     {"other_pct", pct(types["other"], events)}};
    std::cout << j.dump() << "\n";
    return 0;
}
