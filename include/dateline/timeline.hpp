// Timeline: the events an export shows, in chronological order, with the query that chose them.
#pragma once

#include "dateline/event.hpp"
#include "dateline/span.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dateline {

/// A named period shown behind the events ("2020-09-27/2020-11-10:Second Karabakh War").
struct Era {
    Span span;
    std::string name;
};

enum class Rank { date, sources, confidence };

/// Filters for a timeline query. Empty fields do not filter.
struct TimelineQuery {
    std::optional<Date> from;  // keep events whose span overlaps [from, to]
    std::optional<Date> to;
    std::vector<std::string> actors;  // canonical names, any of
    std::vector<std::string> places;
    std::vector<std::string> types;
    std::vector<std::string> statuses;
    std::string query;  // full-text (FTS5) over headlines and evidence
    int min_sources = 0;
    std::optional<std::size_t> limit;  // keep the best `limit` by `rank`, then order by date
    Rank rank = Rank::sources;
};

/// What an exporter writes. Events are in chronological order.
struct Timeline {
    std::vector<Event> events;
    std::string title;                // optional title slide / page heading
    std::vector<Era> eras;
    std::string group_by = "type";    // type | actor | place | none
    Date exported_on{2000, 1, 1};     // "today" for open ends; set by the CLI, fixed in tests
};

/// Events handed over one at a time, in chronological order: how a large
/// export reaches an exporter without the whole timeline in memory.
///
///   while (const Event* e = source.next()) write(*e);
class EventSource {
public:
    virtual ~EventSource() = default;
    /// The next event, valid until the next call; nullptr after the last.
    virtual const Event* next() = 0;
};

/// An EventSource over events already in memory (they must outlive it).
class VectorEventSource final : public EventSource {
public:
    explicit VectorEventSource(const std::vector<Event>& events) : m_events(events) {}
    const Event* next() override { return m_at < m_events.size() ? &m_events[m_at++] : nullptr; }

private:
    const std::vector<Event>& m_events;
    std::size_t m_at = 0;
};

/// Applies a query's filters, limit and ranking to events in memory (the store
/// does the same in SQL); the result is in chronological order.
std::vector<Event> apply_query(std::vector<Event> events, const TimelineQuery& q);

}  // namespace dateline
