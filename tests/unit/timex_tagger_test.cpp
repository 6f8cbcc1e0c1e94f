// Tests for TimexTagger: each expression family, resolution against the DCT, and what is not a date.
#include "dateline/timex_tagger.hpp"

#include "timex_digits.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
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

TEST_CASE("without a DCT, an expression counted from a date of the text is dated and says so") {
    // Found by fuzz_timex: "year-ago" after "1990" was dated 1989 with no DCT, and the
    // fuzz invariant could not tell it from a date counted from today.
    const auto found = tag("The charter of 1990 was signed. The year-ago draft failed. A year later, it lapsed. "
                           "Talks resumed last month.",
                           std::nullopt);
    REQUIRE(found.size() == 4);
    CHECK(found[0].text == "1990");
    CHECK_FALSE(found[0].timex.from_text);
    CHECK(found[1].text == "year-ago");
    CHECK(found[1].timex.value == "1989");
    CHECK(found[1].timex.relative);
    CHECK(found[1].timex.from_text);
    // TimeML tags "A year" as the duration; its date is the year after the last date
    // told, the year-ago 1989.
    CHECK(found[2].text == "A year");
    CHECK(found[2].timex.value == "P1Y");
    REQUIRE(found[2].timex.when);
    CHECK(found[2].timex.when->earliest == Date(1990, 1, 1));
    CHECK(found[2].timex.when->latest == Date(1990, 12, 31));
    CHECK(found[2].timex.from_text);
    // Counted from today, which is unknown: no date, and not marked as from the text.
    CHECK(found[3].text == "last month");
    CHECK_FALSE(found[3].timex.when);
    CHECK_FALSE(found[3].timex.from_text);
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

TEST_CASE("a named day with a part of day is a DATE that keeps the part of day") {
    const Timex t = only("Shelling began on Wednesday night.");
    CHECK(t.type == TimexType::date);
    CHECK(t.value == "2023-02-22TNI");
    const Timex m = only("The talks resumed Friday morning.");
    CHECK(m.type == TimexType::date);
    CHECK(m.value == "2023-02-17TMO");
    CHECK(only("Envoys will arrive on Monday evening.").value == "2023-02-27TEV");
}

TEST_CASE("times of day are TIME expressions") {
    CHECK(only("Shelling began this morning.").type == TimexType::time);
    CHECK(only("Shelling began last night.").type == TimexType::time);
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

TEST_CASE("a year-less date with no tense cue takes the nearer reading, with a lean to the past") {
    // DCT 2023-02-23: "Feb. 1" is three weeks back; "March 1" a week ahead.
    CHECK(only("Payment of the dividend is Feb. 1 to holders of record.").value == "2023-02-01");
    CHECK(only("The dividend is payable March 1 to holders of record.").value == "2023-03-01");
    // An adjective in -ed is only a weak past cue: "preferred shares" does not make Dec. 7 last year's.
    CHECK(only("Conseco will redeem its preferred shares on Dec. 7.", Date(1989, 10, 30)).value == "1989-12-07");
}

TEST_CASE("a modal leans to the future but gives way to a much nearer past reading") {
    // DCT in May: "could" does not push April 8 eleven months ahead.
    CHECK(only("On April 8, investigators could not find the rifle.", Date(1999, 5, 5)).value == "1999-04-08");
    CHECK(only("The boy could come as early as Tuesday.", Date(2000, 4, 3)).value == "2000-04-04");
}

TEST_CASE("a plan told in the past perfect is a weak past") {
    // DCT Monday 1989-10-30: the offer "had been due to expire" last Friday evening.
    const Timex t = only("The offer had been due to expire Friday evening.", Date(1989, 10, 30));
    CHECK(t.type == TimexType::date);
    CHECK(t.value == "1989-10-27TEV");
}

TEST_CASE("a reporting clause after a comma does not give the tense") {
    // DCT 1999-02-10: "said" belongs to the official, the accession is ahead.
    const auto found = tag("The three will join in March, an official said.", Date(1999, 2, 10));
    REQUIRE(found.size() == 1);
    CHECK(found[0].timex.value == "1999-03");
}

TEST_CASE("a weekday named with a date fixes the year of the date") {
    // DCT 1998-10-25: Oct. 26, 1998 is a Monday, Oct. 26, 1997 a Sunday.
    CHECK(only("The Times said in an editorial on Monday, Oct. 26:", Date(1998, 10, 25)).value == "1998-10-26");
}

TEST_CASE("a month with this, last or next year takes that year") {
    CHECK(only("The process began in February this year.", Date(1998, 12, 3)).value == "1998-02");
    CHECK(only("He was arrested in July last year.", Date(1998, 2, 19)).value == "1997-07");
}

TEST_CASE("year-less quarters are the current year's in company reports") {
    const Date dct(1989, 10, 26);
    CHECK(only("The company expects to report a third-quarter loss.", dct).value == "1989-Q3");
    CHECK(only("Profit rose in the fiscal first quarter.", dct).value == "1989-Q1");
    CHECK(only("It posted a loss for its fourth quarter.", dct).value == "1989-Q4");
    CHECK(only("Orders are strong in the current quarter.", dct).value == "1989-Q4");
    // A quarter later than the DCT's own, told in the past, is last year's.
    CHECK(only("Sales declined in the fourth quarter.", Date(1990, 2, 10)).value == "1989-Q4");
}

TEST_CASE("a year-ago comparison takes the reporting period a year back") {
    const Date dct(1989, 10, 26);
    const auto found = tag(
        "Net income rose in the third quarter. Profit was $5 million, up from $4 million a year ago. "
        "In the year-earlier quarter, sales were flat. The year-ago results were restated. "
        "In the 1988 period, the company lost money. For the quarter a year ago, it earned $2 million. "
        "Sales in the latest period rose.",
        dct);
    std::vector<std::string> values;
    for (const auto& f : found) values.push_back(f.text + "=" + f.timex.value);
    CHECK(values == std::vector<std::string>{"the third quarter=1989-Q3", "a year ago=1988-Q3",
                                             "the year-earlier quarter=1988-Q3", "year-ago=1988-Q3",
                                             "the 1988 period=1988-Q3", "the quarter a year ago=1988-Q3",
                                             "the latest period=1989-Q3"});
}

TEST_CASE("a year's parts: this year's third quarter, the 1988 second quarter") {
    const Date dct(1989, 10, 26);
    CHECK(only("Earnings for this year's third quarter fell.", dct).value == "1989-Q3");
    CHECK(only("Results of next year's first quarter are hard to tell.", dct).value == "1990-Q1");
    CHECK(only("It took a charge in the 1988 second quarter.", dct).value == "1988-Q2");
    CHECK(only("He spoke of the 1988 second quarter.", dct).type == TimexType::date);
}

TEST_CASE("the year ended a date is a fiscal year, a duration; the full year is this one") {
    const Date dct(1989, 10, 26);
    const auto found = tag("For the year ended Sept. 30, the company earned more.", dct);
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "the year");
    CHECK(found[0].timex.type == TimexType::duration);
    CHECK(found[0].timex.value == "P1Y");
    CHECK(only("He forecast an increase for the full year.", dct).value == "1989");
}

TEST_CASE("three days later is a duration whose day is kept for the timeline") {
    const auto found = tag("The talks began on Feb. 10. Three days later, they collapsed.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "Three days");
    CHECK(found[1].timex.type == TimexType::duration);
    CHECK(found[1].timex.value == "P3D");
    REQUIRE(found[1].timex.when);
    CHECK(found[1].timex.when->edtf() == "2023-02-13");
}

TEST_CASE("that year and the following month are emitted and resolved from the last date") {
    const auto found = tag("In 1995 he was promoted, and the following year he moved. That year was hard.");
    REQUIRE(found.size() == 3);
    CHECK(found[1].text == "the following year");
    CHECK(found[1].timex.value == "1996");
    CHECK_FALSE(found[1].timex.anaphoric);
    CHECK(found[2].text == "That year");
    CHECK(found[2].timex.value == "1996");
}

TEST_CASE("a clock time with no day is on the day the text tells of") {
    const auto found = tag("Slepian was shot on Oct. 23, 1998. He died at 10 p.m. in his kitchen.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].timex.value == "1998-10-23T22:00");
}

TEST_CASE("a clock time goes on with its zone and day after a sentence split at p.m.") {
    const Timex t = only("The offer was extended until 5 p.m. EST Nov. 9.", Date(1989, 11, 2));
    CHECK(t.type == TimexType::time);
    CHECK(t.value == "1989-11-09T17:00");
}

TEST_CASE("years in words from broadcast transcripts") {
    CHECK(only("Atlanta, nineteen ninety-six.").value == "1996");
    CHECK(only("January nineteen ninety-seven. Atlanta again.").value == "1997-01");
    CHECK(only("In the winter of nineteen ninety-four it snowed.").value == "1994-WI");
    CHECK(only("By the year two thousand it will end.").value == "2000");
    CHECK(tag("He said nineteen people died.").empty());
}

TEST_CASE("movable holidays are the weekday that falls in their days of the month") {
    CHECK(only("Elian was found on Thanksgiving Day.", Date(2000, 1, 10)).value == "1999-11-25");
    CHECK(only("He spoke on Labor Day 1998.").value == "1998-09-07");
}

TEST_CASE("rates are not timexes") {
    CHECK(tag("It will save $2 million a year in costs.").empty());
    CHECK(only_text("Guards stand outside 24 hours a day.") == "24 hours");
}

TEST_CASE("tense cues: a plan noun after a determiner, 'ended', 'effective', deadlines") {
    const Date dct(1989, 10, 27);
    CHECK(only("The thrift announced the plan Aug. 21.", dct).value == "1989-08-21");
    const auto fiscal = tag("In the fiscal year ended Jan. 31, sales rose.", Date(1989, 10, 31));
    REQUIRE(fiscal.size() == 2);
    CHECK(fiscal[1].timex.value == "1989-01-31");
    CHECK(only("The new labor pact is effective June 1.", dct).value == "1990-06-01");
    CHECK(only("It will pay down the loan by February.", dct).value == "1990-02");
}

TEST_CASE("the week of a date, a part of day named first, the previous weekday") {
    CHECK(only("A hearing is set for the week of March 6.", Date(2000, 2, 24)).value == "2000-W10");
    const Timex t = only("In London at mid-afternoon yesterday, shares rose.", Date(1989, 11, 2));
    CHECK(t.type == TimexType::time);
    CHECK(t.value == "1989-11-01TAF");
    CHECK(t.mod == "MID");
    const auto found = tag("The index fell on Friday, down from the previous Friday.", Date(1989, 10, 30));
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "the previous Friday");
    CHECK(found[1].timex.value == "1989-10-20");
}

TEST_CASE("fractions are not durations") {
    CHECK(tag("Iraq imports about three-quarters of its food.").empty());
    CHECK(tag("Funds hold more than a quarter of the market.").empty());
}

TEST_CASE("a deadline word leans to the future unless a clear past cue is near") {
    // DCT Thursday 2023-02-23
    CHECK(only("The company must respond by Monday.").value == "2023-02-27");
    CHECK(only("All the reports had been filed by Wednesday.").value == "2023-02-22");
    CHECK(only("Until Tuesday, the ministry had refused to comment.").value == "2023-02-21");
    CHECK(only("The delegation arrived in the capital and talks start as early as Monday.").value == "2023-02-27");
}

TEST_CASE("a participle after a future 'be' is future; 'previously planned' is past") {
    CHECK(only("The astronaut will be named commander of the mission in December.").value == "2023-12");
    CHECK(only("The launch went ahead as previously planned on Saturday.").value == "2023-02-18");
}

TEST_CASE("'next to', 'the record set on' and 'the Friday deadline' are no future cues") {
    CHECK(only("A car bomb exploded next to the embassy on Tuesday.").value == "2023-02-21");
    CHECK(only("The index closed near the record set on Tuesday.").value == "2023-02-21");
    CHECK(only("Shareholders tendered most shares by the Friday deadline.").value == "2023-02-17");
    CHECK(only("The ceasefire is set to begin on Monday.").value == "2023-02-27");
}

TEST_CASE("the year, the month, the week after a preposition are the ones the text is about") {
    const Date dct(2023, 2, 23);
    const auto found = tag("For the year, exports were flat, and shares hit a high for the week on Monday.", dct);
    REQUIRE(found.size() == 3);
    CHECK(found[0].text == "the year");
    CHECK(found[0].timex.type == TimexType::date);
    CHECK(found[0].timex.value == "2023");
    CHECK(found[1].text == "the week");
    CHECK(found[1].timex.value == "2023-W08");
    const Timex end = only("The plant should reopen by the end of the month.", dct);
    CHECK(end.value == "2023-02");
    CHECK(end.mod == "END");
    CHECK(tag("She was named player of the Year.", dct).empty());
    CHECK(tag("Sales fell in the year before the merger.", dct).empty());
    CHECK(tag("Growth slowed in the month that followed.", dct).empty());
}

TEST_CASE("an amount and a half: the half in the next smaller unit") {
    CHECK(only("The hearing lasted 3 1/2 hours.").value == "PT3H30M");
    CHECK(only("The rebuild took four and a half years.").value == "P4Y6M");
    const auto found = tag("The speech ran a minute and a half.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == "a minute and a half");
    CHECK(found[0].timex.value == "PT1M30S");
    CHECK(only("The strike lasted two and a half weeks.").value == "P2.5W");
}

TEST_CASE("annually is a yearly SET") {
    const Timex t = only("The festival is held annually in the old town.");
    CHECK(t.type == TimexType::set);
    CHECK(t.value == "P1Y");
}

TEST_CASE("a year-ago comparison takes a quarter named in its own sentence; the latest quarter the reported one") {
    const Date dct(2023, 10, 26);
    const auto found = tag(
        "Acme posted a record third-quarter profit. Separately, Beta said its fiscal first-quarter sales rose to "
        "$9 million from $7 million a year earlier. Acme expects a fourth-quarter charge. "
        "Margins narrowed in the latest quarter.",
        dct);
    std::vector<std::string> values;
    for (const auto& f : found) values.push_back(f.text + "=" + f.timex.value);
    CHECK(values == std::vector<std::string>{"third-quarter=2023-Q3", "first-quarter=2023-Q1",
                                             "a year earlier=2022-Q1", "fourth-quarter=2023-Q4",
                                             "the latest quarter=2023-Q3"});
}

TEST_CASE("an amount 'or so' is approximate, before 'ago' too") {
    const auto found = tag("A month or so ago, the board met; talks may take the next two years or so.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "A month or so ago");
    CHECK(found[0].timex.type == TimexType::date);
    CHECK(found[0].timex.value == "2023-01");
    CHECK(found[0].timex.mod == "APPROX");
    CHECK(found[1].text == "the next two years or so");
    CHECK(found[1].timex.value == "P2Y");
    CHECK(found[1].timex.mod == "APPROX");
}

TEST_CASE("unit-long adjectives and amounts with 'more', 'additional', 'straight' are durations") {
    CHECK(only("Negotiators left a day-long session.").value == "P1D");
    CHECK(only("It ended a decades-long feud.").value == "PXY");
    CHECK(only("Workers began a three-week-long strike.").value == "P3W");
    CHECK(tag("A 6-year-old boy was found.").empty());
    CHECK(only("The envoy will stay two more weeks.").value == "P2W");
    CHECK(only("The lease runs for an additional year.").value == "P1Y");
    CHECK(only("Exports rose for three straight years.").value == "P3Y");
    CHECK(tag("The team won five more games.").empty());
}

TEST_CASE("this past and this coming; high noon; a day of a month the text does not tell") {
    const Date dct(2023, 2, 23);
    CHECK(only("The plant closed this past spring.", dct).value == "2022-SP");
    const auto coming = tag("The vote is this coming Sunday, February 26.", dct);
    REQUIRE(coming.size() == 1);
    CHECK(coming[0].text == "this coming Sunday, February 26");
    CHECK(coming[0].timex.value == "2023-02-26");
    CHECK(tag("The film High Noon was shown again.", dct).empty());
    const auto found = tag("The raid came in October. Her name was struck off that same day.", dct);
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "that same day");
    CHECK(found[1].timex.value == "2022-10-XX");
}

TEST_CASE("year-end after a preposition, centuries before Boost's calendar, the fiscal year, several quarters of") {
    const Date dct(2023, 2, 23);
    const Timex ye = only("The sale should close by year-end.", dct);
    CHECK(ye.value == "2023");
    CHECK(ye.mod == "END");
    CHECK(only("Shares are up 4% since year end.", dct).value == "2022");
    CHECK(only("Rules change at year's end.", dct).mod == "END");
    CHECK(tag("Year-end bonuses were cut.", dct).empty());
    CHECK(only("Pilgrims visit the 11th century abbey.", dct).value == "10");
    CHECK(only("She called herself a 20th century liberal.", dct).value == "19");
    CHECK(only("Margins will narrow for the fiscal year.", dct).value == "2023");
    CHECK(only("Profit returned after several quarters of losses.", dct).value == "PXQ");
    CHECK(tag("Exporters hold three quarters of the market.", dct).empty());
}

TEST_CASE("a year-ago comparison with a span of months is that year") {
    const Date dct(2023, 10, 26);
    const auto found = tag(
        "Third-quarter profit rose to $5 million from $4 million a year earlier. "
        "For the nine months, profit was $12 million, up from $10 million a year earlier.",
        dct);
    std::vector<std::string> values;
    for (const auto& f : found) values.push_back(f.text + "=" + f.timex.value);
    CHECK(values == std::vector<std::string>{"Third-quarter=2023-Q3", "a year earlier=2022-Q3", "the nine months=P9M",
                                             "a year earlier=2022"});
}

TEST_CASE("a possessive weekday before a recurring noun is that day") {
    CHECK(only("The editorial ran on the front of Friday's edition.").value == "2023-02-17");
    CHECK(tag("Crowds gathered after Friday prayers.").empty());
}

TEST_CASE("quarters as a duration unit; the last half of a year") {
    const Date dct(2023, 10, 26);
    CHECK(only("Losses narrowed over the past two quarters.", dct).value == "P2Q");
    const Timex every = only("The fund pays a dividend every quarter.", dct);
    CHECK(every.type == TimexType::set);
    CHECK(every.value == "P1Q");
    CHECK(only("Demand should recover in the last half of 2024.", dct).value == "2024-H2");
}

TEST_CASE("the past year, the last month: the unit before this one; a past decade is a span") {
    const Date dct(2023, 2, 23);
    const Timex y = only("Membership grew sharply over the past year.", dct);
    CHECK(y.type == TimexType::date);
    CHECK(y.value == "2022");
    CHECK(only("Prices fell in the last month.", dct).value == "2023-01");
    const Timex d = only("Threats became routine over the past decade.", dct);
    CHECK(d.type == TimexType::duration);
    CHECK(d.value == "P10Y");
    CHECK(only("Sales fell over the past two years.", dct).value == "P2Y");
}

TEST_CASE("'is to' and 'ahead of' tell a plan") {
    // DCT Thursday 2023-02-23
    CHECK(only("The shares were suspended and are to resume trading Tuesday.").value == "2023-02-28");
    CHECK(only("Traders squared positions ahead of Monday.").value == "2023-02-27");
}

TEST_CASE("the current fiscal year, last fiscal year; hundreds and thousands of years") {
    const Date dct(2023, 2, 23);
    const auto cur = tag("Sales should rise in the current fiscal year.", dct);
    REQUIRE(cur.size() == 1);
    CHECK(cur[0].text == "the current fiscal year");
    CHECK(cur[0].timex.value == "2023");
    CHECK(only("Net income fell last fiscal year.", dct).value == "2022");
    const auto old = tag("The craft has been kept for more than two thousand years.", dct);
    REQUIRE(old.size() == 1);
    CHECK(old[0].text == "more than two thousand years");
    CHECK(old[0].timex.value == "P2000Y");
    CHECK(only("The firm has stood for almost a hundred years.", dct).value == "P100Y");
}

TEST_CASE("plural weekdays and weekday nights are SETs") {
    const Timex s = only("The market opens on Sundays.");
    CHECK(s.type == TimexType::set);
    CHECK(s.value == "XXXX-WXX-7");
    const Timex n = only("The ferry sails Tuesday nights.");
    CHECK(n.type == TimexType::set);
    CHECK(n.value == "XXXX-WXX-2TNI");
    CHECK(only("The ferry sailed Tuesday night.").value == "2023-02-21TNI");
}

TEST_CASE("some days later is a duration like three days later") {
    const auto found = tag("A few weeks later, the company cut its forecast.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == "A few weeks");
    CHECK(found[0].timex.type == TimexType::duration);
    CHECK(found[0].timex.value == "PXW");
}

TEST_CASE("'will one day' is the future, 'took one day' a duration") {
    const Timex f = only("Analysts say robots could one day replace drivers.");
    CHECK(f.type == TimexType::date);
    CHECK(f.value == "FUTURE_REF");
    CHECK(only("The repair took one day.").value == "P1D");
}

TEST_CASE("decades in words: the nineties, the late eighties; not ages") {
    CHECK(only("Membership fell through the nineties.").value == "199");
    const Timex late = only("Prices soared in the late eighties.");
    CHECK(late.value == "198");
    CHECK(late.mod == "END");
    CHECK(tag("The founders are in their eighties.").empty());
}

TEST_CASE("more recently is one past reference") {
    const auto found = tag("More recently, the group has grown abroad.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == "More recently");
    CHECK(found[0].timex.value == "PAST_REF");
}

TEST_CASE("earlier in the year, late in the month: the period told of with its part") {
    const Timex y = only("Shipments were delayed earlier in the year by floods.");
    CHECK(y.value == "2023");
    CHECK(y.mod == "START");
    const auto found = tag("Prices eased late in the month.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].text == "late in the month");
    CHECK(found[0].timex.value == "2023-02");
    CHECK(found[0].timex.mod == "END");
}

TEST_CASE("a past cue inside another expression does not set the tense of a year-less date") {
    // DCT Monday 1989-10-30: "last Thursday" is a date of its own; "would" tells the plan.
    const auto found = tag("The bank would extend its offer, due to end last Thursday, to Nov. 9.", Date(1989, 10, 30));
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.value == "1989-10-26");
    CHECK(found[1].timex.value == "1989-11-09");
}

TEST_CASE("a reporting verb before a clause does not date the fact the clause tells") {
    // DCT 1989-10-30: the saying is past, the redemption told in the present is ahead.
    CHECK(only("The insurer said it is calling its preferred shares for redemption on Dec. 14.", Date(1989, 10, 30))
              .value == "1989-12-14");
    // A saying dated by the expression itself stays past.
    CHECK(only("The insurer said on Friday it would redeem the shares.", Date(1989, 10, 30)).value == "1989-10-27");
}

TEST_CASE("a quarter named by the day it ended takes that day's year and quarter") {
    const Date dct(1989, 10, 26);
    auto found = tag("The retailer earned $4 million in the quarter ended Aug. 31.", dct);
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "the quarter");
    CHECK(found[0].timex.value == "1989-Q3");
    CHECK(found[1].timex.value == "1989-08-31");
    // A fiscal quarter ending at the end of July holds mostly May and June: the second.
    found = tag("Sales rose in the quarter ended July 31.", dct);
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.value == "1989-Q2");
    // An ordinal quarter takes the year its end day falls in (the most recent one that ended).
    found = tag("The chain lost money in its third quarter ended Nov. 30.", dct);
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "third quarter");
    CHECK(found[0].timex.value == "1988-Q3");
    CHECK(found[1].timex.value == "1988-11-30");
}

TEST_CASE("that night and the next morning are parts of the day the text tells of") {
    auto found = tag("The rebels crossed the river on March 3. That night, shelling resumed.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "That night");
    CHECK(found[1].timex.type == TimexType::date);
    // "crossed the river" is a past verb: the March 3 before the DCT (2023-02-23), last year's.
    CHECK(found[1].timex.value == "2022-03-03TNI");
    found = tag("He was arrested on Jan. 9 and appeared in court the next morning.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "the next morning");
    CHECK(found[1].timex.value == "2023-01-10TMO");
    REQUIRE(found[1].timex.when);
    CHECK(found[1].timex.when->edtf() == "2023-01-10");
    found = tag("The envoys met on Monday. The following evening they left.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].timex.value == "2023-02-21TEV");
    CHECK(tag("He said that nothing changed.").empty());
}

TEST_CASE("the day before or after a named day is one expression a day away") {
    CHECK(only_text("They had met the day before yesterday.") == "the day before yesterday");
    CHECK(only("They had met the day before yesterday.").value == "2023-02-21");
    CHECK(only("The envoys arrive the day after tomorrow.").value == "2023-02-25");
    // "last Tuesday" is 2023-02-21 for a Thursday DCT.
    const Timex t = only("The day before last Tuesday's hearing, he called his lawyer.");
    CHECK(t.value == "2023-02-20");
    REQUIRE(t.when);
    CHECK(t.when->edtf() == "2023-02-20");
    CHECK(only("Shelling stopped the day after March 9, 2022.").value == "2022-03-10");
    // Without a named day after it, "the day before" stays what it was.
    CHECK(only_text("He left on March 9. The day before, talks failed.") == "March 9");
}

TEST_CASE("an hour with its part of day is a clock time") {
    const Timex t = only("The blast came at 4 in the morning.");
    CHECK(only_text("The blast came at 4 in the morning.") == "4 in the morning");
    CHECK(t.type == TimexType::time);
    CHECK(t.value == "2023-02-23T04:00");
    CHECK(only("Police arrived at 3 in the afternoon on Monday.").value == "2023-02-20T15:00");
    CHECK(only("Police arrived at 10 at night.").value == "2023-02-23T22:00");
    CHECK(only("The polls closed at 8 o'clock.").value == "2023-02-23T08:00");
    // A number before "in the" that is no hour, or a rank, is not a time.
    CHECK(tag("He ranked 3 in the polls.").empty());
    CHECK(tag("The 40 in the morning shift were sent home.").empty());
}

TEST_CASE("over the summer is the season told of") {
    CHECK(only_text("Over the summer, rivals cut their prices.") == "the summer");
    CHECK(only("Over the summer, rivals cut their prices.").value == "2022-SU");
    CHECK(only("Talks dragged on over the winter.", Date(2023, 4, 10)).value == "2022-WI");
}

TEST_CASE("a count of things per unit is a rate, not a time") {
    CHECK(tag("Qantas will run four flights a week to Bombay.").empty());
    CHECK(tag("The route adds 700 seats a week.").empty());
    // A time per unit is a SET, and a bare "a week" a duration.
    CHECK(only("The ministers meet twice a week.").type == TimexType::set);
    CHECK(only("The ceasefire held for a week.").value == "P1W");
}

TEST_CASE("the then current price names the present of a time gone by") {
    CHECK(only_text("Holders may buy shares at half the then current market price.") == "then current");
    CHECK(only("Holders may buy shares at half the then current market price.").value == "PAST_REF");
    CHECK(only("The current market price fell.").value == "PRESENT_REF");
}

TEST_CASE("a word in -ed before its object or a preposition is a past verb, not an adjective") {
    // DCT 2023-08-20: October is much nearer ahead than back, but "moved from" tells a past.
    CHECK(only("The club moved from a summer season to a winter season in October.", Date(2023, 8, 20)).value ==
          "2022-10");
    CHECK(only("The agency completed the survey in November.", Date(2023, 8, 20)).value == "2022-11");
    // Before a noun it may be an adjective: the nearer reading still wins.
    CHECK(only("Holders of the preferred stock will be paid in December.", Date(2023, 8, 20)).value == "2023-12");
    // A deadline still lies ahead; a participle after "be" is no past verb.
    CHECK(only("The ministry extended its deadline until Oct. 31.", Date(2023, 8, 20)).value == "2023-10-31");
    CHECK(only("The dispute may be settled in a hearing in September.", Date(2023, 8, 20)).value == "2023-09");
}

TEST_CASE("a programme's title in quotes is not a timex") {
    CHECK(tag("The minister, speaking on ABC's \"This Week,\" said the talks would go on.").empty());
    CHECK(tag("The mayor told CBS's \"60 Minutes\" that the plant will close.").empty());
    // A date in quotes keeps its capitals and is a date.
    CHECK(only("He wrote \"Monday, Oct. 26\" on the board.", Date(2023, 11, 2)).value == "2023-10-26");
    CHECK(only("\"Next week we will decide,\" she said.").value == "2023-W09");
}

TEST_CASE("an amount before a dash, the latest quarter's, the next couple of years") {
    CHECK(only_text("Exports grew for the past four years -- until the strike.") == "the past four years");
    CHECK(tag("He is 45 years - old.").empty());
    const Timex q = only("The latest quarter's results included a one-time gain.", Date(2023, 10, 26));
    CHECK(q.value == "2023-Q3");
    CHECK(only_text("The latest quarter's results included a one-time gain.", Date(2023, 10, 26)) ==
          "The latest quarter");
    const Timex c = only("Over the next couple of years the port will double in size.");
    CHECK(c.type == TimexType::duration);
    CHECK(c.value == "P2Y");
    CHECK(only("Prices rose in the past couple of months.").value == "P2M");
}

TEST_CASE("a possessive weekday names a reported event unless a deadline or a future cue says otherwise") {
    // DCT Thursday 2023-02-23: "would" is the tense of "appeal", not of Tuesday's ruling.
    CHECK(only("The families said they would appeal Tuesday's ruling by the court.").value == "2023-02-21");
    CHECK(only("Ministers met ahead of Tuesday's vote.").value == "2023-02-28");
    CHECK(only("Officials said Tuesday's vote will be held in the capital.").value == "2023-02-28");
}

TEST_CASE("trading and business days are days; the first two quarters of a year are its first half") {
    const Timex t = only("The refund is paid within ten business days.");
    CHECK(t.type == TimexType::duration);
    CHECK(t.value == "P10D");
    CHECK(only("Shares fell for five trading days.").value == "P5D");
    const Timex h = only("Analysts expect weak sales through the first two quarters of 2024.");
    CHECK(h.type == TimexType::date);
    CHECK(h.value == "2024-H1");
    CHECK(only("Margins improved in the last two quarters of 2022.").value == "2022-H2");
    CHECK(only("Margins improved in the first two quarters.").value == "P2Q");
}

TEST_CASE("in the morning is that part of the day the text tells of; today is the Nth day of an event") {
    auto found = tag("The strike began on Monday. Pickets arrived in the morning to block the gates.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "the morning");
    CHECK(found[1].timex.type == TimexType::time);
    CHECK(found[1].timex.value == "2023-02-20TMO");
    CHECK(tag("Crowds gathered in the evening after the vote.").empty());
    // A day the text does not tell keeps its part of day.
    found = tag("In 2009 she said she would be back in the morning.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].timex.value == "2009-XX-XXTMO");
    // A present copula before "the Nth day of" an event: the day of the report.
    const Timex d = only("It's the third day of the strike at the port.");
    CHECK(d.type == TimexType::date);
    CHECK(d.value == "2023-02-23");
    found = tag("Today is the eighth day of the siege, officials said.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "the eighth day");
    CHECK(found[1].timex.value == "2023-02-23");
    // A day of a named period is no such count.
    CHECK(only_text("It is the first day of spring.") == "spring");
    CHECK(tag("The third day of the trial was calm.").empty());
}

TEST_CASE("recurring quarters and weekdays joined to a recurring one are SETs; a schedule from a date lies ahead") {
    auto found = tag("Most of the orders usually come in the second and fourth quarters.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.type == TimexType::set);
    CHECK(found[0].timex.value == "XXXX-Q2");
    CHECK(found[1].text == "fourth quarters");
    CHECK(found[1].timex.value == "XXXX-Q4");
    CHECK(only("Profit fell in the third quarter.").value == "2023-Q3");
    found = tag("The ferry sails on Monday and Friday nights.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.type == TimexType::set);
    CHECK(found[0].timex.value == "XXXX-WXX-1TNI");
    CHECK(found[1].timex.value == "XXXX-WXX-5TNI");
    found = tag("The ministers met on Monday and Tuesday.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.value == "2023-02-20");
    // DCT 2023-02-23: September 1 is a little nearer back than ahead; a schedule starts ahead.
    found = tag("A third flight leaves each Friday from Sept. 1.", Date(2023, 2, 23));
    REQUIRE(found.size() == 2);
    CHECK(found[1].timex.value == "2023-09-01");
}

TEST_CASE("the year before an amount it saw is the year the text is about") {
    auto found = tag("The shares rose to a high for the year of $42.50 in June.", Date(2023, 11, 2));
    REQUIRE(found.size() == 2);
    CHECK(found[0].text == "the year");
    CHECK(found[0].timex.value == "2023");
    CHECK(only("It was the wettest month of the year of 1990.").value == "1990");
}

TEST_CASE("'as last' takes its unit from 'this year' before it; 'this moment' is the present") {
    auto found = tag("The board expects a dividend twice as high this year as last.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "last");
    CHECK(found[1].timex.value == "2022");
    found = tag("Sales this month were higher than last, the company said.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].timex.value == "2023-01");
    CHECK(tag("The runner came in last.").empty());
    const Timex m = only("He would not leave the city at this crucial moment.");
    CHECK(m.type == TimexType::date);
    CHECK(m.value == "PRESENT_REF");
    CHECK(only_text("At this moment the talks are stalled.") == "this moment");
    CHECK(tag("It was their moment of truth.").empty());
}

TEST_CASE("a bare day after a date and 'and', 'or', 'to' is a day of the same month") {
    auto found = tag("The summit will be held on April 24 and 25.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "25");
    CHECK(found[1].timex.value == "2023-04-25");
    found = tag("Talks are set for May 3 to 5, 2024.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.value == "2024-05-03");
    CHECK(found[1].text == "5, 2024");
    CHECK(found[1].timex.value == "2024-05-05");
    CHECK(found[0].timex.role == TimexRole::range);
    // Counts and amounts after a date are no days.
    CHECK(tag("On April 24 and 25 people were hurt.").size() == 1);
    CHECK(tag("It rose 3% on May 3 and 4% on May 4.").size() == 2);
}

TEST_CASE("'the day' set off after a date names that date again") {
    auto found = tag("Shares fell after Oct. 12, the day before the crash, and kept falling.", Date(2023, 11, 2));
    REQUIRE(found.size() == 2);
    CHECK(found[1].text == "the day");
    CHECK(found[1].timex.value == "2023-10-12");
    found = tag("The polls closed on March 3, the day of the vote.", Date(2023, 3, 10));
    REQUIRE(found.size() == 2);
    CHECK(found[1].timex.value == "2023-03-03");
    CHECK(tag("The day before the vote, crowds gathered.").empty());
}

namespace {

/// split_digits as it was written before timex_digits.hpp (find, then the digits of each field).
int reference_split_digits(std::string_view s, char sep, int* fields, int* ndigits) {
    int count = 0;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t stop = s.find(sep, start);
        if (stop == std::string_view::npos) stop = s.size();
        if (count == 3 || stop == start || stop - start > 4) return 0;
        int v = 0;
        for (std::size_t k = start; k < stop; ++k) {
            if (s[k] < '0' || s[k] > '9') return 0;
            v = v * 10 + (s[k] - '0');
        }
        fields[count] = v;
        ndigits[count] = static_cast<int>(stop - start);
        ++count;
        start = stop + 1;
    }
    return count;
}

}  // namespace

TEST_CASE("split_digits reads as the reference does on random strings") {
    std::mt19937 rng(20261127);
    const std::string_view alphabet = "0123456789012345678901234567890123456789/::/,. a\xff";
    for (int round = 0; round < 200000; ++round) {
        std::string s(rng() % 16, ' ');
        for (char& c : s) c = alphabet[rng() % alphabet.size()];
        for (char sep : {'/', ':'}) {
            int f[3] = {-1, -1, -1}, nd[3] = {-1, -1, -1}, rf[3] = {-1, -1, -1}, rnd[3] = {-1, -1, -1};
            const int got = dateline::timex::split_digits(s, sep, f, nd);
            const int want = reference_split_digits(s, sep, rf, rnd);
            REQUIRE_MESSAGE(got == want, s);
            for (int k = 0; k < got; ++k) {
                REQUIRE_MESSAGE(f[k] == rf[k], s);
                REQUIRE_MESSAGE(nd[k] == rnd[k], s);
            }
        }
    }
    int f[3], nd[3];
    CHECK(dateline::timex::split_digits("12/12/2022", '/', f, nd) == 3);
    CHECK((f[0] == 12 && f[1] == 12 && f[2] == 2022 && nd[2] == 4));
    CHECK(dateline::timex::split_digits("10:30", ':', f, nd) == 2);
    CHECK(dateline::timex::split_digits("10:", ':', f, nd) == 0);
    CHECK(dateline::timex::split_digits("", ':', f, nd) == 0);
    CHECK(dateline::timex::split_digits("1/2/3/4", '/', f, nd) == 0);
    CHECK(dateline::timex::split_digits("12345/1", '/', f, nd) == 0);
    CHECK(dateline::timex::split_digits("99999999999999", '/', f, nd) == 0);
}

TEST_CASE("a plan told with 'was' or 'were' lies ahead; 'had planned', 'announced plans' and 'since' do not") {
    // DCT Friday 2000-01-07: "were" is the auxiliary of "planning", a plan still to come.
    const auto found = tag("Protesters planned a demonstration on Saturday and were planning to drive around "
                           "the airport on Monday.",
                           Date(2000, 1, 7));
    REQUIRE(found.size() == 2);
    CHECK(found[0].timex.value == "2000-01-08");
    CHECK(found[1].timex.value == "2000-01-10");
    CHECK(only("The vote on Tuesday was expected to pass.", Date(2000, 1, 7)).value == "2000-01-11");
    // A plan of the past, and what a reporting verb says was planned, keep the past reading.
    CHECK(only("The union on Friday had planned a strike.", Date(2023, 2, 23)).value == "2023-02-17");
    CHECK(only("In September, it announced plans to acquire the unit.", Date(1989, 11, 1)).value == "1989-09");
    // "since March": begun before the telling, whatever plan follows.
    CHECK(only("The carrier has been on patrol since March and was scheduled to return to port.",
               Date(1990, 8, 13))
              .value == "1990-03");
}

TEST_CASE("a date put before its clause dates a plan told in the past tense, not the planned act") {
    // DCT Wednesday 1998-09-30: "On Friday, ... planned to pay" tells what was planned on Friday.
    const Date wednesday(1998, 9, 30);
    CHECK(only("On Friday, the Kenyan government planned to pay the first 32 death claims.", wednesday).value ==
          "1998-09-25");
    CHECK(only("Friday, the ministry scheduled talks with the donors.", wednesday).value == "1998-09-25");
    // A plan in the present tense, a date inside the plan, or a passive plan keep the future.
    CHECK(only("On Friday, the group plans to hold a news conference.", wednesday).value == "1998-10-02");
    CHECK(only("The government planned to pay the claims on Friday.", wednesday).value == "1998-10-02");
    CHECK(only("On Friday, the vote was expected to pass.", wednesday).value == "1998-10-02");
    // Without the comma the date may belong to the subject ("the vote on Friday").
    CHECK(only("The vote on Friday was expected to pass.", wednesday).value == "1998-10-02");
}

TEST_CASE("'last' with the month just gone names that month a year before") {
    // DCT 1998-03-01: February 1998 would be "last month"; the crash was in February 1997.
    CHECK(only("Two helicopters crashed last February.", Date(1998, 3, 1)).value == "1997-02");
    // Further back the latest one is meant, in this year or the last.
    CHECK(only("Two helicopters crashed last February.", Date(1998, 4, 1)).value == "1998-02");
    CHECK(only("The strike began last April.", Date(1989, 10, 27)).value == "1989-04");
    CHECK(only("The doctor was killed last October.", Date(1999, 2, 6)).value == "1998-10");
    // In January the December just gone is already last year's.
    CHECK(only("Sales fell last December.", Date(2000, 1, 13)).value == "1999-12");
    CHECK(only("Sales fell last March.", Date(2000, 3, 13)).value == "1999-03");
}

TEST_CASE("a range of amounts before one unit is one duration, at least its lower bound") {
    CHECK(only_text("The company will resume shipments within two to three weeks.") == "two to three weeks");
    const Timex weeks = only("The company will resume shipments within two to three weeks.");
    CHECK(weeks.value == "P2W");
    CHECK(weeks.mod == "EQUAL_OR_MORE");
    CHECK(only_text("Acquisitions will be made during the next 12 to 18 months.") == "the next 12 to 18 months");
    CHECK(only("Acquisitions will be made during the next 12 to 18 months.").value == "P12M");
    // Amounts of something else, or a range that is not rising, stay out.
    CHECK(only_text("Prices rose 5 to 10 percent in three days.") == "three days");
    CHECK(only_text("The talks took three to two days.") == "two days");
    // "two to three years ago" points back: the nearer end names the year, as before.
    CHECK(only_text("It closed two to three years ago.") == "three years ago");
}

TEST_CASE("decades back from the DCT name the year they land on") {
    const Date dct(1999, 5, 1);
    const Timex t = only("A decade ago, the plant was closed.", dct);
    CHECK(t.value == "1989");
    REQUIRE(t.when);
    CHECK(t.when->edtf() == "1989");
    CHECK(only("The party won two decades ago.", dct).value == "1979");
    CHECK(only("The war ended 50 years ago.", dct).value == "1949");
}

TEST_CASE("a weekday with no tense cue is the next day rather than six days back") {
    const Date monday(1998, 8, 17);
    CHECK(only("Her first stop Tuesday morning: Dar es Salaam.", monday).value == "1998-08-18TMO");
    // Two days ahead is not much nearer than five back: the past stays the default.
    CHECK(only("Her first stop Wednesday morning: Dar es Salaam.", monday).value == "1998-08-12TMO");
    CHECK(only("The court ruled on Tuesday.", monday).value == "1998-08-11");
}

// The scanner skips a word that only its phrases make begin an expression ("new", "more", "at")
// or that modifies what follows it ("early", "nearly", "over") when the next token can go on with
// none of them; these are the cases next to what it skips.
TEST_CASE("words that begin an expression only through a phrase or as a modifier") {
    const Timex decade = only("Sales rose in early eighties.");  // a decade word is no starter
    CHECK(only_text("Sales rose in early eighties.") == "early eighties");
    CHECK(decade.value == "198");
    CHECK(decade.mod == "START");
    CHECK(only_text("Prices fell early in the year.") == "early in the year");
    CHECK(only("They met on New Year's Day.").value == "2023-01-01");
    CHECK(tag("The New York office closed.").empty());
    const Timex nearly = only("It took nearly two years.");
    CHECK(nearly.value == "P2Y");
    CHECK(nearly.mod == "EQUAL_OR_LESS");
    CHECK(tag("He paid over $5 for it.").empty());
    const Timex more = only("It lasted more than a decade.");
    CHECK(more.value == "P10Y");
    CHECK(more.mod == "MORE_THAN");
}
