// EventTypes: the event vocabulary (trigger words, family, CAMEO root) loaded from data.
#pragma once

#include "dateline/data_files.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline {

struct EventType {
    std::string name;    // "legal_ruling"
    std::string family;  // ACLED-like family: "legal", "violence", "protest", ...
    std::string cameo;   // CAMEO root code: "17"
    std::string description;
    double weight = 1.0;  // ranking weight for large timelines
    bool dyadic = false;  // needs two sides (war, ceasefire, talks)
    /// The sentence must name an actor of one of these kinds ("court" for
    /// legal_ruling: "Putin ordered troops" is no ruling). Empty: no condition.
    std::vector<std::string> needs_actor_kind;
};

/// One trigger word or phrase ("ordered", "court hearing") and the type it signals.
struct Trigger {
    std::vector<std::string> words;  // lower case: {"call", "on"}
    std::size_t type = 0; // index into EventTypes::types()
    bool noun = false;    // has a noun reading ("blockade", "talks")
    bool verb = true;     // has a verb reading ("ordered", "blockade")
    bool needs_actor_kind = false;  // the type's needs_actor_kind applies to this word
    double weight = 1.0;
};

/// Loaded from DataFiles "events/types.json". Throws DataError naming the file.
class EventTypes {
public:
    explicit EventTypes(const DataFiles& files);
    const std::vector<EventType>& types() const { return m_types; }
    const std::vector<Trigger>& triggers() const { return m_triggers; }
    std::optional<std::size_t> find(std::string_view name) const;
    /// Triggers whose first word is `first_word` (lower case), longest first.
    const std::vector<std::size_t>* triggers_starting_with(std::string_view first_word) const;

private:
    std::vector<EventType> m_types;
    std::vector<Trigger> m_triggers;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_first;
};

}  // namespace dateline
