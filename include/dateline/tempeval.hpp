// TempEval-3 Task A timex scoring: strict/relaxed span P/R/F1, type and value accuracy, value F1.
#pragma once

#include "dateline/timeml.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace dateline {

/// Counts from which every TempEval-3 timex figure follows. They add up over
/// documents, and the figures are computed from the sums (micro average), as
/// the official scorer does.
///
/// The definitions are those of the TempEval-3 toolkit (UzZaman et al. 2013,
/// "SemEval-2013 Task 1: TempEval-3", and its evaluate_entities.py, e.g. as
/// kept in CogComp/cogcomp-nlp temporal-normalizer/tools/evaluation-entities):
/// gold and system timexes are first aligned one to one when their extents
/// overlap (the toolkit's TimeML-Normalizer step; it asks for one shared token,
/// we for one shared byte, the same for extents that begin and end at word
/// boundaries); an aligned pair is a relaxed match, and a strict match when
/// the extents are identical.
///   precision = matches / system, recall = matches / gold, F1 their harmonic mean
///   type (value) accuracy = aligned pairs with equal type (value) / relaxed matches
///   type (value) F1 = type (value) accuracy x relaxed F1
/// With no timex on either side every F1 is 1; with no relaxed match the
/// accuracies are 0. The DCT (t0) is never scored. Figures are fractions (0..1).
///
///   TempEvalScore total;
///   for (...) total += compare_timexes(gold.timexes(), system.timexes()).score;
///   double vf1 = total.value_f1();
struct TempEvalScore {
    long long documents = 0;
    long long gold = 0;
    long long system = 0;
    long long strict = 0;   // aligned pairs with identical extents
    long long relaxed = 0;  // aligned pairs
    long long type = 0;     // aligned pairs with the same type
    long long value = 0;    // aligned pairs with the same value

    TempEvalScore& operator+=(const TempEvalScore& o);

    double strict_precision() const;
    double strict_recall() const;
    double strict_f1() const;
    double relaxed_precision() const;
    double relaxed_recall() const;
    double relaxed_f1() const;
    double type_accuracy() const;
    double value_accuracy() const;
    double type_f1() const;
    double value_f1() const;

    bool operator==(const TempEvalScore&) const = default;
};

/// One row of an alignment: a gold timex and the system timex aligned with it,
/// or one of them alone (a miss, or a spurious system timex).
struct TimexPair {
    std::optional<std::size_t> gold;    // index into the gold list
    std::optional<std::size_t> system;  // index into the system list
};

struct TimexComparison {
    TempEvalScore score;          // with documents = 1
    std::vector<TimexPair> pairs; // every gold and system timex once, in text order
};

/// Aligns one document's system timexes with its gold ones (offsets into the
/// same plain text) and counts. Identical extents are paired first; the rest
/// pair by largest overlap, then text order, each timex at most once.
TimexComparison compare_timexes(const std::vector<TimemlTimex>& gold,
                                const std::vector<TimemlTimex>& system);

}  // namespace dateline
