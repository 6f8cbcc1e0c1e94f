// Labels several exporters show: human dates for spans, group names, the day an open span runs to.
#pragma once

#include "dateline/event.hpp"
#include "dateline/span.hpp"
#include "dateline/timeline.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace dateline::exporters {

/// The last day of the precision unit that starts on `first` (the month's
/// last day for month precision, 31 December for a year, ...).
Date unit_end(Date first, Precision p);

/// The day after `d`; `d` itself on 9999-12-31, the last day Boost can hold,
/// so an event at the end of the calendar never makes an exporter throw.
Date day_after(Date d);

/// `d` moved by `days` (either way) but kept within 1400-01-01..9999-12-31.
Date clamped_add(Date d, long days);

/// Whether a span covers more than the one unit it starts in ("27 September
/// to 10 November 2020"): then tools get an end date as well as a start.
bool spans_several_units(const Span& s);

/// A reader's date at the span's precision, qualifiers included:
/// "12 December 2022", "January 2023", "1991", "1990s", "c. 1991",
/// "1991 – ongoing", "until 2020", "1991?".
std::string human_date(const Span& s);

/// Just the start unit, no qualifiers: "12 December 2022", "Q1 2023", "1990s".
std::string unit_label(Date first, Precision p);

/// The label a tool groups an event under for `group_by` (type | actor |
/// place | none): the type, the first actor, the first place; "" for none.
/// Events with no actor or place fall in "other".
std::string group_of(const Event& e, std::string_view group_by);


/// "Reuters, AP" style list of the distinct source names of an event, in the
/// order they were reported.
std::vector<std::string> source_names(const Event& e);

}  // namespace dateline::exporters
