// EventTypes: loads event types from data and expands trigger lemmas into inflected forms.
#include "dateline/event_types.hpp"

#include "dateline/error.hpp"
#include "data_json.hpp"
#include "probe_table.hpp"
#include "text_util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

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

// The forms in sorted order, each once (as a std::set gave them; a vector is cheaper at start-up).
std::vector<std::string> verb_forms(const std::string& lemma) {
    std::vector<std::string> f{lemma};
    f.reserve(7);
    const std::size_t n = lemma.size();
    const bool cons_y = n >= 2 && lemma.back() == 'y' && !vowel(lemma[n - 2]);
    // third person
    if (sibilant_end(lemma)) f.push_back(lemma + "es");
    else if (cons_y) f.push_back(lemma.substr(0, n - 1) + "ies");
    else f.push_back(lemma + "s");
    // past
    if (lemma.back() == 'e') f.push_back(lemma + "d");
    else if (cons_y) f.push_back(lemma.substr(0, n - 1) + "ied");
    else {
        f.push_back(lemma + "ed");
        if (doubles(lemma)) f.push_back(lemma + lemma.back() + "ed");
    }
    // gerund
    if (lemma.back() == 'e' && !lemma.ends_with("ee")) f.push_back(lemma.substr(0, n - 1) + "ing");
    else {
        f.push_back(lemma + "ing");
        if (doubles(lemma)) f.push_back(lemma + lemma.back() + "ing");
    }
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
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

// Trigger indices by their words (open addressing, linear probing, at most half full).
class TriggerTable {
public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    explicit TriggerTable(const std::vector<Trigger>& triggers) : m_triggers(triggers), m_table(1024) {}
    static std::uint64_t hash(const std::vector<std::string>& words) {
        std::uint64_t h = k_phrase_hash_seed;
        for (const auto& w : words) h = phrase_hash_add(h, w);
        return h;
    }
    /// The trigger whose words are `words` (hashing to `hash`), or none.
    std::size_t find(const std::vector<std::string>& words, std::uint64_t hash) const {
        const Slot* slot = m_table.find(
            hash, [&](const Slot& s) { return s.hash == hash && m_triggers[s.index].words == words; });
        return slot ? slot->index : none;
    }
    /// Adds trigger `index` (not there yet), whose words hash to `hash`.
    void insert(std::size_t index, std::uint64_t hash) {
        if (2 * (m_count + 1) > m_table.size()) {
            const std::vector<Slot> old = m_table.take();
            m_table.reset(2 * old.size());
            m_count = 0;
            for (const Slot& s : old)
                if (!s.empty()) insert(s.index, s.hash);
        }
        m_table.free_slot(hash) = {hash, index};
        ++m_count;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t index = none;
        bool empty() const { return index == none; }
    };
    const std::vector<Trigger>& m_triggers;
    ProbeTable<Slot> m_table;
    std::size_t m_count = 0;
};

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
    // (An open-addressing table of trigger indices, hashed on the words: a std::map of
    // word vectors cost a copy of the words and a dozen string compares per trigger.)
    TriggerTable trigger_at(m_triggers);
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
            const std::uint64_t hash = TriggerTable::hash(words);
            if (const std::size_t seen = trigger_at.find(words, hash); seen != TriggerTable::none) {
                auto& tr = m_triggers[seen];
                // A word belongs to the first type that lists it: one reading, one event.
                if (tr.type != index) return;
                // The same word as verb and noun ("blockade"): one trigger, both readings.
                tr.noun |= noun;
                tr.verb |= !noun;
                return;
            }
            trigger_at.insert(m_triggers.size(), hash);
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
    m_by_first.reserve(m_triggers.size());
    for (std::size_t i = 0; i < m_triggers.size(); ++i) m_by_first[m_triggers[i].words.front()].push_back(i);
    for (auto& [w, list] : m_by_first)
        // Longest first, stable: an insertion sort (the lists are short; std::stable_sort
        // would allocate a buffer for each).
        for (std::size_t i = 1; i < list.size(); ++i) {
            const std::size_t t = list[i];
            std::size_t j = i;
            for (; j > 0 && m_triggers[list[j - 1]].words.size() < m_triggers[t].words.size(); --j) list[j] = list[j - 1];
            list[j] = t;
        }
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
