// EventTypes: loads event types from data and expands trigger lemmas into inflected forms.
#include "dateline/event_types.hpp"

#include "dateline/error.hpp"
#include "data_json.hpp"
#include "text_util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace dateline {
namespace {

using json = nlohmann::json;

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool sibilant_end(const std::string& w) {
    return w.ends_with("s") || w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") || w.ends_with("sh");
}

// Consonant-vowel-consonant ending of a short word: "ban" -> "banned".
bool doubles(const std::string& w) {
    const std::size_t n = w.size();
    return n >= 3 && n <= 5 && !vowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' &&
           vowel(w[n - 2]) && !vowel(w[n - 3]);
}

std::set<std::string> verb_forms(const std::string& lemma) {
    std::set<std::string> f{lemma};
    const std::size_t n = lemma.size();
    const bool cons_y = n >= 2 && lemma.back() == 'y' && !vowel(lemma[n - 2]);
    // third person
    if (sibilant_end(lemma)) f.insert(lemma + "es");
    else if (cons_y) f.insert(lemma.substr(0, n - 1) + "ies");
    else f.insert(lemma + "s");
    // past
    if (lemma.back() == 'e') f.insert(lemma + "d");
    else if (cons_y) f.insert(lemma.substr(0, n - 1) + "ied");
    else {
        f.insert(lemma + "ed");
        if (doubles(lemma)) f.insert(lemma + lemma.back() + "ed");
    }
    // gerund
    if (lemma.back() == 'e' && !lemma.ends_with("ee")) f.insert(lemma.substr(0, n - 1) + "ing");
    else {
        f.insert(lemma + "ing");
        if (doubles(lemma)) f.insert(lemma + lemma.back() + "ing");
    }
    return f;
}

std::string plural(const std::string& noun) {
    const std::size_t n = noun.size();
    if (sibilant_end(noun)) return noun + "es";
    if (n >= 2 && noun.back() == 'y' && !vowel(noun[n - 2])) return noun.substr(0, n - 1) + "ies";
    return noun + "s";
}

std::vector<std::string> words_of(const std::string& phrase) {
    std::vector<std::string> out;
    for (auto [b, e] : split_words(phrase, 0, phrase.size())) out.push_back(lower(std::string_view(phrase).substr(b, e - b)));
    return out;
}

std::vector<std::string> string_list(const json& t, const char* key, const std::string& origin, const std::string& type) {
    std::vector<std::string> out;
    auto it = t.find(key);
    if (it == t.end()) return out;
    if (!it->is_array()) throw DataError(fmt::format("{}: type '{}': \"{}\" must be an array", origin, type, key));
    for (const auto& v : *it) {
        if (!v.is_string()) throw DataError(fmt::format("{}: type '{}': \"{}\" must hold strings", origin, type, key));
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace

EventTypes::EventTypes(const DataFiles& files) {
    const std::string path = "events/types.json";
    const std::string origin = files.origin(path);
    json j;
    try {
        j = data_json::parse(files.get(path));
    } catch (const json::exception& e) {
        throw DataError(fmt::format("{}: malformed JSON: {}", origin, e.what()));
    }
    if (!j.is_object() || !j.contains("types") || !j["types"].is_array())
        throw DataError(fmt::format("{}: expected {{\"types\": [...]}}", origin));
    // Words -> trigger index: each new trigger is checked against those before it,
    // a linear scan made start-up quadratic in the trigger count.
    std::map<std::vector<std::string>, std::size_t> trigger_at;
    for (const auto& t : j["types"]) {
        if (!t.is_object() || !t.contains("name") || !t["name"].is_string())
            throw DataError(fmt::format("{}: every type needs a \"name\"", origin));
        EventType type;
        type.name = t["name"].get<std::string>();
        if (find(type.name)) throw DataError(fmt::format("{}: type '{}' is defined twice", origin, type.name));
        type.family = t.value("family", "other");
        type.cameo = t.value("cameo", "");
        type.description = t.value("description", "");
        type.weight = t.value("weight", 1.0);
        type.dyadic = t.value("dyadic", false);
        type.needs_actor_kind = string_list(t, "needs_actor_kind", origin, type.name);
        const std::size_t index = m_types.size();
        m_types.push_back(type);

        // Words that signal the type only beside an actor of the kinds named ("ordered"
        // needs a court; "convicted" does not): all of the type's words when not listed.
        std::vector<std::string> kind_words;
        for (const auto& w : string_list(t, "needs_actor_kind_words", origin, type.name))
            for (const auto& form : verb_forms(lower(w))) kind_words.push_back(form);
        auto add = [&](std::vector<std::string> words, bool noun) {
            if (words.empty()) return;
            if (auto seen = trigger_at.find(words); seen != trigger_at.end()) {
                auto& tr = m_triggers[seen->second];
                // A word belongs to the first type that lists it: one reading, one event.
                if (tr.type != index) return;
                // The same word as verb and noun ("blockade"): one trigger, both readings.
                tr.noun |= noun;
                tr.verb |= !noun;
                return;
            }
            trigger_at.emplace(words, m_triggers.size());
            bool needs_kind = !type.needs_actor_kind.empty() &&
                              (kind_words.empty() || std::find(kind_words.begin(), kind_words.end(), words.front()) != kind_words.end());
            m_triggers.push_back({std::move(words), index, noun, !noun, needs_kind, type.weight});
        };
        for (const auto& v : string_list(t, "verbs", origin, type.name)) {
            auto w = words_of(v);
            if (w.empty()) continue;
            for (const auto& form : verb_forms(w.front())) {
                auto inflected = w;
                inflected.front() = form;
                add(std::move(inflected), false);
            }
        }
        for (const auto& v : string_list(t, "forms", origin, type.name)) add(words_of(v), false);
        const auto plural_only = string_list(t, "plural_only", origin, type.name);
        for (const auto& v : string_list(t, "nouns", origin, type.name)) {
            auto w = words_of(v);
            if (w.empty()) continue;
            add(w, true);
            if (std::find(plural_only.begin(), plural_only.end(), v) == plural_only.end()) {
                w.back() = plural(w.back());
                add(std::move(w), true);
            }
        }
    }
    for (std::size_t i = 0; i < m_triggers.size(); ++i) m_by_first[m_triggers[i].words.front()].push_back(i);
    for (auto& [w, list] : m_by_first)
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return m_triggers[a].words.size() > m_triggers[b].words.size();
        });
}

std::optional<std::size_t> EventTypes::find(std::string_view name) const {
    for (std::size_t i = 0; i < m_types.size(); ++i)
        if (m_types[i].name == name) return i;
    return std::nullopt;
}

const std::vector<std::size_t>* EventTypes::triggers_starting_with(std::string_view first_word) const {
    auto it = m_by_first.find(std::string(first_word));
    return it == m_by_first.end() ? nullptr : &it->second;
}

}  // namespace dateline
