// Human date labels and grouping shared by the exporters.
#include "labels.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace dateline::exporters {
namespace {

namespace greg = boost::gregorian;

constexpr std::array<std::string_view, 12> k_months{"January", "February", "March",     "April",
                                                    "May",     "June",     "July",      "August",
                                                    "September", "October", "November", "December"};

std::string_view month_name(Date d) { return k_months[static_cast<std::size_t>(d.month()) - 1]; }

std::string ordinal(int n) {
    const int tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : n % 10 == 1              ? "st"
                         : n % 10 == 2              ? "nd"
                         : n % 10 == 3              ? "rd"
                                                    : "th";
    return fmt::format("{}{}", n, suffix);
}

}  // namespace

Date day_after(Date d) { return d >= Date(9999, 12, 31) ? d : d + greg::days(1); }

Date clamped_add(Date d, long days) {
    const Date lo(1400, 1, 1);
    const Date hi(9999, 12, 31);
    if (days < 0 && (d - lo).days() < -days) return lo;
    if (days > 0 && (hi - d).days() < days) return hi;
    return d + greg::days(days);
}

Date unit_end(Date first, Precision p) {
    // Whole units past year 9999 cannot be built; they end on the last day there is.
    auto year_end = [](int y) { return y > 9999 ? Date(9999, 12, 31) : Date(static_cast<unsigned short>(y), 12, 31); };
    switch (p) {
    case Precision::day: return first;
    case Precision::week: return clamped_add(first, 6);
    case Precision::month: return first.end_of_month();
    case Precision::quarter:
    case Precision::season:
        return first.year() == 9999 && first.month() >= 11 ? year_end(9999) : (first + greg::months(2)).end_of_month();
    case Precision::year: return year_end(first.year());
    case Precision::decade: return year_end(first.year() + 9);
    case Precision::century: return year_end(first.year() + 99);
    }
    return first;
}

bool spans_several_units(const Span& s) { return s.latest > unit_end(s.earliest, s.precision); }

std::string unit_label(Date first, Precision p) {
    const int y = first.year();
    switch (p) {
    case Precision::day: return fmt::format("{} {} {}", static_cast<int>(first.day()), month_name(first), y);
    case Precision::week:
        return fmt::format("week of {} {} {}", static_cast<int>(first.day()), month_name(first), y);
    case Precision::month: return fmt::format("{} {}", month_name(first), y);
    case Precision::quarter: return fmt::format("Q{} {}", 1 + (static_cast<int>(first.month()) - 1) / 3, y);
    case Precision::season: {
        const int m = first.month();
        if (m == 12) return fmt::format("winter {}/{:02d}", y, (y + 1) % 100);
        return fmt::format("{} {}", m == 3 ? "spring" : m == 6 ? "summer" : "autumn", y);
    }
    case Precision::year: return fmt::format("{}", y);
    case Precision::decade: return fmt::format("{}s", y - y % 10);
    case Precision::century: return fmt::format("{} century", ordinal(y / 100 + 1));
    }
    return iso(first);
}

std::string human_date(const Span& s) {
    std::string text = unit_label(s.earliest, s.precision);
    if (spans_several_units(s)) {
        // The last unit of the range, found from its last day.
        Date last_first = s.latest;
        switch (s.precision) {
        case Precision::day: break;
        case Precision::week: last_first = s.latest - greg::days(6); break;
        case Precision::month: last_first = Date(s.latest.year(), s.latest.month(), 1); break;
        case Precision::quarter:
        case Precision::season: last_first = Date(s.latest.year(), s.latest.month(), 1) - greg::months(2); break;
        case Precision::year: last_first = Date(s.latest.year(), 1, 1); break;
        case Precision::decade:
            last_first = Date(static_cast<unsigned short>(s.latest.year() - s.latest.year() % 10), 1, 1);
            break;
        case Precision::century:
            last_first = Date(static_cast<unsigned short>(s.latest.year() - s.latest.year() % 100), 1, 1);
            break;
        }
        text += " – " + unit_label(last_first, s.precision);
    }
    if (s.uncertain) text += "?";
    if (s.approximate) text = "c. " + text;
    if (s.open_end) text += " – ongoing";
    if (s.open_start) text = "until " + text;
    return text;
}

std::string group_of(const Event& e, std::string_view group_by) {
    if (group_by == "none") return {};
    if (group_by == "actor") return e.actors.empty() ? "other" : e.actors.front().name;
    if (group_by == "place") return e.places.empty() ? "other" : e.places.front().name;
    return e.type.empty() ? "other" : e.type;
}

std::vector<std::string> source_names(const Event& e) {
    std::vector<std::string> names;
    auto add = [&](const Evidence& ev) {
        const std::string& name = ev.source.empty() ? ev.url : ev.source;
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    };
    add(e.evidence);
    for (const Evidence& m : e.mentions) add(m);
    return names;
}

}  // namespace dateline::exporters
