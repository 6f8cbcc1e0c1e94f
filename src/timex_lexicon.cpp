// Loads the timex word lists from data/timex/*.json into the tagger's lookup table.
#include "timex_lexicon.hpp"

#include "dateline/error.hpp"
#include "data_json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

namespace dateline::timex {
namespace {

using nlohmann::json;

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    std::string w;
    while (in >> w) words.push_back(w);
    return words;
}

Unit unit_from_code(const std::string& code, std::int8_t& multiplier) {
    multiplier = 1;
    if (code == "S") return Unit::second;
    if (code == "MIN") return Unit::minute;
    if (code == "H") return Unit::hour;
    if (code == "D") return Unit::day;
    if (code == "WE") return Unit::weekend;
    if (code == "W") return Unit::week;
    if (code == "2W") {
        multiplier = 2;
        return Unit::week;
    }
    if (code == "M") return Unit::month;
    if (code == "Q") return Unit::quarter;
    if (code == "Y") return Unit::year;
    if (code == "DE") return Unit::decade;
    if (code == "CE") return Unit::century;
    throw std::invalid_argument(fmt::format("unknown unit code '{}'", code));
}

// Section notes ("_note") explain the data to its editors; they are not words.
bool is_note(const std::string& key) { return !key.empty() && key[0] == '_'; }

}  // namespace

Lexicon::Lexicon(const DataFiles& files) {
    for (const auto& path : files.list("timex/")) {
        if (path.size() < 5 || path.substr(path.size() - 5) != ".json") continue;
        load(path, files.get(path));
    }
    mark_starters();
    group_phrases();
    build_index();
}

// The scanner tries only the phrases that begin with the word it is at.
void Lexicon::group_phrases() {
    static_assert(static_cast<int>(PhraseList::count) == 5, "Word::phrase_first has one place per list");
    for (int list = 0; list < static_cast<int>(PhraseList::count); ++list) {
        auto& phrases = m_phrases[list];
        if (phrases.size() > 0xFFFF) throw DataError("timex word lists: more than 65535 phrases in one list");
        std::stable_sort(phrases.begin(), phrases.end(),
                         [](const Phrase& a, const Phrase& b) { return a.words.front() < b.words.front(); });
        for (std::size_t k = 0; k < phrases.size(); ++k) {
            Word& w = m_words.at(phrases[k].words.front());
            if (w.phrase_count[list] == 0) w.phrase_first[list] = static_cast<std::uint16_t>(k);
            ++w.phrase_count[list];
            if (phrases[k].words.size() == 1) w.phrase_single |= static_cast<std::uint8_t>(1u << list);
            else {
                w.phrase_next[list] |= std::uint64_t{1} << next_bit(phrases[k].heads[1]);
                w.phrase_next2[list] |= std::uint64_t{1} << next_bit2(phrases[k].heads[1]);
                w.phrase_next_any |= w.phrase_next[list];
                w.phrase_next2_any |= w.phrase_next2[list];
            }
        }
    }
}

void Lexicon::build_index() {
    std::size_t capacity = 16;
    // At most one slot in 4 taken: most words of a text are no entry, and their probe then ends at the
    // first (empty) slot it tries.
    while (capacity < 4 * m_words.size()) capacity *= 2;
    // find takes the slot from bits 32 and up of the hash, the filter's bit from 48..63: apart
    // up to 2^16 slots (16,384 words); past that they overlap, which costs probes, not answers.
    m_slots.assign(capacity, Slot{});
    m_mask = capacity - 1;
    for (const auto& [key, word] : m_words) {
        const std::size_t n = key.size();
        if (n == 0) {
            m_empty = &word;
            continue;
        }
        const std::uint64_t h = mix(pack(key));
        const unsigned bit = static_cast<unsigned>(h >> 48);
        m_filter[bit >> 6] |= std::uint64_t{1} << (bit & 63);
        if (n >= 64) continue;  // find looks such words up in m_words itself, after the filter
        std::size_t k = (h >> 32) & m_mask;
        while (m_slots[k].word) k = (k + 1) & m_mask;
        m_slots[k] = Slot{pack(key), key.data(), &word, n};
    }
}

// Most tokens of a text are ordinary words; knowing which lexicon words can begin an
// expression lets the scanner skip the rest with one flag test.
void Lexicon::mark_starters() {
    for (auto& [word, w] : m_words) {
        if (w.month || w.weekday >= 0 || w.season || w.ordinal || w.cardinal >= 0 || w.unit != Unit::none ||
            w.relative != k_none || w.deictic != k_none || w.ago || !w.part_of_day.empty() || !w.set_value.empty() ||
            !w.single_word_reference.empty() || !w.single_word_holiday.empty() || w.has(k_phrase_start) ||
            w.has(k_vague_quantity) || w.has(k_set_quantifier))
            w.flags |= k_starter;
    }
    for (const char* word : {"the", "that", "then", "fiscal", "every", "each", "per", "year-earlier", "year-ago", "recent"})
        entry(word).flags |= k_starter;
    for (auto& [word, w] : m_words) {
        if (!w.month && w.weekday < 0 && !w.season && !w.ordinal && w.unit == Unit::none && w.relative == k_none &&
            w.deictic == k_none && !w.ago && w.decade < 0 && w.part_of_day.empty() && w.set_value.empty() &&
            w.single_word_reference.empty() && w.single_word_holiday.empty() && !w.has(k_vague_quantity) &&
            !w.has(k_weekday_plural))  // a set quantifier ("a" in "twice a week") needs a unit after it
            w.flags |= w.cardinal < 0 ? k_plain | k_plain_count : k_plain_count;
    }
    // The words the grammar (timex_tagger.cpp) compares by name at a token where it may begin an
    // expression, or at a token it reads first after "the": such a word begins an expression
    // with no phrase of its own ("the", "fiscal 1990", "per year", "mid-1990s"). A list taken
    // wide: every word the matchers compare by name at a token they begin with or step to first,
    // but "at", "after" and "before", which they read only after a number or around a day
    // ("10 at night", "the day after", "two years before").
    static constexpr const char* k_read_by_name[] = {
        "a", "a.m", "ago", "ahead", "am", "an", "and", "beginning", "billion", "cents",
        "coming", "current", "each", "ended", "ending", "every", "final", "first", "fiscal", "following", "from",
        "full", "future", "hence", "hundred", "in", "last", "later", "latest", "mid", "midday", "midnight", "million",
        "moment", "most", "next", "noon", "o'clock", "of", "old", "on", "one", "or", "p", "p.m", "past", "per",
        "percent", "period", "period's", "pm", "previous", "quarter", "quarter's", "recent", "since", "starting",
        "that", "the", "then", "this", "thousand", "through", "til", "till", "to", "tonight", "until", "year",
        "year's", "year-ago", "year-earlier", "year-end"};
    for (auto& [word, w] : m_words) w.phrase_only = w.has(k_plain) && w.has(k_starter);
    for (const char* name : k_read_by_name) {  // one look-up per name (start-up time)
        if (auto it = m_words.find(std::string_view(name)); it != m_words.end()) it->second.phrase_only = false;
    }
}

Word& Lexicon::entry(const std::string& word) { return m_words[word]; }

void Lexicon::add_phrase(PhraseList list, const std::string& text, const std::string& value) {
    auto words = split_words(text);
    if (words.empty()) return;
    Word& first = entry(words.front());
    first.flags |= k_phrase_start;
    first.phrase_lists |= static_cast<std::uint8_t>(1u << static_cast<int>(list));
    std::vector<std::uint64_t> heads;
    for (const auto& w : words) heads.push_back(pack(w));
    m_phrases[static_cast<int>(list)].push_back(Phrase{std::move(words), value, std::move(heads)});
}

void Lexicon::load(const std::string& path, const std::string& text) {
    try {
        const json doc = data_json::parse(text);
        auto flag_list = [&](const char* key, WordFlag flag) {
            if (!doc.contains(key)) return;
            for (const auto& w : doc.at(key)) entry(w.get<std::string>()).flags |= flag;
        };
        if (doc.contains("months")) {
            int m = 1;
            for (const auto& names : doc.at("months")) {
                bool first = true;
                for (const auto& n : names) {
                    Word& w = entry(n.get<std::string>());
                    w.month = static_cast<std::int8_t>(m);
                    if (!first) w.flags |= k_month_abbrev;
                    first = false;
                }
                ++m;
            }
        }
        if (doc.contains("ambiguous_months"))
            for (const auto& w : doc.at("ambiguous_months").at("words"))
                entry(w.get<std::string>()).flags |= k_month_ambiguous;
        if (doc.contains("weekdays")) {
            int d = 0;
            for (const auto& names : doc.at("weekdays")) {
                bool first = true;
                for (const auto& n : names) {
                    Word& w = entry(n.get<std::string>());
                    w.weekday = static_cast<std::int8_t>(d);
                    if (!first) w.flags |= k_weekday_abbrev;
                    first = false;
                }
                ++d;
            }
        }
        if (doc.contains("decade_words"))
            for (const auto& [k, v] : doc.at("decade_words").items())
                if (!is_note(k)) entry(k).decade = static_cast<std::int16_t>(v.get<int>());
        if (doc.contains("plural_weekdays")) {
            int d = 0;
            for (const auto& n : doc.at("plural_weekdays")) {
                Word& w = entry(n.get<std::string>());
                w.weekday = static_cast<std::int8_t>(d++);
                w.flags |= k_weekday_plural;
            }
        }
        if (doc.contains("cardinals"))
            for (const auto& [k, v] : doc.at("cardinals").items()) {
                if (is_note(k)) continue;
                const int n = static_cast<int>(v.get<double>());
                if (k.find(' ') != std::string::npos)
                    add_phrase(PhraseList::cardinal, k, std::to_string(n));
                else
                    entry(k).cardinal = n;
            }
        if (doc.contains("vague_quantities"))
            for (const auto& v : doc.at("vague_quantities")) {
                const auto s = v.get<std::string>();
                if (s.find(' ') != std::string::npos)
                    add_phrase(PhraseList::cardinal, s, "X");
                else
                    entry(s).flags |= k_vague_quantity;
            }
        if (doc.contains("ordinals"))
            for (const auto& [k, v] : doc.at("ordinals").items())
                if (!is_note(k)) entry(k).ordinal = static_cast<std::int8_t>(v.get<int>());
        if (doc.contains("units"))
            for (const auto& [k, v] : doc.at("units").items()) {
                if (is_note(k)) continue;
                Word& w = entry(k);
                w.unit = unit_from_code(v.get<std::string>(), w.unit_multiplier);
                if (k.size() > 1 && k.back() == 's' && k != "hrs" && k != "yrs" && k != "mins")
                    w.flags |= k_unit_plural;
                if (k == "hrs" || k == "yrs" || k == "mins" || k == "centuries")
                    w.flags |= k_unit_plural;
            }
        if (doc.contains("seasons")) {
            for (const auto& [k, v] : doc.at("seasons").items()) {
                const auto code = v.get<std::string>();
                entry(k).season = code == "SP" ? 1 : code == "SU" ? 2 : code == "FA" ? 3 : 4;
            }
        }
        if (doc.contains("parts_of_day"))
            for (const auto& [k, v] : doc.at("parts_of_day").items())
                if (!is_note(k)) entry(k).part_of_day = v.get<std::string>();
        if (doc.contains("holidays"))
            for (const auto& [k, v] : doc.at("holidays").items()) {
                if (is_note(k)) continue;
                if (k.find(' ') != std::string::npos)
                    add_phrase(PhraseList::holiday, k, v.get<std::string>());
                else
                    entry(k).single_word_holiday = v.get<std::string>();
            }
        if (doc.contains("position_modifiers"))
            for (const auto& [k, v] : doc.at("position_modifiers").items())
                if (!is_note(k)) add_phrase(PhraseList::position_modifier, k, v.get<std::string>());
        if (doc.contains("quantity_modifiers"))
            for (const auto& [k, v] : doc.at("quantity_modifiers").items())
                if (!is_note(k)) add_phrase(PhraseList::quantity_modifier, k, v.get<std::string>());
        if (doc.contains("references"))
            for (const auto& [k, v] : doc.at("references").items()) {
                if (is_note(k)) continue;
                if (k.find(' ') != std::string::npos)
                    add_phrase(PhraseList::reference, k, v.get<std::string>());
                else
                    entry(k).single_word_reference = v.get<std::string>();
            }
        if (doc.contains("deictic_days"))
            for (const auto& [k, v] : doc.at("deictic_days").items())
                if (!is_note(k)) entry(k).deictic = static_cast<std::int8_t>(v.get<int>());
        if (doc.contains("relative_words"))
            for (const auto& [k, v] : doc.at("relative_words").items())
                if (!is_note(k)) entry(k).relative = static_cast<std::int8_t>(v.get<int>());
        if (doc.contains("ago_words"))
            for (const auto& [k, v] : doc.at("ago_words").items())
                if (!is_note(k)) entry(k).ago = static_cast<std::int8_t>(v.get<int>());
        if (doc.contains("set_words"))
            for (const auto& [k, v] : doc.at("set_words").items())
                if (!is_note(k)) entry(k).set_value = v.get<std::string>();
        flag_list("set_quantifiers", k_set_quantifier);
        flag_list("start_words", k_start_word);
        flag_list("end_words", k_end_word);
        flag_list("range_connectors", k_range_connector);
        flag_list("temporal_prepositions", k_temporal_prep);
        flag_list("future_cues", k_future_cue);
        flag_list("past_cues", k_past_cue);
        flag_list("past_auxiliaries", k_past_auxiliary);
        flag_list("reporting_verbs", k_reporting_verb);
        flag_list("modal_cues", k_modal_cue);
        flag_list("determiners", k_determiner);
        flag_list("passive_auxiliaries", k_passive_auxiliary);
        flag_list("future_cues_only_before_to_or_for", k_cue_before_to_for);
        flag_list("not_cues_before_to", k_no_cue_before_to);
        flag_list("prepositions_before_the_unit", k_anaphor_preposition);
        flag_list("not_after_the_unit", k_anaphor_blocker);
        flag_list("between_amount_and_unit", k_amount_extender);
        flag_list("be_before_to_of_plans", k_be_to);
        flag_list("objects_after_past_verbs", k_object_start);
        auto phrase_list = [&](const char* key, std::vector<std::vector<std::string>>& lists,
                               std::vector<std::uint64_t>& last) {
            if (!doc.contains(key)) return;
            for (const auto& w : doc.at(key)) {
                auto words = split_words(w.get<std::string>());
                if (words.empty()) continue;
                last.push_back(pack(words.back()));
                lists.push_back(std::move(words));
            }
        };
        phrase_list("future_leaning_before", m_future_leaning, m_future_leaning_last);
        phrase_list("past_before", m_past_before, m_past_before_last);
        flag_list("not_after_year", k_not_after_year);
        flag_list("not_after_weekday", k_not_after_weekday);
        flag_list("day_suffixes", k_day_suffix);
        // Words the grammar reads by name must have an entry, or the scanner skips them.
        flag_list("anaphors", WordFlag{0});
        flag_list("structure_words", WordFlag{0});
    } catch (const std::exception& e) {
        throw DataError(fmt::format("timex word list {} is malformed: {}", path, e.what()));
    }
}

const Word* Lexicon::find_long(std::string_view lower) const {
    auto it = m_words.find(lower);
    return it == m_words.end() ? nullptr : &it->second;
}

}  // namespace dateline::timex
