// Internal: the event record as views, for writing its JSON without building an
// Event. The extractor's drafts are written through it by Pipeline::extract_jsonl;
// append_json(Event) goes through the very same writer (src/event.cpp), so both
// give the same bytes.
#pragma once

#include "dateline/event.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace dateline {

/// The chronological order of sort_chronologically, on what it compares before
/// the event id: negative when `a` comes first, positive when `b` does, zero
/// when only the ids can tell them apart. Shared by sort_chronologically and
/// Pipeline::extract_jsonl (which orders the extractor's drafts the same way
/// without building Events), so the two cannot drift apart.
inline int chronological_order(const std::optional<Span>& when_a, std::string_view article_a, std::size_t begin_a,
                               std::string_view type_a, const std::optional<Span>& when_b,
                               std::string_view article_b, std::size_t begin_b, std::string_view type_b) {
    if (when_a.has_value() != when_b.has_value()) return when_a ? -1 : 1;  // undated last
    if (when_a && when_b && *when_a != *when_b) {
        if (chronologically_before(*when_a, *when_b)) return -1;
        if (chronologically_before(*when_b, *when_a)) return 1;
    }
    // (Both empty for the events of one article, as extract_jsonl compares them:
    // no call to compare() then.)
    if (!(article_a.empty() && article_b.empty()) && article_a != article_b) return article_a < article_b ? -1 : 1;
    if (begin_a != begin_b) return begin_a < begin_b ? -1 : 1;
    // Two events of one sentence: by type name, which does not depend on the
    // article id the way the event id does.
    if (type_a != type_b) return type_a < type_b ? -1 : 1;
    return 0;
}

struct ActorView {
    std::string_view name;
    std::string_view role;
    std::string_view surface;
    std::string_view qualifier;
};

struct PlaceView {
    std::string_view name;
    std::optional<double> lat;
    std::optional<double> lon;
    std::string_view surface;
};

struct EvidenceView {
    std::string_view article;
    std::string_view sentence;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::optional<std::string_view> timex;
    std::string_view url;
    std::string_view source;
    std::optional<Date> published;
};

/// An Event whose strings and lists live elsewhere (valid while the view is used).
struct EventView {
    std::string_view id;
    std::optional<Span> when;
    DateSource date_source = DateSource::text;
    std::string_view timex_value;
    std::string_view type;
    std::string_view cameo;
    std::string_view headline;
    std::span<const ActorView> actors;
    std::span<const PlaceView> places;
    EvidenceView evidence;
    std::span<const EvidenceView> mentions;
    double confidence = 0.5;
    EventStatus status = EventStatus::asserted;
    int source_count = 1;
};

/// The Event the view describes (every string copied).
Event to_event(const EventView& v);

/// Appends exactly what append_json(out, to_event(v), with_mentions) appends.
void append_json(std::string& out, const EventView& v, bool with_mentions = false);

}  // namespace dateline
