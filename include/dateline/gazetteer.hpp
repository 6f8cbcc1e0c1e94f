// Gazetteer: actors and places with aliases, metonyms and coordinates.
#pragma once

#include "dateline/data_files.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

struct ActorEntry {
    std::string name;                 // canonical
    std::string kind;                 // state, organisation, court, armed_force, person, group
    std::string represents;           // persons, ministries, forces: the actor they stand for ("Russia")
    std::vector<std::string> aliases; // names that mean this actor outright
    std::vector<std::string> metonyms;// capitals etc.: mean the actor when they act ("Baku denies")
    std::vector<std::string> adjectives; // demonyms: "Azerbaijani", "Armenian"
    std::vector<std::string> nouns;   // definite descriptions: "court" for "the court"
};

struct PlaceEntry {
    std::string name;
    std::string kind;  // country, region, city, corridor, ...
    std::optional<double> lat;
    std::optional<double> lon;
    std::string country;
    std::vector<std::string> aliases;
    std::vector<std::string> nouns;   // "enclave", "region" for "the enclave"
};

/// A known conflict: its parties fill in the other side of a dyadic event
/// ("a second war" in an article about Karabakh is Armenia vs Azerbaijan).
struct ConflictEntry {
    std::string name;
    std::vector<std::string> parties;
    std::vector<std::string> places;
};

/// One thing a matched phrase may refer to.
struct GazetteerRef {
    enum class Kind { actor, place } kind = Kind::actor;
    std::size_t index = 0;  // into actors() or places()
    enum class How { name, metonym, adjective, noun } how = How::name;
};

/// A phrase in the text and everything it may refer to ("Baku": the actor
/// Azerbaijan by metonymy and the city Baku). For `noun` refs ("the court")
/// every entry with that noun is listed; the caller picks the one last named.
/// `refs` points into the Gazetteer's index: valid as long as the Gazetteer is.
struct GazetteerMatch {
    std::size_t begin = 0;  // byte offsets in the text
    std::size_t end = 0;
    std::span<const GazetteerRef> refs;
    std::size_t word = 0;      // its words, [word, word_end), in the words it was matched in
    std::size_t word_end = 0;
};

/// Loaded from DataFiles "gazetteer/*.json" (in path order; a later entry with
/// the same name adds aliases and replaces set fields). Throws DataError naming
/// the file on malformed JSON.
class Gazetteer {
public:
    explicit Gazetteer(const DataFiles& files);

    const std::vector<ActorEntry>& actors() const { return m_actors; }
    const std::vector<PlaceEntry>& places() const { return m_places; }
    const std::vector<ConflictEntry>& conflicts() const { return m_conflicts; }
    std::optional<std::size_t> find_actor(std::string_view name) const;
    std::optional<std::size_t> find_place(std::string_view name) const;

    /// Longest-match lookup of names in text[begin, end), on word boundaries,
    /// case-sensitive for capitalised names. Matches are in text order, not overlapping.
    /// Nouns match only after "the" ("the court", "the enclave").
    std::vector<GazetteerMatch> match(std::string_view text, std::size_t begin, std::size_t end) const;
    /// The same, on words the caller has already split: `words` must be what the
    /// word splitter of the extractor gives for text[begin, end) (byte ranges into text).
    std::vector<GazetteerMatch> match(std::string_view text,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& words) const;
    /// The same into `out` (cleared first), with `word_hashes[k]` the case-folded
    /// hash of word k as the extractor computes it for its own look-ups
    /// (`hash_lower` of src/text_util.hpp): each word is then hashed once per sentence.
    void match(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& words,
               std::span<const std::uint64_t> word_hashes, std::vector<GazetteerMatch>& out) const;
    /// The words the name index is keyed by, lower-cased (ASCII): the first words
    /// of names and the nouns. A caller that looks every word of a text up in a
    /// table of its own may list them there and hand match_entries() what it found.
    /// Views into the Gazetteer: valid as long as it is.
    std::vector<std::string_view> index_keys() const;
    /// match() with the look-up done: `word_entries[k]` is 1 + the position in
    /// index_keys() of word k lower-cased (ASCII), or 0 when it is none of them.
    void match_entries(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& words,
                       std::span<const std::uint32_t> word_entries, std::vector<GazetteerMatch>& out) const;
    /// The same, looking only at the words listed in `candidates` (ascending): it
    /// must list at least every word k with `word_entries[k] != 0` and every
    /// possessive (a word of more than two bytes that ends in "'s" or "'S", or of
    /// more than four that ends in U+2019 and "s"), whose base may be a key. The
    /// others can begin no match; the result is that of the overload above. (`words`
    /// as a span: the extractor hands it words that are not in a vector of its own.)
    void match_entries(std::string_view text, std::span<const std::pair<std::size_t, std::size_t>> words,
                       std::span<const std::uint32_t> word_entries, std::span<const std::uint32_t> candidates,
                       std::vector<GazetteerMatch>& out) const;

    struct Index;  // defined in gazetteer.cpp

private:
    struct NameIndex;  // names -> entries while the files load (gazetteer.cpp)
    void load(const std::string& json, const std::string& origin, NameIndex& names);
    void build_index();
    std::vector<ActorEntry> m_actors;
    std::vector<PlaceEntry> m_places;
    std::vector<ConflictEntry> m_conflicts;
    std::shared_ptr<const Index> m_index;
};

}  // namespace dateline
