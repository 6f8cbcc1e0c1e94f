// TimexLexicon: the tagger's word lists (data/timex/*.json) as one fast word lookup.
#pragma once

#include "dateline/data_files.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline::timex {

/// Calendar units, ordered from fine to coarse so comparisons mean "finer than".
enum class Unit : std::uint8_t {
    none, second, minute, hour, day, weekend, week, fortnight, month, quarter, year, decade, century
};

/// Flags a word can carry; a word may carry several ("last" is a relative word,
/// an ordinal and a past cue).
enum WordFlag : std::uint32_t {
    k_future_cue = 1u << 0,
    k_past_cue = 1u << 1,
    k_start_word = 1u << 2,
    k_end_word = 1u << 3,
    k_range_connector = 1u << 4,
    k_temporal_prep = 1u << 5,
    k_not_after_year = 1u << 6,
    k_not_after_weekday = 1u << 7,
    k_set_quantifier = 1u << 8,
    k_vague_quantity = 1u << 9,
    k_month_ambiguous = 1u << 10,
    k_month_abbrev = 1u << 11,
    k_weekday_abbrev = 1u << 12,
    k_unit_plural = 1u << 13,
    k_day_suffix = 1u << 14,
    k_phrase_start = 1u << 15,  // first word of some multi-word entry
    k_starter = 1u << 16,       // may begin an expression: the scanner tries matchers only there
    k_past_auxiliary = 1u << 17,  // had, been: turns a following plan word ("due", "expected") past
    k_reporting_verb = 1u << 18,  // said, told: after the fact and a comma, not its tense
    k_modal_cue = 1u << 19,       // could, may: leans to the future, less than "will"
    k_determiner = 1u << 20,      // the, a, its: makes a following cue word ("plan") a noun
    k_passive_auxiliary = 1u << 21,  // be, being: a participle after it ("will be named") tells no tense
    k_cue_before_to_for = 1u << 22,  // set: a future cue only as "set to", "set for"
    k_no_cue_before_to = 1u << 23,   // next: "next to" is a place, not a tense cue
    k_anaphor_preposition = 1u << 24,  // for, during: "for the year" is the year the text is about
    k_anaphor_blocker = 1u << 25,      // before, in: "the year before", "the year in which" are no such year
    k_amount_extender = 1u << 26,      // more, straight: "two more weeks", "three straight years"
    k_be_to = 1u << 27,                // is, are: "is to resume" tells a plan, a future
    k_weekday_plural = 1u << 28,       // mondays: a weekday that recurs (SET)
    k_plain = 1u << 29,                // means nothing alone (no value, no phrase of itself): "the", "that"
    k_plain_count = 1u << 30,          // means no more than a number alone: "a", "an" (and every k_plain word)
    k_object_start = 1u << 31,         // the, in, from: after a word in -ed, makes it a verb ("changed from")
};

inline constexpr std::int8_t k_none = 127;

/// Everything the lexicon knows about one lower-case word.
struct Word {
    std::uint32_t flags = 0;
    std::int8_t month = 0;      // 1..12
    std::int8_t weekday = -1;   // 0 Monday .. 6 Sunday
    std::int8_t season = 0;     // 1 spring, 2 summer, 3 autumn, 4 winter (Span::season)
    std::int8_t ordinal = 0;    // "third" 3, "last" -1
    std::int8_t relative = k_none;  // last -1, this 0, next +1
    std::int8_t ago = 0;        // ago/earlier -1, later +1
    std::int8_t deictic = k_none;   // today 0, yesterday -1, tomorrow +1
    std::int32_t cardinal = -1;
    std::int16_t decade = -1;   // "nineties" 1990
    Unit unit = Unit::none;
    std::int8_t unit_multiplier = 1;  // fortnight = 2 weeks
    std::uint8_t phrase_lists = 0;    // bit i: begins a phrase of list i (PhraseList)
    // Where the phrases that begin with this word are in Lexicon::phrases(list), per list.
    std::uint16_t phrase_first[5] = {};
    std::uint16_t phrase_count[5] = {};
    std::uint8_t phrase_single = 0;       // bit i: one of them, in list i, is this word alone
    std::uint64_t phrase_next[5] = {};    // bit Lexicon::next_bit(second word) of each, per list
    std::uint64_t phrase_next2[5] = {};   // the same with Lexicon::next_bit2: a second, independent filter
    std::uint64_t phrase_next_any = 0, phrase_next2_any = 0;  // the five lists' filters together

    // A k_plain starter that the grammar never reads by name where an expression begins: only
    // one of its phrases can make it begin one (Lexicon::mark_starters; the scanner's cannot_begin).
    bool phrase_only = false;
    // Which of the tagger's matchers may begin at this word (bits the tagger defines and sets
    // at start-up through Lexicon::for_each_word): one test per matcher at a starter.
    std::uint8_t begins = 0;

    std::string part_of_day;    // MO, AF, EV, NI, MI or a clock time "12:00"
    std::string set_value;      // daily -> P1D
    std::string single_word_reference;  // now -> PRESENT_REF
    std::string single_word_holiday;    // christmas -> 12-25

    bool has(WordFlag f) const { return (flags & f) != 0; }
};

/// The lists of multi-word entries, as bit positions in Word::phrase_lists.
enum class PhraseList : std::uint8_t { position_modifier, quantity_modifier, reference, holiday, cardinal, count };

/// A multi-word entry ("the end of", "more than", "new year's eve") and what it means.
struct Phrase {
    std::vector<std::string> words;
    std::string value;
    std::vector<std::uint64_t> heads;  // Lexicon::pack of each word: most words differ there
};

/// Loads every "timex/*.json" file from DataFiles; later files add to earlier ones.
/// Throws DataError (naming the file) when a file is malformed.
class Lexicon {
public:
    explicit Lexicon(const DataFiles& files);
    // The index points into m_words: a copy would point into the original.
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    /// The entry for a lower-case word, or nullptr. No allocation: one probe of an
    /// open-addressing table in most cases (the tagger looks up every word of a text).
    const Word* find(std::string_view lower) const { return find(lower, pack(lower)); }

    /// The same, with `head` = pack(lower) already known.
    [[gnu::always_inline]] const Word* find(std::string_view lower, std::uint64_t head) const {
        const std::size_t n = lower.size();
        if (n == 0) return m_empty;
        // Most words of a text are not in the lexicon: one bit of a filter on the head's hash
        // turns most of them away (the hash then picks the slot too).
        const std::uint64_t h = mix(head);
        const unsigned bit = static_cast<unsigned>(h >> 48);
        if (!(m_filter[bit >> 6] >> (bit & 63) & 1u)) return nullptr;
        if (n >= 64) return find_long(lower);
        for (std::size_t k = (h >> 32) & m_mask;; k = (k + 1) & m_mask) {
            const Slot& s = m_slots[k];
            if (!s.word) return nullptr;
            if (s.head == head && s.size == n &&
                (n <= 8 || lower.compare(8, n - 8, std::string_view(s.key).substr(8)) == 0))
                return s.word;
        }
    }

    /// Each entry with its word, for the tagger to mark at start-up (Word::begins). The
    /// index keeps pointing at the same entries.
    template <class F>
    void for_each_word(F&& f) {
        for (auto& [key, w] : m_words) f(std::string_view(key), w);
    }

    /// Which bit of Word::phrase_next a word with this head sets: a word whose bit is clear
    /// is the second word of no phrase of the group.
    static unsigned next_bit(std::uint64_t head) {
        return static_cast<unsigned>((head * 0x9E3779B97F4A7C15ull) >> 58);
    }
    /// A second bit, from another hash: a word must have both bits set in a group to go on
    /// with one of its phrases (one 64-bit filter lets through about one word in three).
    static unsigned next_bit2(std::uint64_t head) {
        return static_cast<unsigned>(((head ^ (head >> 29)) * 0xBF58476D1CE4E5B9ull) >> 58);
    }

    /// The first 8 bytes of a word, the first byte lowest, zero-padded.
    static std::uint64_t pack(std::string_view s) {
        std::uint64_t v = 0;
        const std::size_t n = s.size() < 8 ? s.size() : 8;
        for (std::size_t k = 0; k < n; ++k)
            v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[k])) << (8 * k);
        return v;
    }

    /// The entries of a list, those with the same first word together (in the order loaded).
    const std::vector<Phrase>& phrases(PhraseList list) const { return m_phrases[static_cast<int>(list)]; }

    /// Words right before an expression that lean it to the future: "by", "until", "as soon as".
    const std::vector<std::vector<std::string>>& future_leaning() const { return m_future_leaning; }
    /// pack() of the last word of each of them, in the same order.
    const std::vector<std::uint64_t>& future_leaning_last() const { return m_future_leaning_last; }
    /// Words right before an expression that put it in the past whatever the verbs say: "since".
    const std::vector<std::vector<std::string>>& past_before() const { return m_past_before; }
    /// pack() of the last word of each of them, in the same order.
    const std::vector<std::uint64_t>& past_before_last() const { return m_past_before_last; }

private:
    /// A word of 64 bytes or more (in no slot; looked up after the filter): out of line, so
    /// that the inlined probe keeps the word in registers (the map's look-up takes it by
    /// reference, in memory).
    [[gnu::noinline, gnu::cold]] const Word* find_long(std::string_view lower) const;
    /// The hash of a word's head, one multiply: its top 16 bits pick the filter's bit, bits
    /// 32 and up the slot (apart while m_slots has at most 2^16 slots). A word of
    /// more than 8 bytes hashes as its first 8: it shares a chain with the words of the same
    /// head, and the probe compares sizes.
    static std::uint64_t mix(std::uint64_t head) { return head * 0xBF58476D1CE4E5B9ull; }
    struct Slot {
        std::uint64_t head = 0;
        const char* key = nullptr;
        const Word* word = nullptr;  // nullptr: an empty slot
        std::size_t size = 0;
    };
    void build_index();
    void group_phrases();

    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            std::uint64_t h = 1469598103934665603ull;  // FNV-1a: short keys, no allocation
            for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
            return static_cast<std::size_t>(h);
        }
    };
    void load(const std::string& path, const std::string& json);
    void mark_starters();
    Word& entry(const std::string& word);
    void add_phrase(PhraseList list, const std::string& text, const std::string& value);

    std::unordered_map<std::string, Word, Hash, std::equal_to<>> m_words;
    std::vector<Phrase> m_phrases[static_cast<int>(PhraseList::count)];
    std::vector<std::vector<std::string>> m_future_leaning;
    std::vector<std::uint64_t> m_future_leaning_last;
    std::vector<std::vector<std::string>> m_past_before;
    std::vector<std::uint64_t> m_past_before_last;
    // The look-up index over m_words (whose nodes never move): built once after loading.
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::uint64_t m_filter[1024] = {};  // bit mix(head) >> 48: some word has that hash
    const Word* m_empty = nullptr;     // the entry for "", if a list has one
};

}  // namespace dateline::timex
