// EventTypes: the event vocabulary (trigger words, family, CAMEO root) loaded from data.
#pragma once

#include "dateline/data_files.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

struct EventType {
    std::string name;    // "legal_ruling"
    std::string family;  // ACLED-like family: "legal", "violence", "protest", ...
    std::string cameo;   // CAMEO root code: "17"
    std::string description;
    double weight = 1.0;  // ranking weight for large timelines
    bool dyadic = false;  // needs two sides (war, ceasefire, talks)
};

/// One trigger word or phrase ("ordered", "court hearing") and the type it signals.
struct Trigger {
    std::string phrase;   // lower case, words separated by single spaces
    std::size_t type = 0; // index into EventTypes::types()
    bool noun = false;    // a nominalisation ("blockade", "talks") rather than a verb
    double weight = 1.0;
};

/// Loaded from DataFiles "events/types.json". Throws DataError naming the file.
class EventTypes {
public:
    explicit EventTypes(const DataFiles& files);
    const std::vector<EventType>& types() const { return m_types; }
    const std::vector<Trigger>& triggers() const { return m_triggers; }
    std::optional<std::size_t> find(std::string_view name) const;

private:
    std::vector<EventType> m_types;
    std::vector<Trigger> m_triggers;
};

}  // namespace dateline
