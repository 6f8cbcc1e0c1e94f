// Tests for the TempEval-3 timex scorer (include/dateline/tempeval.hpp).
#include "dateline/tempeval.hpp"

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace dateline;

namespace {

TimemlTimex annotation(std::size_t begin, std::size_t end, std::string type, std::string value) {
    TimemlTimex t;
    t.begin = begin;
    t.end = end;
    t.type = std::move(type);
    t.value = std::move(value);
    return t;
}

}  // namespace

TEST_CASE("a system identical to the gold scores 1 on every figure") {
    std::vector<TimemlTimex> gold = {annotation(0, 5, "DATE", "2020"), annotation(10, 20, "DURATION", "P3W")};
    TempEvalScore s = compare_timexes(gold, gold).score;
    CHECK(s.gold == 2);
    CHECK(s.system == 2);
    CHECK(s.strict == 2);
    CHECK(s.relaxed == 2);
    for (double f : {s.strict_precision(), s.strict_recall(), s.strict_f1(), s.relaxed_precision(),
                     s.relaxed_recall(), s.relaxed_f1(), s.type_accuracy(), s.value_accuracy(), s.type_f1(),
                     s.value_f1()})
        CHECK(f == doctest::Approx(1.0));
}

TEST_CASE("an overlapping extent is a relaxed match but not a strict one") {
    // gold "Sunday morning", system "Sunday": the example of the TempEval-3 toolkit README.
    TempEvalScore s = compare_timexes({annotation(3, 17, "TIME", "1998-01-04TMO")}, {annotation(3, 9, "DATE", "1998-01-04")})
                          .score;
    CHECK(s.relaxed == 1);
    CHECK(s.strict == 0);
    CHECK(s.type == 0);
    CHECK(s.value == 0);
    CHECK(s.relaxed_f1() == doctest::Approx(1.0));
    CHECK(s.strict_f1() == doctest::Approx(0.0));
    CHECK(s.value_f1() == doctest::Approx(0.0));
}

TEST_CASE("adjacent extents that share no character do not match") {
    TempEvalScore s = compare_timexes({annotation(0, 5, "DATE", "x")}, {annotation(5, 9, "DATE", "x")}).score;
    CHECK(s.relaxed == 0);
}

TEST_CASE("a system timex overlapping two gold timexes is aligned with one of them only") {
    // gold "March 3" and "March 9", system "March 3 to March 9" as one timex.
    std::vector<TimemlTimex> gold = {annotation(0, 7, "DATE", "XXXX-03-03"), annotation(11, 18, "DATE", "XXXX-03-09")};
    std::vector<TimemlTimex> sys = {annotation(0, 18, "DATE", "XXXX-03-03")};
    TimexComparison c = compare_timexes(gold, sys);
    CHECK(c.score.relaxed == 1);
    CHECK(c.score.value == 1);
    CHECK(c.score.relaxed_precision() == doctest::Approx(1.0));
    CHECK(c.score.relaxed_recall() == doctest::Approx(0.5));
    REQUIRE(c.pairs.size() == 2);
    CHECK(c.pairs[0].gold == 0u);
    CHECK(c.pairs[0].system == 0u);
    CHECK(c.pairs[1].gold == 1u);
    CHECK_FALSE(c.pairs[1].system);
}

TEST_CASE("an exact match is preferred over an earlier gold timex with the same overlap") {
    // TimeML timexes do not overlap, but hand-made or foreign files may: the
    // alignment must still pair the identical extents.
    std::vector<TimemlTimex> gold = {annotation(0, 10, "DURATION", "P1W"), annotation(8, 14, "DATE", "b")};
    std::vector<TimemlTimex> sys = {annotation(8, 14, "DATE", "b")};
    TimexComparison c = compare_timexes(gold, sys);
    CHECK(c.score.strict == 1);
    CHECK(c.score.relaxed == 1);
    CHECK(c.score.value == 1);
    REQUIRE(c.pairs.size() == 2);
    CHECK_FALSE(c.pairs[0].system);
    CHECK(c.pairs[1].gold == 1u);
}

TEST_CASE("value F1 is relaxed F1 times value accuracy over the relaxed matches") {
    // 4 gold, 5 system; 3 aligned pairs, 2 of them exact, 2 with the right value, 3 with the right type.
    std::vector<TimemlTimex> gold = {annotation(0, 4, "DATE", "1991"), annotation(10, 20, "DATE", "2020-09-27"),
                                     annotation(30, 35, "DURATION", "P3W"), annotation(50, 55, "DATE", "2023")};
    std::vector<TimemlTimex> sys = {annotation(0, 4, "DATE", "1991"), annotation(13, 20, "DATE", "2020-09"),
                                    annotation(30, 35, "DURATION", "P3W"), annotation(40, 45, "DATE", "x"),
                                    annotation(60, 62, "SET", "y")};
    TempEvalScore s = compare_timexes(gold, sys).score;
    CHECK(s.relaxed == 3);
    CHECK(s.strict == 2);
    CHECK(s.value == 2);
    CHECK(s.type == 3);
    CHECK(s.strict_precision() == doctest::Approx(2.0 / 5));
    CHECK(s.strict_recall() == doctest::Approx(2.0 / 4));
    CHECK(s.strict_f1() == doctest::Approx(2 * 0.4 * 0.5 / 0.9));
    CHECK(s.relaxed_precision() == doctest::Approx(3.0 / 5));
    CHECK(s.relaxed_recall() == doctest::Approx(3.0 / 4));
    double relaxed_f1 = 2 * 0.6 * 0.75 / 1.35;
    CHECK(s.relaxed_f1() == doctest::Approx(relaxed_f1));
    CHECK(s.value_accuracy() == doctest::Approx(2.0 / 3));
    CHECK(s.type_accuracy() == doctest::Approx(1.0));
    CHECK(s.value_f1() == doctest::Approx(relaxed_f1 * 2 / 3));
    CHECK(s.type_f1() == doctest::Approx(relaxed_f1));
}

TEST_CASE("no timex on either side is a perfect score, and no match gives zero accuracies") {
    TempEvalScore empty = compare_timexes({}, {}).score;
    CHECK(empty.relaxed_f1() == doctest::Approx(1.0));
    CHECK(empty.strict_f1() == doctest::Approx(1.0));
    CHECK(empty.value_f1() == doctest::Approx(1.0));
    TempEvalScore none = compare_timexes({annotation(0, 3, "DATE", "x")}, {}).score;
    CHECK(none.relaxed_f1() == doctest::Approx(0.0));
    CHECK(none.value_accuracy() == doctest::Approx(0.0));
    CHECK(none.value_f1() == doctest::Approx(0.0));
}

TEST_CASE("scores add up over documents before figures are computed (micro average)") {
    TempEvalScore a = compare_timexes({annotation(0, 3, "DATE", "x")}, {annotation(0, 3, "DATE", "x")}).score;
    TempEvalScore b = compare_timexes({annotation(0, 3, "DATE", "x"), annotation(5, 8, "DATE", "y"), annotation(9, 12, "DATE", "z")},
                                      {})
                          .score;
    TempEvalScore total;
    total += a;
    total += b;
    CHECK(total.documents == 2);
    CHECK(total.gold == 4);
    CHECK(total.system == 1);
    CHECK(total.relaxed_recall() == doctest::Approx(0.25));  // not the mean of 1 and 0
    CHECK(total.relaxed_precision() == doctest::Approx(1.0));
}

TEST_CASE("alignment rows list every gold and system timex once, in text order") {
    std::vector<TimemlTimex> gold = {annotation(10, 14, "DATE", "a"), annotation(30, 34, "DATE", "c")};
    std::vector<TimemlTimex> sys = {annotation(0, 4, "DATE", "s"), annotation(11, 14, "DATE", "a")};
    auto pairs = compare_timexes(gold, sys).pairs;
    REQUIRE(pairs.size() == 3);
    CHECK_FALSE(pairs[0].gold);
    CHECK(pairs[0].system == 0u);
    CHECK(pairs[1].gold == 0u);
    CHECK(pairs[1].system == 1u);
    CHECK(pairs[2].gold == 1u);
    CHECK_FALSE(pairs[2].system);
}

TEST_CASE("the shared gold corpus scored against itself gives 100 everywhere") {
    std::filesystem::path dir = test::shared_dir() / "eval" / "timeml";
    if (!std::filesystem::is_directory(dir)) {
        MESSAGE("skipped: no shared TimeML corpus at " << dir.string());
        return;
    }
    TempEvalScore total;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (entry.path().extension() != ".tml") continue;
        TimemlDocument doc = TimemlDocument::parse(test::slurp(entry.path()), entry.path().string());
        total += compare_timexes(doc.timexes(), doc.timexes()).score;
    }
    CHECK(total.documents == 256);
    CHECK(total.gold == 1822);
    CHECK(total.strict_f1() == doctest::Approx(1.0));
    CHECK(total.relaxed_f1() == doctest::Approx(1.0));
    CHECK(total.type_accuracy() == doctest::Approx(1.0));
    CHECK(total.value_f1() == doctest::Approx(1.0));
}
