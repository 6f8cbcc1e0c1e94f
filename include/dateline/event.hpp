// Event: a dated fact (who did what, where, when) with the evidence it came from.
#pragma once

#include "dateline/span.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace dateline {

/// Where an event's date came from: its own sentence (or an anaphor to an
/// earlier date), the report's publication date, or nowhere.
enum class DateSource { text, published, unresolved };
std::string_view to_string(DateSource s);

/// asserted: a plain past/present fact; negated: "did not attack";
/// planned: "will meet", "plans to"; reported: attributed hearsay ("allegedly").
enum class EventStatus { asserted, negated, planned, reported };
std::string_view to_string(EventStatus s);
std::optional<EventStatus> status_from_string(std::string_view s);

struct ActorRef {
    std::string name;       // canonical: "Azerbaijan", "International Court of Justice"
    std::string role;       // agent, target, source, mediator, participant
    std::string surface;    // the words in the text: "Baku"
    std::string qualifier;  // "activists" in "Azerbaijani activists"
    bool operator==(const ActorRef&) const = default;
};

struct PlaceRef {
    std::string name;  // canonical: "Lachin corridor"
    std::optional<double> lat;
    std::optional<double> lon;
    std::string surface;  // "Lachin Pass"
    bool operator==(const PlaceRef&) const = default;
};

/// The words an event came from: an analyst must be able to click through to them.
struct Evidence {
    std::string article;          // article id
    std::string sentence;         // the sentence text
    std::size_t begin = 0;        // byte offsets of the sentence in the article text
    std::size_t end = 0;
    std::optional<std::string> timex;  // the date words it was dated by; none if by the report
    std::string url;
    std::string source;
    std::optional<Date> published;
    bool operator==(const Evidence&) const = default;
};

struct Event {
    std::string id;                 // stable: hash of article, offsets and type
    std::optional<Span> when;       // none only when date_source is unresolved
    DateSource date_source = DateSource::text;
    std::string timex_value;        // TIMEX3 value of the dating expression, if any
    std::string type;               // "legal_ruling"
    std::string cameo;              // CAMEO root code: "17"
    std::string headline;
    std::vector<ActorRef> actors;
    std::vector<PlaceRef> places;
    Evidence evidence;              // the primary mention
    std::vector<Evidence> mentions; // further mentions (same article or merged)
    double confidence = 0.5;
    EventStatus status = EventStatus::asserted;
    int source_count = 1;           // distinct sources reporting it
};

/// The event record of README "Event record": id, when{edtf, earliest, latest,
/// precision, date_source}, type, cameo, headline, actors, places, evidence,
/// confidence, status (+ mentions and source_count when `with_mentions`).
nlohmann::json to_json(const Event& e, bool with_mentions = false);
/// Appends exactly `to_json(e, with_mentions).dump()` to `out` (same keys, order,
/// escapes and number forms) without building the nlohmann tree: the fast path of
/// `dateline extract`. Throws what dump() throws on text that is not UTF-8.
void append_json(std::string& out, const Event& e, bool with_mentions = false);
/// Reads what to_json writes. Throws InputError on a malformed record.
Event event_from_json(const nlohmann::json& j);

/// Orders events chronologically: span order, then article, then offset.
void sort_chronologically(std::vector<Event>& events);

}  // namespace dateline
