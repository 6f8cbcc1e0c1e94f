// Tests for TimexTagger: each expression family, resolution against the DCT, and what is not a date.
#include "dateline/timex_tagger.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace dateline;

namespace {

const TimexTagger& tagger() {
    static const TimexTagger t(DataFiles::builtin());
    return t;
}

struct Found {
    std::string text;
    Timex timex;
};

std::vector<Found> tag(const std::string& text, std::optional<Date> dct = Date(2023, 2, 23)) {
    std::vector<Found> out;
    for (const Timex& t : tagger().tag(text, dct)) out.push_back({std::string(t.text(text)), t});
    return out;
}

/// The single timex in `text`; fails the test if there is not exactly one.
Timex only(const std::string& text, std::optional<Date> dct = Date(2023, 2, 23)) {
    auto found = tag(text, dct);
    INFO(text);
    REQUIRE(found.size() == 1);
    return found[0].timex;
}

std::string only_text(const std::string& text, std::optional<Date> dct = Date(2023, 2, 23)) {
    auto found = tag(text, dct);
    INFO(text);
    REQUIRE(found.size() == 1);
    return found[0].text;
}

}  // namespace

TEST_CASE("a weekday in past reporting is the most recent one not after the DCT") {
    const Timex t = only("The court ruled on Wednesday.");  // DCT is a Thursday
    CHECK(t.type == TimexType::date);
    CHECK(t.value == "2023-02-22");
    REQUIRE(t.when);
    CHECK(t.when->edtf() == "2023-02-22");
    CHECK(t.relative);
}

TEST_CASE("a weekday that is the DCT's own weekday is the DCT itself") {
    CHECK(only("The court ruled on Thursday.").value == "2023-02-23");
}

TEST_CASE("a weekday in future context is the next one") {
    CHECK(only("The ministers will meet on Friday.").value == "2023-02-24");
    CHECK(only("The ministers will meet on Monday.").value == "2023-02-27");
}

TEST_CASE("last and next weekdays are strictly before and after the DCT") {
    CHECK(only("He spoke last Thursday.").value == "2023-02-16");
    CHECK(only("They meet next Thursday.").value == "2023-03-02");
}

TEST_CASE("since a year starts an open span at that year") {
    const auto found = tag("It has been under Armenian occupation since 1991.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == "1991");
    CHECK(found[0].timex.value == "1991");
    CHECK(found[0].timex.role == TimexRole::start);
    REQUIRE(found[0].timex.when);
    CHECK(found[0].timex.when->edtf() == "1991/..");
    CHECK_FALSE(found[0].timex.relative);
}

TEST_CASE("since then refers to the last resolved date in the text") {
    const auto found = tag("In 2020, Azerbaijan regained territory. Since then, talks have continued.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.value == "2020");
    CHECK(found[1].text == "then");
    CHECK(found[1].timex.anaphoric);
    CHECK(found[1].timex.value == "2020");
    CHECK(found[1].timex.role == TimexRole::start);
}

TEST_CASE("then without an earlier date or a preposition is not a timex") {
    CHECK(tag("Since then, talks have continued.").empty());
    CHECK(tag("In 2020 they met, and then they talked.").size() == 1);
}

TEST_CASE("a year-less date takes the latest year not after the publication date") {
    const Timex t = only("Activists have been protesting since December 12 over the road.");
    CHECK(t.value == "2022-12-12");
    CHECK(t.role == TimexRole::start);
    CHECK(only("The talks were held on February 23.").value == "2023-02-23");
    CHECK(only("The talks were held on February 24.").value == "2022-02-24");
}

TEST_CASE("a year-less date in future context takes the next year") {
    CHECK(only("The summit will take place on January 10.").value == "2024-01-10");
}

TEST_CASE("February 29 resolves to a leap year") {
    CHECK(only("The vote was held on February 29.", Date(2023, 3, 1)).value == "2020-02-29");
    CHECK(only("The vote was held on February 29.", Date(2024, 3, 1)).value == "2024-02-29");
}

TEST_CASE("last month, this week and next year are counted from the DCT") {
    const Timex t = only("A hearing last month showed barriers.");
    CHECK(t.value == "2023-01");
    REQUIRE(t.when);
    CHECK(t.when->precision == Precision::month);
    CHECK(only("Talks resume this week.").value == "2023-W08");
    CHECK(only("Elections are due next year.").value == "2024");
    CHECK(only("Prices rose last year.").value == "2022");
}

TEST_CASE("relative expressions cross year boundaries") {
    CHECK(only("A hearing last month showed barriers.", Date(2023, 1, 5)).value == "2022-12");
    CHECK(only("The deal was signed last week.", Date(2021, 1, 6)).value == "2020-W53");
    CHECK(only("The court ruled on Friday.", Date(2023, 1, 2)).value == "2022-12-30");
    CHECK(only("He left yesterday.", Date(2024, 3, 1)).value == "2024-02-29");
}

TEST_CASE("relative expressions without a DCT stay unresolved") {
    for (const char* text : {"The court ruled on Wednesday.", "A hearing last month showed barriers.",
                             "Protests since December 12 went on."}) {
        const Timex t = only(text, std::nullopt);
        INFO(text);
        CHECK_FALSE(t.when);
        CHECK(t.relative);
    }
    CHECK(only("The court ruled on Wednesday.", std::nullopt).value == "XXXX-WXX-3");
    CHECK(only("Protests since December 12 went on.", std::nullopt).value == "XXXX-12-12");
}

TEST_CASE("absolute dates in their usual written forms") {
    CHECK(only("It happened on Dec. 12, 2022 at night.").value == "2022-12-12");
    CHECK(only_text("It happened on Dec. 12, 2022 at night.") == "Dec. 12, 2022");
    CHECK(only("It happened on 12 December 2022.").value == "2022-12-12");
    CHECK(only("It happened on 12/12/2022.").value == "2022-12-12");
    CHECK(only("It happened on 2022-12-12.").value == "2022-12-12");
    CHECK(only("It happened in December 2022.").value == "2022-12");
    CHECK(only("It happened on the 12th of December 2022.").value == "2022-12-12");
    CHECK(only("It happened on Dec. 12.").value == "2022-12-12");
}

TEST_CASE("decades, centuries, seasons and quarters") {
    CHECK(only("The war of the 1990s ended.").value == "199");
    CHECK(only("In the 20th century, borders moved.").value == "19");
    CHECK(only("Fighting resumed in spring 2021.").value == "2021-SP");
    CHECK(only("Fighting resumed this spring.", Date(2023, 5, 2)).value == "2023-SP");
    CHECK(only("Profit fell in the third quarter.", Date(1989, 10, 26)).value == "1989-Q3");
    CHECK(only("Profit fell in the third quarter of 1990.").value == "1990-Q3");
}

TEST_CASE("position modifiers set the TIMEX3 mod") {
    const Timex early = only("Talks began in early 2021.");
    CHECK(early.value == "2021");
    CHECK(early.mod == "START");
    CHECK(only_text("Talks began in early 2021.") == "early 2021");
    const Timex mid = only("Protests began in mid-December.");
    CHECK(mid.value == "2022-12");
    CHECK(mid.mod == "MID");
    CHECK(only("Talks stalled at the end of 2020.").mod == "END");
}

TEST_CASE("amounts of time before ago are dates") {
    const Timex t = only("The road closed two weeks ago.");
    CHECK(t.type == TimexType::date);
    CHECK(t.value == "2023-W06");
    CHECK(only("The war ended three years ago.").value == "2020");
}

TEST_CASE("amounts of time are durations") {
    const Timex t = only("Talks went on over the past three years.");
    CHECK(t.type == TimexType::duration);
    CHECK(t.value == "P3Y");
    CHECK(only_text("Talks went on over the past three years.") == "the past three years");
    CHECK(only("The blockade lasted three weeks.").value == "P3W");
    CHECK(only("The blockade lasted 24 hours.").value == "PT24H");
    CHECK(only("He signed a 30-year lease.").value == "P30Y");
    CHECK_FALSE(only("The blockade lasted three weeks.").when);
}

TEST_CASE("times of day are TIME expressions") {
    const Timex t = only("Shelling began on Wednesday night.");
    CHECK(t.type == TimexType::time);
    CHECK(t.value == "2023-02-22TNI");
    CHECK(only("The statement came at 10:30 a.m. on Wednesday.").value == "2023-02-22T10:30");
    CHECK(only("Fighting broke out tonight.").value == "2023-02-23TNI");
}

TEST_CASE("references to the present, past and future") {
    CHECK(only("The road is now closed.").value == "PRESENT_REF");
    CHECK(only("The road was recently closed.").value == "PAST_REF");
    CHECK(only("Talks will resume in the coming days.").value == "FUTURE_REF");
}

TEST_CASE("frequencies are SET expressions") {
    const Timex t = only("Convoys cross daily.");
    CHECK(t.type == TimexType::set);
    CHECK(only("Convoys cross every Monday.").value == "XXXX-WXX-1");
    CHECK(only("Convoys cross every week.").value == "P1W");
}

TEST_CASE("a range takes its missing year from the other end") {
    const auto found = tag("Fighting raged from 27 September to 10 November 2020.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.value == "2020-09-27");
    CHECK(found[1].timex.value == "2020-11-10");
    CHECK(found[0].timex.role == TimexRole::range);
    CHECK(found[1].timex.role == TimexRole::range);
}

TEST_CASE("words that only look like dates are not tagged") {
    for (const char* text :
         {"Russia said at a press conference that talks must resume as soon as possible.",
          "After a second war ended in a ceasefire.", "They may go home.", "May I ask a question?",
          "Thousands joined the march on the capital.", "Troops march to the border.",
          "The March on Washington was a protest.", "About 1,991 troops were deployed.",
          "He counted 2,500 votes.", "Worshippers gathered for Friday prayers.",
          "Call 555-1234 for details.", "The home side won 3-1.", "The suspect, aged 45, fled.",
          "Room 1204 was empty.", "They sent 1500 soldiers.", "He scored 12 points in the second half."}) {
        INFO(text);
        CHECK(tag(text).empty());
    }
}

TEST_CASE("tagging is linear on adversarial input") {
    std::string ones, mays;
    for (int i = 0; i < 100000; ++i) {
        ones += "1 ";
        mays += "May ";
    }
    CHECK(tagger().tag(ones, Date(2023, 2, 23)).empty());
    // "May May": no day, year or cue word follows, so none of them is a date.
    CHECK(tagger().tag(mays, Date(2023, 2, 23)).size() < 10);
}
