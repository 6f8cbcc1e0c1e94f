// Timex: one temporal expression found in text, normalised (TIMEX3) and resolved (Span).
#pragma once

#include "dateline/span.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

enum class TimexType { date, time, duration, set };
std::string_view to_string(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

/// What the expression does to the event it dates, from its preposition:
/// "since 1991" starts an open span, "until May" ends one, "from X to Y" is a range.
enum class TimexRole { point, start, end, range };
std::string_view to_string(TimexRole r);

/// A temporal expression. [begin, end) are byte offsets into the text given to
/// the tagger and cover what TimeML would tag ("December 12", not "since").
struct Timex {
    std::size_t begin = 0;
    std::size_t end = 0;
    TimexType type = TimexType::date;
    std::string value;  // TIMEX3 value: 2023-02-22, 2023-W08, P3W, PRESENT_REF, XXXX-WXX-1
    std::string mod;    // TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ... or empty
    /// The days it denotes, resolved against the DCT or an earlier date in the
    /// text. nullopt for durations, sets and expressions that could not be
    /// resolved (a relative date without a DCT).
    std::optional<Span> when;
    TimexRole role = TimexRole::point;
    /// Only a pointer to an earlier date in the text ("then" in "since then"), which
    /// it repeats; not emitted as a TIMEX3. "That year", "the following day" name
    /// their unit, are resolved from the earlier date too, and are emitted.
    bool anaphoric = false;
    /// Needed the DCT (or an anchor) to resolve: "Wednesday", "last month".
    bool relative = false;
    /// Dated from an earlier date of the text (or the reporting period it names), not
    /// from the DCT: "a year earlier", "the year-ago quarter", "that week". Such an
    /// expression has a date even when the document has no DCT.
    bool from_text = false;

    std::string_view text(std::string_view doc) const { return doc.substr(begin, end - begin); }
};

}  // namespace dateline
