// Gazetteer: loading actors, places and conflicts from data, and longest-match lookup in text.
#include "dateline/gazetteer.hpp"

#include "dateline/error.hpp"
#include "data_json.hpp"
#include "probe_table.hpp"
#include "text_util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdint>
#include <unordered_map>

namespace dateline {

namespace {
// What two words equal but for ASCII case (equals_ci) have in common: the size (up to 255)
// and the first two and the last byte lower-cased. Equal keys are needed for equals_ci,
// and so for word_matches.
inline std::uint32_t ci_key(std::string_view w) {
    if (w.empty()) return 0;
    auto lc = [](char c) { return static_cast<std::uint32_t>(static_cast<unsigned char>(lower_char(c))); };
    return static_cast<std::uint32_t>(std::min<std::size_t>(w.size(), 255)) | lc(w[0]) << 8 |
           (w.size() > 1 ? lc(w[1]) : 0u) << 16 | lc(w.back()) << 24;
}
// One bit of 64 for a ci_key.
inline std::uint64_t ci_key_bit(std::uint32_t key) {
    return std::uint64_t{1} << ((std::uint64_t{key} * 0x9E3779B97F4A7C15ull) >> 58);
}
}  // namespace

struct Gazetteer::Index {
    // Views into the arrays below (built once, in build_index).
    struct Pattern {
        std::span<const std::string_view> words;  // as written in the data
        std::span<const char> upper;              // per word: has a capital (matched case-sensitively)
        std::span<const GazetteerRef> refs;
        // For a pattern of two words or more: ci_key(words[1]), which a text word matching
        // words[1] has too (a filter tried before the words are compared).
        std::uint32_t second = 0;
    };
    // What a lower-cased word may begin: patterns keyed by their first word
    // (longest first) and the refs of the noun it is ("court").
    struct Entry {
        std::span<const Pattern> patterns;
        std::span<const GazetteerRef> nouns;
        // Its patterns of two words or more (the first `n_long`, longest first) and a bit per
        // their second words' key (ci_key_bit): a word whose next word sets no bit begins
        // none of them, and the walk starts at the patterns of one word.
        std::uint32_t n_long = 0;
        std::uint64_t seconds = 0;
    };
    std::vector<Entry> entries;
    // Lower-cased word -> entries index + 1 (0: empty slot), open addressing with
    // linear probing, at most a quarter full. A text word is hashed and compared
    // lower-cased on the fly: no lower-cased copy, and most words end at an empty slot.
    // The key's hash is kept: a probe that meets another word mostly stops at it.
    struct Slot {
        std::uint64_t hash = 0;
        std::string_view key;  // into `text`
        std::uint32_t entry = 0;
        bool empty() const { return entry == 0; }
    };
    ProbeTable<Slot> table;

    // What the views above point into: a few arrays, not a few allocations per
    // name (start-up time). Sized before they are filled: they never move.
    std::string text;  // the keys (lower-cased) and the pattern words
    std::vector<std::string_view> words;
    std::vector<char> upper;
    std::vector<GazetteerRef> refs;
    std::vector<Pattern> patterns;

    /// The entry of `word` compared case-insensitively (ASCII), or nullptr.
    const Entry* find(std::string_view word) const { return find(word, hash_lower(word)); }
    /// The same, `hash` being hash_lower(word).
    const Entry* find(std::string_view word, std::uint64_t hash) const {
        const Slot* slot = table.find(hash, [&](const Slot& s) {
            return s.hash == hash && s.key.size() == word.size() && equals_lower(s.key, word);
        });
        return slot ? &entries[slot->entry - 1] : nullptr;
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

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
    for (const auto& s : from)
        if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

// A word of a pattern matches a word of text: exactly when the pattern word has
// a capital (proper names are case-sensitive), case-insensitively otherwise.
// `upper` is has_upper(pattern), computed when the index is built.
[[gnu::always_inline]] inline bool word_matches(std::string_view pattern, bool upper, std::string_view text) {
    if (pattern.size() != text.size()) return false;
    if (upper) {
        if (same_bytes(pattern, text)) return true;
        // An all-capitals text word ("BAKU" in a shouted headline) still matches.
        return is_all_upper(text) && equals_ci(pattern, text);
    }
    return equals_ci(pattern, text);
}

}  // namespace

// Name -> index, so that merging an entry with one of an earlier file is a
// lookup (find_actor is linear: quadratic over the ~1,300 entries at start-up).
// Kept from file to file. (Keys are copies: views into the entries would dangle
// when the vectors grow.)
struct Gazetteer::NameIndex {
    std::unordered_map<std::string, std::size_t> actor_at, place_at;
};

Gazetteer::Gazetteer(const DataFiles& files) {
    NameIndex names;
    names.actor_at.reserve(1024);
    names.place_at.reserve(1024);
    for (const auto& path : files.list("gazetteer/")) load(files.get(path), files.origin(path), names);
    build_index();
}

namespace {

/// Reads a gazetteer file as a stream of JSON events (nlohmann's SAX interface)
/// straight into entries: no document tree is built, which was two thirds of the
/// start-up cost of `dateline extract`. Fields may come in any order; an entry is
/// checked and handed on when its object closes. Unknown keys are skipped.
class EntryReader {
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    enum class Section { none, actors, places, conflicts };
    /// One entry as read, before the checks.
    struct Raw {
        bool object = false;
        std::string name, kind, represents, country;
        bool name_string = false;
        const char* wrong_scalar = nullptr;  // a string field of another type
        std::vector<std::string> lists[7];   // by list_slot()
        const char* not_array = nullptr;     // a list field that is not an array
        const char* not_strings = nullptr;   // a list field holding something else
        std::optional<double> lat, lon;
        const char* not_number = nullptr;    // lat/lon of another type
    };
    std::function<void(Section, Raw&)> on_entry;

    EntryReader(const std::string& origin) : m_origin(origin) {}

    bool null() { return scalar(Value::null, {}, 0); }
    bool boolean(bool) { return scalar(Value::other, {}, 0); }
    bool number_integer(number_integer_t v) { return scalar(Value::number, {}, static_cast<double>(v)); }
    bool number_unsigned(number_unsigned_t v) { return scalar(Value::number, {}, static_cast<double>(v)); }
    bool number_float(number_float_t v, const string_t&) { return scalar(Value::number, {}, v); }
    bool string(string_t& v) { return scalar(Value::string, v, 0); }
    bool string(std::string_view v) { return scalar(Value::string, v, 0); }  // from data_json::replay
    bool binary(binary_t&) { return scalar(Value::other, {}, 0); }

    bool start_object(std::size_t) {
        if (m_skip) return ++m_skip, true;
        switch (m_depth) {
            case 0: break;  // the file's object
            case 1: return start_skipping_or_wrong_section();
            case 2:  // an entry
                m_raw = Raw{};
                m_raw.object = true;
                break;
            case 3: return field_of_other_type();
            default: return list_item_of_other_type();
        }
        ++m_depth;
        return true;
    }
    bool end_object() {
        if (m_skip) return --m_skip, true;
        --m_depth;
        if (m_depth == 2) on_entry(m_section, m_raw);
        return true;
    }
    bool start_array(std::size_t) {
        if (m_skip) return ++m_skip, true;
        switch (m_depth) {
            case 0: fail("expected an object with actors/places/conflicts");
            case 1:
                if (m_section == Section::none) return m_skip = 1, true;
                break;
            case 2: {  // an entry that is an array
                Raw raw;
                on_entry(m_section, raw);  // throws: no name
                return false;
            }
            case 3:
                m_list = list_slot(m_key);
                if (m_list < 0) return field_of_other_type();
                break;
            default: return list_item_of_other_type();
        }
        ++m_depth;
        return true;
    }
    bool end_array() {
        if (m_skip) return --m_skip, true;
        --m_depth;
        if (m_depth == 1) m_section = Section::none;
        return true;
    }
    bool key(string_t& k) { return key(std::string_view(k)); }
    bool key(std::string_view k) {
        if (m_skip) return true;
        if (m_depth == 1) {
            m_section = k == "actors" ? Section::actors : k == "places" ? Section::places
                      : k == "conflicts" ? Section::conflicts : Section::none;
            m_section_key = k;
        } else {
            m_key = k;
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const json::exception& e) {
        throw DataError(fmt::format("{}: malformed JSON: {}", m_origin, e.what()));
    }

    static constexpr const char* k_list_keys[7] = {"aliases", "metonyms", "adjectives", "nouns", "parties", "places", ""};
    static int list_slot(std::string_view key) {
        for (int i = 0; i < 6; ++i)
            if (key == k_list_keys[i]) return i;
        return -1;
    }

private:
    enum class Value { null, string, number, other };

    [[noreturn]] void fail(const std::string& what) const { throw DataError(fmt::format("{}: {}", m_origin, what)); }

    bool start_skipping_or_wrong_section() {
        if (m_section != Section::none)
            fail(fmt::format("\"{}\" must be an array of entries", m_section_key));
        m_skip = 1;
        return true;
    }
    // An object or array where a field's value should be a string or number.
    bool field_of_other_type() {
        note_field_type(Value::other);
        m_skip = 1;
        return true;
    }
    bool list_item_of_other_type() {
        if (!m_raw.not_strings) m_raw.not_strings = k_list_keys[m_list];
        m_skip = 1;
        return true;
    }

    bool scalar(Value type, std::string_view text, double number) {
        if (m_skip) return true;
        switch (m_depth) {
            case 0: fail("expected an object with actors/places/conflicts");
            case 1:
                if (m_section != Section::none && type != Value::null)
                    fail(fmt::format("\"{}\" must be an array of entries", m_section_key));
                return true;
            case 2: {  // an entry that is not an object
                Raw raw;
                on_entry(m_section, raw);  // throws: no name
                return false;
            }
            case 3:
                if (type == Value::string) {
                    if (std::string* field = string_field(m_key)) {
                        *field = text;
                        if (field == &m_raw.name) m_raw.name_string = true;
                        return true;
                    }
                } else if (type == Value::number) {
                    if (m_key == "lat") return m_raw.lat = number, true;
                    if (m_key == "lon") return m_raw.lon = number, true;
                }
                if (type != Value::null) note_field_type(type);
                return true;
            default:
                if (type == Value::string) m_raw.lists[m_list].emplace_back(text);
                else if (!m_raw.not_strings) m_raw.not_strings = k_list_keys[m_list];
                return true;
        }
    }
    std::string* string_field(std::string_view key) {
        if (key == "name") return &m_raw.name;
        if (key == "kind") return &m_raw.kind;
        if (key == "represents") return &m_raw.represents;
        if (key == "country") return &m_raw.country;
        return nullptr;
    }
    // A known field whose value has the wrong type (unknown keys take anything).
    void note_field_type(Value type) {
        if (m_key == "name") {
            m_raw.name_string = false;
        } else if (string_field(m_key)) {
            if (!m_raw.wrong_scalar) m_raw.wrong_scalar = m_key == "kind" ? "kind" : m_key == "represents" ? "represents" : "country";
        } else if (int slot = list_slot(m_key); slot >= 0) {
            if (!m_raw.not_array) m_raw.not_array = k_list_keys[slot];
        } else if ((m_key == "lat" || m_key == "lon") && type != Value::number) {
            if (!m_raw.not_number) m_raw.not_number = m_key == "lat" ? "lat" : "lon";
        }
    }

    const std::string& m_origin;
    int m_depth = 0;
    int m_skip = 0;  // > 0: inside a value being skipped, its nesting depth
    Section m_section = Section::none;
    std::string m_section_key;
    std::string m_key;
    int m_list = 6;
    Raw m_raw;
};

}  // namespace

void Gazetteer::load(const std::string& text, const std::string& origin, NameIndex& names) {
    auto& actor_at = names.actor_at;
    auto& place_at = names.place_at;

    using Section = EntryReader::Section;
    EntryReader reader(origin);
    reader.on_entry = [&](Section section, EntryReader::Raw& raw) {
        const char* what = section == Section::actors ? "actor" : section == Section::places ? "place" : "conflict";
        if (!raw.object || !raw.name_string || raw.name.empty())
            throw DataError(fmt::format("{}: every {} needs a non-empty \"name\"", origin, what));
        if (raw.wrong_scalar)
            throw DataError(fmt::format("{}: entry '{}': \"{}\" must be a string", origin, raw.name, raw.wrong_scalar));
        if (raw.not_array)
            throw DataError(fmt::format("{}: entry '{}': \"{}\" must be an array of strings", origin, raw.name, raw.not_array));
        if (raw.not_strings)
            throw DataError(fmt::format("{}: entry '{}': \"{}\" must hold strings", origin, raw.name, raw.not_strings));
        auto& lists = raw.lists;
        if (section == Section::actors) {
            ActorEntry a;
            a.name = std::move(raw.name);
            a.kind = std::move(raw.kind);
            a.represents = std::move(raw.represents);
            a.aliases = std::move(lists[0]);
            a.metonyms = std::move(lists[1]);
            a.adjectives = std::move(lists[2]);
            a.nouns = std::move(lists[3]);
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
        } else if (section == Section::places) {
            auto check = [&](const std::optional<double>& v, const char* key, double limit) {
                if ((raw.not_number && std::string_view(raw.not_number) == key) || (v && std::abs(*v) > limit))
                    throw DataError(fmt::format("{}: place '{}': \"{}\" must be a number within ±{}", origin, raw.name, key, limit));
            };
            check(raw.lat, "lat", 90);
            check(raw.lon, "lon", 180);
            PlaceEntry p;
            p.name = std::move(raw.name);
            p.kind = std::move(raw.kind);
            p.lat = raw.lat;
            p.lon = raw.lon;
            p.country = std::move(raw.country);
            p.aliases = std::move(lists[0]);
            p.nouns = std::move(lists[3]);
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
        } else {
            ConflictEntry c;
            c.name = std::move(raw.name);
            c.parties = std::move(lists[4]);
            c.places = std::move(lists[5]);
            m_conflicts.push_back(std::move(c));
        }
    };
    // Our own tokenizer first (a tenth of nlohmann's cost); on anything it does
    // not take, nlohmann, whose message tells what is wrong and where.
    std::vector<data_json::Token> tokens;
    std::string decoded;
    if (data_json::tokenize(text, tokens, decoded)) data_json::replay(tokens, reader);
    else json::sax_parse(text, &reader);
}

void Gazetteer::build_index() {
    auto index = std::make_shared<Index>();
    using K = GazetteerRef::Kind;
    using H = GazetteerRef::How;
    // Every phrase and noun in the order the index lists them (the order of their refs).
    auto for_each_name = [&](auto&& phrase, auto&& noun) {
        for (std::size_t i = 0; i < m_actors.size(); ++i) {
            const auto& a = m_actors[i];
            phrase(a.name, GazetteerRef{K::actor, i, H::name});
            for (const auto& s : a.aliases) phrase(s, GazetteerRef{K::actor, i, H::name});
            for (const auto& s : a.metonyms) phrase(s, GazetteerRef{K::actor, i, H::metonym});
            for (const auto& s : a.adjectives) phrase(s, GazetteerRef{K::actor, i, H::adjective});
            for (const auto& s : a.nouns) noun(s, GazetteerRef{K::actor, i, H::noun});
        }
        for (std::size_t i = 0; i < m_places.size(); ++i) {
            const auto& p = m_places[i];
            phrase(p.name, GazetteerRef{K::place, i, H::name});
            for (const auto& s : p.aliases) phrase(s, GazetteerRef{K::place, i, H::name});
            for (const auto& s : p.nouns) noun(s, GazetteerRef{K::place, i, H::noun});
        }
    };
    // Sizes first: every array is allocated once.
    std::size_t n_phrases = 0, n_nouns = 0, phrase_bytes = 0, noun_bytes = 0;
    for_each_name([&](const std::string& s, GazetteerRef) { ++n_phrases, phrase_bytes += s.size(); },
                  [&](const std::string& s, GazetteerRef) { ++n_nouns, noun_bytes += s.size(); });
    // The keys (first words, nouns) lower-cased, then the pattern words: no more than this.
    index->text.reserve(2 * phrase_bytes + noun_bytes);
    constexpr std::uint32_t none = UINT32_MAX;
    // While building: each key's patterns, and each pattern's refs, as lists linked
    // in the order they came (the lists the index keeps, in that order).
    struct KeyBuild {
        std::string_view key;
        std::uint32_t first_pattern = none, last_pattern = none, n_patterns = 0;
        std::uint32_t first_noun = none, last_noun = none;
    };
    struct PatternBuild {
        std::uint32_t words = 0, n_words = 0;  // in `words` (views into the entries' strings)
        std::uint32_t first_ref = none, last_ref = none;
        std::uint32_t next = none;
    };
    struct RefBuild {
        GazetteerRef ref;
        std::uint32_t next = none;
    };
    std::vector<KeyBuild> keys;
    std::vector<PatternBuild> patterns;
    std::vector<RefBuild> refs;
    std::vector<std::string_view> words;
    keys.reserve(n_phrases + n_nouns);
    words.reserve(3 * n_phrases);  // names are mostly of one to three words
    patterns.reserve(n_phrases);
    refs.reserve(n_phrases + n_nouns);
    // Key -> keys index, open addressing over at least four times the keys there can be.
    struct KeySlot {
        std::uint64_t hash = 0;
        std::uint32_t key = none;
        bool empty() const { return key == none; }
    };
    using KeyTable = ProbeTable<KeySlot>;
    KeyTable table(KeyTable::size_for(n_phrases + n_nouns, 4));
    auto key_of = [&](std::string_view lowered) -> KeyBuild& {
        const std::uint64_t hash = hash_lowered(lowered);
        KeySlot& slot = table.probe(hash, [&](const KeySlot& s) { return s.hash == hash && keys[s.key].key == lowered; });
        if (!slot.empty()) return keys[slot.key];
        slot = {hash, static_cast<std::uint32_t>(keys.size())};
        const std::size_t at = index->text.size();
        index->text.append(lowered);
        keys.push_back(KeyBuild{std::string_view(index->text).substr(at, lowered.size())});
        return keys.back();
    };
    auto add_ref = [&](std::uint32_t& first, std::uint32_t& last, GazetteerRef ref) {
        const auto r = static_cast<std::uint32_t>(refs.size());
        refs.push_back({ref, none});
        (first == none ? first : refs[last].next) = r;
        last = r;
    };

    // Phrase (its words as written) -> patterns index.
    KeyTable phrase_table(KeyTable::size_for(n_phrases, 4));
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // reused from phrase to phrase
    std::string lowered;  // reused
    auto phrase = [&](const std::string& text, GazetteerRef ref) {
        split_words(text, 0, text.size(), spans);
        auto word = [&](std::size_t k) {
            return std::string_view(text).substr(spans[k].first, spans[k].second - spans[k].first);
        };
        // "the United Nations" is matched as "United Nations": a leading article
        // would let a shorter name start earlier and hide a longer one
        // ("the United Nations Supreme Court").
        const std::size_t from = spans.size() > 1 && equals_ci(word(0), "the") ? 1 : 0;
        if (spans.size() == from) return;
        const std::size_t n = spans.size() - from;
        lowered.assign(word(from));
        for (char& c : lowered) c = lower_char(c);
        KeyBuild& key = key_of(lowered);
        // A phrase already listed (an alias that repeats a name) gets one more ref:
        // found by the hash of its words (a key may begin a hundred patterns: "Republic").
        std::uint64_t hash = k_phrase_hash_seed;
        for (std::size_t k = from; k < spans.size(); ++k) hash = phrase_hash_add(hash, word(k));
        KeySlot& slot = phrase_table.probe(hash, [&](const KeySlot& s) {
            if (s.hash != hash) return false;
            const PatternBuild& pattern = patterns[s.key];
            if (pattern.n_words != n) return false;
            std::size_t k = 0;
            while (k < n && words[pattern.words + k] == word(from + k)) ++k;
            return k == n;
        });
        if (!slot.empty()) {
            PatternBuild& pattern = patterns[slot.key];
            add_ref(pattern.first_ref, pattern.last_ref, ref);
            return;
        }
        const auto p = static_cast<std::uint32_t>(patterns.size());
        slot = {hash, p};
        patterns.push_back({static_cast<std::uint32_t>(words.size()), static_cast<std::uint32_t>(n)});
        for (std::size_t k = from; k < spans.size(); ++k) words.push_back(word(k));
        add_ref(patterns.back().first_ref, patterns.back().last_ref, ref);
        (key.first_pattern == none ? key.first_pattern : patterns[key.last_pattern].next) = p;
        key.last_pattern = p;
        ++key.n_patterns;
    };
    auto noun = [&](const std::string& text, GazetteerRef ref) {
        lowered.assign(text);
        for (char& c : lowered) c = lower_char(c);
        KeyBuild& key = key_of(lowered);
        add_ref(key.first_noun, key.last_noun, ref);
    };
    for_each_name(phrase, noun);

    // The index: per key its patterns longest first (in the order they came among
    // those of a length), each with its words and refs, then the key's nouns.
    index->words.reserve(words.size());
    index->upper.reserve(words.size());
    index->refs.reserve(refs.size());
    index->patterns.reserve(patterns.size());
    index->entries.resize(keys.size());
    std::vector<std::uint32_t> order;  // a key's patterns
    for (std::size_t e = 0; e < keys.size(); ++e) {
        const KeyBuild& key = keys[e];
        order.clear();
        for (std::uint32_t p = key.first_pattern; p != none; p = patterns[p].next) order.push_back(p);
        // Longest first, stable: an insertion sort (most keys begin one or two patterns;
        // std::stable_sort would allocate a buffer for each).
        for (std::size_t i = 1; i < order.size(); ++i) {
            const std::uint32_t p = order[i];
            std::size_t j = i;
            for (; j > 0 && patterns[order[j - 1]].n_words < patterns[p].n_words; --j) order[j] = order[j - 1];
            order[j] = p;
        }
        const std::size_t first_pattern = index->patterns.size();
        for (const std::uint32_t p : order) {
            const PatternBuild& pb = patterns[p];
            const std::uint32_t second = pb.n_words >= 2 ? ci_key(words[pb.words + 1]) : 0;
            if (pb.n_words >= 2) {
                ++index->entries[e].n_long;
                index->entries[e].seconds |= ci_key_bit(second);
            }
            const std::size_t w0 = index->words.size();
            for (std::size_t k = 0; k < pb.n_words; ++k) {
                const std::string_view w = words[pb.words + k];
                const std::size_t at = index->text.size();
                index->text.append(w);
                index->words.push_back(std::string_view(index->text).substr(at, w.size()));
                index->upper.push_back(has_upper(w) ? 1 : 0);
            }
            const std::size_t r0 = index->refs.size();
            for (std::uint32_t r = pb.first_ref; r != none; r = refs[r].next) index->refs.push_back(refs[r].ref);
            index->patterns.push_back({std::span<const std::string_view>(index->words.data() + w0, pb.n_words),
                                       std::span<const char>(index->upper.data() + w0, pb.n_words),
                                       std::span<const GazetteerRef>(index->refs.data() + r0, index->refs.size() - r0),
                                       second});
        }
        const std::size_t r0 = index->refs.size();
        for (std::uint32_t r = key.first_noun; r != none; r = refs[r].next) index->refs.push_back(refs[r].ref);
        index->entries[e].patterns =
            std::span<const Index::Pattern>(index->patterns.data() + first_pattern, index->patterns.size() - first_pattern);
        index->entries[e].nouns = std::span<const GazetteerRef>(index->refs.data() + r0, index->refs.size() - r0);
    }

    // The open-addressing table over the keys.
    index->table.reset(ProbeTable<Index::Slot>::size_for(keys.size(), 4));
    for (std::size_t e = 0; e < keys.size(); ++e) {
        const std::uint64_t hash = hash_lowered(keys[e].key);
        index->table.free_slot(hash) = {hash, keys[e].key, static_cast<std::uint32_t>(e + 1)};
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

namespace {

// The longest-match scan of Gazetteer::match, `entry_of(k)` giving the entry of
// word k lower-cased (or nullptr) as the caller found it.
//
// `Next(k)` gives the first word at or after k that may begin a match (or
// words.size()): every word, or, for a caller that knows, only the words with
// an entry or ending in "s" (a possessive's base may have one). A word that is
// neither begins nothing: the scan below would only step over it.
template <typename EntryOf, typename Next>
void match_words(const Gazetteer::Index& index, std::string_view text,
                 std::span<const std::pair<std::size_t, std::size_t>> words, EntryOf entry_of, Next next,
                 std::vector<GazetteerMatch>& out) {
    out.clear();
    const char* const t = text.data();
    auto word = [&](std::size_t k) { return std::string_view(t + words[k].first, words[k].second - words[k].first); };
    for (std::size_t k = 0;;) {
        k = next(k);
        if (k >= words.size()) break;
        const std::string_view w = word(k);
        // A possessive "'s" belongs to the name before it: "Azerbaijan's".
        const std::string_view base = strip_possessive(w);
        std::size_t matched = 0;
        const Gazetteer::Index::Pattern* best = nullptr;
        // Most words have no "'s": then the second form would repeat the first lookup.
        const bool possessive = base.size() != w.size();
        const Gazetteer::Index::Entry* base_entry = nullptr;  // the entry of `base`, for nouns below
        // ci_key of the next word, and of it without a possessive (which only a pattern's
        // last word may have): worked out at the first pattern of two words or more.
        bool next_keyed = false;
        std::uint32_t next_key = 0, next_base_key = 0;
        for (int f = 0; f < (possessive ? 2 : 1); ++f) {
            const Gazetteer::Index::Entry* entry = f == 0 ? entry_of(k) : index.find(base);
            if (f == 1 || !possessive) base_entry = entry;
            if (!entry) continue;
            // The patterns of two words or more only when the next word may be a second word of one.
            std::size_t from = 0;
            if (entry->n_long != 0) {
                if (k + 1 >= words.size()) {
                    from = entry->n_long;  // (none of them fits)
                } else {
                    if (!next_keyed) {
                        const std::string_view nw = word(k + 1);
                        next_key = ci_key(nw);
                        next_base_key = ci_key(strip_possessive(nw));
                        next_keyed = true;
                    }
                    if ((entry->seconds & (ci_key_bit(next_key) | ci_key_bit(next_base_key))) == 0) from = entry->n_long;
                }
            }
            for (std::size_t pi = from; pi < entry->patterns.size(); ++pi) {
                const auto& p = entry->patterns[pi];
                if (p.words.size() <= matched || k + p.words.size() > words.size()) continue;
                if (p.words.size() >= 2) {
                    if (!next_keyed) {
                        const std::string_view nw = word(k + 1);
                        next_key = ci_key(nw);
                        next_base_key = ci_key(strip_possessive(nw));
                        next_keyed = true;
                    }
                    // words[1] cannot match the next word (nor, as a last word, it without "'s").
                    if (p.second != next_key && !(p.words.size() == 2 && p.second == next_base_key)) continue;
                }
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
            out.push_back({words[k].first, e, best->refs, k, k + matched});
            k += matched;
            continue;
        }
        // "the court", "the enclave": a noun that refers back to something named before.
        if (base_entry && !base_entry->nouns.empty() && k > 0 && equals_ci(word(k - 1), "the")) {
            out.push_back({words[k - 1].first, words[k].first + base.size(), base_entry->nouns, k - 1, k + 1});
            ++k;
            continue;
        }
        ++k;
    }
}

}  // namespace

void Gazetteer::match(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& words,
                      std::span<const std::uint64_t> word_hashes, std::vector<GazetteerMatch>& out) const {
    const Index& index = *m_index;
    match_words(index, text, words, [&](std::size_t k) {
        return index.find(text.substr(words[k].first, words[k].second - words[k].first), word_hashes[k]);
    }, [](std::size_t k) { return k; }, out);
}

void Gazetteer::match_entries(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& words,
                              std::span<const std::uint32_t> word_entries, std::vector<GazetteerMatch>& out) const {
    const Index& index = *m_index;
    match_words(index, text, words, [&](std::size_t k) -> const Index::Entry* {
        return word_entries[k] ? &index.entries[word_entries[k] - 1] : nullptr;
    }, [](std::size_t k) { return k; }, out);
}

void Gazetteer::match_entries(std::string_view text, std::span<const std::pair<std::size_t, std::size_t>> words,
                              std::span<const std::uint32_t> word_entries, std::span<const std::uint32_t> candidates,
                              std::vector<GazetteerMatch>& out) const {
    const Index& index = *m_index;
    std::size_t c = 0;  // candidates[c] is the next candidate not yet passed
    match_words(index, text, words, [&](std::size_t k) -> const Index::Entry* {
        return word_entries[k] ? &index.entries[word_entries[k] - 1] : nullptr;
    }, [&](std::size_t k) -> std::size_t {
        while (c < candidates.size() && candidates[c] < k) ++c;
        return c < candidates.size() ? candidates[c] : words.size();
    }, out);
}

std::vector<std::string_view> Gazetteer::index_keys() const {
    std::vector<std::string_view> keys(m_index->entries.size());
    for (const auto& slot : m_index->table.slots())
        if (!slot.empty()) keys[slot.entry - 1] = slot.key;
    return keys;
}

}  // namespace dateline
