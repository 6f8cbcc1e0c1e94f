// The event rules: triggers, actors and places per clause, timex attachment, and folding
// the same event told twice in one article.
#include "dateline/event_extractor.hpp"

#include "dateline/error.hpp"
#include "data_json.hpp"
#include "dateline/segmenter.hpp"
#include "event_json.hpp"
#include "text_util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <deque>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <map>
#include <memory>
#include <span>
#include <unordered_map>

namespace dateline {
namespace {

using json = nlohmann::json;
using WordRange = std::pair<std::size_t, std::size_t>;

// The word lists of Cues, as bits: one look-up tells every list a word is in.
enum class Cue : std::uint16_t {
    negation = 1 << 0,
    planned = 1 << 1,
    reported = 1 << 2,
    locative = 1 << 3,
    clause_break = 1 << 4,
    subordinators = 1 << 5,
    reference_determiners = 1 << 6,
    prepositions = 1 << 7,
    mediator_suffixes = 1 << 8,
    pronouns = 1 << 9,
    not_names = 1 << 10,
    light_verbs = 1 << 11,
};
// Function words the rules read, from data/events/cues.json, and the first
// words of event triggers (from EventTypes): what the rules need to know of a
// word, found with one look-up per word.
struct Cues {
    // What a lower-cased word is: the cue lists it is in and the triggers it begins.
    struct Info {
        std::uint16_t bits = 0;
        std::uint32_t gazetteer = 0;  // 1 + its place in Gazetteer::index_keys(), 0: none
        const std::vector<std::size_t>* triggers = nullptr;  // EventTypes::triggers_starting_with
    };
    // Lower-cased word -> Info, as an open-addressing table (linear probing, at
    // most a quarter full): most words of a text are in no list, and a look-up of
    // such a word mostly ends at the first, empty, slot. Keyed by the word's first
    // 8 bytes (`head`, zero-padded) and its size: a word of up to 8 bytes (most) is
    // told by two compares with a slot, no bytes compared; a longer one compares its
    // bytes after the 8th with the slot's (in `tails`). A slot is 32 bytes.
    struct Slot {
        std::uint64_t head = 0;
        const std::vector<std::size_t>* triggers = nullptr;
        std::uint32_t gazetteer = 0;
        std::uint32_t size = 0;  // the word's size + 1; 0: an empty slot
        std::uint32_t tail = 0;  // where its bytes after the 8th begin in `tails`
        std::uint16_t bits = 0;
    };
    std::vector<Slot> slots;
    std::size_t mask = 0;
    std::string tails;

    /// The first 8 bytes of `w`, zero-padded (as the look-up loop loads them from the
    /// padded lower-cased text and masks them).
    static std::uint64_t head_of(std::string_view w) {
        std::uint64_t v = 0;
        std::memcpy(&v, w.data(), std::min<std::size_t>(w.size(), 8));
        return v;
    }
    /// The slot a word begins its probe at: its head and size mixed, and its last 8
    /// bytes for a word over 8 (a word over 16 is told by its bytes in the compare).
    [[gnu::always_inline]] static std::uint64_t slot_hash(std::uint64_t head, std::size_t n, const char* p) {
        std::uint64_t h = (head ^ (n * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
        if (n > 8) {
            std::uint64_t last;
            std::memcpy(&last, p + n - 8, 8);
            h = (h ^ last) * 0x9E3779B97F4A7C15ull;
        }
        return h ^ (h >> 32);
    }

    /// A long word's bytes after the 8th against a slot's: out of line, so that the look-up
    /// loop (whose words are mostly of 8 bytes or fewer) keeps its values in registers.
    [[gnu::noinline]] static bool same_tail(const char* a, const char* b, std::size_t n) {
        return same_bytes(std::string_view(a, n), std::string_view(b, n));
    }

    /// Two-word sentence openers that mean "on the same day as the last date named".
    std::vector<std::pair<std::string, std::string>> same_day;
    bool same_day_opener(std::string_view a, std::string_view b) const {
        for (const auto& [x, y] : same_day)
            if (x == a && y == b) return true;
        return false;
    }

    /// What the lower-cased word `w` is.
    Info of(std::string_view w) const { return of(w, head_of(w)); }
    /// The same, `head` being head_of(w).
    [[gnu::always_inline]] Info of(std::string_view w, std::uint64_t head) const {
        const std::size_t n = w.size();
        for (std::size_t i = slot_hash(head, n, w.data()) & mask;; i = (i + 1) & mask) {
            const Slot& slot = slots[i];
            if (slot.size == 0) return {};
            if (slot.head == head && slot.size == n + 1 &&
                (n <= 8 || same_tail(tails.data() + slot.tail, w.data() + 8, n - 8)))
                return {slot.bits, slot.gazetteer, slot.triggers};
        }
    }

    Cues(const DataFiles& files, const EventTypes& types, const Gazetteer& gazetteer) {
        const std::string path = "events/cues.json";
        json j;
        try {
            j = data_json::parse(files.get(path));
        } catch (const json::exception& e) {
            throw DataError(fmt::format("{}: malformed JSON: {}", files.origin(path), e.what()));
        }
        std::unordered_map<std::string, std::uint16_t> lists;
        auto load = [&](const char* key, Cue into) {
            auto it = j.find(key);
            if (it == j.end() || !it->is_array())
                throw DataError(fmt::format("{}: \"{}\" must be an array of words", files.origin(path), key));
            for (const auto& w : *it)
                if (w.is_string()) lists[lower(w.get<std::string>())] |= static_cast<std::uint16_t>(into);
        };
        load("negation", Cue::negation);
        load("planned", Cue::planned);
        load("reported", Cue::reported);
        load("locative_prepositions", Cue::locative);
        load("clause_break_words", Cue::clause_break);
        load("subordinators", Cue::subordinators);
        load("reference_determiners", Cue::reference_determiners);
        load("prepositions", Cue::prepositions);
        load("mediator_suffixes", Cue::mediator_suffixes);
        load("pronouns", Cue::pronouns);
        load("not_names", Cue::not_names);
        // Optional, so that a cues.json of an older --data folder still loads.
        if (j.contains("light_verbs")) load("light_verbs", Cue::light_verbs);
        if (auto it = j.find("same_day_openers"); it != j.end()) {
            if (!it->is_array())
                throw DataError(fmt::format("{}: \"same_day_openers\" must be an array of two-word phrases", files.origin(path)));
            for (const auto& p : *it) {
                const std::string phrase = p.is_string() ? lower(p.get<std::string>()) : std::string();
                const auto space = phrase.find(' ');
                if (space == std::string::npos || phrase.find(' ', space + 1) != std::string::npos)
                    throw DataError(fmt::format("{}: \"same_day_openers\": \"{}\" is not two words", files.origin(path),
                                                p.is_string() ? p.get<std::string>() : p.dump()));
                same_day.emplace_back(phrase.substr(0, space), phrase.substr(space + 1));
            }
        }
        std::unordered_map<std::string, Info> infos;
        for (auto& [word, bits] : lists) infos[word].bits = bits;
        for (const Trigger& tr : types.triggers()) {
            const std::string& first = tr.words.front();
            infos[first].triggers = types.triggers_starting_with(first);
        }
        // The gazetteer's keys too (thousands, unique): one look-up per word serves
        // both. Put in the table directly, sized for all of them.
        const auto keys = gazetteer.index_keys();
        std::size_t size = 16;
        while (size < 4 * (infos.size() + keys.size())) size *= 2;
        slots.resize(size);
        mask = size - 1;
        // Each word in the slot its probe meets first free (or its own, for a key that is
        // a cue word too).
        auto place = [&](std::string_view word) -> Slot& {
            const std::uint64_t head = head_of(word);
            std::size_t i = slot_hash(head, word.size(), word.data()) & mask;
            for (;; i = (i + 1) & mask) {
                const Slot& slot = slots[i];
                if (slot.size == 0) break;
                if (slot.head == head && slot.size == word.size() + 1 &&
                    (word.size() <= 8 || std::string_view(tails.data() + slot.tail, word.size() - 8) == word.substr(8)))
                    break;
            }
            Slot& slot = slots[i];
            if (slot.size == 0) {
                slot.head = head;
                slot.size = static_cast<std::uint32_t>(word.size() + 1);
                if (word.size() > 8) {
                    slot.tail = static_cast<std::uint32_t>(tails.size());
                    tails.append(word.substr(8));
                }
            }
            return slot;
        };
        for (auto& [word, info] : infos) {
            Slot& slot = place(word);
            slot.bits = info.bits;
            slot.triggers = info.triggers;
        }
        for (std::size_t k = 0; k < keys.size(); ++k) place(keys[k]).gazetteer = static_cast<std::uint32_t>(k + 1);
    }
};

// One actor or place mention resolved to a canonical entry.
struct EntityMention {
    bool is_actor = true;
    std::size_t index = 0;  // canonical entry (after `represents`)
    std::size_t word = 0;   // first word index in the sentence
    std::size_t clause = 0;
    // The words in the text, squashed: a view into the article text, or into the
    // sentence's store of squashed names when they spanned a line break.
    std::string_view surface;
    std::string_view qualifier;  // in the article's Arena
    bool mediator = false;
    /// Set for a proper name the gazetteer does not know ("Boeing", "Bankman-Fried"):
    /// the actor is then this name, with no entry behind it.
    std::string_view unknown_name;  // a view like `surface`
};

/// The words of split_words(text, begin, end) (a unit of the article: a sentence or a
/// window of one), from the tagger's token pass over the same text (TagWords) rather than
/// the bytes: a chunk (bytes between spaces) without a mark has the runs in it for words
/// (a run alone, a hyphen alone, ASCII punctuation but the dot and the apostrophe: split_words
/// reads these the same); a chunk with a mark is split by append_words (split_words splits
/// each chunk on its own: no rule of it reads across a space). `run_cursor`, `mark_cursor`:
/// where the last unit's look-up ended. `view`: the words, in `tw.runs` when the unit has no
/// mark, else in `words`. Returns false, `view` then undefined, where a chunk may cross the
/// unit's bounds (a window cut inside a word, or two sentences that touch).
bool words_from_tagger(std::string_view text, const TagWords& tw, std::size_t& run_cursor, std::size_t& mark_cursor,
                       std::size_t begin, std::size_t end, std::vector<WordRange>& words, std::span<const WordRange>& view) {
    const unsigned char* const t = reinterpret_cast<const unsigned char*>(text.data());
    // The tagger's spaces: in no token.
    auto space = [t](std::size_t at) { return TagWords::is_space(t[at]); };
    if (begin >= end || end > text.size()) return false;
    if ((begin > 0 && !space(begin - 1) && !space(begin)) || (end < text.size() && !space(end - 1) && !space(end)))
        return false;
    const WordRange* const runs = tw.runs.data();
    const std::size_t n_runs = tw.n_runs;
    // The first run from `from` that begins at `byte` or later. The units come in order and
    // hold a few dozen words: steps of 8, 16, 32... from `from` find a stretch that holds it,
    // then a binary search in that stretch (over the article's runs, the search took ~12
    // halvings twice per unit).
    auto first_at = [&](std::size_t from, std::size_t byte) {
        std::size_t lo = from, step = 8;
        // Every run before `lo` begins before `byte`.
        while (lo + step <= n_runs && runs[lo + step - 1].first < byte) {
            lo += step;
            step *= 2;
        }
        const std::size_t hi = std::min(lo + step, n_runs);
        return static_cast<std::size_t>(
            std::lower_bound(runs + lo, runs + hi, byte, [](const WordRange& w, std::size_t b) { return w.first < b; }) - runs);
    };
    std::size_t r = first_at(run_cursor, begin);
    const std::size_t past = first_at(r, end);
    run_cursor = past;
    const std::size_t* const marks = tw.marks.data();
    const std::size_t n_marks = tw.marks.size();
    std::size_t m = mark_cursor;
    while (m < n_marks && marks[m] < begin) ++m;
    if (m == n_marks || marks[m] >= end) {  // most units: no mark, the runs are the words
        mark_cursor = m;
        view = std::span<const WordRange>(runs + r, past - r);
        return true;
    }
    // The words are written at `out` in `words`, a buffer that only grows (room for one per
    // byte of the unit: no resize, whose value-initialisation is a loop, per unit); a chunk's
    // words through `chunk_words`.
    if (words.size() < end - begin) words.resize(std::max(end - begin, 2 * words.size()));
    WordRange* const out = words.data();
    std::size_t n_out = 0;
    auto append_runs = [&](std::size_t from, std::size_t to) {
        if (from >= to) return;
        std::memcpy(static_cast<void*>(out + n_out), runs + from, (to - from) * sizeof(WordRange));
        n_out += to - from;
    };
    thread_local std::vector<WordRange> chunk_words;
    while (m < n_marks && marks[m] < end) {
        // The chunk around the mark.
        std::size_t chunk_begin = marks[m], chunk_end = marks[m] + 1;
        while (chunk_begin > begin && !space(chunk_begin - 1)) --chunk_begin;
        while (chunk_end < end && !space(chunk_end)) ++chunk_end;
        std::size_t k = r;
        while (k < past && runs[k].first < chunk_begin) ++k;
        append_runs(r, k);
        chunk_words.clear();
        append_words(text, chunk_begin, chunk_end, chunk_words);
        if (!chunk_words.empty())
            std::memcpy(static_cast<void*>(out + n_out), chunk_words.data(), chunk_words.size() * sizeof(WordRange));
        n_out += chunk_words.size();
        while (k < past && runs[k].first < chunk_end) ++k;
        r = k;
        while (m < n_marks && marks[m] < chunk_end) ++m;
    }
    append_runs(r, past);
    mark_cursor = m;
    view = std::span<const WordRange>(out, n_out);
    return true;
}

struct WordCounts {
    std::size_t name_starts = 0, trigger_starts = 0;
};
// Each word of a sentence (lower-cased in `lowered`, a text padded with 8 bytes) looked up
// once in the cue table: its cue bits, the triggers it begins, its gazetteer key; and the
// lists of the words that may begin a gazetteer match (an entry, or a possessive) and that
// begin a trigger. Outputs hold room for `n_words`.
[[gnu::noinline]] WordCounts look_up_words(const Cues& cues, const WordRange* const ranges_at, const std::size_t n_words,
                                           const char* const lowered, std::uint16_t* const cues_out,
                                           const std::vector<std::size_t>** const triggers_out,
                                           std::uint32_t* const gazetteer_out, std::uint32_t* const name_starts_out,
                                           std::uint32_t* const trigger_starts_out) {
    // The lists written through cursors (fewer values live in the loop than bases and counts).
    std::uint32_t *name_at = name_starts_out, *trigger_at = trigger_starts_out;
    for (std::size_t k = 0; k < n_words; ++k) {
        const std::size_t word_begin = ranges_at[k].first, word_end = ranges_at[k].second;
        // The gazetteer's keys are in the same table: one look-up for both.
        const std::string_view w(lowered + word_begin, word_end - word_begin);  // lower-case already
        // Its first 8 bytes: one load (the lower-cased text is padded with 8 bytes), the
        // bytes past the word cut off.
        std::uint64_t head;
        std::memcpy(&head, lowered + word_begin, 8);
        if (w.size() < 8) head &= (std::uint64_t{1} << (8 * w.size())) - 1;
        const Cues::Info info = cues.of(w, head);
        cues_out[k] = info.bits;
        triggers_out[k] = info.triggers;
        gazetteer_out[k] = info.gazetteer;
        // Each index stored always, counted when it belongs (no branch).
        const auto at = static_cast<std::uint32_t>(k);
        *name_at = at;
        // (a possessive: "'s", "'S" or U+2019 "s", as strip_possessive reads it)
        name_at += info.gazetteer != 0 || (w.size() > 2 && w.back() == 's' &&
                                                 (w[w.size() - 2] == '\'' || (w.size() > 4 && w[w.size() - 2] == '\x99' &&
                                                                               w[w.size() - 3] == '\x80' && w[w.size() - 4] == '\xE2')));
        *trigger_at = at;
        trigger_at += info.triggers != nullptr;
    }
    return {static_cast<std::size_t>(name_at - name_starts_out), static_cast<std::size_t>(trigger_at - trigger_starts_out)};
}

struct ClauseCounts {
    std::size_t clauses = 1;
    bool gaps_plain = true;
};
// Clauses: breaks at ; : dashes and quote marks, at ", with/but/and/which..." and at
// subordinators ("after a second war ended"), word by word from the cue bits. `clause_out[k]`:
// word k's clause; `first_out[c]`: clause c's first word (room for n_words + 1). `gaps_plain`:
// no gap between two words holds a byte below 0x20 or two spaces in a row.
[[gnu::noinline]] ClauseCounts find_clauses(const WordRange* const ranges_at, const std::size_t n_words,
                                            const char* const raw, const std::uint16_t* const cues_out,
                                            std::size_t* const clause_out, std::uint32_t* const first_out) {
    std::size_t n_clauses = 1;
    bool gaps_plain = true;
    first_out[0] = 0;
    clause_out[0] = 0;
    for (std::size_t k = 1; k < n_words; ++k) {
        const std::uint16_t bits = cues_out[k];
        bool breaks = (bits & static_cast<std::uint16_t>(Cue::subordinators)) != 0;
        const std::size_t gap_begin = ranges_at[k - 1].second, gap_end = ranges_at[k].first;
        // Most gaps are one space: nothing to look at.
        if (!(gap_end - gap_begin == 1 && raw[gap_begin] == ' ')) {
            const std::string_view gap(raw + gap_begin, gap_end - gap_begin);
            // One pass over the gap: a comma; or ; : " an em dash or a curly double
            // quote; or a byte below 0x20 or a second space in a row (`odd`).
            bool comma = false, hard = false, odd = false;
            for (std::size_t i = 0; i < gap.size(); ++i) {
                const char c = gap[i];
                if (c == ',') comma = true;
                else if (c == ';' || c == ':' || c == '"') hard = true;
                else if (c == '\xE2' && i + 2 < gap.size() && gap[i + 1] == '\x80' &&
                         (gap[i + 2] == '\x94' || gap[i + 2] == '\x9C' || gap[i + 2] == '\x9D'))
                    hard = true;
                else if (static_cast<unsigned char>(c) < 0x20 || (c == ' ' && i > 0 && gap[i - 1] == ' '))
                    odd = true;
            }
            breaks = breaks || hard || (comma && (bits & static_cast<std::uint16_t>(Cue::clause_break)) != 0);
            gaps_plain &= !odd;
        }
        first_out[n_clauses] = static_cast<std::uint32_t>(k);
        n_clauses += breaks;
        clause_out[k] = n_clauses - 1;
    }
    return {n_clauses, gaps_plain};
}

// `w == lit`, inline: a size test and a comparison of a few bytes (operator==
// of std::string with a literal measures the literal and calls compare()).
template <std::size_t N>
bool is(std::string_view w, const char (&lit)[N]) {
    return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

// `w.ends_with(lit)`, inline (ends_with compares through an out-of-line call).
template <std::size_t N>
bool ends(std::string_view w, const char (&lit)[N]) {
    return w.size() >= N - 1 && std::memcmp(w.data() + w.size() - (N - 1), lit, N - 1) == 0;
}

// Whether `v` holds `x` (std::find compares through an out-of-line call per name
// of the same size).
[[gnu::always_inline]] inline bool has_view(const std::vector<std::string_view>& v, std::string_view x) {
    for (const std::string_view y : v)
        if (same_bytes(x, y)) return true;
    return false;
}

constexpr std::size_t k_no_entry = static_cast<std::size_t>(-1);
// Longest stretch of text the per-sentence rules look at at once.
constexpr std::size_t k_max_sentence_bytes = 2000;
// How far apart (in drafts) two tellings of one event may be to be folded together.
constexpr std::size_t k_fold_window = 200;

struct TriggerHit {
    std::size_t word = 0;  // first word index
    std::size_t word_end = 0;
    std::size_t type = 0;
    bool noun = false;
    std::size_t clause = 0;
};

// Bytes that live as long as one article's extraction: squashed sentences and
// names, headlines, qualifiers. Blocks are kept by the thread from article to
// article, so that in the steady state nothing is allocated; a view returned
// stays valid until reset().
class Arena {
public:
    /// Room for `n` bytes, at a stable address.
    char* allocate(std::size_t n) {
        if (n > m_left) return grow(n);
        char* at = m_at;
        m_at += n;
        m_left -= n;
        return at;
    }
    std::string_view copy(std::string_view s) {
        if (s.empty()) return {};
        char* at = allocate(s.size());
        std::memcpy(at, s.data(), s.size());
        return {at, s.size()};
    }
    /// Of the `n` bytes allocate() gave at `at`, only the first `used` are kept:
    /// the rest is handed out again when it was the latest allocation.
    void keep(const char* at, std::size_t n, std::size_t used) {
        if (at + n == m_at) {
            m_at -= n - used;
            m_left += n - used;
        }
    }
    /// Forgets every view handed out; keeps a few blocks for the next article.
    void reset() {
        if (m_blocks.size() > k_kept_blocks) m_blocks.resize(k_kept_blocks);
        m_big.clear();
        m_next = 0;
        m_at = nullptr;
        m_left = 0;
    }

private:
    static constexpr std::size_t k_block = 64 * 1024;
    static constexpr std::size_t k_kept_blocks = 4;
    char* grow(std::size_t n) {
        if (n > k_block / 4) {
            // A large piece gets a block of its own; the current block stays current.
            m_big.push_back(std::make_unique<char[]>(n));
            return m_big.back().get();
        }
        if (m_next == m_blocks.size()) m_blocks.push_back(std::make_unique<char[]>(k_block));
        m_at = m_blocks[m_next++].get();
        m_left = k_block;
        return allocate(n);
    }
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::vector<std::unique_ptr<char[]>> m_big;
    std::size_t m_next = 0;
    char* m_at = nullptr;
    std::size_t m_left = 0;
};

// An event under construction, before folding: an Event whose strings are views
// into the article, the loaded knowledge (gazetteer, event types) or the
// article's Arena. Pipeline::extract copies it into an Event; extract_jsonl
// writes its JSON from the views.
struct DraftEvidence {
    std::string_view sentence;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::optional<std::string_view> timex;
};
struct DraftEvent {
    std::uint64_t id = 0;  // event_hash(); written as 16 hex digits
    // The trigger's offset in the text, which the id hashes: the ids are worked out once the
    // drafts are folded, for the drafts that stay (the events move between drafts of one type).
    std::size_t trigger_at = 0;
    std::optional<Span> when;
    DateSource date_source = DateSource::text;
    std::string_view timex_value;
    std::string_view headline;
    std::vector<ActorView> actors;
    std::vector<PlaceView> places;
    DraftEvidence evidence;
    std::vector<DraftEvidence> mentions;
    double confidence = 0.5;
    EventStatus status = EventStatus::asserted;
};
struct Draft {
    DraftEvent event;
    std::size_t sentence = 0;
    std::size_t type = 0;  // index into EventTypes::types(), whose names are unique: same type, same name
    bool dated_by_text = false;
    bool full_sentence = true;  // ends with terminal punctuation (not a headline line)
    // Canonical names acting (agent/source): views into the gazetteer's names or
    // into the article (unknown names), valid while the article is extracted.
    std::vector<std::string_view> agents;
    bool folded = false;

    /// As a new Draft, its vectors keeping their memory.
    void reset() {
        event.id = 0;
        event.trigger_at = 0;
        event.when.reset();
        event.date_source = DateSource::text;
        event.timex_value = {};
        event.headline = {};
        event.actors.clear();
        event.places.clear();
        event.evidence = {};
        event.mentions.clear();
        event.confidence = 0.5;
        event.status = EventStatus::asserted;
        sentence = 0;
        type = 0;
        dated_by_text = false;
        full_sentence = true;
        agents.clear();
        folded = false;
    }
};


std::string_view trim_view(std::string_view s) {
    auto is_trim = [](unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ',' || c == ';' || c == ':'; };
    while (!s.empty() && is_trim(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && is_trim(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool squash_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Collapses whitespace runs (wrapped lines) to single spaces.
// That is: the runs of other bytes, joined by single spaces. Written through a
// pointer into a buffer of the input's size (the output is never longer).
// Most of a sentence is words and single spaces, which stay as they are: eight
// bytes at a time are copied whole when none of them is a control byte, no two
// spaces meet and a space at either edge has a word byte beside it.
//
// With `map`, map[i] is set to where byte i of `s` went in the output (for a
// removed space, where the next byte went): a squashed piece of `s` that begins
// and ends with other bytes than whitespace is then a substring of the result.
// True when squash(s) == s: no tab, newline or carriage return (no byte below
// 0x20 at all, to keep the test short), no two spaces in a row, no space at
// either edge. Sixteen bytes at a time: most sentences and names are so.
bool squashed_already(std::string_view s) {
    if (s.empty()) return true;
    if (s.front() == ' ' || s.back() == ' ') return false;
    const char* const begin = s.data();
    const std::size_t n = s.size();
    // Eight bytes: none below 0x20, no two spaces side by side.
    auto plain8 = [](const char* at) {
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, lows = 0x7F7F7F7F7F7F7F7Full;
        std::uint64_t x;
        std::memcpy(&x, at, 8);
        const std::uint64_t y = x ^ (0x20 * ones);
        const std::uint64_t spaces = ~(((y & lows) + lows) | y | lows);  // 0x80 in exactly the spaces
        return ((x - 0x20 * ones) & ~x & highs) == 0 && (spaces & (spaces << 8)) == 0;
    };
#if defined(__SSE2__)
    // Sixteen bytes: the same.
    auto plain16 = [](const char* at) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // v <= 0x1F
        const unsigned spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
        return _mm_movemask_epi8(control) == 0 && (spaces & (spaces << 1)) == 0;
    };
    if (n >= 16) {
        // Windows of sixteen that overlap by one byte (a pair of spaces may
        // straddle two), the last one ending at the end.
        std::size_t at = 0;
        for (; at + 16 < n; at += 15)
            if (!plain16(begin + at)) return false;
        return plain16(begin + n - 16);
    }
#else
    if (n >= 16) {
        std::size_t at = 0;
        for (; at + 8 < n; at += 7)
            if (!plain8(begin + at)) return false;
        return plain8(begin + n - 8);
    }
#endif
    // Two windows of eight that overlap (by one byte at least).
    if (n >= 8) return plain8(begin) && plain8(begin + n - 8);
    for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<unsigned char>(begin[i]) < 0x20) return false;
        if (begin[i] == ' ' && i + 1 < n && begin[i + 1] == ' ') return false;
    }
    return true;
}

// Writes squash(s) at `out` (room for s.size() bytes) and returns its size.
std::size_t squash_into(std::string_view s, char* const out, std::vector<std::uint32_t>* map = nullptr) {
    if (map) map->resize(s.size());
    char* const start = out;
    char* w = start;
    const char* p = s.data();
    const char* const end = p + s.size();
    auto note = [&](std::size_t bytes) {
        if (!map) return;
        const auto from = static_cast<std::size_t>(p - s.data());
        const auto to = static_cast<std::uint32_t>(w - start);
        for (std::size_t j = 0; j < bytes; ++j) (*map)[from + j] = to + static_cast<std::uint32_t>(j);
    };
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, lows = 0x7F7F7F7F7F7F7F7Full;
    bool gap = false;  // whitespace seen since the last byte written
    while (p < end) {
        if (!gap && end - p >= 8) {
            std::uint64_t x;
            std::memcpy(&x, p, 8);
            // Any byte below 0x20 (newlines, tabs and other controls): no fast copy.
            const bool control = ((x - 0x20 * ones) & ~x & highs) != 0;
            // 0x80 in exactly the bytes that are spaces.
            const std::uint64_t y = x ^ (0x20 * ones);
            const std::uint64_t spaces = ~(((y & lows) + lows) | y | lows);
            const bool first_space = (spaces & 0x80) != 0, last_space = (spaces >> 63) != 0;
            if (!control && (spaces & (spaces << 8)) == 0 && !(first_space && w == start) &&
                !(last_space && (end - p == 8 || squash_space(p[8])))) {
                note(8);
                std::memcpy(w, p, 8);
                w += 8;
                p += 8;
                continue;
            }
        }
        const char c = *p;
        if (squash_space(c)) {
            note(1);  // the space written before the next byte, if any
            ++p;
            gap = true;
            continue;
        }
        if (gap && w != start) *w++ = ' ';
        gap = false;
        note(1);
        ++p;
        *w++ = c;
    }
    return static_cast<std::size_t>(w - start);
}

// squash(s) as a view: `s` itself when it is squashed already, else a copy in `arena`.
std::string_view squashed_in(Arena& arena, std::string_view s) {
    if (squashed_already(s)) return s;
    char* const at = arena.allocate(s.size());
    const std::size_t n = squash_into(s, at);
    arena.keep(at, s.size(), n);
    return {at, n};
}

// Removes quote marks and ellipses at the edges of a headline.
std::string_view strip_quotes(std::string_view s) {
    static constexpr std::array<std::string_view, 8> marks{"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\"", "'", "\xE2\x80\xA6", " "};
    // Every mark begins with one of these bytes and ends with one of those: most
    // headlines have none at either edge.
    auto may_start = [](unsigned char c) { return c == 0xE2 || c == '"' || c == '\'' || c == ' '; };
    auto may_end = [](unsigned char c) {
        return c == 0x9C || c == 0x9D || c == 0x98 || c == 0x99 || c == 0xA6 || c == '"' || c == '\'' || c == ' ';
    };
    if (s.empty() || (!may_start(static_cast<unsigned char>(s.front())) && !may_end(static_cast<unsigned char>(s.back()))))
        return s;
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        for (const auto m : marks) {
            // The first (last) byte compared before the rest: most marks differ there.
            if (!s.empty() && s.front() == m.front() && s.starts_with(m)) { s.remove_prefix(m.size()); changed = true; }
            if (!s.empty() && s.back() == m.back() && s.ends_with(m)) { s.remove_suffix(m.size()); changed = true; }
        }
    }
    return s;
}

// The headline of `s`: its first letter upper-cased, cut at a word boundary to
// at most `max` bytes (never inside a UTF-8 sequence) and ended by an ellipsis
// when cut. Written once into `arena`, with no copy of the whole of `s` on the way.
std::string_view headline_of(Arena& arena, std::string_view s, std::size_t max) {
    std::string_view kept = s;
    bool cut = false;
    if (s.size() > max) {
        std::size_t p = s.rfind(' ', max);
        if (p == std::string_view::npos || p < max / 2) {
            p = max;
            while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
        }
        kept = s.substr(0, p);
        while (!kept.empty() && (kept.back() == ',' || kept.back() == ';' || kept.back() == ' ')) kept.remove_suffix(1);
        cut = true;
    }
    const std::size_t n = kept.size() + (cut ? 3 : 0);
    if (n == 0) return {};
    char* const out = arena.allocate(n);
    std::memcpy(out, kept.data(), kept.size());
    if (cut) std::memcpy(out + kept.size(), "\xE2\x80\xA6", 3);
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return {out, n};
}

// content_hash(fmt::format("{}:{}:{}", article, offset, type)), without building
// the key: FNV-1a 64 over its bytes, as 16 lower-case hex digits. FNV runs byte
// after byte, so the state after "article:" is computed once per article.
constexpr std::uint64_t k_fnv_basis = 1469598103934665603ULL;
std::uint64_t fnv_add(std::uint64_t h, std::string_view bytes) {
    for (const unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
    return h;
}
std::uint64_t event_id_prefix(std::string_view article) { return fnv_add(fnv_add(k_fnv_basis, article), ":"); }
std::uint64_t event_hash(std::uint64_t prefix, std::size_t offset, std::string_view type) {
    char digits[20];
    char* d = digits + sizeof digits;
    do {
        *--d = static_cast<char>('0' + offset % 10);
        offset /= 10;
    } while (offset != 0);
    std::uint64_t h = fnv_add(prefix, std::string_view(d, static_cast<std::size_t>(digits + sizeof digits - d)));
    return fnv_add(fnv_add(h, ":"), type);
}
// An event id: the hash as 16 lower-case hex digits (their byte order is the
// hashes' numeric order).

Span with_role(Span s, TimexRole role) {
    if (role == TimexRole::start) s.open_end = true;
    if (role == TimexRole::end) s.open_start = true;
    return s;
}

}  // namespace

struct Pipeline::Impl {
    TimexTagger tagger;
    Gazetteer gazetteer;
    EventTypes types;
    Cues cues;
    std::vector<std::size_t> canonical_actor;  // actor index -> represented actor index
    std::optional<std::size_t> other_type;     // types.find("other")
    std::optional<std::size_t> statement_type;  // types.find("statement")
    // Per type: a speech act a saying can be joined to by "and" ("said ... and urged").
    std::vector<bool> second_speech_act;
    // Per actor (place): the conflicts that list its name among their parties (places).
    std::vector<std::vector<std::size_t>> actor_conflicts, place_conflicts;

    explicit Impl(const DataFiles& files)
        : tagger(files), gazetteer(files), types(files), cues(files, types, gazetteer), other_type(types.find("other")),
          statement_type(types.find("statement")) {
        second_speech_act.resize(types.types().size());
        for (const char* name : {"appeal", "accusation", "threat"})
            if (auto t = types.find(name)) second_speech_act[*t] = true;
        canonical_actor.resize(gazetteer.actors().size());
        for (std::size_t i = 0; i < canonical_actor.size(); ++i) {
            canonical_actor[i] = i;
            const auto& rep = gazetteer.actors()[i].represents;
            if (!rep.empty())
                if (auto r = gazetteer.find_actor(rep)) canonical_actor[i] = *r;
        }
        // Names are unique among actors and among places (the gazetteer merges by name).
        auto index_conflicts = [&](const auto& entries, auto names_of, std::vector<std::vector<std::size_t>>& into) {
            std::unordered_map<std::string_view, std::size_t> at;
            for (std::size_t i = 0; i < entries.size(); ++i) at.emplace(entries[i].name, i);
            into.resize(entries.size());
            const auto& conflicts = gazetteer.conflicts();
            for (std::size_t c = 0; c < conflicts.size(); ++c)
                for (const auto& name : names_of(conflicts[c]))
                    if (auto it = at.find(name); it != at.end() && (into[it->second].empty() || into[it->second].back() != c))
                        into[it->second].push_back(c);
        };
        index_conflicts(gazetteer.actors(), [](const ConflictEntry& c) -> const auto& { return c.parties; }, actor_conflicts);
        index_conflicts(gazetteer.places(), [](const ConflictEntry& c) -> const auto& { return c.places; }, place_conflicts);
    }

    /// The article's drafts, folded ones included (flagged), in the order they
    /// were found: per-thread storage, valid until the thread's next call.
    std::span<Draft> extract_drafts(const Article& article) const;
    /// The view of a draft as an event of `article`; `id` holds 16 bytes.
    EventView view_of(const Draft& d, const Article& article, char* id) const {
        EventView v;
        write_hex16(d.event.id, id);
        v.id = std::string_view(id, 16);
        const EventType& et = types.types()[d.type];
        v.when = d.event.when;
        v.date_source = d.event.date_source;
        v.timex_value = d.event.timex_value;
        v.type = et.name;
        v.cameo = et.cameo;
        v.headline = d.event.headline;
        v.actors = d.event.actors;
        v.places = d.event.places;
        v.evidence = evidence_view(d.event.evidence, article);
        v.confidence = d.event.confidence;
        v.status = d.event.status;
        return v;
    }
    static EvidenceView evidence_view(const DraftEvidence& ev, const Article& article) {
        return {article.id, ev.sentence, ev.begin, ev.end, ev.timex, article.url, article.source, article.published};
    }
    std::vector<Event> extract(const Article& article) const;
    Pipeline::JsonlSummary extract_jsonl(const Article& article, std::string& out) const;
};

Pipeline::Pipeline(const DataFiles& files) : m_impl(std::make_unique<Impl>(files)) {}
Pipeline::~Pipeline() = default;
const TimexTagger& Pipeline::tagger() const { return m_impl->tagger; }
const Gazetteer& Pipeline::gazetteer() const { return m_impl->gazetteer; }
const EventTypes& Pipeline::event_types() const { return m_impl->types; }
std::vector<Event> Pipeline::extract(const Article& article) const { return m_impl->extract(article); }
Pipeline::JsonlSummary Pipeline::extract_jsonl(const Article& article, std::string& out) const {
    return m_impl->extract_jsonl(article, out);
}

std::vector<Event> Pipeline::Impl::extract(const Article& article) const {
    const std::span<Draft> drafts = extract_drafts(article);
    std::size_t kept = 0;
    for (const Draft& d : drafts) kept += !d.folded;
    std::vector<Event> out;
    out.reserve(kept);
    std::vector<EvidenceView> mentions;
    char id[16];
    for (const Draft& d : drafts) {
        if (d.folded) continue;
        EventView v = view_of(d, article, id);
        mentions.clear();
        for (const DraftEvidence& m : d.event.mentions) mentions.push_back(evidence_view(m, article));
        v.mentions = mentions;
        out.push_back(to_event(v));
    }
    return out;
}

Pipeline::JsonlSummary Pipeline::Impl::extract_jsonl(const Article& article, std::string& out) const {
    const std::span<Draft> drafts = extract_drafts(article);
    // The order sort_chronologically gives the Events extract() returns: the same
    // comparison (all of one article; ids compared as the numbers their hex digits
    // spell) in a stable sort of the same sequence.
    thread_local std::vector<std::uint32_t> order;
    order.clear();
    JsonlSummary summary;
    for (std::size_t i = 0; i < drafts.size(); ++i)
        if (!drafts[i].folded) {
            order.push_back(static_cast<std::uint32_t>(i));
            summary.unresolved |= drafts[i].event.date_source == DateSource::unresolved;
        }
    const auto& all_types = types.types();
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
        const DraftEvent& a = drafts[i].event;
        const DraftEvent& b = drafts[j].event;
        // One article: its id (equal on both sides) is not compared.
        const int c = chronological_order(a.when, {}, a.evidence.begin, all_types[drafts[i].type].name, b.when, {},
                                          b.evidence.begin, all_types[drafts[j].type].name);
        // Ids as numbers: the order of their 16 fixed hex digits.
        return c != 0 ? c < 0 : a.id < b.id;
    });
    // Room for the lines at once (a generous estimate: keys and numbers, the
    // sentence, the headline, the names): `out` mostly starts empty for each
    // article, and would otherwise be moved a dozen times while it doubles.
    std::size_t estimate = 0;
    for (const std::uint32_t i : order) {
        const DraftEvent& e = drafts[i].event;
        estimate += 640 + article.id.size() + article.url.size() + article.source.size() + e.evidence.sentence.size() +
                    e.headline.size() + 128 * (e.actors.size() + e.places.size());
    }
    if (const std::size_t need = out.size() + estimate; out.capacity() < need)
        out.reserve(std::max(need, 2 * out.capacity()));
    char id[16];
    for (const std::uint32_t i : order) {
        append_json(out, view_of(drafts[i], article, id));
        out += '\n';
    }
    summary.events = order.size();
    return summary;
}

std::span<Draft> Pipeline::Impl::extract_drafts(const Article& article) const {
    const std::string_view text = article.text;
    const auto sentences = split_sentences(text);
    // The text lower-cased (ASCII), byte for byte, and 8 zero bytes: the tagger
    // reads its tokens in it and the extractor its words, made once for both.
    thread_local std::string lowered_text;
    if (lowered_text.size() > std::max<std::size_t>(text.size() + 8, std::size_t{1} << 20)) {
        lowered_text.clear();  // do not keep the memory of a huge text
        lowered_text.shrink_to_fit();
    }
    if (lowered_text.size() < text.size() + 8) lowered_text.resize(text.size() + 8);
    {
        // Branch-free through plain pointers: the compiler vectorises it.
        const unsigned char* in = reinterpret_cast<const unsigned char*>(text.data());
        unsigned char* to = reinterpret_cast<unsigned char*>(lowered_text.data());
        for (std::size_t k = 0, n = text.size(); k < n; ++k)
            to[k] = static_cast<unsigned char>(in[k] + (static_cast<unsigned char>(in[k] - 'A') < 26u ? 32 : 0));
        std::memset(to + text.size(), 0, 8);
    }
    const char* const lowered = lowered_text.data();
    // The words of the tagger's token pass, for the words of each sentence (words_from_tagger):
    // room for one per byte; buffers kept by the thread.
    // A text over 64 KiB (an article is mostly a few KiB) is split by split_words as before: the
    // room, 16 bytes a byte of text, stays at 1 MiB a thread at most.
    thread_local TagWords tag_words;
    const bool tag_words_fit = text.size() <= (std::size_t{1} << 16);
    if (tag_words_fit && tag_words.runs.size() < text.size()) tag_words.runs.resize(text.size());
    tag_words.complete = false;
    const auto timexes =
        tag_words_fit
            ? tagger.tag(text, std::string_view(lowered, text.size() + 8), sentences, article.published, tag_words)
            : tagger.tag(text, std::string_view(lowered, text.size() + 8), sentences, article.published);
    std::size_t run_cursor = 0, mark_cursor = 0;
    // Buffers of the article and of each sentence, kept by the thread from article
    // to article: their memory is allocated once, not again for every article.
    struct Scratch {
        std::vector<Sentence> units;
        // Per actor (place): 1 + the mention clock of its last mention, 0 if none in
        // this article; `touched` lists the entries to clear for the next article.
        std::vector<std::size_t> last_actor, last_place;
        std::vector<std::pair<bool, std::size_t>> touched;
        std::vector<int> conflict_score;
        // Drafts of the article: the first `n_drafts` are in use; the others keep
        // their vectors' memory for the next article.
        std::vector<Draft> drafts;
        std::size_t n_drafts = 0;
        Arena arena;
        std::vector<WordRange> words, spliced_words;
        std::vector<std::size_t> clause;
        std::vector<std::uint32_t> clause_first;
        std::vector<const Timex*> stimex;
        std::deque<Timex> ranges;
        std::vector<char> in_timex, in_name;
        std::vector<std::uint16_t> word_cues;
        std::vector<const std::vector<std::size_t>*> word_triggers;
        std::vector<std::uint32_t> word_gazetteer;
        // Per sentence, the words (ascending) that may begin a gazetteer match
        // (an entry, or a possessive), that begin a trigger.
        std::vector<std::uint32_t> name_starts, trigger_starts;
        std::vector<GazetteerMatch> matches;
        std::vector<std::uint32_t> squash_map;
        std::vector<std::uint32_t> order;
        std::vector<EntityMention> sorted_mentions, mentions, chosen;
        std::vector<TriggerHit> hits;
        std::vector<std::string_view> seen_actor, seen_place;
        std::vector<const Timex*> assigned, nearest;
    };
    thread_local Scratch scratch;
    Arena& arena = scratch.arena;
    arena.reset();

    // A "sentence" of thousands of words (a table, a list, junk) is cut into
    // windows so that the per-sentence rules stay linear in the text.
    std::vector<Sentence>& units = scratch.units;
    units.clear();
    units.reserve(sentences.size());
    for (const Sentence& s : sentences) {
        Sentence rest = s;
        while (rest.end - rest.begin > k_max_sentence_bytes) {
            std::size_t cut = text.rfind(' ', rest.begin + k_max_sentence_bytes);
            if (cut == std::string_view::npos || cut <= rest.begin) cut = rest.begin + k_max_sentence_bytes;
            units.push_back({rest.begin, cut});
            rest.begin = cut;
            while (rest.begin < rest.end && text[rest.begin] == ' ') ++rest.begin;
        }
        if (rest.end > rest.begin) units.push_back(rest);
    }
    const auto& actors = gazetteer.actors();
    const auto& places = gazetteer.places();

    // Last mention (running counter) of each entity, for "the court" / "the enclave".
    auto& last_actor = scratch.last_actor;
    auto& last_place = scratch.last_place;
    for (const auto& [is_actor, index] : scratch.touched) (is_actor ? last_actor : last_place)[index] = 0;
    scratch.touched.clear();
    last_actor.resize(actors.size());  // (another Pipeline's gazetteer may have been read before)
    last_place.resize(places.size());
    // The mention clock of an entity's last mention, if any.
    auto last_mention_of = [&](bool is_actor, std::size_t index) -> std::optional<std::size_t> {
        const std::size_t at = (is_actor ? last_actor : last_place)[index];
        if (at == 0) return std::nullopt;
        return at - 1;
    };
    auto set_last_mention = [&](bool is_actor, std::size_t index, std::size_t clock) {
        std::size_t& at = (is_actor ? last_actor : last_place)[index];
        if (at == 0) scratch.touched.emplace_back(is_actor, index);
        at = clock + 1;
    };
    std::size_t mention_clock = 0;
    const std::uint64_t id_prefix = event_id_prefix(article.id);
    // Mentions per conflict, to fill the other side of a dyadic event.
    std::vector<int>& conflict_score = scratch.conflict_score;
    conflict_score.assign(gazetteer.conflicts().size(), 0);

    // Built in place in a vector kept from article to article: once its capacity
    // is reached, drafts are not moved again, and a draft's vectors keep their
    // memory from article to article.
    std::vector<Draft>& draft_pool = scratch.drafts;
    std::size_t& n_drafts = scratch.n_drafts;
    // A thread keeps room for the drafts of an ordinary article, not of the longest it met.
    if (draft_pool.size() > 1024) {
        draft_pool.resize(1024);
        draft_pool.shrink_to_fit();
    }
    n_drafts = 0;
    auto new_draft = [&]() -> Draft& {
        if (n_drafts == draft_pool.size()) {
            ++n_drafts;
            return draft_pool.emplace_back();
        }
        Draft& d = draft_pool[n_drafts++];
        d.reset();
        return d;
    };
    std::size_t timex_cursor = 0;
    // The first actor named in the latest sentence that named one: what "he",
    // "she" or "they" at the head of a clause most likely refers to.
    // Views like Draft::agents.
    std::string_view last_subject;
    std::string_view previous_subject;

    // Per-sentence buffers, reused from sentence to sentence.
    std::vector<WordRange>& word_store = scratch.words;  // the words of a sentence when not in tag_words.runs
    std::vector<WordRange>& spliced_words = scratch.spliced_words;  // (words_from_tagger's buffer)
    std::span<const WordRange> words;                    // the words of the sentence
    std::vector<std::size_t>& clause = scratch.clause;
    std::vector<std::uint32_t>& clause_first = scratch.clause_first;  // per clause: its first word
    std::vector<const Timex*>& stimex = scratch.stimex;
    // "from 27 September to 10 November 2020": the two ends of a range as one timex,
    // one per range of the sentence (a deque: the pointers in `stimex` stay valid).
    std::deque<Timex>& ranges = scratch.ranges;
    std::vector<char>& in_timex = scratch.in_timex;
    std::vector<char>& in_name = scratch.in_name;
    std::vector<std::uint16_t>& word_cues = scratch.word_cues;  // per word: Cue bits
    std::vector<const std::vector<std::size_t>*>& word_triggers = scratch.word_triggers;  // per word: triggers it begins
    std::vector<std::uint32_t>& word_gazetteer = scratch.word_gazetteer;  // per word: Cues::Info::gazetteer
    std::vector<std::uint32_t>& name_starts = scratch.name_starts;
    std::vector<std::uint32_t>& trigger_starts = scratch.trigger_starts;
    std::vector<GazetteerMatch>& matches = scratch.matches;
    std::vector<std::uint32_t>& squash_map = scratch.squash_map;  // of the squashed sentence
    std::vector<std::uint32_t>& order = scratch.order;            // of mentions
    std::vector<EntityMention>& sorted_mentions = scratch.sorted_mentions;
    const std::uint16_t empty_word_cues = cues.of("").bits;
    std::vector<EntityMention>& mentions = scratch.mentions;
    std::vector<TriggerHit>& hits = scratch.hits;
    std::vector<std::string_view>& seen_actor = scratch.seen_actor;
    std::vector<std::string_view>& seen_place = scratch.seen_place;
    std::vector<const Timex*>& assigned = scratch.assigned;  // per trigger hit: its timex
    std::vector<EntityMention>& chosen = scratch.chosen;     // the readings of one gazetteer match
    // Names as squash() gives them, without a string for each: most contain no
    // whitespace to collapse and are views into the text; the others are kept
    // for the article in the arena.
    auto squashed_view = [&](std::string_view raw) { return squashed_in(arena, raw); };

    for (std::size_t si = 0; si < units.size(); ++si) {
        const Sentence& s = units[si];
        previous_subject = last_subject;
        if (!tag_words.complete ||
            !words_from_tagger(text, tag_words, run_cursor, mark_cursor, s.begin, s.end, spliced_words, words)) {
            split_words(text, s.begin, s.end, word_store);
            words = word_store;
        }
        if (words.empty()) continue;
        // Words lie inside the sentence: views without substr's bounds checks.
        auto word = [&](std::size_t k) {
            return std::string_view(text.data() + words[k].first, words[k].second - words[k].first);
        };
        auto lw = [&](std::size_t k) {
            return std::string_view(lowered + words[k].first, words[k].second - words[k].first);
        };
        // Each word (lower-cased) looked up once: the cue lists it is in, the
        // triggers it begins. The rules below that look only at some words go
        // through the lists of those words. Per-word arrays only grow (the first
        // words.size() entries are written for each sentence): no resize call per
        // sentence.
        if (word_cues.size() < words.size()) {
            word_cues.resize(words.size());
            word_triggers.resize(words.size());
            word_gazetteer.resize(words.size());
            clause.resize(words.size());
            name_starts.resize(words.size());
            trigger_starts.resize(words.size());
            clause_first.resize(words.size() + 1);
        }
        std::size_t n_name_starts = 0, n_trigger_starts = 0;
        // Clauses: breaks at ; : dashes and quote marks, at ", with/but/and/which..."
        // and at subordinators ("after a second war ended"); found word by word here.
        // `clause_first[c]`: the first word of clause c, for the first `n_clauses`
        // (the array only grows, as the per-word arrays).
        std::size_t n_clauses = 1;
        // No gap between two words holds a byte below 0x20 or two spaces in a row
        // (words hold neither): with the bytes before the first word and after the
        // last, what squashed_already() asks of the sentence.
        bool gaps_plain = true;
        {
            // In functions of their own (not inlined): inside this function's body gcc
            // kept the loops' pointers and counters on the stack.
            const WordCounts counts =
                look_up_words(cues, words.data(), words.size(), lowered, word_cues.data(), word_triggers.data(),
                              word_gazetteer.data(), name_starts.data(), trigger_starts.data());
            n_name_starts = counts.name_starts;
            n_trigger_starts = counts.trigger_starts;
            const ClauseCounts cl =
                find_clauses(words.data(), words.size(), text.data(), word_cues.data(), clause.data(), clause_first.data());
            n_clauses = cl.clauses;
            gaps_plain = cl.gaps_plain;
        }
        auto cue = [&](std::size_t k, Cue list) { return (word_cues[k] & static_cast<std::uint16_t>(list)) != 0; };
        // The same for the word before k, which is "" before the first word.
        auto cue_before = [&](std::size_t k, Cue list) {
            return k > 0 ? cue(k - 1, list) : (empty_word_cues & static_cast<std::uint16_t>(list)) != 0;
        };
        // "its alleged blockade", "the protest": a determiner of reference one or two words before.
        auto after_reference = [&](std::size_t k) {
            return cue_before(k, Cue::reference_determiners) || (k > 1 && cue(k - 2, Cue::reference_determiners));
        };
        auto is_statement = [&](const TriggerHit& h) { return statement_type && h.type == *statement_type; };
        // The sentence as evidence and fallback headline, squashed once for all its events.
        // A view into the text when it is squashed already, else into the arena.
        std::optional<std::string_view> squashed_sentence;
        bool squash_identity = false;  // the sentence was squashed already: offsets stay, no map
        auto sentence_text = [&]() -> std::string_view {
            if (!squashed_sentence) {
                const std::string_view raw = text.substr(s.begin, s.end - s.begin);
                // squashed_already(raw), from the gaps the clause loop read: only the
                // bytes before the first word and after the last are read again.
                auto region_plain = [&](std::size_t from, std::size_t to) {
                    for (std::size_t i = from; i < to; ++i)
                        if (static_cast<unsigned char>(text[i]) < 0x20 || (text[i] == ' ' && i > from && text[i - 1] == ' '))
                            return false;
                    return true;
                };
                squash_identity = gaps_plain && raw.front() != ' ' && raw.back() != ' ' &&
                                  region_plain(s.begin, words.front().first) && region_plain(words.back().second, s.end);
                if (squash_identity) {
                    squashed_sentence = raw;
                } else {
                    char* const at = arena.allocate(raw.size());
                    const std::size_t n = squash_into(raw, at, &squash_map);
                    arena.keep(at, raw.size(), n);
                    squashed_sentence = std::string_view(at, n);
                }
            }
            return *squashed_sentence;
        };
        // Where byte `at` of the text went in the squashed sentence.
        auto squashed_at = [&](std::size_t at) -> std::size_t {
            return squash_identity ? at - s.begin : squash_map[at - s.begin];
        };

        // (The clauses are found in the look-up loop above.)

        // Timexes of this sentence.
        while (timex_cursor < timexes.size() && timexes[timex_cursor].begin < s.begin) ++timex_cursor;
        stimex.clear();
        for (std::size_t t = timex_cursor; t < timexes.size() && timexes[t].begin < s.end; ++t) {
            const Timex& tx = timexes[t];
            if (tx.type == TimexType::date || tx.type == TimexType::time) stimex.push_back(&tx);
        }
        // Word index at or after a byte offset.
        auto word_at = [&](std::size_t byte) {
            auto it = std::upper_bound(words.begin(), words.end(), byte,
                                       [](std::size_t b, const WordRange& w) { return b < w.second; });
            return std::min(static_cast<std::size_t>(it - words.begin()), words.size() - 1);
        };
        // (Both flag arrays only grow; their first words.size() bytes are zeroed.)
        if (in_timex.size() < words.size()) {
            in_timex.resize(words.size());
            in_name.resize(words.size());
        }
        std::memset(in_timex.data(), 0, words.size());
        for (const Timex* tx : stimex)
            for (std::size_t k = word_at(tx->begin); k < words.size() && words[k].first < tx->end; ++k)
                if (words[k].first >= tx->begin) in_timex[k] = 1;
        ranges.clear();
        for (std::size_t t = 0; t + 1 < stimex.size(); ++t) {
            const Timex& x = *stimex[t];
            const Timex& y = *stimex[t + 1];
            if (x.role != TimexRole::range || y.role != TimexRole::range || !x.when || !y.when) continue;
            auto span = Span::range(*x.when, *y.when);
            if (!span) continue;
            Timex& both = ranges.emplace_back(x);
            both.end = y.end;
            both.when = span;
            both.value = x.value + "/" + y.value;  // TIMEX3 has no interval value: both ends
            stimex[t] = &both;
            stimex.erase(stimex.begin() + static_cast<std::ptrdiff_t>(t) + 1);
        }
        auto inside_timex = [&](std::size_t k) { return static_cast<bool>(in_timex[k]); };

        // Actors and places.
        mentions.clear();
        std::memset(in_name.data(), 0, words.size());
        bool last_was_place_mode = false;
        std::size_t last_match_end_word = 0;
        gazetteer.match_entries(text, words, std::span<const std::uint32_t>(word_gazetteer.data(), words.size()),
                                std::span<const std::uint32_t>(name_starts.data(), n_name_starts), matches);
        for (const auto& m : matches) {
            const std::size_t k = m.word;  // match_entries gives its words
            const std::size_t k_end = m.word_end;
            const std::string_view prev = k > 0 ? lw(k - 1) : std::string_view();
            const bool chained = (is(prev, "and") || is(prev, "or")) && last_was_place_mode && k <= last_match_end_word + 2;
            const bool place_mode = (k > 0 && cue(k - 1, Cue::locative)) || chained;
            last_match_end_word = k_end;
            // A name of one word is squashed as it is: a word holds no whitespace and no byte
            // below 0x20 (split_words' words are word bytes, apostrophes, dots, a hyphen).
            const std::string_view raw_surface = text.substr(m.begin, m.end - m.begin);
            const std::string_view surface = k_end - k == 1 ? raw_surface : squashed_view(raw_surface);

            chosen.clear();
            bool noun_ref = !m.refs.empty() && m.refs.front().how == GazetteerRef::How::noun;
            if (noun_ref) {
                // The entity of that noun named most recently in the article.
                const GazetteerRef* best = nullptr;
                std::size_t best_time = 0;
                for (const auto& r : m.refs) {
                    const auto at = last_mention_of(r.kind == GazetteerRef::Kind::actor, r.index);
                    if (at && *at >= best_time) {
                        best_time = *at;
                        best = &r;
                    }
                }
                if (best) chosen.push_back({best->kind == GazetteerRef::Kind::actor, best->index, k, clause[k], surface, "", false, {}});
            } else {
                bool any_actor = false;
                bool metonym = false;
                for (const auto& r : m.refs) {
                    if (r.kind == GazetteerRef::Kind::actor) any_actor = true;
                    if (r.how == GazetteerRef::How::metonym) metonym = true;
                }
                bool any_place = false;
                for (const auto& r : m.refs) any_place |= r.kind == GazetteerRef::Kind::place;
                for (const auto& r : m.refs) {
                    const bool is_actor = r.kind == GazetteerRef::Kind::actor;
                    if (place_mode && any_place) {
                        if (is_actor) continue;  // "in Baku", "through Azerbaijan": a place
                    } else if (!is_actor) {
                        // Beside an actor reading, keep a place only when it is no
                        // country or capital standing for its state.
                        const auto& kind = places[r.index].kind;
                        if (any_actor && (metonym || is(kind, "country") || is(kind, "city"))) continue;
                    }
                    EntityMention em{is_actor, r.index, k, clause[k], surface, "", false, {}};
                    if (is_actor && r.how == GazetteerRef::How::adjective && k_end < words.size()) {
                        // "Russian-brokered": a mediator; "Azerbaijani environmental activists": a qualifier.
                        if (is(word(k_end), "-") && k_end + 1 < words.size() && cue(k_end + 1, Cue::mediator_suffixes)) {
                            em.mediator = true;
                        } else {
                            std::size_t n = k_end;
                            for (; n < words.size() && n < k_end + 3; ++n) {
                                const std::string_view w = lw(n);
                                if (is_capitalised(word(n)) || cue(n, Cue::prepositions) || is(w, "-") ||
                                    cue(n, Cue::clause_break) || cue(n, Cue::reference_determiners) || is(w, "or") ||
                                    word_triggers[n] || in_name[n] || clause[n] != clause[k])
                                    break;
                            }
                            // The words joined by single spaces: a view into the text when
                            // one space is all that parts them there.
                            if (n > k_end) {
                                bool single = true;
                                std::size_t size = 0;
                                for (std::size_t m = k_end; m < n; ++m) {
                                    size += (m > k_end) + (words[m].second - words[m].first);
                                    if (m > k_end)
                                        single &= words[m].first == words[m - 1].second + 1 && text[words[m - 1].second] == ' ';
                                }
                                if (single) {
                                    em.qualifier = text.substr(words[k_end].first, words[n - 1].second - words[k_end].first);
                                } else {
                                    char* const q = arena.allocate(size);
                                    char* w = q;
                                    for (std::size_t m = k_end; m < n; ++m) {
                                        if (m > k_end) *w++ = ' ';
                                        std::memcpy(w, text.data() + words[m].first, words[m].second - words[m].first);
                                        w += words[m].second - words[m].first;
                                    }
                                    em.qualifier = std::string_view(q, size);
                                }
                            }
                        }
                    }
                    if (is_actor) em.index = canonical_actor[r.index];
                    chosen.push_back(std::move(em));
                }
            }
            last_was_place_mode = place_mode;
            // Words of a name that refers to nothing ("the Ministry" with no ministry
            // named before) stay free for other readings.
            if (!chosen.empty())
                for (std::size_t n = k; n < k_end; ++n) in_name[n] = 1;
            for (auto& em : chosen) {
                set_last_mention(em.is_actor, em.index, ++mention_clock);
                // Also remember the surface entry for nouns ("the court" after "Judge Donoghue").
                mentions.push_back(std::move(em));
            }
            // An official also counts as a mention of the body they stand for, and as
            // themselves, for later back-references.
            for (const auto& r : m.refs)
                if (r.kind == GazetteerRef::Kind::actor) set_last_mention(true, r.index, mention_clock);
        }
        // Proper names the gazetteer does not know are actors too, under their own
        // name: "Boeing identifies an anomaly", "Bankman-Fried is convicted".
        // (Beginning at a capitalised word only: the others begin no name.)
        for (std::size_t k = 0; k < words.size();) {
            if (static_cast<unsigned char>(text[words[k].first] - 'A') >= 26u) {
                ++k;
                continue;
            }
            if (in_name[k] || inside_timex(k)) {
                ++k;
                continue;
            }
            std::size_t e = k;
            while (e < words.size() && !in_name[e] && !inside_timex(e) &&
                   (is_capitalised(word(e)) || (is(word(e), "-") && e + 1 < words.size() && is_capitalised(word(e + 1))) ||
                    ((is(lw(e), "of") || is(lw(e), "de") || is(lw(e), "al")) && e + 1 < words.size() &&
                     is_capitalised(word(e + 1)) && e > k)) &&
                   (e == k || clause[e] == clause[k]))
                ++e;
            std::size_t b = k;
            // Leading function words are no part of a name ("The", "In", "He").
            while (b < e && (cue(b, Cue::not_names) || cue(b, Cue::pronouns))) ++b;
            // A capital at the head of a clause may just be an ordinary word ("Pending
            // the decision", "Begins to serve"): alone, it is a name only when a verb
            // follows ("Boeing identifies", "Musk tweets").
            const bool initial = b < e && (b == 0 || clause[b - 1] != clause[b]);
            auto verb_follows = [&] {
                if (e >= words.size() || is_capitalised(word(e))) return false;
                const std::string_view next = lw(e);
                return word_triggers[e] != nullptr || ends(next, "s") || ends(next, "ed") ||
                       is(next, "is") || is(next, "was") || is(next, "has") || is(next, "will");
            };
            if (b < e && !(e - b == 1 && initial &&
                           (word_triggers[b] || cue(b, Cue::not_names) || !verb_follows()))) {
                EntityMention em;
                em.is_actor = true;
                em.index = k_no_entry;
                em.word = b;
                em.clause = clause[b];
                // (One word: squashed as it is, as a name of the gazetteer above.)
                const std::string_view raw_surface = text.substr(words[b].first, words[e - 1].second - words[b].first);
                em.surface = e - b == 1 ? raw_surface : squashed_view(raw_surface);
                em.unknown_name = strip_possessive(em.surface);
                mentions.push_back(std::move(em));
            }
            k = std::max(e, k + 1);
        }
        // In word order. The same std::sort over indexes gives the same order (it
        // compares the same keys) without moving three strings at every step.
        // Mentions whose words strictly ascend already (most sentences) are what the
        // sort gives: no two keys are equal, so no order but this one is sorted.
        const std::size_t n_mentions = mentions.size();
        bool ascending = true;
        for (std::size_t i = 1; i < n_mentions && ascending; ++i) ascending = mentions[i - 1].word < mentions[i].word;
        if (!ascending) {
            if (order.size() < n_mentions) order.resize(n_mentions);  // (only grows)
            for (std::size_t i = 0; i < n_mentions; ++i) order[i] = static_cast<std::uint32_t>(i);
            const auto order_end = order.begin() + static_cast<std::ptrdiff_t>(n_mentions);
            std::sort(order.begin(), order_end,
                      [&](std::uint32_t a, std::uint32_t b) { return mentions[a].word < mentions[b].word; });
            bool moved = false;
            for (std::size_t i = 0; i < n_mentions && !moved; ++i) moved = order[i] != i;
            if (moved) {
                sorted_mentions.clear();
                for (auto it = order.begin(); it != order_end; ++it) sorted_mentions.push_back(std::move(mentions[*it]));
                mentions.swap(sorted_mentions);
            }
        }
        if (!mentions.empty())
            for (const auto& em : mentions)
                if (em.is_actor) {
                    last_subject = em.index == k_no_entry ? em.unknown_name : std::string_view(actors[em.index].name);
                    break;
                }

        for (const auto& em : mentions) {
            if (em.index == k_no_entry) continue;
            for (const std::size_t c : (em.is_actor ? actor_conflicts : place_conflicts)[em.index]) ++conflict_score[c];
        }

        // Triggers: longest phrase at each word, not inside a date or a name.
        hits.clear();
        // (Over the words that begin a trigger only.)
        for (std::size_t ti = 0, k = 0; ti < n_trigger_starts;) {
            if (trigger_starts[ti] < k) {
                ++ti;
                continue;
            }
            k = trigger_starts[ti];
            if (in_name[k] || inside_timex(k)) {
                ++k;
                continue;
            }
            const auto* cands = word_triggers[k];
            std::size_t matched = 0;
            if (cands) {
                const std::string_view prev = k > 0 ? lw(k - 1) : std::string_view();
                for (std::size_t ti : *cands) {
                    const Trigger& tr = types.triggers()[ti];
                    if (matched && tr.words.size() < matched) break;
                    if (k + tr.words.size() > words.size()) continue;
                    bool ok = true;
                    for (std::size_t m = 1; m < tr.words.size() && ok; ++m) ok = same_bytes(lw(k + m), tr.words[m]);
                    if (!ok) continue;
                    // A verb reading after a determiner is a noun ("the state", "a note"),
                    // after a preposition an adjective or noun ("in close cooperation").
                    const bool determiner_before = is(prev, "the") || is(prev, "a") || is(prev, "an") ||
                                                   cue_before(k, Cue::reference_determiners) ||
                                                   (k >= 2 && cue(k - 2, Cue::reference_determiners));
                    if (!tr.noun && (is(prev, "the") || is(prev, "a") || is(prev, "an") || cue_before(k, Cue::reference_determiners) ||
                                     (!is(prev, "to") && cue_before(k, Cue::prepositions))))
                        continue;
                    const EventType& et = types.types()[tr.type];
                    if (tr.needs_actor_kind && !et.needs_actor_kind.empty()) {
                        bool found = false;
                        for (const auto& em : mentions) {
                            if (!em.is_actor) continue;
                            // An unknown "... Supreme Court" or "... Tribunal" is a court too.
                            const std::string_view kind =
                                em.index != k_no_entry ? std::string_view(actors[em.index].kind)
                                : (em.unknown_name.find("Court") != std::string::npos ||
                                   em.unknown_name.find("Tribunal") != std::string::npos || em.unknown_name.starts_with("Judge"))
                                    ? std::string_view("court")
                                    : std::string_view();
                            if (std::find(et.needs_actor_kind.begin(), et.needs_actor_kind.end(), kind) != et.needs_actor_kind.end())
                                found = true;
                        }
                        if (!found) continue;
                    }
                    bool dup = false;
                    for (const auto& h : hits)
                        if (h.word == k && h.type == tr.type) dup = true;
                    if (dup) continue;
                    // Both readings fit ("blockade"): a determiner just before ("its
                    // alleged blockade") makes it a noun, otherwise it is a verb.
                    const bool noun = tr.noun && (!tr.verb || determiner_before);
                    hits.push_back({k, k + tr.words.size(), tr.type, noun, clause[k]});
                    matched = tr.words.size();
                }
            }
            k += matched ? matched : 1;
        }
        if (hits.empty()) {
            // No known trigger: a named actor at the head of a clause followed by a
            // finite-looking verb ("Boeing and NASA cancel the mission") is still a
            // fact for the timeline, typed `other` with low confidence.
            const auto& other = other_type;
            for (const auto& em : mentions) {
                if (!other || !em.is_actor) continue;
                const bool head = em.word == 0 || clause[em.word - 1] != clause[em.word] ||
                                  (em.word <= 2 && cue(0, Cue::not_names));
                if (!head) break;
                std::size_t v = em.word;
                while (v < words.size() && (in_name[v] || is_capitalised(word(v)) || is(lw(v), "and") || is(lw(v), "-") ||
                                            is(lw(v), "of")))
                    ++v;
                if (v >= words.size() || clause[v] != em.clause) break;
                const std::string_view verb = lw(v);
                const bool finite = (verb.size() > 3 && (ends(verb, "s") || ends(verb, "ed")) &&
                                     !ends(verb, "ss") && !ends(verb, "us")) ||
                                    cue(v, Cue::planned);
                if (finite) hits.push_back({v, v + 1, *other, false, clause[v]});
                break;
            }
            if (hits.empty()) continue;
        }
        // Attach each timex to the nearest trigger; a fronted timex ("In 2020, ...")
        // dates every trigger of the sentence that has none of its own.
        assigned.assign(hits.size(), nullptr);
        const Timex* fronted = nullptr;
        for (const Timex* tx : stimex) {
            const std::size_t tk = word_at(tx->begin);
            std::size_t tk_end = tk;
            while (tk_end < words.size() && words[tk_end].first < tx->end) ++tk_end;
            bool is_fronted = tk <= 2 && tk_end < words.size() &&
                              text.substr(words[tk_end - 1].second, words[tk_end].first - words[tk_end - 1].second).find(',') !=
                                  std::string_view::npos;
            if (is_fronted) {
                for (std::size_t k = 0; k < tk; ++k) is_fronted &= !in_name[k];
            }
            if (is_fronted) {
                fronted = tx;
                continue;
            }
            std::size_t best = hits.size();
            double best_d = std::numeric_limits<double>::max();
            for (std::size_t h = 0; h < hits.size(); ++h) {
                const double d = hits[h].word >= tk_end ? double(hits[h].word - tk_end) + 0.5
                                                        : double(tk - std::min(tk, hits[h].word_end));
                // Prefer a trigger in the same clause.
                double penalty = hits[h].clause == clause[tk] ? 0.0 : 8.0;
                // "... struck Kharkiv on Thursday evening, the governor said": an
                // attribution after a comma is not what the timex dates.
                if (hits[h].word >= tk_end && is_statement(hits[h]) &&
                    text.substr(tx->end, words[hits[h].word].first - std::min(tx->end, words[hits[h].word].first))
                            .find(',') != std::string_view::npos)
                    penalty += 8.0;
                if (d + penalty < best_d) {
                    best_d = d + penalty;
                    best = h;
                }
            }
            if (best < hits.size() && best_d <= 16.0 && !assigned[best]) assigned[best] = tx;
        }
        // One event per type and clause: "said at a press conference" is one statement.
        // A light verb before a noun of another event in its clause is that event
        // ("launched a ground offensive" is the offensive, not a launch). Done after
        // the timexes are attached, so that the telling kept has the date of either
        // ("seized power in a coup in February 2021": the coup's date).
        {
            std::size_t kept = 0;  // hits[0, kept) are kept, in order
            for (std::size_t h = 0; h < hits.size(); ++h) {
                std::size_t same = kept;
                for (std::size_t o = 0; o < kept && same == kept; ++o)
                    if (hits[o].type == hits[h].type && hits[o].clause == hits[h].clause) same = o;
                if (same < kept) {
                    if (!assigned[same]) assigned[same] = assigned[h];
                    continue;
                }
                bool light = false;
                if (!hits[h].noun && cue(hits[h].word, Cue::light_verbs))
                    for (std::size_t o = h + 1; o < hits.size() && !light; ++o)
                        if (hits[o].noun && hits[o].type != hits[h].type && hits[o].clause == hits[h].clause &&
                            hits[o].word <= hits[h].word_end + 4) {
                            light = true;
                            if (!assigned[o]) assigned[o] = assigned[h];
                        }
                if (light) continue;
                assigned[kept] = assigned[h];
                hits[kept++] = hits[h];
            }
            hits.resize(kept);
            assigned.resize(kept);
        }
        // A timex dates the other triggers of its own clause too when they have none:
        // "signed a week-long ceasefire late on Saturday" dates the signing and the
        // ceasefire, "adopted its eleventh package of sanctions on June 23" the sanctions.
        {
            // (A copy kept by the thread: no allocation per sentence.)
            std::vector<const Timex*>& nearest = scratch.nearest;
            nearest.assign(assigned.begin(), assigned.end());
            for (std::size_t h = 0; h < hits.size(); ++h) {
                if (nearest[h]) continue;
                const Timex* shared = nullptr;
                bool several = false;
                // "said on Tuesday that the army kept up air raids": the saying's date
                // is not the date of what is said.
                if (is_statement(hits[h])) continue;
                // A noun after a determiner of reference names a known state of affairs
                // ("its alleged blockade", see below); a noun after a saying in its clause
                // is what was said ("said evidence presented at a hearing last month").
                // And a trigger after the timex ("a hearing last month showed") is no
                // part of the phrase the timex closes (checked below).
                if (hits[h].noun) {
                    if (after_reference(hits[h].word)) continue;
                    bool after_saying = false;
                    for (std::size_t o = 0; o < hits.size(); ++o)
                        after_saying |= hits[o].clause == hits[h].clause && hits[o].word < hits[h].word &&
                                        is_statement(hits[o]);
                    if (after_saying) continue;
                }
                for (std::size_t o = 0; o < hits.size(); ++o) {
                    const Timex* tx = nearest[o];
                    if (!tx || hits[o].clause != hits[h].clause || clause[word_at(tx->begin)] != hits[h].clause) continue;
                    bool second_saying = false;
                    if (is_statement(hits[o])) {
                        // ... but a second speech act of the speaker is said then too:
                        // "said on Friday that ... and urged Western partners to ...".
                        // Coordinated with the saying ("and urged"), not inside what was
                        // said ("said the agency would keep pressing for access").
                        if (hits[h].noun || hits[h].word < hits[o].word || hits[h].word == 0 ||
                            !is(lw(hits[h].word - 1), "and") || !second_speech_act[hits[h].type])
                            continue;
                        second_saying = true;
                    }
                    // After the timex only the object of the dated verb: "agreed on
                    // Wednesday to a four-day truce"; not "a hearing last month showed".
                    if (hits[h].word >= word_at(tx->begin) && !second_saying) {
                        if (!(hits[h].noun && hits[o].word < hits[h].word && !hits[o].noun)) continue;
                        // "called on both sides on Wednesday to return to talks": the
                        // talks of an infinitive are not dated by the call.
                        bool infinitive = false;
                        for (std::size_t k = word_at(tx->begin); k + 1 < hits[h].word; ++k) {
                            if (!is(lw(k), "to")) continue;
                            const std::string_view n = lw(k + 1);
                            infinitive |= !is(n, "a") && !is(n, "an") && !is(n, "the") && !is(n, "its") && !is(n, "their") &&
                                          !is(n, "his") && !is(n, "her") && !is(n, "this") && !is(n, "that");
                        }
                        if (infinitive) continue;
                    }
                    if (shared && shared != tx) several = true;
                    shared = tx;
                }
                if (shared && !several) assigned[h] = shared;
            }
        }
        // "Hours later, both sides accused each other": a sentence opened by a same-day
        // phrase (`same_day_openers` in cues.json) with no date of its own happened on
        // the last day the text named before it.
        if (!fronted && words.size() > 2 && !inside_timex(0) && !inside_timex(1) &&
            cues.same_day_opener(lw(0), lw(1))) {
            const Timex* last = nullptr;
            for (std::size_t t = timex_cursor; t-- > 0;) {
                const Timex& p = timexes[t];
                if ((p.type == TimexType::date || p.type == TimexType::time) && p.when && !p.when->open_start &&
                    !p.when->open_end && p.when->precision == Precision::day) {
                    last = &p;
                    break;
                }
                if (timexes[t].begin + 4000 < s.begin) break;  // a few paragraphs back at most
            }
            if (last) {
                Timex& same = ranges.emplace_back(*last);
                same.begin = words[0].first;
                same.end = words[1].second;
                same.role = TimexRole::point;
                same.anaphoric = true;
                fronted = &same;
            }
        }
        // "since November 19, when they hijacked the ship": a clause opened by "when"
        // right after a timex happened on that date itself, whatever role the timex
        // plays for the clause before it.
        for (std::size_t h = 0; h < hits.size(); ++h) {
            if (assigned[h]) continue;
            const std::size_t first = clause_first[hits[h].clause];
            if (first == 0 || !is(lw(first), "when") || !inside_timex(first - 1)) continue;
            const Timex* before = nullptr;
            for (const Timex* tx : stimex)
                if (tx->begin <= words[first - 1].first && words[first - 1].first < tx->end) before = tx;
            if (!before || !before->when) continue;
            Timex& point = ranges.emplace_back(*before);
            point.role = TimexRole::point;
            point.when->open_start = point.when->open_end = false;
            assigned[h] = &point;
        }

        const bool full = [&] {
            // Ended by . ! or ?: no mark strip_quotes takes off ends with one of them,
            // so the stripped tail ends with it too (most sentences).
            const char last = text[s.end - 1];
            if (last == '.' || last == '!' || last == '?') return true;
            std::string_view tail = text.substr(s.begin, s.end - s.begin);
            const std::string_view t = strip_quotes(tail.substr(tail.size() > 8 ? tail.size() - 8 : 0));
            return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
        }();

        const std::size_t actor_mentions =
            static_cast<std::size_t>(std::count_if(mentions.begin(), mentions.end(), [](const EntityMention& em) { return em.is_actor; }));
        for (std::size_t h = 0; h < hits.size(); ++h) {
            const TriggerHit& hit = hits[h];
            const EventType& et = types.types()[hit.type];
            const Timex* tx = assigned[h] ? assigned[h] : fronted;
            // A timex that names no days ("soon", "as soon as possible") dates nothing,
            // unless it is only waiting for a publication date the article lacks.
            if (tx && !tx->when && !(tx->relative && !article.published)) tx = nullptr;
            // A noun with no date of its own names a known state of affairs ("its
            // alleged blockade", "an end to the blockade"), not news of the day.
            if (!tx && hit.noun) {
                const bool referring = after_reference(hit.word);
                if (hits.size() > 1 || referring) continue;
            }

            Draft& d = new_draft();
            d.type = hit.type;
            DraftEvent& e = d.event;
            d.sentence = si;
            d.full_sentence = full;
            if (tx) {
                if (tx->when) {
                    e.when = with_role(*tx->when, tx->role);
                    e.date_source = DateSource::text;
                    d.dated_by_text = true;
                } else {
                    e.date_source = DateSource::unresolved;
                }
                // (A range's value lives with the sentence's ranges: copied.)
                e.timex_value = arena.copy(tx->value);
                e.evidence.timex = squashed_view(text.substr(tx->begin, tx->end - tx->begin));
            } else if (article.published) {
                e.when = Span::day(*article.published);
                e.date_source = DateSource::published;
            } else {
                e.date_source = DateSource::unresolved;
            }

            // Actors and places: the trigger's clause first, the sentence as fallback.
            // Names already taken for this event (few: a linear search).
            seen_actor.clear();
            seen_place.clear();
            e.actors.reserve(actor_mentions + 1);
            e.places.reserve(mentions.size() - actor_mentions);
            auto first_time = [](std::vector<std::string_view>& seen, std::string_view name) __attribute__((always_inline)) {
                if (has_view(seen, name)) return false;
                seen.push_back(name);
                return true;
            };
            auto add_actor = [&](const EntityMention& em, bool same_clause) __attribute__((always_inline)) {
                const std::string_view name = em.index == k_no_entry ? em.unknown_name : std::string_view(actors[em.index].name);
                if (!first_time(seen_actor, name)) return;
                std::string_view role;
                bool acting = false;
                if (em.mediator) role = "mediator";
                else if (!same_clause) role = "participant";
                else if (em.word < hit.word) {
                    role = is(et.name, "statement") ? "source" : "agent";
                    acting = true;
                } else role = "target";
                if (acting) d.agents.emplace_back(name);
                e.actors.push_back({name, role, em.surface, em.qualifier});
            };
            auto add_place = [&](const EntityMention& em) {
                const PlaceEntry& p = places[em.index];
                if (!first_time(seen_place, p.name)) return;
                e.places.push_back({p.name, p.lat, p.lon, em.surface});
            };
            for (const auto& em : mentions)
                if (em.clause == hit.clause) em.is_actor ? add_actor(em, true) : add_place(em);
            // "he said", "they signed": a pronoun before the trigger in its clause
            // stands for the previous sentence's first actor.
            if (d.agents.empty() && !previous_subject.empty()) {
                for (std::size_t k = hit.word; k-- > 0 && clause[k] == hit.clause;) {
                    if (!cue(k, Cue::pronouns)) continue;
                    if (first_time(seen_actor, previous_subject)) {
                        e.actors.push_back({previous_subject, is(et.name, "statement") ? "source" : "agent", word(k), {}});
                        d.agents.push_back(previous_subject);
                    }
                    break;
                }
            }
            if (e.actors.empty() || is(et.name, "statement"))
                for (const auto& em : mentions)
                    if (em.is_actor && em.clause != hit.clause) add_actor(em, false);
            if (e.places.empty() || is(et.name, "statement"))
                for (const auto& em : mentions)
                    if (!em.is_actor) add_place(em);
            // A saying with no known speaker ("he added") is no fact of its own: the
            // folding below drops it, and never folds another telling into it (sayings
            // join only sayings of a shared speaker). Its headline, evidence and id
            // would be built for nothing.
            if (is_statement(hit) && d.agents.empty()) {
                d.folded = true;
                continue;
            }

            // Status from the words just before the trigger in its clause.
            for (std::size_t k = hit.word; k-- > 0 && k + 4 > hit.word && clause[k] == hit.clause;) {
                const std::string_view w = lw(k);
                if (cue(k, Cue::negation) || ends(w, "n't")) e.status = EventStatus::negated;
                else if (cue(k, Cue::planned) && e.status == EventStatus::asserted) e.status = EventStatus::planned;
                else if (cue(k, Cue::reported) && e.status == EventStatus::asserted) e.status = EventStatus::reported;
            }
            // A noun as subject of a modal: "The truce is due to begin", "Talks ... are
            // expected to resume", "the election is scheduled for June".
            if (hit.noun && e.status == EventStatus::asserted) {
                std::size_t k = hit.word_end, seen = 0;
                for (; k < words.size() && clause[k] == hit.clause && seen < 6; ++k, ++seen) {
                    if (text.substr(words[k - 1].second, words[k].first - words[k - 1].second).find(',') !=
                        std::string_view::npos)
                        break;
                    if (in_name[k] || inside_timex(k)) continue;
                    if (cue(k, Cue::negation)) break;
                    const std::string_view w = lw(k);
                    if (cue(k, Cue::planned) || is(w, "due")) {
                        e.status = EventStatus::planned;
                        break;
                    }
                    if (!is(w, "is") && !is(w, "are") && !is(w, "was") && !is(w, "were") && !is(w, "be") && !is(w, "between") &&
                        !is(w, "and") && !is(w, "the") && !is(w, "of") && !is(w, "in") && !is(w, "on"))
                        break;
                }
            }
            // A fact dated by the text after the report's own date has not happened yet.
            if (e.status == EventStatus::asserted && d.dated_by_text && article.published && e.when &&
                !e.when->open_start && e.when->earliest > *article.published)
                e.status = EventStatus::planned;

            // Headline: the trigger's clause, cut to ~120 characters.
            std::size_t cb = clause_first[hit.clause];
            std::size_t ce = (hit.clause + 1 < n_clauses ? clause_first[hit.clause + 1] : words.size()) - 1;
            while (cb < hit.word && (cue(cb, Cue::clause_break) || cue(cb, Cue::subordinators))) ++cb;
            std::string_view clause_text = sentence_text();
            if (ce - cb >= 3) {
                // Words begin and end with other bytes than whitespace: the squashed
                // clause is a piece of the squashed sentence.
                const std::size_t from = squashed_at(words[cb].first);
                clause_text = clause_text.substr(from, squashed_at(words[ce].second - 1) + 1 - from);
            }
            e.headline = headline_of(arena, strip_quotes(trim_view(clause_text)), 120);

            // The article's id, url, source and date are added when the event is written.
            e.evidence.sentence = sentence_text();
            e.evidence.begin = s.begin;
            e.evidence.end = s.end;

            double conf = 0.45;
            if (d.dated_by_text) conf += 0.2;
            if (!e.actors.empty()) conf += 0.15;
            if (!e.places.empty()) conf += 0.05;
            if (!hit.noun) conf += 0.05;
            if (e.date_source != DateSource::text) conf -= 0.15;
            if (is(et.name, "other")) conf -= 0.2;
            e.confidence = std::clamp(conf, 0.05, 0.95);
            e.trigger_at = words[hit.word].first;  // (the id: after the folding below)
        }
    }

    const std::span<Draft> drafts(draft_pool.data(), n_drafts);

    // Dyadic events (war, ceasefire, talks) need two sides: take the missing ones
    // from the conflict the article is about.
    std::size_t main_conflict = gazetteer.conflicts().size();
    int best_score = 2;
    for (std::size_t c = 0; c < conflict_score.size(); ++c)
        if (conflict_score[c] > best_score) {
            best_score = conflict_score[c];
            main_conflict = c;
        }
    if (main_conflict < gazetteer.conflicts().size()) {
        const auto& conflict = gazetteer.conflicts()[main_conflict];
        for (auto& d : drafts) {
            if (!types.types()[d.type].dyadic) continue;
            int sides = 0;
            for (const auto& a : d.event.actors)
                if (!is(a.role, "mediator") && std::find(conflict.parties.begin(), conflict.parties.end(), a.name) != conflict.parties.end())
                    ++sides;
            if (sides >= 2) continue;
            for (const auto& party : conflict.parties) {
                bool present = false;
                for (const auto& a : d.event.actors) present |= a.name == party;
                if (!present) d.event.actors.push_back({party, "participant", {}, {}});
            }
        }
    }

    auto is_statement_type = [&](const Draft& d) { return statement_type && d.type == *statement_type; };
    // Fold the same event told twice in one article into one event with several mentions.
    auto shares_actor = [](const DraftEvent& a, const DraftEvent& b) {
        for (const auto& x : a.actors)
            for (const auto& y : b.actors)
                if (same_bytes(x.name, y.name)) return true;
        return false;
    };
    // Sayings are the same only when the same speaker says them.
    auto shares_agent = [](const Draft& a, const Draft& b) {
        for (const auto& x : a.agents)
            if (has_view(b.agents, x)) return true;
        return false;
    };
    // `from` is folded and read no more: its strings are moved, not copied.
    auto absorb = [](Draft& into, Draft& from) {
        DraftEvent& e = into.event;
        for (auto& a : from.event.actors) {
            bool have = false;
            for (const auto& b : e.actors) have |= same_bytes(a.name, b.name);
            if (!have) e.actors.push_back(std::move(a));
        }
        for (auto& p : from.event.places) {
            bool have = false;
            for (const auto& q : e.places) have |= same_bytes(p.name, q.name);
            if (!have) e.places.push_back(std::move(p));
        }
        for (auto& a : from.agents)
            if (!has_view(into.agents, a)) into.agents.push_back(std::move(a));
        e.mentions.push_back(std::move(from.event.evidence));
        for (auto& m : from.event.mentions) e.mentions.push_back(std::move(m));
        e.confidence = std::min(0.95, e.confidence + 0.05);
        from.folded = true;
    };
    // 1. An undated event joins a dated one of the same type and actors; undated
    //    ones of the same type join each other (a headline and its lead).
    // Only drafts of its own type can take a draft in: the drafts' indexes grouped by
    // type (ascending within a type, a counting sort), so that the windows below walk
    // the draft's own type only, in the same order as a walk over every draft would
    // meet them. (Folding swaps events between drafts of one type: the types stay.)
    thread_local std::vector<std::uint32_t> by_type, type_begin, place_in_type;
    const std::size_t n_types = types.types().size();
    type_begin.assign(n_types + 1, 0);
    for (const Draft& d : drafts) ++type_begin[d.type + 1];
    for (std::size_t t = 0; t < n_types; ++t) type_begin[t + 1] += type_begin[t];
    by_type.resize(drafts.size());
    place_in_type.resize(drafts.size());
    {
        std::uint32_t* const fill = type_begin.data();  // advanced while filling, restored after
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            const std::uint32_t at = fill[drafts[i].type]++;
            by_type[at] = static_cast<std::uint32_t>(i);
            place_in_type[i] = at;
        }
        for (std::size_t t = n_types; t > 0; --t) fill[t] = fill[t - 1];
        fill[0] = 0;
    }
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        Draft& d = drafts[i];
        if (d.folded || d.dated_by_text) continue;
        Draft* target = nullptr;
        // Tellings of one event stand near each other; the window keeps long
        // articles linear.
        const std::size_t lo = i > k_fold_window ? i - k_fold_window : 0;
        const std::size_t hi = std::min(drafts.size(), i + k_fold_window);
        // The drafts of d's type in [lo, hi): by_type[first .. ) up to the first >= hi.
        const std::size_t type_first = type_begin[d.type], type_end = type_begin[d.type + 1];
        std::size_t first = place_in_type[i];
        while (first > type_first && by_type[first - 1] >= lo) --first;
        for (std::size_t q = first; q < type_end && by_type[q] < hi; ++q)
            if (const std::size_t j = by_type[q]; j != i) {
                Draft& o = drafts[j];
                if (!o.folded && o.dated_by_text && o.type == d.type &&
                    (is_statement_type(d) ? shares_agent(o, d) : shares_actor(o.event, d.event))) {
                    target = &o;
                    break;
                }
            }
        if (!target)
            for (std::size_t q = first; q < place_in_type[i]; ++q)
                if (Draft& o = drafts[by_type[q]]; !o.folded && !o.dated_by_text && o.type == d.type &&
                    o.event.date_source == d.event.date_source &&
                    (is_statement_type(d) ? shares_agent(o, d)
                                                 : (shares_actor(o.event, d.event) || o.event.actors.empty() ||
                                                    d.event.actors.empty()))) {
                    target = &o;
                    break;
                }
        if (!target) continue;
        // The fuller telling leads: a sentence over a headline line, else the earlier one.
        if (!target->dated_by_text && d.full_sentence && !target->full_sentence) {
            std::swap(target->event, d.event);
            std::swap(target->agents, d.agents);
            std::swap(target->full_sentence, d.full_sentence);
            std::swap(target->sentence, d.sentence);
        }
        absorb(*target, d);
    }
    // 2. A statement by someone who is acting in another event of the article, on
    //    the same day or undated, is that event told in their words.
    // The deeds a saying can join: drafts of other types than statements, not folded, with
    // someone acting (a speaker acts only in a draft with agents). This pass folds only
    // statements and adds agents only to a draft that has some: the list holds for the pass.
    thread_local std::vector<std::uint32_t> deeds;
    deeds.clear();
    if (statement_type)
        for (std::size_t j = 0; j < drafts.size(); ++j)
            if (const Draft& o = drafts[j]; !o.folded && o.type != *statement_type && !o.agents.empty())
                deeds.push_back(static_cast<std::uint32_t>(j));
    std::size_t deeds_from = 0;  // deeds[deeds_from] is the first deed of the window (it only moves on)
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        Draft& d = drafts[i];
        if (d.folded || !is_statement_type(d)) continue;
        if (d.agents.empty()) {
            // "he added": a saying with no known speaker is no fact of its own.
            d.folded = true;
            continue;
        }
        Draft* target = nullptr;
        int best_rank = 0;
        const std::size_t lo = i > k_fold_window ? i - k_fold_window : 0;
        const std::size_t hi = std::min(drafts.size(), i + k_fold_window);
        while (deeds_from < deeds.size() && deeds[deeds_from] < lo) ++deeds_from;
        for (std::size_t q = deeds_from; q < deeds.size() && deeds[q] < hi; ++q) {
            const std::size_t j = deeds[q];
            Draft& o = drafts[j];
            bool speaker_acts = false;
            for (const auto& a : d.agents)
                if (has_view(o.agents, a)) speaker_acts = true;
            if (!speaker_acts) continue;
            const bool same_day = d.event.when && o.event.when && *d.event.when == *o.event.when;
            if (d.dated_by_text && !same_day) continue;
            // Same sentence, same day, or an undated saying just after the deed.
            const int rank = o.sentence == d.sentence ? 3
                             : same_day               ? 2
                             : (o.sentence < d.sentence && o.sentence + 3 >= d.sentence) ? 1
                                                                                        : 0;
            if (rank > best_rank) {
                best_rank = rank;
                target = &o;
            }
        }
        if (target) absorb(*target, d);
    }
    // The ids of the events that stay (a draft folded away is read no more).
    for (Draft& d : drafts)
        if (!d.folded) d.event.id = event_hash(id_prefix, d.event.trigger_at, types.types()[d.type].name);

    return drafts;
}

}  // namespace dateline
