// Span: the interval of days a fact may lie in, with its precision; EDTF text form.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

using Date = boost::gregorian::date;

/// How fine a date is known. Order matters: finer first.
enum class Precision : std::uint8_t { day, week, month, quarter, season, year, decade, century };

std::string_view to_string(Precision p);
/// Parses "day", "month", ...; nullopt for anything else.
std::optional<Precision> precision_from_string(std::string_view s);

/// The days a fact may lie in. `earliest` and `latest` are inclusive and always
/// valid dates: for an open end, `latest` is the end of the start unit and
/// `open_end` is set (use `upper_bound()` for queries). Value type, cheap to copy.
///
///   Span s = Span::year(1991); s.open_end = true;   // "since 1991"
///   s.edtf() == "1991/.."
struct Span {
    Date earliest{2000, 1, 1};
    Date latest{2000, 1, 1};
    Precision precision = Precision::day;
    bool open_start = false;   // "until 2020": ../2020
    bool open_end = false;     // "since 1991": 1991/..
    bool approximate = false;  // "around 1991": 1991~
    bool uncertain = false;    // "probably 1991": 1991?

    static Span day(Date d);
    static Span week(Date any_day_in_week);  // ISO week, Monday..Sunday
    static Span month(int year, int month);
    static Span quarter(int year, int quarter);  // 1..4
    /// Northern-hemisphere meteorological seasons: 1 spring (Mar-May), 2 summer,
    /// 3 autumn, 4 winter (Dec of `year` to Feb of the next).
    static Span season(int year, int season);
    static Span year(int year);
    static Span decade(int first_year);   // 1990 -> 1990..1999
    static Span century(int first_year);  // 1900 -> 1900..1999
    /// "from 27 September to 10 November 2020": the days from the first day of `from`
    /// to the last of `to`, at the coarser of the two precisions when they are days,
    /// months or years (EDTF 2020-09-27/2020-11-10, 2022-03/2022-06, 1991/1994); nullopt
    /// when `to` ends before `from` starts or a unit is another kind (weeks, seasons...).
    static std::optional<Span> range(const Span& from, const Span& to);

    /// EDTF (Library of Congress, 2019): 2022-12-12, 2022-12, 1991, 199X, 19XX,
    /// 2023-33 (Q1), 2021-21 (spring), weeks as a day interval, 1991/.., 2023-01~;
    /// a span of several days, months or years (see `range`) as an interval of its
    /// first and last unit: 2020-09-27/2020-11-10, 2022-03/2022-06, 1991/1994.
    std::string edtf() const;
    /// The first day after the fact can no longer lie: `latest`, or a far date when open.
    Date upper_bound() const;
    /// The TIMEX3 value of the start unit: 2022-12-12, 2023-W08, 2023-Q1, 2021-SP, 199, 19.
    std::string timex_value() const;

    bool operator==(const Span& o) const = default;
};

/// Parses the EDTF subset `edtf()` writes (and plain ISO days). nullopt if malformed.
std::optional<Span> parse_edtf(std::string_view text);

/// Parses an ISO date or date-time ("2023-02-23", "2023-02-23T10:00:00Z"); nullopt if malformed
/// or not a real calendar day.
std::optional<Date> parse_iso_date(std::string_view text);

/// Chronological order: earliest first, then coarser precision first.
bool chronologically_before(const Span& a, const Span& b);

/// Whether two spans share at least one day (open ends extend to infinity).
bool overlaps(const Span& a, const Span& b);

std::string iso(Date d);  // 2023-02-23

}  // namespace dateline
