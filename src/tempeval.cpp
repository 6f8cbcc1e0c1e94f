// TempEval-3 timex scoring: one-to-one alignment by overlap, counts, and the official figures.
#include "dateline/tempeval.hpp"

#include <algorithm>
#include <tuple>

namespace dateline {
namespace {

double ratio(long long num, long long den) { return den == 0 ? 0.0 : static_cast<double>(num) / den; }

double harmonic(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

}  // namespace

TempEvalScore& TempEvalScore::operator+=(const TempEvalScore& o) {
    documents += o.documents;
    gold += o.gold;
    system += o.system;
    strict += o.strict;
    relaxed += o.relaxed;
    type += o.type;
    value += o.value;
    return *this;
}

double TempEvalScore::strict_precision() const { return ratio(strict, system); }
double TempEvalScore::strict_recall() const { return ratio(strict, gold); }
double TempEvalScore::relaxed_precision() const { return ratio(relaxed, system); }
double TempEvalScore::relaxed_recall() const { return ratio(relaxed, gold); }

// The official scorer calls an empty gold and an empty system a perfect score.
double TempEvalScore::strict_f1() const {
    if (gold == 0 && system == 0) return 1.0;
    return harmonic(strict_precision(), strict_recall());
}
double TempEvalScore::relaxed_f1() const {
    if (gold == 0 && system == 0) return 1.0;
    return harmonic(relaxed_precision(), relaxed_recall());
}
double TempEvalScore::type_accuracy() const { return ratio(type, relaxed); }
double TempEvalScore::value_accuracy() const { return ratio(value, relaxed); }
double TempEvalScore::type_f1() const {
    if (gold == 0 && system == 0) return 1.0;
    return type_accuracy() * relaxed_f1();
}
double TempEvalScore::value_f1() const {
    if (gold == 0 && system == 0) return 1.0;
    return value_accuracy() * relaxed_f1();
}

TimexComparison compare_timexes(const std::vector<TimemlTimex>& gold,
                                const std::vector<TimemlTimex>& system) {
    // Candidate pairs: every overlapping gold/system pair. Quadratic, but a
    // document has tens of timexes, not thousands.
    struct Candidate {
        bool exact;
        std::size_t overlap;
        std::size_t g;
        std::size_t s;
    };
    std::vector<Candidate> candidates;
    for (std::size_t g = 0; g < gold.size(); ++g) {
        for (std::size_t s = 0; s < system.size(); ++s) {
            std::size_t b = std::max(gold[g].begin, system[s].begin);
            std::size_t e = std::min(gold[g].end, system[s].end);
            if (b >= e) continue;
            bool exact = gold[g].begin == system[s].begin && gold[g].end == system[s].end;
            candidates.push_back({exact, e - b, g, s});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        return std::make_tuple(!a.exact, -static_cast<long long>(a.overlap), gold[a.g].begin, a.g, a.s) <
               std::make_tuple(!b.exact, -static_cast<long long>(b.overlap), gold[b.g].begin, b.g, b.s);
    });

    TimexComparison result;
    TempEvalScore& score = result.score;
    score.documents = 1;
    score.gold = static_cast<long long>(gold.size());
    score.system = static_cast<long long>(system.size());
    std::vector<std::optional<std::size_t>> gold_match(gold.size());
    std::vector<bool> system_taken(system.size(), false);
    for (const Candidate& c : candidates) {
        if (gold_match[c.g] || system_taken[c.s]) continue;
        gold_match[c.g] = c.s;
        system_taken[c.s] = true;
        const TimemlTimex& g = gold[c.g];
        const TimemlTimex& s = system[c.s];
        ++score.relaxed;
        if (c.exact) ++score.strict;
        if (g.type == s.type) ++score.type;
        if (g.value == s.value) ++score.value;
    }

    for (std::size_t g = 0; g < gold.size(); ++g) result.pairs.push_back({g, gold_match[g]});
    for (std::size_t s = 0; s < system.size(); ++s)
        if (!system_taken[s]) result.pairs.push_back({std::nullopt, s});
    auto start = [&](const TimexPair& p) {
        return p.gold ? gold[*p.gold].begin : system[*p.system].begin;
    };
    std::stable_sort(result.pairs.begin(), result.pairs.end(),
                     [&](const TimexPair& a, const TimexPair& b) { return start(a) < start(b); });
    return result;
}

}  // namespace dateline
