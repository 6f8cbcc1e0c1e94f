// Gazetteer: loading actors, places and conflicts from data, and longest-match lookup in text.
#include "dateline/gazetteer.hpp"

#include "dateline/error.hpp"
#include "text_util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace dateline {

struct Gazetteer::Index {
    struct Pattern {
        std::vector<std::string> words;  // as written in the data
        std::vector<char> upper;         // per word: has a capital (matched case-sensitively)
        std::vector<GazetteerRef> refs;
    };
    // What a lower-cased word may begin: patterns keyed by their first word
    // (longest first) and the refs of the noun it is ("court").
    struct Entry {
        std::vector<Pattern> patterns;
        std::vector<GazetteerRef> nouns;
    };
    std::vector<Entry> entries;
    // Lower-cased word -> entries index + 1 (0: empty slot), open addressing with
    // linear probing, at most a quarter full. A text word is hashed and compared
    // lower-cased on the fly: no lower-cased copy, and most words end at an empty slot.
    // The key's hash is kept: a probe that meets another word mostly stops at it.
    struct Slot {
        std::uint64_t hash = 0;
        std::string key;
        std::uint32_t entry = 0;
    };
    std::vector<Slot> slots;
    std::size_t mask = 0;

    /// The entry of `word` compared case-insensitively (ASCII), or nullptr.
    const Entry* find(std::string_view word) const { return find(word, hash_lower(word)); }
    /// The same, `hash` being hash_lower(word).
    const Entry* find(std::string_view word, std::uint64_t hash) const {
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots[i];
            if (slot.entry == 0) return nullptr;
            if (slot.hash == hash && slot.key.size() == word.size() && equals_lower(slot.key, word))
                return &entries[slot.entry - 1];
        }
    }
    // `lowered` is lower case already.
    static bool equals_lower(std::string_view lowered, std::string_view word) {
        for (std::size_t i = 0; i < word.size(); ++i)
            if (lowered[i] != lower_char(word[i])) return false;
        return true;
    }
};

namespace {

using json = nlohmann::json;

std::vector<std::string> strings(const json& j, const char* key, const std::string& origin, const std::string& entry) {
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return out;
    if (!it->is_array()) throw DataError(fmt::format("{}: entry '{}': \"{}\" must be an array of strings", origin, entry, key));
    for (const auto& v : *it) {
        if (!v.is_string()) throw DataError(fmt::format("{}: entry '{}': \"{}\" must hold strings", origin, entry, key));
        out.push_back(v.get<std::string>());
    }
    return out;
}

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const auto& s : from)
        if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

std::optional<double> coord(const json& j, const char* key, double limit, const std::string& origin, const std::string& name) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number() || std::abs(it->get<double>()) > limit)
        throw DataError(fmt::format("{}: place '{}': \"{}\" must be a number within ±{}", origin, name, key, limit));
    return it->get<double>();
}

// A word of a pattern matches a word of text: exactly when the pattern word has
// a capital (proper names are case-sensitive), case-insensitively otherwise.
// `upper` is has_upper(pattern), computed when the index is built.
bool word_matches(std::string_view pattern, bool upper, std::string_view text) {
    if (pattern.size() != text.size()) return false;
    if (upper) {
        if (same_bytes(pattern, text)) return true;
        // An all-capitals text word ("BAKU" in a shouted headline) still matches.
        return is_all_upper(text) && equals_ci(pattern, text);
    }
    return equals_ci(pattern, text);
}

}  // namespace

Gazetteer::Gazetteer(const DataFiles& files) {
    for (const auto& path : files.list("gazetteer/")) load(files.get(path), files.origin(path));
    build_index();
}

void Gazetteer::load(const std::string& text, const std::string& origin) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        throw DataError(fmt::format("{}: malformed JSON: {}", origin, e.what()));
    }
    if (!j.is_object()) throw DataError(fmt::format("{}: expected an object with actors/places/conflicts", origin));
    auto name_of = [&](const json& e, const char* what) {
        if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || e["name"].get<std::string>().empty())
            throw DataError(fmt::format("{}: every {} needs a non-empty \"name\"", origin, what));
        return e["name"].get<std::string>();
    };
    // Name -> index, so that merging an entry with one of an earlier file is a
    // lookup (find_actor is linear: quadratic over the ~1,300 entries at start-up).
    // (Keys are copies: views into the entries would dangle when the vectors grow.)
    std::unordered_map<std::string, std::size_t> actor_at, place_at;
    // j.value(key, []) without its copy of the whole list.
    const json no_entries = json::array();
    auto list = [&](const char* key) -> const json& {
        auto it = j.find(key);
        return it == j.end() ? no_entries : *it;
    };
    for (std::size_t i = 0; i < m_actors.size(); ++i) actor_at.emplace(m_actors[i].name, i);
    for (std::size_t i = 0; i < m_places.size(); ++i) place_at.emplace(m_places[i].name, i);
    for (const auto& e : list("actors")) {
        ActorEntry a;
        a.name = name_of(e, "actor");
        a.kind = e.value("kind", "");
        a.represents = e.value("represents", "");
        a.aliases = strings(e, "aliases", origin, a.name);
        a.metonyms = strings(e, "metonyms", origin, a.name);
        a.adjectives = strings(e, "adjectives", origin, a.name);
        a.nouns = strings(e, "nouns", origin, a.name);
        if (auto at = actor_at.find(a.name); at != actor_at.end()) {
            ActorEntry& old = m_actors[at->second];
            if (!a.kind.empty()) old.kind = a.kind;
            if (!a.represents.empty()) old.represents = a.represents;
            add_unique(old.aliases, a.aliases);
            add_unique(old.metonyms, a.metonyms);
            add_unique(old.adjectives, a.adjectives);
            add_unique(old.nouns, a.nouns);
        } else {
            actor_at.emplace(a.name, m_actors.size());
            m_actors.push_back(std::move(a));
        }
    }
    for (const auto& e : list("places")) {
        PlaceEntry p;
        p.name = name_of(e, "place");
        p.kind = e.value("kind", "");
        p.lat = coord(e, "lat", 90, origin, p.name);
        p.lon = coord(e, "lon", 180, origin, p.name);
        p.country = e.value("country", "");
        p.aliases = strings(e, "aliases", origin, p.name);
        p.nouns = strings(e, "nouns", origin, p.name);
        if (auto at = place_at.find(p.name); at != place_at.end()) {
            PlaceEntry& old = m_places[at->second];
            if (!p.kind.empty()) old.kind = p.kind;
            if (p.lat) old.lat = p.lat;
            if (p.lon) old.lon = p.lon;
            if (!p.country.empty()) old.country = p.country;
            add_unique(old.aliases, p.aliases);
            add_unique(old.nouns, p.nouns);
        } else {
            place_at.emplace(p.name, m_places.size());
            m_places.push_back(std::move(p));
        }
    }
    for (const auto& e : list("conflicts")) {
        ConflictEntry c;
        c.name = name_of(e, "conflict");
        c.parties = strings(e, "parties", origin, c.name);
        c.places = strings(e, "places", origin, c.name);
        m_conflicts.push_back(std::move(c));
    }
}

void Gazetteer::build_index() {
    auto index = std::make_shared<Index>();
    // Keyed by the first word, lower-cased; patterns longest first.
    std::unordered_map<std::string, std::vector<Index::Pattern>> by_first;
    std::unordered_map<std::string, std::vector<GazetteerRef>> nouns;  // lower-cased noun
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // reused from phrase to phrase
    auto add = [&](const std::string& phrase, GazetteerRef ref) {
        std::vector<std::string> words;
        split_words(phrase, 0, phrase.size(), spans);
        for (auto [b, e] : spans) words.emplace_back(phrase.substr(b, e - b));
        // "the United Nations" is matched as "United Nations": a leading article
        // would let a shorter name start earlier and hide a longer one
        // ("the United Nations Supreme Court").
        if (words.size() > 1 && equals_ci(words.front(), "the")) words.erase(words.begin());
        if (words.empty()) return;
        auto& list = by_first[lower(words.front())];
        for (auto& p : list)
            if (p.words == words) {
                p.refs.push_back(ref);
                return;
            }
        std::vector<char> upper;
        for (const auto& w : words) upper.push_back(has_upper(w) ? 1 : 0);
        list.push_back({std::move(words), std::move(upper), {ref}});
    };
    using K = GazetteerRef::Kind;
    using H = GazetteerRef::How;
    for (std::size_t i = 0; i < m_actors.size(); ++i) {
        const auto& a = m_actors[i];
        add(a.name, {K::actor, i, H::name});
        for (const auto& s : a.aliases) add(s, {K::actor, i, H::name});
        for (const auto& s : a.metonyms) add(s, {K::actor, i, H::metonym});
        for (const auto& s : a.adjectives) add(s, {K::actor, i, H::adjective});
        for (const auto& s : a.nouns) nouns[lower(s)].push_back({K::actor, i, H::noun});
    }
    for (std::size_t i = 0; i < m_places.size(); ++i) {
        const auto& p = m_places[i];
        add(p.name, {K::place, i, H::name});
        for (const auto& s : p.aliases) add(s, {K::place, i, H::name});
        for (const auto& s : p.nouns) nouns[lower(s)].push_back({K::place, i, H::noun});
    }
    for (auto& [first, list] : by_first)
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });

    // One entry per key of either map, then the open-addressing table over them.
    std::unordered_map<std::string, std::size_t> entry_of;
    auto entry = [&](const std::string& key) -> Index::Entry& {
        auto [it, added] = entry_of.emplace(key, index->entries.size());
        if (added) index->entries.emplace_back();
        return index->entries[it->second];
    };
    for (auto& [first, list] : by_first) entry(first).patterns = std::move(list);
    for (auto& [noun, refs] : nouns) entry(noun).nouns = std::move(refs);
    std::size_t size = 16;
    while (size < 4 * entry_of.size()) size *= 2;
    index->slots.resize(size);
    index->mask = size - 1;
    for (auto& [key, at] : entry_of) {
        const std::uint64_t hash = hash_lower(key);
        std::size_t i = hash & index->mask;
        while (index->slots[i].entry != 0) i = (i + 1) & index->mask;
        index->slots[i] = {hash, key, static_cast<std::uint32_t>(at + 1)};
    }
    m_index = std::move(index);
}

std::optional<std::size_t> Gazetteer::find_actor(std::string_view name) const {
    for (std::size_t i = 0; i < m_actors.size(); ++i)
        if (m_actors[i].name == name) return i;
    return std::nullopt;
}

std::optional<std::size_t> Gazetteer::find_place(std::string_view name) const {
    for (std::size_t i = 0; i < m_places.size(); ++i)
        if (m_places[i].name == name) return i;
    return std::nullopt;
}

std::vector<GazetteerMatch> Gazetteer::match(std::string_view text, std::size_t begin, std::size_t end) const {
    return match(text, split_words(text, begin, end));
}

std::vector<GazetteerMatch> Gazetteer::match(std::string_view text,
                                             const std::vector<std::pair<std::size_t, std::size_t>>& words) const {
    std::vector<std::uint64_t> hashes(words.size());
    for (std::size_t k = 0; k < words.size(); ++k)
        hashes[k] = hash_lower(text.substr(words[k].first, words[k].second - words[k].first));
    std::vector<GazetteerMatch> out;
    match(text, words, hashes, out);
    return out;
}

void Gazetteer::match(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& words,
                      std::span<const std::uint64_t> word_hashes, std::vector<GazetteerMatch>& out) const {
    out.clear();
    const char* const t = text.data();
    auto word = [&](std::size_t k) { return std::string_view(t + words[k].first, words[k].second - words[k].first); };
    const Index& index = *m_index;
    for (std::size_t k = 0; k < words.size();) {
        const std::string_view w = word(k);
        // A possessive "'s" belongs to the name before it: "Azerbaijan's".
        const std::string_view base = strip_possessive(w);
        std::size_t matched = 0;
        const Index::Pattern* best = nullptr;
        // Most words have no "'s": then the second form would repeat the first lookup.
        const bool possessive = base.size() != w.size();
        const Index::Entry* base_entry = nullptr;  // the entry of `base`, for nouns below
        for (int f = 0; f < (possessive ? 2 : 1); ++f) {
            const Index::Entry* entry = f == 0 ? index.find(w, word_hashes[k]) : index.find(base);
            if (f == 1 || !possessive) base_entry = entry;
            if (!entry) continue;
            for (const auto& p : entry->patterns) {
                if (p.words.size() <= matched || k + p.words.size() > words.size()) continue;
                bool ok = true;
                // The look-up already matched the first word case-insensitively: that
                // is all a lower-case pattern word asks of the word itself.
                const std::size_t first = f == 0 && p.upper[0] == 0 ? 1 : 0;
                for (std::size_t m = first; m < p.words.size() && ok; ++m) {
                    std::string_view tw = word(k + m);
                    const bool upper = p.upper[m] != 0;
                    if (m + 1 == p.words.size()) {
                        ok = word_matches(p.words[m], upper, tw) || word_matches(p.words[m], upper, strip_possessive(tw));
                    } else {
                        ok = word_matches(p.words[m], upper, tw);
                    }
                }
                if (ok) {
                    matched = p.words.size();
                    best = &p;
                    break;  // longest first
                }
            }
        }
        if (best) {
            std::size_t e = words[k + matched - 1].second;
            std::string_view last = word(k + matched - 1);
            if (strip_possessive(last).size() != last.size() && !has_suffix_ci(best->words.back(), "'s"))
                e -= last.size() - strip_possessive(last).size();
            out.push_back({words[k].first, e, best->refs});
            k += matched;
            continue;
        }
        // "the court", "the enclave": a noun that refers back to something named before.
        if (base_entry && !base_entry->nouns.empty() && k > 0 && equals_ci(word(k - 1), "the")) {
            out.push_back({words[k - 1].first, words[k].first + base.size(), base_entry->nouns});
            ++k;
            continue;
        }
        ++k;
    }
}

}  // namespace dateline
