// Shared helpers of the fuzz targets: the loaded knowledge, a DCT from fuzz bytes, invariant checks.
#pragma once

#include "dateline/data_files.hpp"
#include "dateline/event.hpp"
#include "dateline/event_extractor.hpp"
#include "dateline/reader.hpp"
#include "dateline/span.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace dateline::fuzz {

/// Loading the data files takes far longer than one input: every target shares one Pipeline.
inline const Pipeline& pipeline() {
    static const Pipeline p(DataFiles::builtin());
    return p;
}

/// A crash that names the broken promise: libFuzzer saves the input that caused it.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

inline void check(bool ok, const char* what) {
    if (!ok) fail(what);
}

/// Takes three bytes off the front of the input as a DCT. First byte 0: no DCT;
/// 1..127: a day of 1990..2029, where most news is and the resolution rules get
/// exercised; 128..255: a day of any year 1400..9999, the calendar's whole range,
/// so that "tomorrow" on 9999-12-31 and "yesterday" on 1400-01-01 get tried.
/// The seeds start with 21 00 35: 2023-02-23.
inline std::optional<Date> take_dct(std::string_view& data) {
    if (data.size() < 3) return std::nullopt;
    const unsigned b0 = static_cast<unsigned char>(data[0]), b1 = static_cast<unsigned char>(data[1]),
                   b2 = static_cast<unsigned char>(data[2]);
    data.remove_prefix(3);
    if (b0 == 0) return std::nullopt;
    const int year = b0 < 128 ? 1990 + static_cast<int>(b0 % 40) : 1400 + static_cast<int>(((b0 - 128) << 8 | b1) % 8600);
    const int days = boost::gregorian::gregorian_calendar::is_leap_year(year) ? 366 : 365;
    return Date(year, 1, 1) + boost::gregorian::date_duration(static_cast<long>((b1 << 8 | b2) % days));
}

/// Runs `f`, a call into the pipeline. Boost's calendar throws std::out_of_range
/// for dates outside 1400..9999, which the tagger does not yet guard against (see
/// fuzz/regressions/timex/year-before-1400). Replaying regressions treats it as
/// the crash it is; long runs set DATELINE_FUZZ_KNOWN_BUGS=1 to look past it for
/// new bugs.
template <class F>
void run_pipeline(F&& f) {
    static const bool tolerate = [] {
        const char* v = std::getenv("DATELINE_FUZZ_KNOWN_BUGS");
        return v && std::string_view(v) == "1";
    }();
    if (!tolerate) return f();
    try {
        f();
    } catch (const std::out_of_range&) {
    }
}

/// What every Span must satisfy, whatever the text.
inline void check_span(const Span& s) {
    check(!s.earliest.is_special() && !s.latest.is_special(), "span has a special (invalid) date");
    check(s.earliest <= s.latest, "span earliest after latest");
    const std::string edtf = s.edtf();
    check(!edtf.empty(), "span has an empty EDTF");
    check(parse_edtf(edtf).has_value(), "span's EDTF does not parse back");
}

/// Every event of an article: evidence inside the text, a valid span, and a
/// JSON record that serialises (nlohmann throws on invalid UTF-8 in strings).
inline void check_events(const Article& a, std::vector<Event>& events) {
    for (const Event& e : events) {
        check(e.evidence.begin <= e.evidence.end && e.evidence.end <= a.text.size(), "evidence offsets outside the text");
        if (e.when) check_span(*e.when);
        check(e.when.has_value() || e.date_source == DateSource::unresolved, "undated event not marked unresolved");
        check(valid_utf8(e.headline), "headline is not valid UTF-8");
        check(valid_utf8(e.evidence.sentence), "evidence sentence is not valid UTF-8");
        try {
            (void)to_json(e, true).dump();
        } catch (const nlohmann::json::exception&) {
            fail("event record does not serialise to JSON");
        }
    }
    sort_chronologically(events);
}

}  // namespace dateline::fuzz
