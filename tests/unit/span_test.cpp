// Tests for Span: construction, EDTF in and out, chronological order.
#include "dateline/span.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace dateline;

TEST_CASE("a day, month and year span write their EDTF and bounds") {
    CHECK(Span::day(Date(2022, 12, 12)).edtf() == "2022-12-12");
    const Span m = Span::month(2023, 1);
    CHECK(m.edtf() == "2023-01");
    CHECK(m.latest == Date(2023, 1, 31));
    const Span y = Span::year(1991);
    CHECK(y.edtf() == "1991");
    CHECK(y.earliest == Date(1991, 1, 1));
    CHECK(y.latest == Date(1991, 12, 31));
}

TEST_CASE("February of a leap year ends on the 29th") {
    CHECK(Span::month(2024, 2).latest == Date(2024, 2, 29));
    CHECK(Span::month(2023, 2).latest == Date(2023, 2, 28));
}

TEST_CASE("decades, centuries, quarters and seasons use EDTF level 1 and 2 forms") {
    CHECK(Span::decade(1990).edtf() == "199X");
    CHECK(Span::century(1900).edtf() == "19XX");
    CHECK(Span::quarter(2023, 1).edtf() == "2023-33");
    CHECK(Span::season(2021, 1).edtf() == "2021-21");
    const Span winter = Span::season(2022, 4);
    CHECK(winter.earliest == Date(2022, 12, 1));
    CHECK(winter.latest == Date(2023, 2, 28));
}

TEST_CASE("an ISO week runs Monday to Sunday and is written as a day interval") {
    const Span w = Span::week(Date(2023, 2, 23));  // a Thursday
    CHECK(w.earliest == Date(2023, 2, 20));
    CHECK(w.latest == Date(2023, 2, 26));
    CHECK(w.edtf() == "2023-02-20/2023-02-26");
    CHECK(w.timex_value() == "2023-W08");
}

TEST_CASE("open, approximate and uncertain spans carry their EDTF marks") {
    Span s = Span::year(1991);
    s.open_end = true;
    CHECK(s.edtf() == "1991/..");
    Span a = Span::month(2023, 1);
    a.approximate = true;
    CHECK(a.edtf() == "2023-01~");
    a.uncertain = true;
    CHECK(a.edtf() == "2023-01%");
    Span u = Span::year(2020);
    u.open_start = true;
    CHECK(u.edtf() == "../2020");
}

TEST_CASE("parse_edtf reads back everything edtf writes") {
    std::vector<Span> spans{Span::day(Date(2022, 12, 12)), Span::month(2023, 1), Span::year(1991), Span::decade(1990),
                            Span::century(1800), Span::quarter(2020, 4), Span::season(2021, 3), Span::week(Date(2023, 1, 2))};
    Span open = Span::day(Date(2022, 12, 12));
    open.open_end = true;
    spans.push_back(open);
    Span approx = Span::year(1991);
    approx.approximate = true;
    spans.push_back(approx);
    for (const auto& s : spans) {
        CAPTURE(s.edtf());
        auto back = parse_edtf(s.edtf());
        REQUIRE(back.has_value());
        CHECK(*back == s);
    }
}

TEST_CASE("malformed EDTF and impossible days are rejected") {
    CHECK_FALSE(parse_edtf("2023-02-30"));
    CHECK_FALSE(parse_edtf("2023-13"));
    CHECK_FALSE(parse_edtf("hello"));
    CHECK_FALSE(parse_edtf(""));
    CHECK_FALSE(parse_iso_date("0000-00-00"));
    CHECK_FALSE(parse_iso_date("2023-02-29"));
    CHECK(parse_iso_date("2024-02-29") == Date(2024, 2, 29));
    CHECK(parse_iso_date("2023-02-23T10:15:00Z") == Date(2023, 2, 23));
    CHECK_FALSE(parse_iso_date("99999-01-01"));
}

TEST_CASE("a range of days, months or years is an EDTF interval and reads back") {
    auto days = Span::range(Span::day(Date(2020, 9, 27)), Span::day(Date(2020, 11, 10)));
    REQUIRE(days);
    CHECK(days->edtf() == "2020-09-27/2020-11-10");
    CHECK(days->precision == Precision::day);
    CHECK(days->latest == Date(2020, 11, 10));
    auto months = Span::range(Span::month(2022, 3), Span::month(2022, 6));
    REQUIRE(months);
    CHECK(months->edtf() == "2022-03/2022-06");
    CHECK(months->latest == Date(2022, 6, 30));
    auto years = Span::range(Span::year(1991), Span::year(1994));
    REQUIRE(years);
    CHECK(years->edtf() == "1991/1994");
    // Mixed precisions take the coarser: "from March 2019 to 2020".
    auto mixed = Span::range(Span::month(2019, 3), Span::year(2020));
    REQUIRE(mixed);
    CHECK(mixed->edtf() == "2019/2020");
    // Backwards, or units that are no days, months or years: no range.
    CHECK_FALSE(Span::range(Span::day(Date(2020, 11, 10)), Span::day(Date(2020, 9, 27))));
    CHECK_FALSE(Span::range(Span::quarter(2020, 1), Span::quarter(2020, 3)));
    for (const auto& s : {*days, *months, *years, *mixed}) {
        CAPTURE(s.edtf());
        auto back = parse_edtf(s.edtf());
        REQUIRE(back);
        CHECK(*back == s);
    }
    // Monday to Sunday of one ISO week reads as the week, as before.
    CHECK(parse_edtf("2023-01-02/2023-01-08")->precision == Precision::week);
    CHECK_FALSE(parse_edtf("2020-11-10/2020-09-27"));
    CHECK_FALSE(parse_edtf("2020/2020"));
    CHECK_FALSE(parse_edtf("2020-03/2021"));
    CHECK_FALSE(parse_edtf("2020/../2021"));
    CHECK_FALSE(parse_edtf("2020-33/2020-35"));
}

TEST_CASE("chronological order puts the coarser span first on the same earliest day") {
    const Span year = Span::year(2020);
    const Span day = Span::day(Date(2020, 1, 1));
    CHECK(chronologically_before(year, day));
    CHECK_FALSE(chronologically_before(day, year));
    CHECK(chronologically_before(Span::year(1991), Span::year(2020)));
}

TEST_CASE("an open span overlaps everything after its start") {
    Span since = Span::year(1991);
    since.open_end = true;
    CHECK(overlaps(since, Span::day(Date(2023, 2, 22))));
    CHECK_FALSE(overlaps(since, Span::year(1990)));
    CHECK(overlaps(Span::month(2023, 1), Span::day(Date(2023, 1, 31))));
    CHECK_FALSE(overlaps(Span::month(2023, 1), Span::day(Date(2023, 2, 1))));
}
