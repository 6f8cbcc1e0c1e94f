// Calendar arithmetic and TIMEX3 value text for the tagger, on Boost.Date_Time.
#pragma once

#include "dateline/span.hpp"
#include "timex_lexicon.hpp"

#include <fmt/format.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <optional>
#include <string>

namespace dateline::timex {

/// A real calendar day, or nullopt ("February 30", year 0).
inline std::optional<Date> make_date(int y, int m, int d) {
    if (y < 1400 || y > 9999 || m < 1 || m > 12 || d < 1) return std::nullopt;
    if (d > boost::gregorian::gregorian_calendar::end_of_month_day(y, m)) return std::nullopt;
    return Date(y, m, d);
}

/// 0 Monday .. 6 Sunday (Boost counts from Sunday).
inline int weekday_of(Date d) { return (d.day_of_week().as_number() + 6) % 7; }

/// Shifts a (year, month) pair by n months.
inline void add_months(int& y, int& m, int n) {
    int total = y * 12 + (m - 1) + n;
    y = total / 12;
    m = total % 12 + 1;
}

/// Appends v as fmt's "{:0<width>d}" writes it: zero-padded to `width` characters, sign included.
/// By hand, because the tagger writes a value for every date it finds and fmt parses its format each time.
inline void append_padded(std::string& out, long long v, int width) {
    char digits[24];
    int n = 0;
    unsigned long long u = v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    do {
        digits[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) {
        out += '-';
        --width;
    }
    for (int k = n; k < width; ++k) out += '0';
    while (n) out += digits[--n];
}
/// v as fmt's "{:0<width>d}" writes it ("{}" for width 1).
inline std::string padded(long long v, int width) {
    std::string out;
    append_padded(out, v, width);
    return out;
}
inline std::string year_text(int y) {
    std::string out;
    append_padded(out, y, 4);
    return out;
}
inline std::string month_value(int y, int m) {
    std::string out;
    append_padded(out, y, 4);
    out += '-';
    append_padded(out, m, 2);
    return out;
}
inline std::string day_value(Date d) {
    std::string out;
    append_padded(out, static_cast<int>(d.year()), 4);
    out += '-';
    append_padded(out, static_cast<int>(d.month()), 2);
    out += '-';
    append_padded(out, static_cast<int>(d.day()), 2);
    return out;
}
/// ISO 8601 week: the week's year is the year of its Thursday.
inline std::string week_value(Date d) {
    const Date thursday = d - boost::gregorian::days(weekday_of(d)) + boost::gregorian::days(3);
    std::string out;
    append_padded(out, static_cast<int>(thursday.year()), 4);
    out += "-W";
    append_padded(out, d.week_number(), 2);
    return out;
}
inline const char* season_code(int season) {
    static const char* codes[] = {"", "SP", "SU", "FA", "WI"};
    return season >= 1 && season <= 4 ? codes[season] : "";
}

/// The season (1..4, Span::season numbering) a day lies in, and the year it is counted in
/// (December belongs to the winter of its own year, January and February to the previous one).
inline void season_of(Date d, int& year, int& season) {
    const int m = d.month();
    year = d.year();
    if (m >= 3 && m <= 5) season = 1;
    else if (m >= 6 && m <= 8) season = 2;
    else if (m >= 9 && m <= 11) season = 3;
    else {
        season = 4;
        if (m <= 2) --year;
    }
}

/// The value and span of the unit of calendar `u` containing day `d`.
struct UnitDate {
    std::string value;
    Span span;
};

inline UnitDate unit_containing(Unit u, Date d) {
    const int y = d.year();
    const int m = d.month();
    switch (u) {
        case Unit::second:
        case Unit::minute:
        case Unit::hour:
        case Unit::day: return {day_value(d), Span::day(d)};
        case Unit::weekend: {
            return {week_value(d) + "-WE", Span::week(d)};
        }
        case Unit::week:
        case Unit::fortnight: return {week_value(d), Span::week(d)};
        case Unit::month: return {month_value(y, m), Span::month(y, m)};
        case Unit::quarter: {
            const int q = (m - 1) / 3 + 1;
            return {padded(y, 4) + "-Q" + padded(q, 1), Span::quarter(y, q)};
        }
        case Unit::year: return {year_text(y), Span::year(y)};
        case Unit::decade: return {padded(y / 10, 3), Span::decade(y / 10 * 10)};
        case Unit::century: return {padded(y / 100, 2), Span::century(y / 100 * 100)};
        case Unit::none: break;
    }
    return {day_value(d), Span::day(d)};
}

/// Moves a day by n units (months clamp to the month's end, as Boost does).
inline Date shift(Date d, Unit u, int n) {
    using namespace boost::gregorian;
    switch (u) {
        case Unit::second:
        case Unit::minute:
        case Unit::hour: return d;
        case Unit::day: return d + days(n);
        case Unit::weekend:
        case Unit::week: return d + weeks(n);
        case Unit::fortnight: return d + weeks(2 * n);
        case Unit::month: {
            int y = d.year(), m = d.month();
            add_months(y, m, n);
            const int last = gregorian_calendar::end_of_month_day(y, m);
            return Date(y, m, std::min<int>(d.day(), last));
        }
        case Unit::quarter: return shift(d, Unit::month, 3 * n);
        case Unit::year: return shift(d, Unit::month, 12 * n);
        case Unit::decade: return shift(d, Unit::month, 120 * n);
        case Unit::century: return shift(d, Unit::month, 1200 * n);
        case Unit::none: break;
    }
    return d;
}

/// The TIMEX3 duration letter(s) of a unit; time units go after "T".
inline std::string duration_value(Unit u, const std::string& amount) {
    switch (u) {
        case Unit::second: return "PT" + amount + "S";
        case Unit::minute: return "PT" + amount + "M";
        case Unit::hour: return "PT" + amount + "H";
        case Unit::day: return "P" + amount + "D";
        case Unit::weekend: return "P" + amount + "WE";
        case Unit::week: return "P" + amount + "W";
        case Unit::fortnight: return "P" + amount + "W";
        case Unit::month: return "P" + amount + "M";
        case Unit::quarter: return "P" + amount + "Q";
        case Unit::year: return "P" + amount + "Y";
        case Unit::decade: return "P" + amount + "DE";
        case Unit::century: return "P" + amount + "CE";
        case Unit::none: break;
    }
    return "P" + amount;
}

}  // namespace dateline::timex
