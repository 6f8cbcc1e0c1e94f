// Span construction, EDTF text form and chronological order.
#include "dateline/span.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace dateline {
namespace {

namespace greg = boost::gregorian;

constexpr std::array<std::string_view, 8> k_precision_names{
    "day", "week", "month", "quarter", "season", "year", "decade", "century"};

Date last_of_month(int y, int m) { return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), 1).end_of_month(); }

Date make(int y, int m, int d) {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

// The years Boost accepts; outside them a span cannot be built.
bool year_ok(int y) { return y >= 1400 && y <= 9999; }

// Four digits, zero-padded ("{:04d}"), written by hand for the years Boost has.
std::string year_text(int y) {
    if (y < 0 || y > 9999) return fmt::format("{:04d}", y);
    const char text[4] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                          static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10)};
    return std::string(text, 4);
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

// The EDTF text of the start unit, without qualifiers or interval marks.
std::string unit_text(const Span& s) {
    const int y = s.earliest.year();
    switch (s.precision) {
    case Precision::day:
        if (s.latest != s.earliest) return fmt::format("{}/{}", iso(s.earliest), iso(s.latest));
        return iso(s.earliest);
    case Precision::week: return fmt::format("{}/{}", iso(s.earliest), iso(s.latest));
    case Precision::month:
        if (s.latest.year() != s.earliest.year() || s.latest.month() != s.earliest.month())
            return fmt::format("{}-{:02d}/{}-{:02d}", year_text(y), static_cast<int>(s.earliest.month()),
                               year_text(s.latest.year()), static_cast<int>(s.latest.month()));
        return fmt::format("{}-{:02d}", year_text(y), static_cast<int>(s.earliest.month()));
    case Precision::quarter:
        return fmt::format("{}-{}", year_text(y), 33 + (static_cast<int>(s.earliest.month()) - 1) / 3);
    case Precision::season: {
        // EDTF level 2 codes 21..24: spring, summer, autumn, winter.
        const int m = s.earliest.month();
        const int code = m == 3 ? 21 : m == 6 ? 22 : m == 9 ? 23 : 24;
        return fmt::format("{}-{}", year_text(y), code);
    }
    case Precision::year:
        if (s.latest.year() != y) return fmt::format("{}/{}", year_text(y), year_text(s.latest.year()));
        return year_text(y);
    case Precision::decade: return year_text(y).substr(0, 3) + "X";
    case Precision::century: return year_text(y).substr(0, 2) + "XX";
    }
    return iso(s.earliest);
}

}  // namespace

std::string_view to_string(Precision p) { return k_precision_names[static_cast<std::size_t>(p)]; }

std::optional<Precision> precision_from_string(std::string_view s) {
    for (std::size_t i = 0; i < k_precision_names.size(); ++i)
        if (k_precision_names[i] == s) return static_cast<Precision>(i);
    return std::nullopt;
}

std::string iso(Date d) {
    if (d.is_special()) return "";
    // "{:04d}-{:02d}-{:02d}" by hand: every event record writes several of these.
    const auto ymd = d.year_month_day();
    const int y = ymd.year, m = ymd.month, day = ymd.day;
    if (y < 0 || y > 9999) return fmt::format("{:04d}-{:02d}-{:02d}", y, m, day);
    const char text[10] = {static_cast<char>('0' + y / 1000),   static_cast<char>('0' + y / 100 % 10),
                           static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10),
                           '-',
                           static_cast<char>('0' + m / 10),     static_cast<char>('0' + m % 10),
                           '-',
                           static_cast<char>('0' + day / 10),   static_cast<char>('0' + day % 10)};
    return std::string(text, 10);
}

Span Span::day(Date d) {
    Span s;
    s.earliest = s.latest = d;
    s.precision = Precision::day;
    return s;
}

std::optional<Span> Span::range(const Span& from, const Span& to) {
    auto plain = [](Precision p) { return p == Precision::day || p == Precision::month || p == Precision::year; };
    if (!plain(from.precision) || !plain(to.precision) || to.latest < from.earliest) return std::nullopt;
    Span s;
    s.earliest = from.earliest;
    s.latest = to.latest;
    // Precision values grow coarser: day < month < year.
    s.precision = std::max(from.precision, to.precision);
    if (s.precision == Precision::month) {
        s.earliest = Date(s.earliest.year(), s.earliest.month(), 1);
        s.latest = s.latest.end_of_month();
    } else if (s.precision == Precision::year) {
        s.earliest = Date(s.earliest.year(), 1, 1);
        s.latest = Date(s.latest.year(), 12, 31);
    }
    s.approximate = from.approximate || to.approximate;
    s.uncertain = from.uncertain || to.uncertain;
    return s;
}

Span Span::week(Date any_day) {
    Span s;
    // ISO weeks start on Monday; Boost numbers Sunday 0.
    const int dow = any_day.day_of_week().as_number();
    s.earliest = any_day - greg::days((dow + 6) % 7);
    s.latest = s.earliest + greg::days(6);
    s.precision = Precision::week;
    return s;
}

Span Span::month(int y, int m) {
    Span s;
    s.earliest = make(y, m, 1);
    s.latest = last_of_month(y, m);
    s.precision = Precision::month;
    return s;
}

Span Span::quarter(int y, int q) {
    Span s;
    s.earliest = make(y, (q - 1) * 3 + 1, 1);
    s.latest = last_of_month(y, q * 3);
    s.precision = Precision::quarter;
    return s;
}

Span Span::season(int y, int season) {
    Span s;
    const int start_month = season == 1 ? 3 : season == 2 ? 6 : season == 3 ? 9 : 12;
    s.earliest = make(y, start_month, 1);
    s.latest = start_month == 12 ? last_of_month(y + 1, 2) : last_of_month(y, start_month + 2);
    s.precision = Precision::season;
    return s;
}

Span Span::year(int y) {
    Span s;
    s.earliest = make(y, 1, 1);
    s.latest = make(y, 12, 31);
    s.precision = Precision::year;
    return s;
}

Span Span::decade(int first_year) {
    Span s;
    s.earliest = make(first_year, 1, 1);
    s.latest = make(first_year + 9, 12, 31);
    s.precision = Precision::decade;
    return s;
}

Span Span::century(int first_year) {
    Span s;
    s.earliest = make(first_year, 1, 1);
    s.latest = make(first_year + 99, 12, 31);
    s.precision = Precision::century;
    return s;
}

std::string Span::edtf() const {
    std::string unit = unit_text(*this);
    if (approximate && uncertain)
        unit += '%';
    else if (approximate)
        unit += '~';
    else if (uncertain)
        unit += '?';
    if (open_end) return unit + "/..";
    if (open_start) return "../" + unit;
    return unit;
}

Date Span::upper_bound() const { return open_end ? Date(9999, 12, 31) : latest; }

std::string Span::timex_value() const {
    const int y = earliest.year();
    switch (precision) {
    case Precision::day: return iso(earliest);
    case Precision::week: {
        const auto week = earliest.week_number();
        // The ISO year of the week can differ from the calendar year near New Year.
        const int iso_year = (week >= 52 && earliest.month() == 1) ? y - 1 : (week == 1 && earliest.month() == 12) ? y + 1 : y;
        return fmt::format("{}-W{:02d}", year_text(iso_year), week);
    }
    case Precision::month: return fmt::format("{}-{:02d}", year_text(y), static_cast<int>(earliest.month()));
    case Precision::quarter: return fmt::format("{}-Q{}", year_text(y), 1 + (static_cast<int>(earliest.month()) - 1) / 3);
    case Precision::season: {
        const int m = earliest.month();
        return fmt::format("{}-{}", year_text(y), m == 3 ? "SP" : m == 6 ? "SU" : m == 9 ? "FA" : "WI");
    }
    case Precision::year: return year_text(y);
    case Precision::decade: return year_text(y).substr(0, 3);
    case Precision::century: return year_text(y).substr(0, 2);
    }
    return iso(earliest);
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() < 10) return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) || !parse_int(text.substr(8, 2), d))
        return std::nullopt;
    if (!year_ok(y) || m < 1 || m > 12 || d < 1) return std::nullopt;
    if (d > last_of_month(y, m).day()) return std::nullopt;
    return make(y, m, d);
}

std::optional<Span> parse_edtf(std::string_view text) {
    Span s;
    if (text.ends_with("/..")) {
        s.open_end = true;
        text.remove_suffix(3);
    } else if (text.starts_with("../")) {
        s.open_start = true;
        text.remove_prefix(3);
    }
    if (!text.empty()) {
        const char q = text.back();
        if (q == '~' || q == '?' || q == '%') {
            s.approximate = q != '?';
            s.uncertain = q != '~';
            text.remove_suffix(1);
        }
    }
    Span base;
    int y = 0, m = 0;
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        // An interval of days (an ISO week, Monday to Sunday, reads as the week), of
        // months or of years: both ends of one precision, the first not after the last.
        const std::string_view a_text = text.substr(0, slash), b_text = text.substr(slash + 1);
        if (a_text.size() != b_text.size() || b_text.find('/') != std::string_view::npos) return std::nullopt;
        auto a = parse_edtf(a_text);
        auto b = parse_edtf(b_text);
        if (!a || !b || a->precision != b->precision || a->open_start || a->open_end || a->approximate ||
            a->uncertain || b->open_start || b->open_end || b->approximate || b->uncertain)
            return std::nullopt;
        if (a->precision == Precision::day && Span::week(a->earliest) == Span{a->earliest, b->latest, Precision::week}) {
            base = Span::week(a->earliest);
        } else {
            auto r = Span::range(*a, *b);
            if (!r || a->earliest == b->earliest) return std::nullopt;
            base = *r;
        }
    } else if (text.size() == 10) {
        auto d = parse_iso_date(text);
        if (!d) return std::nullopt;
        base = Span::day(*d);
    } else if (text.size() == 7 && text[4] == '-' && parse_int(text.substr(0, 4), y) &&
               parse_int(text.substr(5, 2), m) && year_ok(y)) {
        if (m >= 1 && m <= 12)
            base = Span::month(y, m);
        else if (m >= 21 && m <= 24)
            base = Span::season(y, m - 20);
        else if (m >= 33 && m <= 36)
            base = Span::quarter(y, m - 32);
        else
            return std::nullopt;
    } else if (text.size() == 4 && parse_int(text, y) && year_ok(y)) {
        base = Span::year(y);
    } else if (text.size() == 4 && text[3] == 'X' && parse_int(text.substr(0, 3), y) && year_ok(y * 10)) {
        base = Span::decade(y * 10);
    } else if (text.size() == 4 && text.substr(2) == "XX" && parse_int(text.substr(0, 2), y) && year_ok(y * 100)) {
        base = Span::century(y * 100);
    } else {
        return std::nullopt;
    }
    base.open_end = s.open_end;
    base.open_start = s.open_start;
    base.approximate = s.approximate;
    base.uncertain = s.uncertain;
    return base;
}

bool chronologically_before(const Span& a, const Span& b) {
    if (a.earliest != b.earliest) return a.earliest < b.earliest;
    // Coarser first: "2020" opens the year before "2020-01-01".
    if (a.precision != b.precision) return a.precision > b.precision;
    return a.upper_bound() > b.upper_bound();
}

bool overlaps(const Span& a, const Span& b) {
    const Date a_lo = a.open_start ? Date(1400, 1, 1) : a.earliest;
    const Date b_lo = b.open_start ? Date(1400, 1, 1) : b.earliest;
    return a_lo <= b.upper_bound() && b_lo <= a.upper_bound();
}

}  // namespace dateline
