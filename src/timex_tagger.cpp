// TimexTagger: a hand-written scanner over the data-driven word lists, then resolution.
//
// Why no regular expressions: the tagger must run at tens of MB/s and in linear
// time on any input. Each sentence is tokenized once, every token is looked up
// once in the lexicon, and at each token a fixed set of bounded-lookahead
// matchers tries to read an expression; the longest wins and scanning resumes
// after it. Matching produces a meaning (`Sem`); resolution turns it into a
// TIMEX3 value and a Span against the DCT or the last date resolved in the text.
#include "dateline/timex_tagger.hpp"

#include "timex_calendar.hpp"
#include "timex_digits.hpp"
#include "timex_lexicon.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <cassert>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace dateline {
namespace {

using timex::Lexicon;
using timex::Unit;
using timex::Word;
namespace tx = timex;

constexpr int k_vague = -2;  // "several", "a few": an amount written X in TIMEX3
// How much nearer a future reading of a year-less date must be than the past one to win,
// with a weak past cue and with none: news mostly reports what has happened.
constexpr int k_weak_bias = 2;
constexpr int k_none_bias = 3;
constexpr std::size_t k_tense_window = 12;  // tokens looked at on each side for a tense cue

/// The first 8 bytes of a string literal as Lexicon::pack packs a word (first byte lowest,
/// zero-padded): at compile time.
template <std::size_t N>
constexpr std::uint64_t packed(const char (&s)[N]) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < N - 1 && k < 8; ++k)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[k])) << (8 * k);
    return v;
}
static_assert(packed("the") == 0x656874u && packed("a") == 0x61u);
static_assert(packed("thursday") == 0x7961647372756874u && packed("thursdays") == packed("thursday"));

/// A token's text. It compares with a string literal by length, then inline: the grammar
/// asks "is this word 'the'?" a great many times.
struct TokText : std::string_view {
    TokText() = default;
    TokText(std::string_view s) : std::string_view(s) {}
    template <std::size_t N>
    bool operator==(const char (&s)[N]) const {
        return size() == N - 1 && std::memcmp(data(), s, N - 1) == 0;
    }
};

struct Tk;
using Tokens = std::span<const Tk>;  // the tokens of one sentence

/// One token. Written for every token of a sentence by the token pass, read by the scanner only
/// near its starters: as few stores as will do (the text and its lower-case form are one
/// pointer each and one size; the token's offset in the text is `rp - text.data()`).
struct alignas(64) Tk {
    const char* rp = nullptr;  // the token in the text
    const char* lp = nullptr;  // the same bytes in the lower-cased text
    std::size_t n = 0;         // its size (> 0)
    std::uint64_t head = 0;    // Lexicon::pack(low()): its first 8 bytes
    const Word* w = nullptr;
    int num = -1;      // value of an all-digit token (no separators)
    int ndig = 0;      // its digit count
    bool has_hyphen = false;
    bool starter = false;  // may begin an expression: a starter word, a number, a hyphenated word, "'"

    TokText raw() const { return TokText(std::string_view(rp, n)); }
    // Worked out when asked (the scanner asks of few tokens), not stored for every token.
    bool cap() const { return static_cast<unsigned char>(static_cast<unsigned char>(rp[0]) - 'A') < 26u; }  // upper-case first
    bool alpha() const { return static_cast<unsigned char>((static_cast<unsigned char>(rp[0]) | 0x20) - 'a') < 26u; }
    TokText low() const { return TokText(std::string_view(lp, n)); }
};

/// Whether a token is this word (lower-case): a word of up to 8 bytes compares as the token's
/// packed head and its size, two compares with constants.
template <std::size_t N>
[[gnu::always_inline]] inline bool word_is(const Tk& t, const char (&s)[N]) {
    if constexpr (N - 1 <= 8) {
        return t.low().size() == N - 1 && t.head == packed(s);
    } else {
        return t.low() == s;
    }
}

enum class Kind : std::uint8_t { absolute, weekday, relative_unit, offset, deictic, reference, duration, set, anaphor };

/// A value the words themselves give (Sem::literal): a view of a string that outlives the
/// candidate (a string literal, a string of the lexicon), or a value built by the matcher
/// ("P3Y", "XXXX-WXX-2") kept in the object itself. Trivially copyable, so that a candidate
/// is built, moved and dropped without a string's constructor, destructor or moves.
class Lit {
public:
    Lit() = default;
    /// A string literal or other static text.
    Lit& operator=(const char* s) {
        m_ext = s;
        m_n = static_cast<std::uint32_t>(std::strlen(s));
        return *this;
    }
    /// A string that outlives every candidate (the lexicon's): not copied.
    void refer(const std::string& s) {
        m_ext = s.data();
        m_n = static_cast<std::uint32_t>(s.size());
    }
    /// A value built here: copied into the object (or, longer than it holds, into a store of
    /// this thread that lives until the next text is tagged).
    Lit& operator=(std::string&& s) {
        if (s.size() <= sizeof m_buf) {
            std::memcpy(m_buf, s.data(), s.size());
            m_ext = nullptr;
            m_n = static_cast<std::uint32_t>(s.size());
        } else {
            const std::string& kept = overflow().emplace_back(std::move(s));
            refer(kept);
        }
        return *this;
    }
    Lit& operator=(const std::string&) = delete;  // say which: refer() or a copy
    std::string_view view() const { return std::string_view(m_ext ? m_ext : m_buf, m_n); }
    operator std::string_view() const { return view(); }
    bool empty() const { return m_n == 0; }
    std::size_t size() const { return m_n; }
    friend bool operator==(const Lit& a, std::string_view b) { return a.view() == b; }

    /// The store of long values built (none of the grammar's are); emptied by TimexTagger::tag.
    static std::deque<std::string>& overflow() {
        thread_local std::deque<std::string> kept;
        return kept;
    }

private:
    const char* m_ext = nullptr;  // the text, or null: in m_buf
    std::uint32_t m_n = 0;
    char m_buf[20];  // the longest value built ("P-2147483648DT12H") fits
};

/// What a matched expression means, before resolution.
struct Sem {
    // Small fields in small types: a candidate is built, copied and dropped often.
    int year = -1;
    int decade = -1, century = -1;
    // "the quarter ended Sept. 30": the day that ends a reporting quarter (year -1 if not given).
    int end_year = -1;
    int offset = 0;          // relative shift in units (last -1, next +1, "two years ago" -2)
    Kind kind = Kind::absolute;
    Unit unit = Unit::none;
    std::int8_t month = 0, day = 0, weekday = -1, season = 0, quarter = 0, half = 0;
    std::int8_t year_rel = tx::k_none;  // "this year" 0, "last year" -1 after a month: the DCT's year moved
    std::int8_t movable_hi = 0, movable_wd = -1;  // a movable holiday: that weekday in days day..movable_hi
    std::int8_t end_month = 0, end_day = 0;
    std::int8_t day_shift = 0;  // "the day before yesterday": days from the day the rest names
    std::int8_t rel = tx::k_none;  // weekday/month/season: this 0, last -1, next +1
    bool end_past = false;  // "ended", not "ending"
    bool vague = false;      // amount unknown ("several years ago")
    bool anchored = false;   // "a year earlier": from the last date in the text, not the DCT
    bool strict = false;     // "last Friday": strictly before the DCT
    // Part of day (MO, NI: the lexicon's string or a literal) or a clock time "22:00" (clock_text):
    // a view, no string to build or move.
    std::string_view pod;
    Lit literal;             // a value given by the words themselves (references, durations, sets)
};

/// "HH:MM" for 0 <= hour <= 24 and 0 <= minute <= 59 (what match_clock reads), zero-padded
/// as tx::padded writes each: a view of a table built at compile time.
std::string_view clock_text(int hour, int minute) {
    static constexpr auto table = [] {
        std::array<std::array<char, 5>, 25 * 60> t{};
        for (int h = 0; h < 25; ++h) {
            for (int m = 0; m < 60; ++m) {
                auto& e = t[static_cast<std::size_t>(h * 60 + m)];
                e[0] = static_cast<char>('0' + h / 10);
                e[1] = static_cast<char>('0' + h % 10);
                e[2] = ':';
                e[3] = static_cast<char>('0' + m / 10);
                e[4] = static_cast<char>('0' + m % 10);
            }
        }
        return t;
    }();
    if (hour < 0 || hour > 24 || minute < 0 || minute > 59) throw std::logic_error("clock_text: no such time");
    return std::string_view(table[static_cast<std::size_t>(hour * 60 + minute)].data(), 5);
}

struct Cand {
    std::size_t tb = 0, te = 0;  // token range [tb, te)
    std::uint32_t trim_end = 0;  // bytes to drop from the last token ("Friday's")
    TimexType type = TimexType::date;
    std::string_view mod;  // a literal or a phrase value of the lexicon: no string to build or move
    Sem sem;
};

static_assert(sizeof(Lit) == 32 && std::is_trivially_copyable_v<Cand>);

struct Anchor {
    Date day{2000, 1, 1};
    Unit unit = Unit::day;
    std::string value;
    Span span;
    std::size_t sentence = 0;  // index of the sentence that named it
};

std::string lower_copy(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Whether `s` ends in the literal `suffix`: a compare of constant length, inlined (`substr(..) ==`
/// called memcmp).
template <std::size_t N>
bool ends_in(std::string_view s, const char (&suffix)[N]) {
    return s.size() >= N - 1 && std::memcmp(s.data() + s.size() - (N - 1), suffix, N - 1) == 0;
}

using timex::split_digits;  // timex_digits.hpp

}  // namespace

struct TimexTagger::Impl {
    Lexicon lex;
    explicit Impl(const DataFiles& files);

    /// `lower_given`: the text lower-cased and padded as below, or empty (made here).
    /// `record`: where the words of the token pass go (TimexTagger::tag with TagWords), or none.
    std::vector<Timex> tag(std::string_view text, const std::vector<Sentence>& sentences,
                           std::optional<Date> dct, std::string_view lower_given = {},
                           TagWords* record = nullptr) const;
};

namespace {

/// Reads expressions from the tokens of one sentence. Every matcher looks at a
/// bounded number of tokens, so a sentence is scanned in linear time.
class Scanner {
public:
    /// `starters`: the indexes of the tokens whose `starter` is set, in order (read_tokens).
    Scanner(const Lexicon& lex, Tokens tk, std::span<const std::size_t> starters)
        : m_lex(lex), m_tk(tk), m_n(tk.size()), m_starters(starters) {}

    /// The candidates of the sentence into `out` (cleared first; the caller keeps it from
    /// sentence to sentence, so that its memory is reused).
    [[gnu::noinline]] void scan(std::vector<Cand>& out) const {
        out.clear();
        std::size_t i = 0;  // the first token not read yet
        // Only the starters are tried: a walk over their indexes, not over every token.
        for (const std::size_t s : m_starters) {
            if (s < i) continue;  // inside the last candidate
            i = s;
            if (cannot_begin(i)) {
                assert(!match_with_modifiers(i) || match_with_modifiers(i)->te <= i);
                ++i;
                continue;
            }
            // The first result is taken in place, the others moved only when better.
            std::optional<Cand> best = match_with_modifiers(i);
            if (best && best->te <= best->tb) best.reset();
            auto consider = [&](std::optional<Cand>&& c) {
                if (c && c->te > c->tb && (!best || c->te > best->te)) best = std::move(c);
            };
            if (!best) consider(elided_last(i, out));
            if (!best) consider(second_day(i, out));
            if (!best) consider(appositive_day(i, out));
            if (best) {
                if (out.empty()) out.reserve(4);  // no moves of the candidates as the list grows to 4
                out.push_back(std::move(*best));
                i = best->te;
            } else {
                ++i;
            }
        }
    }

private:
    const Lexicon& m_lex;
    Tokens m_tk;
    std::size_t m_n;
    std::span<const std::size_t> m_starters;

    // The grammar asks these at every step: inlined, they cost a few instructions each.
    [[gnu::always_inline]] const Tk* at(std::size_t i) const { return i < m_n ? &m_tk[i] : nullptr; }
    [[gnu::always_inline]] const Word* w(std::size_t i) const { return i < m_n ? m_tk[i].w : nullptr; }
    // "Is the token at i this word?" (word_is)
    template <std::size_t N>
    [[gnu::always_inline]] bool is(std::size_t i, const char (&s)[N]) const {
        return i < m_n && word_is(m_tk[i], s);
    }
    [[gnu::always_inline]] bool adjacent(std::size_t i) const {
        return i + 1 < m_n && m_tk[i].rp + m_tk[i].n == m_tk[i + 1].rp;
    }
    [[gnu::always_inline]] bool flag(std::size_t i, tx::WordFlag f) const {
        return i < m_n && m_tk[i].w && m_tk[i].w->has(f);
    }

    /// Whether the token at i, "the", "that", "a" or "an", cannot begin an expression because
    /// of the token after it. Alone they mean nothing ("a", "an" one, a count); each matcher
    /// reads, right after them, a word of the lexicon (a unit, an ordinal, "same", "fiscal",
    /// "current"...), a number, a hyphenated word ("year-earlier"), "'" ("the '90s"), a word
    /// that goes on with one of their phrases ("the end of", "a few"), or one read by name
    /// that has no entry ("latest", "most", "full"; "hundred", "thousand", "and" after a
    /// count). Most of the many such words of a text are followed by none of these, and
    /// skipping them saves trying every matcher. A matcher that reads another word after
    /// them must add it here; debug builds assert that nothing is skipped that would match.
    bool cannot_begin(std::size_t i) const {
        const Tk& t = m_tk[i];
        if (!t.w) {
            // "'" (no lexicon word) begins only "'90s": a token of a digit and two bytes after it.
            if (t.raw() == "'")
                return !(i + 1 < m_n && m_tk[i + 1].raw().size() == 3 && is_digit(m_tk[i + 1].raw()[0]));
            return false;
        }
        if (t.w->phrase_only) {
            // "new" ("New Year's Day"), "more" ("more than"): only one of its phrases may begin
            // here, and the next token must go on with one. (A hyphenated token "anti-abortion"
            // is read by match_hyphenated.)
            if (t.has_hyphen) return false;
            if (i + 1 >= m_n) return true;
            const Tk& n = m_tk[i + 1];
            // A modifier that is a phrase alone ("over", "nearly", "early") modifies what begins
            // right after it: at a starter, at a decade word (read only after "the" or a modifier:
            // "early eighties"), or after "in the" ("early in the year").
            if (t.w->phrase_single && (n.starter || (n.w && n.w->decade > 0) || word_is(n, "in"))) return false;
            return !goes_on_with_phrase(*t.w, n);
        }
        if (t.w->phrase_single) return false;
        if (word_is(t, "the") || word_is(t, "that")) {
            if (!t.w->has(tx::k_plain)) return false;
        } else if (word_is(t, "a") || word_is(t, "an")) {
            if (!t.w->has(tx::k_plain_count)) return false;
        } else {
            return false;
        }
        if (i + 1 >= m_n) return true;
        const Tk& n = m_tk[i + 1];
        if (n.w || is_digit(n.raw()[0]) || n.has_hyphen || n.raw() == "'" || word_is(n, "latest") || word_is(n, "most") ||
            word_is(n, "full") || word_is(n, "hundred") || word_is(n, "thousand") || word_is(n, "and"))
            return false;
        return !goes_on_with_phrase(*t.w, n);
    }

    /// Whether token n is the second word of a phrase (any list) that begins with `first`.
    bool goes_on_with_phrase(const Word& first, const Tk& n) const {
        if (!(first.phrase_next_any >> Lexicon::next_bit(n.head) & first.phrase_next2_any >> Lexicon::next_bit2(n.head) & 1u))
            return false;
        // The filters let a few words through that go on with no phrase ("the market" in some
        // lists): the second words of the phrases themselves decide.
        return second_word_of_phrase(first, n);
    }

    /// Whether token n is the second word of a phrase (any list) that begins with `first`.
    bool second_word_of_phrase(const Word& first, const Tk& n) const {
        for (int list = 0; list < static_cast<int>(tx::PhraseList::count); ++list) {
            const auto& phrases = m_lex.phrases(static_cast<tx::PhraseList>(list));
            const std::size_t pi = first.phrase_first[list], pe = pi + first.phrase_count[list];
            for (std::size_t k = pi; k < pe; ++k) {
                const tx::Phrase& p = phrases[k];
                if (p.words.size() < 2 || p.heads[1] != n.head || p.words[1].size() != n.low().size()) continue;
                const std::string& word = p.words[1];
                if (word.size() <= 8 || std::memcmp(n.low().data() + 8, word.data() + 8, word.size() - 8) == 0) return true;
            }
        }
        return false;
    }

    /// Length of the phrase from `list` starting at i (longest), with its value.
    /// `value` is set to the phrase's value, a string of the lexicon (not copied).
    [[gnu::always_inline]] std::size_t phrase_at(tx::PhraseList which, std::size_t i, const std::string*& value) const {
        const Word* first = w(i);
        if (!first || !(first->phrase_lists & (1u << static_cast<int>(which)))) return 0;
        return phrase_in_group(which, i, first, value);
    }

    std::size_t phrase_in_group(tx::PhraseList which, std::size_t i, const Word* first, const std::string*& value) const {
        std::size_t best = 0;
        const auto& phrases = m_lex.phrases(which);
        const int list = static_cast<int>(which);
        const std::size_t pi = first->phrase_first[list], pe = pi + first->phrase_count[list];
        // All the phrases of the group begin with the word the token was found as (not "x's").
        if (pi == pe || phrases[pi].words[0].size() != m_tk[i].low().size()) return 0;
        // Most often the next word goes on with none of them ("the" + "company").
        if (!(first->phrase_single & (1u << list)) &&
            (i + 1 >= m_n || !(first->phrase_next[list] >> Lexicon::next_bit(m_tk[i + 1].head) &
                               first->phrase_next2[list] >> Lexicon::next_bit2(m_tk[i + 1].head) & 1u)))
            return 0;
        for (std::size_t k = pi; k < pe; ++k) {
            const tx::Phrase& p = phrases[k];
            const std::size_t len = p.words.size();
            if (len <= best || i + len > m_n) continue;
            bool ok = true;
            for (std::size_t q = 1; q < len && ok; ++q) {
                const std::string& word = p.words[q];
                const Tk& t = m_tk[i + q];
                ok = t.head == p.heads[q] && t.low().size() == word.size() &&
                     (word.size() <= 8 || std::memcmp(t.low().data() + 8, word.data() + 8, word.size() - 8) == 0);
            }
            if (ok) {
                best = len;
                value = &p.value;
            }
        }
        return best;
    }

    // ---- numbers -------------------------------------------------------------

    /// A cardinal: digits, a number word, "twenty-four", "twenty four", "a couple of";
    /// k_vague for "several"/"a few". Returns tokens consumed (0 if none).
    std::size_t number_at(std::size_t i, int& value, bool allow_article) const {
        const Tk* t = at(i);
        if (!t) return 0;
        const std::string* pv = nullptr;
        if (std::size_t len = phrase_at(tx::PhraseList::cardinal, i, pv)) {
            value = *pv == "X" ? k_vague : std::atoi(pv->c_str());
            return len;
        }
        if (t->num >= 0) {
            value = t->num;
            return 1;
        }
        if (!t->raw().empty() && is_digit(t->raw()[0])) {  // 1,000 or 12.5
            int v = 0;
            bool ok = true;
            for (char c : t->raw()) {
                if (is_digit(c)) {
                    if (v > 100000000) { ok = false; break; }
                    v = v * 10 + (c - '0');
                } else if (c != ',') {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                value = v;
                return 1;
            }
            return 0;
        }
        if (t->has_hyphen) {  // twenty-four
            auto dash = t->low().find('-');
            // The second half is looked up only when the first is a tens ("twenty"): most hyphenated
            // words are no number.
            const Word* a = m_lex.find(t->low().substr(0, dash));
            if (!a || a->cardinal < 20 || a->cardinal >= 100) return 0;
            const Word* b = m_lex.find(t->low().substr(dash + 1));
            if (b && b->cardinal > 0 && b->cardinal < 10) {
                value = a->cardinal + b->cardinal;
                return 1;
            }
            return 0;
        }
        if (!t->w) return 0;
        if (t->w->has(tx::k_vague_quantity)) {
            value = k_vague;
            return 1;
        }
        if (t->w->cardinal >= 0) {
            if ((word_is(*t, "a") || word_is(*t, "an")) && !allow_article) return 0;
            value = t->w->cardinal;
            std::size_t len = 1;
            const Word* nx = w(i + 1);
            if (value >= 20 && value < 100 && nx && nx->cardinal > 0 && nx->cardinal < 10 &&
                !is(i + 1, "a") && !is(i + 1, "an")) {
                value += nx->cardinal;
                ++len;
            }
            // "two hundred", "a hundred", "two thousand"
            if ((is(i + len, "hundred") || is(i + len, "thousand")) && value > 0 && value < 100) {
                value *= is(i + len, "hundred") ? 100 : 1000;
                ++len;
            }
            return len;
        }
        return 0;
    }

    /// A day of the month: 12, 12th, twelfth. Returns tokens consumed.
    // Inlined where it is asked: most tokens tried are a plain number or a word; "12th" out of line.
    [[gnu::always_inline]] std::size_t day_at(std::size_t i, int& day) const {
        const Tk* t = at(i);
        if (!t) return 0;
        if (t->num >= 1 && t->num <= 31 && t->ndig <= 2) {
            day = t->num;
            return 1;
        }
        if (is_digit(t->raw()[0])) return suffixed_day_at(*t, day);
        if (t->w && t->w->ordinal > 0) {
            day = t->w->ordinal;
            return 1;
        }
        return 0;
    }
    [[gnu::noinline]] static std::size_t suffixed_day_at(const Tk& tok, int& day) {
        const Tk* t = &tok;
        // 12th, 1st
        if (t->raw().size() >= 3 && t->raw().size() <= 4 && is_digit(t->raw()[0])) {
            std::size_t k = 0;
            int v = 0;
            while (k < t->raw().size() && is_digit(t->raw()[k])) v = v * 10 + (t->raw()[k++] - '0');
            auto suffix = t->low().substr(k);
            if (k <= 2 && v >= 1 && v <= 31 &&
                (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
                day = v;
                return 1;
            }
        }
        if (t->w && t->w->ordinal > 0) {
            day = t->w->ordinal;
            return 1;
        }
        return 0;
    }

    /// A four-digit year 1000..2999 written plainly.
    bool year_at(std::size_t i, int& year) const {
        const Tk* t = at(i);
        if (!t || t->ndig != 4 || t->num < 1000 || t->num > 2999) return false;
        year = t->num;
        return true;
    }

    /// A year in words: "nineteen ninety-six", "nineteen seventy nine", "eighteen twelve".
    /// Returns tokens consumed (0 if none).
    // The first test inlined where it is asked (most tokens are no "nineteen"), the rest out of line.
    [[gnu::always_inline]] std::size_t spelled_year_at(std::size_t i, int& year) const {
        const Word* cw = w(i);
        if (!cw || cw->cardinal < 11 || cw->cardinal > 20 || !at(i + 1)) return 0;
        return spelled_year_after(i, *cw, year);
    }
    [[gnu::noinline]] std::size_t spelled_year_after(std::size_t i, const Word& first, int& year) const {
        const Word* cw = &first;
        const Tk& t = m_tk[i + 1];
        int rest = -1;
        std::size_t len = 2;
        if (t.has_hyphen) {  // ninety-six
            const auto dash = t.low().find('-');
            const Word* a = m_lex.find(t.low().substr(0, dash));
            const Word* b = a && a->cardinal >= 20 && a->cardinal < 100 ? m_lex.find(t.low().substr(dash + 1)) : nullptr;
            if (a && b && a->cardinal >= 20 && a->cardinal < 100 && a->cardinal % 10 == 0 && b->cardinal >= 1 &&
                b->cardinal <= 9)
                rest = a->cardinal + b->cardinal;
        } else if (t.w && t.w->cardinal >= 10 && t.w->cardinal < 100) {
            rest = t.w->cardinal;
            const Word* b = w(i + 2);
            if (rest >= 20 && rest % 10 == 0 && b && b->cardinal >= 1 && b->cardinal <= 9 && !is(i + 2, "a") &&
                !is(i + 2, "an")) {
                rest += b->cardinal;
                len = 3;
            }
        }
        if (rest < 10) return 0;
        year = cw->cardinal * 100 + rest;
        return len;
    }

    /// A month name (capitalised; abbreviations with their full stop). Returns tokens consumed.
    std::size_t month_at(std::size_t i, int& month) const {
        const Tk* t = at(i);
        if (!t || !t->w || t->w->month == 0 || !t->cap()) return 0;
        month = t->w->month;
        if (t->w->has(tx::k_month_abbrev)) {
            if (is(i + 1, ".") && adjacent(i)) return 2;
            const Tk* nx = at(i + 1);
            if (nx && nx->num >= 0) return 1;  // "Dec 12"
            return 0;
        }
        return 1;
    }

    bool prev_is_cue(std::size_t i) const {
        return i > 0 && m_tk[i - 1].w &&
               (m_tk[i - 1].w->has(tx::k_temporal_prep) || m_tk[i - 1].w->relative != tx::k_none);
    }

    // ---- the matchers --------------------------------------------------------

    /// Modifiers ("about", "more than", "early", "the end of") followed by a core expression.
    std::optional<Cand> match_with_modifiers(std::size_t i) const {
        std::string_view qmod, pmod;
        std::size_t j = i;
        const std::string* v = nullptr;
        if (std::size_t len = phrase_at(tx::PhraseList::quantity_modifier, j, v); len && !is(j + len, "the")) {
            qmod = *v;
            j += len;
        }
        if (std::size_t len = phrase_at(tx::PhraseList::position_modifier, j, v)) {
            pmod = *v;
            j += len;
            // "earlier in the year", "late in the month": the modifier, "in", the period told of.
            if (len == 1 && is(j, "in") && is(j + 1, "the")) ++j;
        }
        std::optional<Cand> c = match_core(j, !pmod.empty());
        if (c && c->tb == j) {
            if (!qmod.empty()) {
                // "about" bounds amounts, not dates: "about 1991" is approximate though.
                if (c->sem.kind == Kind::duration || c->sem.kind == Kind::offset || c->sem.kind == Kind::absolute) {
                    c->mod = qmod == "APPROX" || c->sem.kind == Kind::duration ? qmod : "APPROX";
                    if (c->sem.kind == Kind::offset && qmod == "MORE_THAN") c->mod = "MORE_THAN";
                    c->tb = i;
                } else if (pmod.empty()) {
                    return c;
                }
            }
            if (!pmod.empty()) {
                if (c->sem.kind == Kind::duration || c->sem.kind == Kind::set || c->sem.kind == Kind::reference) {
                    c.reset();
                    return c;
                }
                c->mod = pmod;
                c->tb = i;
            }
            return c;
        }
        if (j != i) {
            // "mid afternoon": the modifier's word may begin an expression of its own.
            c = match_words(i);
            if (c && c->te <= j) c.reset();
        }
        return c;  // the one object returned everywhere: built in the caller's place, not copied
    }

    [[gnu::noinline]] std::optional<Cand> match_core(std::size_t i, bool after_modifier) const {
        // Taken in place, and returned as is (one object returned everywhere: not copied).
        std::optional<Cand> best = match_words(i);
        if (i >= m_tk.size()) return best;  // a modifier that ends the text ("at 10: early")
        auto consider = [&](std::optional<Cand>&& c) {
            if (c && (!best || c->te > best->te)) best = std::move(c);
        };
        consider(match_date(i, after_modifier));
        if (const Word* rw = m_tk[i].w; rw && (rw->begins & k_begins_relative)) consider(match_relative(i));
        consider(match_amount(i));
        consider(match_clock(i));
        return best;
    }

    /// "a dividend twice as high this year as last": "last" with its unit left out, taken from
    /// "this year" earlier in the sentence; only after "as" or "than" and at the end of a clause.
    std::optional<Cand> elided_last(std::size_t i, const std::vector<Cand>& before) const {
        if (!is(i, "last") || i == 0 || !(is(i - 1, "as") || is(i - 1, "than"))) return std::nullopt;
        const Tk* nx = at(i + 1);
        if (nx && nx->alpha()) return std::nullopt;
        for (auto it = before.rbegin(); it != before.rend(); ++it) {
            if (it->sem.kind == Kind::relative_unit && it->sem.offset == 0 && it->sem.quarter == 0 &&
                it->sem.half == 0 && it->sem.unit >= Unit::week) {
                Cand c = *it;
                c.tb = i;
                c.te = i + 1;
                c.mod = {};
                c.sem.offset = -1;
                return c;
            }
        }
        return std::nullopt;
    }

    /// "on April 24 and 25", "May 3 or 4": a bare day after a date with its month and "and",
    /// "or", "to", "through" or a dash is a day of the same month. Not a count of things
    /// ("on April 24 and 25 people died"): only punctuation, a year or a preposition may follow.
    std::optional<Cand> second_day(std::size_t i, const std::vector<Cand>& before) const {
        const Tk& t = m_tk[i];
        if (t.num < 1 || t.num > 31 || t.ndig > 2 || before.empty() || i < 1) return std::nullopt;
        const Cand& p = before.back();
        if (p.te + 1 != i || p.sem.kind != Kind::absolute || p.sem.month == 0 || p.sem.day == 0 ||
            p.sem.day >= t.num || !p.sem.pod.empty() || !p.sem.literal.empty())
            return std::nullopt;
        const TokText& link = m_tk[i - 1].low();
        if (link != "and" && link != "or" && link != "to" && link != "through" && link != "-") return std::nullopt;
        const Tk* nx = at(i + 1);
        const bool ends = !nx || nx->raw() == "." || nx->raw() == "," || nx->raw() == ";" || nx->raw() == ")" ||
                          (nx->w && nx->w->has(tx::k_temporal_prep));
        if (!ends) return std::nullopt;
        Cand c = p;
        c.tb = i;
        c.te = i + 1;
        c.trim_end = 0;
        c.mod = {};
        c.sem.day = t.num;
        c.sem.weekday = -1;
        if (int y = 0; is(i + 1, ",") && year_at(i + 2, y)) {  // "May 3 to 5, 2024"
            c.sem.year = y;
            c.te = i + 3;
        }
        return finish_date(c);
    }

    /// "after Oct. 12, the day before the plunge": "the day" set off by a comma right after a
    /// date names that date again.
    std::optional<Cand> appositive_day(std::size_t i, const std::vector<Cand>& before) const {
        if (!is(i, "the") || !is(i + 1, "day") || i < 1 || !is(i - 1, ",") || before.empty()) return std::nullopt;
        if (!(is(i + 2, "before") || is(i + 2, "after") || is(i + 2, "of") || is(i + 2, "when")))
            return std::nullopt;
        const Cand& p = before.back();
        if (p.te + 1 != i || p.sem.kind != Kind::absolute || p.sem.day == 0) return std::nullopt;
        Cand c;
        c.tb = i;
        c.te = i + 2;
        c.sem.kind = Kind::anaphor;
        c.sem.unit = Unit::day;
        c.sem.offset = 0;
        return c;
    }

    /// Whether a date, season or unit begins at i ("spring", "March", "the year", "2024"):
    /// "the first day of spring" is a day of that period, not of an event.
    bool names_a_period(std::size_t i) const {
        const std::size_t k = is(i, "the") || is(i, "this") || is(i, "next") ? i + 1 : i;
        for (std::size_t j = k; j < k + 2; ++j) {  // "the new year": one adjective before it
            const Tk* t = at(j);
            if (!t) return false;
            if (!t->raw().empty() && is_digit(t->raw()[0])) return true;
            if (t->w && (t->w->month || t->w->season || t->w->weekday >= 0 || t->w->unit != Unit::none)) return true;
        }
        return false;
    }

    /// Attaches a following part of day or clock time: "Wednesday night", "Friday morning".
    /// A named day with a part of day stays a DATE, its value keeping the part of day
    /// ("Wednesday night" 2023-02-22TNI): news annotation (TempEval-3, AQUAINT) dates it by
    /// its day, and a timeline places it on that day. "this morning", "last night" are TIME.
    void attach_part_of_day(Cand& c, bool named_day) const {
        const Word* nx = w(c.te);
        if (nx && !nx->part_of_day.empty() && !is(c.te, "noon") && !is(c.te, "midnight")) {
            c.sem.pod = nx->part_of_day;
            c.type = named_day ? TimexType::date : TimexType::time;
            ++c.te;
        }
    }

    /// Dates written with names and numbers: Dec. 12, 12 December 2022, December 2022,
    /// 2022-12-12, 12/12/2022, Wednesday, 1991, the 1990s, spring 2021, the third quarter.
    // Each matcher first asks whether the token can begin what it reads at all: most tokens
    // tried are a starter for one matcher only. The conditions are what each matcher reads at
    // i (a lexicon field, a digit, a hyphen, a word by name), a superset; debug builds assert
    // that a token turned away would have matched nothing.
public:
    // What each of these reads at i of a lexicon word (a field, the word by name) is worked out
    // once per entry at start-up into Word::begins (mark_begins); a token adds what it reads of
    // the token itself (a digit, a hyphen, "'"). A token found as the entry of "x" for "x's" gets
    // the bits of "x": more tries, never fewer.
    enum : std::uint8_t { k_begins_date = 1, k_begins_amount = 2, k_begins_words = 4, k_begins_relative = 8 };
    static std::uint8_t begins_of(std::string_view key, const Word& w) {
        std::uint8_t bits = 0;
        if (key == "the" || key == "fiscal" || w.month || w.weekday >= 0 || w.ordinal || w.cardinal >= 0 ||
            w.decade > 0 || w.season || !w.single_word_holiday.empty() ||
            (w.phrase_lists & (1u << static_cast<int>(tx::PhraseList::holiday))))
            bits |= k_begins_date;
        if (w.unit != Unit::none || w.cardinal >= 0 || w.has(tx::k_vague_quantity) ||
            (w.phrase_lists & (1u << static_cast<int>(tx::PhraseList::cardinal))) || key == "the" || key == "every" ||
            key == "each" || key == "past" || key == "last" || key == "next" || key == "coming" || key == "first" ||
            key == "final" || key == "previous" || key == "latest" || key == "recent" || key == "following")
            bits |= k_begins_amount;
        if (w.weekday >= 0 || !w.single_word_reference.empty() || !w.set_value.empty() ||
            (w.phrase_lists & (1u << static_cast<int>(tx::PhraseList::reference))) || key == "mid" ||
            key == "midday" || key == "one" || key == "year" || key == "year's" || key == "the" || key == "then" ||
            key == "that")
            bits |= k_begins_words;
        if (w.deictic != tx::k_none || w.relative != tx::k_none) bits |= k_begins_relative;  // match_relative
        return bits;
    }
    static void mark_begins(Lexicon& lex) {
        lex.for_each_word([](std::string_view key, Word& w) { w.begins = begins_of(key, w); });
    }

private:
    static bool may_begin_date(const Tk& t) {
        if (t.w && (t.w->begins & k_begins_date)) return true;
        return is_digit(t.raw()[0]) || t.has_hyphen || t.raw() == "'";
    }
    static bool may_begin_amount(const Tk& t) {
        if (t.w && (t.w->begins & k_begins_amount)) return true;
        return is_digit(t.raw()[0]) || t.has_hyphen;
    }
    static bool may_begin_words(const Tk& t) {
        if (t.w && (t.w->begins & k_begins_words)) return true;
        return t.has_hyphen;
    }

    std::optional<Cand> match_date(std::size_t i, bool after_modifier) const {
        if (i >= m_tk.size()) return std::nullopt;  // a clock time that ends the text looks past it for a day
        if (!may_begin_date(m_tk[i])) {
            assert(!match_date_at(i, after_modifier));
            return std::nullopt;
        }
        return match_date_at(i, after_modifier);
    }

    std::optional<Cand> match_date_at(std::size_t i, bool after_modifier) const {
        const Tk& t = m_tk[i];
        Cand c;
        c.tb = i;
        int m = 0, d = 0, y = 0;
        // Month first.
        if (std::size_t ml = month_at(i, m)) {
            std::size_t k = i + ml;
            c.sem.month = m;
            std::size_t dl = day_at(k, d);
            // "May 5 soldiers": a number then a plain noun is a count, not a day.
            if (dl && m_tk[k].w && m_tk[k].w->ordinal > 0 && !m_tk[k].cap()) dl = 0;
            if (dl) {
                c.sem.day = d;
                k += dl;
                if (is(k, ",") && year_at(k + 1, y)) {
                    c.sem.year = y;
                    k += 2;
                } else if (year_at(k, y)) {
                    c.sem.year = y;
                    ++k;
                }
                c.te = k;
                return finish_date(c);
            }
            if (year_at(k, y)) {
                c.sem.year = y;
                c.te = k + 1;
                return finish_date(c);
            }
            if (std::size_t yl = spelled_year_at(k, y)) {  // "January nineteen ninety-seven"
                c.sem.year = y;
                c.te = k + yl;
                return finish_date(c);
            }
            if ((is(k, "of") || is(k, ",")) && year_at(k + 1, y)) {
                c.sem.year = y;
                c.te = k + 2;
                return finish_date(c);
            }
            // A month alone: ambiguous names need a cue ("in May", "early March").
            if (t.w->has(tx::k_month_ambiguous) && !after_modifier && !prev_is_cue(i)) return std::nullopt;
            c.te = k;
            // "January this year", "July last year": the year is given relative to the DCT.
            if (const Word* rw = w(k); rw && rw->relative != tx::k_none && is(k + 1, "year") &&
                                       (is(k, "this") || is(k, "last") || is(k, "next"))) {
                c.sem.year_rel = rw->relative;
                c.te = k + 2;
            }
            return finish_date(c);
        }
        // Day first: 12 December 2022, the 12th of December.
        {
            std::size_t k = i;
            bool the = is(k, "the");
            if (the) ++k;
            if (std::size_t dl = day_at(k, d)) {
                std::size_t k2 = k + dl;
                if (is(k2, "of")) ++k2;
                else if (the) k2 = m_n;  // "the 12th December" is rare; "the third quarter" is not a day
                if (std::size_t ml = month_at(k2, m)) {
                    c.sem.day = d;
                    c.sem.month = m;
                    k2 += ml;
                    if (is(k2, ",") && year_at(k2 + 1, y)) {
                        c.sem.year = y;
                        k2 += 2;
                    } else if (year_at(k2, y)) {
                        c.sem.year = y;
                        ++k2;
                    }
                    c.te = k2;
                    return finish_date(c);
                }
            }
        }
        // Weekday: Wednesday, Wednesday night, Friday, Feb. 24.
        if (t.w && t.w->weekday >= 0 && t.cap() && !t.w->has(tx::k_weekday_abbrev) && !t.w->has(tx::k_weekday_plural)) {
            // "Friday prayers", "the Sunday edition" are recurring; "Friday's edition" is that Friday's.
            const bool possessive = t.low().size() > 2 && ends_in(t.low(), "'s");
            if (!possessive && flag(i + 1, tx::k_not_after_weekday)) return std::nullopt;
            c.sem.kind = Kind::weekday;
            c.sem.weekday = t.w->weekday;
            c.te = i + 1;
            if (t.low().size() > 2 && ends_in(t.low(), "'s")) c.trim_end = 2;
            std::size_t k = i + 1;
            if (is(k, ",")) ++k;
            if (std::size_t ml = month_at(k, m)) {
                std::size_t k2 = k + ml;
                if (std::size_t dl = day_at(k2, d)) {
                    c.sem.kind = Kind::absolute;
                    c.sem.month = m;
                    c.sem.day = d;
                    k2 += dl;
                    if (is(k2, ",") && year_at(k2 + 1, y)) {
                        c.sem.year = y;
                        k2 += 2;
                    } else if (year_at(k2, y)) {
                        c.sem.year = y;
                        ++k2;
                    }
                    c.te = k2;
                    return finish_date(c);
                }
            }
            attach_part_of_day(c, true);
            return c;
        }
        // ISO 2022-12-12 and other hyphenated forms.
        if (t.has_hyphen) return match_hyphenated(i);
        // 12/12/2022 (US order) and 2022/12/12: one token.
        if (int f[3], nd[3]; is_digit(t.raw()[0]) && split_digits(t.raw(), '/', f, nd) == 3) {
            int yy, mm, dd;
            if (nd[0] == 4) {
                yy = f[0], mm = f[1], dd = f[2];
            } else {
                if (nd[2] != 2 && nd[2] != 4) return std::nullopt;
                yy = nd[2] == 2 ? (f[2] < 50 ? 2000 + f[2] : 1900 + f[2]) : f[2];
                mm = f[0], dd = f[1];
                if (mm > 12 && dd <= 12) std::swap(mm, dd);  // 25/12/2022: day first
            }
            if (tx::make_date(yy, mm, dd)) {
                c.sem.year = yy, c.sem.month = mm, c.sem.day = dd;
                c.te = i + 1;
                return finish_date(c);
            }
            return std::nullopt;
        }
        // Years and decades.
        {
            std::size_t k = i;
            bool the = is(k, "the");
            if (the) ++k;
            const Tk* yt = at(k);
            if (yt && yt->raw().size() == 5 && yt->low().back() == 's' && yt->low()[3] == '0' && is_digit(yt->raw()[0]) &&
                is_digit(yt->raw()[1]) && is_digit(yt->raw()[2]) && is_digit(yt->raw()[3])) {
                c.sem.decade = std::atoi(std::string(yt->raw().substr(0, 4)).c_str());
                c.te = k + 1;
                return finish_date(c);
            }
            // "the nineties", "the late eighties"; "in their eighties" is an age.
            if (yt && yt->w && yt->w->decade > 0 && (the || after_modifier)) {
                c.sem.decade = yt->w->decade;
                c.te = k + 1;
                return finish_date(c);
            }
            if (yt && yt->raw() == "'" && at(k + 1) && m_tk[k + 1].raw().size() == 3 && m_tk[k + 1].low()[2] == 's' &&
                m_tk[k + 1].low()[1] == '0' && is_digit(m_tk[k + 1].raw()[0])) {  // the '90s
                int dd = (m_tk[k + 1].raw()[0] - '0') * 10;
                c.sem.decade = dd >= 30 ? 1900 + dd : 2000 + dd;
                c.te = k + 2;
                return finish_date(c);
            }
            // Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
            if (std::size_t yl = spelled_year_at(k, y)) {
                c.sem.year = y;
                c.te = k + yl;
                return finish_date(c);
            }
            if (the && is(k, "year") && is(k + 1, "two") && is(k + 2, "thousand")) {
                c.sem.year = 2000;
                c.te = k + 3;
                return finish_date(c);
            }
            if (is(i, "fiscal") && year_at(i + 1, y)) {  // "fiscal 1990"
                c.sem.year = y;
                c.te = i + 2;
                return finish_date(c);
            }
            // "the 1988 third quarter", "the 1989 period", "1988 first half": a year's part.
            if (year_at(k, y) && (!the || reporting_part_at(k + 1, c.sem) > 0)) {
                if (the || plausible_year(i, after_modifier)) {
                    c.sem.year = y;
                    c.te = k + 1 + reporting_part_at(k + 1, c.sem);
                    return finish_date(c);
                }
            }
            // the 20th century, the twentieth century, an 11th century temple
            if (at(k) && is(k + 1, "century") && (the || !m_tk[k + 1].cap())) {
                int n = 0;
                if (day_at(k, n) && n >= 1 && n <= 30) {
                    c.sem.century = (n - 1) * 100;
                    c.te = k + 2;
                    return finish_date(c);
                }
            }
            // Quarters and halves: the third quarter (of 1990), the first half.
            // Without "the" only "third quarter" itself: "its fourth quarter", "a slow third quarter".
            const bool bare_quarter = !the && w(k) && w(k)->ordinal >= 1 && w(k)->ordinal <= 4 &&
                                      (is(k + 1, "quarter") || is(k + 1, "quarters")) &&
                                      !(i > 0 && (is(i - 1, "a") || is(i - 1, "one")));
            if (the || is(k, "fiscal") || bare_quarter) {
                std::size_t q = k;
                if (is(q, "fiscal")) ++q;
                int ord = w(q) ? w(q)->ordinal : 0;
                // "in the second and fourth quarters", "strong fourth quarters": the quarters
                // of every year (SET); the first ordinal alone is the first of them.
                if (ord >= 1 && ord <= 4 && !the && is(q + 1, "quarters") && !is(q + 2, "of")) {
                    c.type = TimexType::set;
                    c.sem.kind = Kind::set;
                    c.sem.literal = "XXXX-Q" + std::to_string(ord);
                    c.te = q + 2;
                    return c;
                }
                if (ord >= 1 && ord <= 4 && (is(q + 1, "and") || is(q + 1, "or")) && w(q + 2) &&
                    w(q + 2)->ordinal >= 1 && w(q + 2)->ordinal <= 4 && is(q + 3, "quarters") && !is(q + 4, "of")) {
                    c.type = TimexType::set;
                    c.sem.kind = Kind::set;
                    c.sem.literal = "XXXX-Q" + std::to_string(ord);
                    c.te = q + 1;
                    return c;
                }
                if (ord == -1 && the && is(q + 1, "half")) ord = 2;  // "the last half of 1989"
                // "the first two quarters of 1990", "the last two quarters of 1989": a half of that year.
                if (the && (ord == 1 || ord == -1) && is(q + 1, "two") && is(q + 2, "quarters") && is(q + 3, "of") &&
                    year_at(q + 4, y)) {
                    c.sem.half = ord == 1 ? 1 : 2;
                    c.sem.year = y;
                    c.te = q + 5;
                    return finish_date(c);
                }
                if (ord >= 1 && ord <= 4 && (is(q + 1, "quarter") || (ord <= 2 && is(q + 1, "half")))) {
                    if (is(q + 1, "quarter")) c.sem.quarter = ord;
                    else c.sem.half = ord;
                    c.te = q + 2;
                    if (is(c.te, "of") && year_at(c.te + 1, y)) {
                        c.sem.year = y;
                        c.te += 2;
                    } else if (year_at(c.te, y)) {
                        c.sem.year = y;
                        ++c.te;
                    } else if (c.sem.half > 0) {
                        return std::nullopt;  // "the second half" of a match, not of a year
                    } else {
                        read_quarter_end(c);
                    }
                    return finish_date(c);
                }
            }
            // Seasons: spring 2021, the summer, in the fall.
            std::size_t s = k;
            if (const Word* sw = w(s); sw && sw->season) {
                c.sem.season = sw->season;
                if (year_at(s + 1, y) || (is(s + 1, "of") && year_at(s + 2, y))) {
                    c.sem.year = y;
                    c.te = is(s + 1, "of") ? s + 3 : s + 2;
                    return finish_date(c);
                }
                if (std::size_t yl = is(s + 1, "of") ? spelled_year_at(s + 2, y) : 0) {
                    c.sem.year = y;  // "the winter of nineteen ninety-four"
                    c.te = s + 2 + yl;
                    return finish_date(c);
                }
                // "to fall apart": after "to" a season word is a verb.
                bool cue = after_modifier || (the ? prev_is_cue(i) : (i > 0 && flag(i - 1, tx::k_temporal_prep) &&
                                                                      !is(i - 1, "to")));
                if (!cue) return std::nullopt;
                c.te = s + 1;
                return finish_date(c);
            }
            // Holidays.
            const std::string* hv = nullptr;
            if (std::size_t hl = phrase_at(tx::PhraseList::holiday, i, hv); hl && m_tk[i].cap()) {
                return holiday(c, i, i + hl, *hv);
            }
            if (t.w && !t.w->single_word_holiday.empty() && t.cap()) return holiday(c, i, i + 1, t.w->single_word_holiday);
        }
        return std::nullopt;
    }

    /// "the quarter ended Sept. 30", "the third quarter ending June 30": keeps the day that
    /// ends the quarter, which tells its year (and, with no ordinal, which quarter it is).
    /// The day is an expression of its own: the span is not extended.
    void read_quarter_end(Cand& c) const {
        if (!is(c.te, "ended") && !is(c.te, "ending")) return;
        if (auto d = match_date(c.te + 1, false); d && d->sem.kind == Kind::absolute && d->sem.day > 0 &&
                                                  d->sem.month > 0 && d->sem.weekday < 0) {
            c.sem.end_year = d->sem.year;
            c.sem.end_month = d->sem.month;
            c.sem.end_day = d->sem.day;
            c.sem.end_past = is(c.te, "ended");
        }
    }

    /// After a year: "third quarter", "quarter", "first half", "period" (the reporting
    /// period the text is about). Sets the part in `sem`; returns tokens consumed.
    std::size_t reporting_part_at(std::size_t k, Sem& sem) const {
        std::size_t q = k;
        if (is(q, "fiscal")) ++q;
        const int ord = w(q) && !is(q, "last") ? w(q)->ordinal : 0;
        if (ord >= 1 && ord <= 4 && is(q + 1, "quarter")) {
            sem.quarter = ord;
            return q + 2 - k;
        }
        if (ord >= 1 && ord <= 2 && is(q + 1, "half")) {
            sem.half = ord;
            return q + 2 - k;
        }
        if (q == k && (is(q, "quarter") || is(q, "period"))) {
            sem.literal = "period";
            return 1;
        }
        return 0;
    }

    /// A holiday: "12-25" a fixed day; "11-22..28-4" the weekday (ISO, 4 Thursday) that falls
    /// in those days of the month (Thanksgiving), resolved once the year is known.
    std::optional<Cand> holiday(Cand c, std::size_t, std::size_t end, const std::string& md) const {
        c.sem.month = std::atoi(md.substr(0, 2).c_str());
        c.sem.day = std::atoi(md.substr(3, 2).c_str());
        if (md.size() == 11 && md.compare(5, 2, "..") == 0) {
            c.sem.movable_hi = std::atoi(md.substr(7, 2).c_str());
            c.sem.movable_wd = std::atoi(md.substr(10, 1).c_str()) - 1;
        }
        c.te = end;
        int y = 0;
        if (year_at(end, y)) {
            c.sem.year = y;
            ++c.te;
        }
        return finish_date(c);
    }

    /// A bare four-digit number is a year unless it counts something ("1991 troops")
    /// or money; years far from now need a cue word ("in 1848").
    bool plausible_year(std::size_t i, bool after_modifier) const {
        const Tk& t = m_tk[i];
        if (i > 0 && (m_tk[i - 1].raw() == "$" || m_tk[i - 1].raw() == "#" || word_is(m_tk[i - 1], "no"))) return false;
        if (i + 1 < m_n) {
            const Tk& nx = m_tk[i + 1];
            if (nx.w && nx.w->has(tx::k_not_after_year)) return false;
            if (nx.raw() == "%" || word_is(nx, "percent")) return false;
            if (nx.w && nx.w->unit != Unit::none) return false;  // "1500 years"
            if ((nx.raw() == ":" || nx.raw() == "." || nx.raw() == "/" || nx.raw() == ",") && adjacent(i) && i + 2 < m_n &&
                m_tk[i + 2].num >= 0 && adjacent(i + 1))
                return false;  // 1991.5, 1991:12, phone numbers
        }
        if (i > 0 && adjacent(i - 1) && (m_tk[i - 1].raw() == "-" || m_tk[i - 1].raw() == "/" || m_tk[i - 1].raw() == "."))
            return false;
        if (t.num >= 1900 && t.num <= 2100) return true;
        return after_modifier || prev_is_cue(i);
    }

    /// 2022-12-12, mid-December, mid-1990s, post-1959, third-quarter, 30-year, 45-year-old.
    std::optional<Cand> match_hyphenated(std::size_t i) const {
        const Tk& t = m_tk[i];
        Cand c;
        c.tb = i;
        c.te = i + 1;
        std::array<std::string_view, 4> parts{};
        std::size_t np = 0;
        std::string_view rest = t.low();
        while (np < parts.size()) {
            auto dash = rest.find('-');
            parts[np++] = rest.substr(0, dash);
            if (dash == std::string_view::npos) break;
            rest = rest.substr(dash + 1);
        }
        if (rest.find('-') != std::string_view::npos) return std::nullopt;
        auto num = [](std::string_view s, int& v) {
            if (s.empty() || s.size() > 4) return false;
            v = 0;
            for (char ch : s) {
                if (!is_digit(ch)) return false;
                v = v * 10 + (ch - '0');
            }
            return true;
        };
        int a = 0, b = 0, d = 0;
        if (np == 3 && parts[0].size() == 4 && num(parts[0], a) && num(parts[1], b) && num(parts[2], d)) {
            if (!tx::make_date(a, b, d)) return std::nullopt;
            c.sem.year = a, c.sem.month = b, c.sem.day = d;
            return finish_date(c);
        }
        if (np == 2 && parts[0].size() == 4 && parts[1].size() == 2 && num(parts[0], a) && num(parts[1], b) &&
            b >= 1 && b <= 12 && a >= 1900 && a <= 2100) {  // 2022-12
            c.sem.year = a, c.sem.month = b;
            return finish_date(c);
        }
        if (np == 2 && (parts[0] == "mid" || parts[0] == "pre" || parts[0] == "post" || parts[0] == "early" ||
                        parts[0] == "late")) {
            const char* mod = parts[0] == "mid" ? "MID" : parts[0] == "pre" ? "BEFORE" : parts[0] == "post" ? "AFTER"
                              : parts[0] == "early" ? "START" : "END";
            const Word* mw = m_lex.find(parts[1]);
            if (mw && mw->month) {
                c.sem.month = mw->month;
            } else if (parts[1].size() == 4 && num(parts[1], a) && a >= 1000) {
                c.sem.year = a;
            } else if (parts[1].size() == 5 && parts[1][4] == 's' && num(parts[1].substr(0, 4), a) && a % 10 == 0) {
                c.sem.decade = a;
            } else {
                return std::nullopt;
            }
            c.mod = mod;
            return finish_date(c);
        }
        // third-quarter, first-half
        // (The second part first: most hyphenated words are neither, and need no look-up.)
        if (np == 2 && (parts[1] == "quarter" || parts[1] == "half")) {
            const Word* ow = m_lex.find(parts[0]);
            if (ow && ow->ordinal >= 1 && ow->ordinal <= 4) {
                if (parts[1] == "quarter") c.sem.quarter = ow->ordinal;
                else if (ow->ordinal <= 2) c.sem.half = ow->ordinal;
                else return std::nullopt;
                return finish_date(c);
            }
        }
        // 30-year, two-day, 45-year-old: adjectival durations.
        if (np >= 2) {
            int n = 0;
            std::size_t unit_part = 1;
            bool ok = num(parts[0], n);
            if (!ok) {
                const Word* nw = m_lex.find(parts[0]);
                if (nw && nw->cardinal > 0 && parts[0] != "a" && parts[0] != "an") {
                    n = nw->cardinal;
                    ok = true;
                    // twenty-four-hour
                    if (np >= 3 && n >= 20) {
                        const Word* n2 = m_lex.find(parts[1]);
                        if (n2 && n2->cardinal > 0 && n2->cardinal < 10) {
                            n += n2->cardinal;
                            unit_part = 2;
                        }
                    }
                }
            }
            if (!ok && np == 2 && parts[1] == "long") {
                // "day-long", "decades-long": a span of one or of some units.
                const Word* uw = m_lex.find(parts[0]);
                if (!uw || uw->unit == Unit::none || uw->unit == Unit::weekend || uw->unit <= Unit::second)
                    return std::nullopt;
                c.type = TimexType::duration;
                c.sem.kind = Kind::duration;
                c.sem.literal = duration_literal(uw->unit, uw->has(tx::k_unit_plural) ? k_vague : uw->unit_multiplier);
                return c;
            }
            if (!ok) return std::nullopt;
            const Word* uw = m_lex.find(parts[unit_part]);
            if (!uw || uw->unit == Unit::none || uw->unit == Unit::weekend) return std::nullopt;
            // "three-quarters of its food" is a fraction.
            if (uw->unit == Unit::quarter && uw->has(tx::k_unit_plural)) return std::nullopt;
            // "45-year-old" is an age, not a time (TimeBank leaves ages untagged).
            if (unit_part + 1 < np && !(unit_part + 2 == np && parts[unit_part + 1] == "long")) return std::nullopt;
            c.type = TimexType::duration;
            c.sem.kind = Kind::duration;
            c.sem.literal = duration_literal(uw->unit, n * uw->unit_multiplier);
            return c;
        }
        return std::nullopt;
    }

    static std::string duration_literal(Unit u, int n) {
        std::string amount = n == k_vague ? "X" : std::to_string(n);
        // Decades are counted in years ("P30Y"), some decades too ("PXY"), as TimeBank writes them.
        if (u == Unit::decade) return tx::duration_value(Unit::year, n == k_vague ? "X" : std::to_string(10 * n));
        return tx::duration_value(u, amount);
    }

    /// n and a half units: the half in the next smaller unit where it is whole ("P2Y6M",
    /// "PT5H30M"), else a decimal fraction of the unit ("P1.5W"); "" for none.
    static std::string half_duration_literal(Unit u, int n) {
        const std::string a = std::to_string(n);
        switch (u) {
            case Unit::year: return "P" + a + "Y6M";
            case Unit::day: return "P" + a + "DT12H";
            case Unit::hour: return "PT" + a + "H30M";
            case Unit::minute: return "PT" + a + "M30S";
            case Unit::decade: return tx::duration_value(Unit::year, std::to_string(10 * n + 5));
            case Unit::week:
            case Unit::month: return tx::duration_value(u, a + ".5");
            default: return "";
        }
    }

    std::optional<Cand> finish_date(Cand c) const {
        c.sem.kind = Kind::absolute;
        // "Dec. 12 night" is rare; "Feb. 24 morning" is TIME.
        if (c.sem.day > 0 && c.sem.month > 0) {
            if (c.sem.year > 0 && !tx::make_date(c.sem.year, c.sem.month, c.sem.day)) return std::nullopt;
            if (c.sem.day > 31) return std::nullopt;
        }
        return c;
    }

    /// this/last/next + unit, month, weekday or season; today, yesterday, tonight.
    std::optional<Cand> match_relative(std::size_t i) const {
        if (i >= m_tk.size()) return std::nullopt;  // as match_date: called past a clock time
        const Tk& t = m_tk[i];
        if (!t.w || (t.w->deictic == tx::k_none && t.w->relative == tx::k_none)) return std::nullopt;
        Cand c;
        c.tb = i;
        if (t.w->deictic != tx::k_none) {
            c.sem.kind = Kind::deictic;
            c.sem.offset = t.w->deictic;
            c.te = i + 1;
            if (word_is(t, "tonight")) {
                c.sem.pod = "NI";
                c.type = TimexType::time;
            } else {
                attach_part_of_day(c, false);
            }
            if (t.low().size() > 2 && ends_in(t.low(), "'s")) c.trim_end = 2;
            return c;
        }
        if (t.w->relative == tx::k_none) return std::nullopt;
        // "last night", "this morning"
        int rel = t.w->relative;
        std::size_t k = i + 1;
        if (word_is(t, "this") && (is(i + 1, "past") || is(i + 1, "coming"))) {
            // "this past spring", "this coming Sunday": the last or next one.
            rel = is(i + 1, "past") ? -1 : 1;
            k = i + 2;
        } else if (is(i, "past") || is(i, "coming")) {
            return std::nullopt;  // "the past week" is a duration
        }
        // "at this moment", "at this crucial moment": the present (one adjective allowed).
        if (word_is(t, "this")) {
            const std::size_t m =
                !is(k, "moment") && at(k) && m_tk[k].alpha() && !m_tk[k].w && !m_tk[k].cap() ? k + 1 : k;
            if (is(m, "moment") && !m_tk[m].cap() && !is(m + 1, "of")) {
                c.sem.kind = Kind::reference;
                c.sem.literal = "PRESENT_REF";
                c.te = m + 1;
                return c;
            }
        }
        // "the current fiscal year", "last fiscal year": the fiscal year is named as the year.
        if (is(k, "fiscal") && w(k + 1) && (w(k + 1)->unit == Unit::year || w(k + 1)->unit == Unit::quarter)) ++k;
        // "the current year": the article belongs to the expression.
        if (word_is(t, "current") && i > 0 && is(i - 1, "the")) c.tb = i - 1;
        const Word* nx = w(k);
        if (!nx) return std::nullopt;
        if (!nx->part_of_day.empty() && k == i + 1 && (word_is(t, "this") || word_is(t, "last")) &&
            nx->part_of_day.size() == 2) {
            c.sem.kind = Kind::deictic;
            c.sem.offset = word_is(t, "last") && nx->part_of_day == "NI" ? -1 : 0;
            c.sem.pod = nx->part_of_day;
            c.type = TimexType::time;
            c.te = k + 1;
            return c;
        }
        if (nx->unit != Unit::none && !nx->has(tx::k_unit_plural) && nx->unit >= Unit::day) {
            c.sem.kind = Kind::relative_unit;
            c.sem.unit = nx->unit;
            c.sem.offset = rel * nx->unit_multiplier;
            c.te = k + 1;
            if (is(i, "following") || is(i, "previous")) {
                c.sem.kind = Kind::anaphor;
            } else if (nx->unit == Unit::year && m_tk[k].low().size() > 2 &&
                       ends_in(m_tk[k].low(), "'s")) {
                // "this year's third quarter", "last year's quarter": a part of that year.
                c.te += reporting_part_at(k + 1, c.sem);
            }
            return c;
        }
        int m = 0;
        if (std::size_t ml = month_at(k, m)) {
            c.sem.month = m;
            c.sem.rel = static_cast<std::int8_t>(rel);
            c.te = k + ml;
            c.sem.kind = Kind::absolute;
            int d = 0;
            if (std::size_t dl = day_at(c.te, d); dl && m_tk[c.te].num >= 0) {  // "last Oct. 23"
                c.sem.day = d;
                c.te += dl;
            }
            return c;
        }
        if (nx->weekday >= 0 && at(k)->cap() && !nx->has(tx::k_weekday_abbrev) && !nx->has(tx::k_weekday_plural)) {
            // "this coming Sunday, March 8": the date names the day.
            if (k == i + 2)
                if (auto d = match_date(k, false); d && d->sem.kind == Kind::absolute && d->sem.day > 0) {
                    d->tb = i;
                    return d;
                }
            c.sem.kind = Kind::weekday;
            c.sem.weekday = nx->weekday;
            c.sem.rel = static_cast<std::int8_t>(rel);
            c.te = k + 1;
            // "the previous Friday", "the following Monday": counted from the day told of.
            if ((is(i, "previous") || is(i, "following")) && i > 0 && is(i - 1, "the")) {
                c.tb = i - 1;
                c.sem.anchored = true;
            }
            attach_part_of_day(c, true);
            return c;
        }
        if (nx->season) {
            c.sem.kind = Kind::absolute;
            c.sem.season = nx->season;
            c.sem.rel = static_cast<std::int8_t>(rel);
            c.te = k + 1;
            return c;
        }
        // "last Thanksgiving", "next Christmas"
        if (!nx->single_word_holiday.empty() && at(k)->cap() && rel != 0) {
            if (auto h = holiday(c, k, k + 1, nx->single_word_holiday); h && h->sem.year < 0) {
                h->sem.rel = static_cast<std::int8_t>(rel);
                return h;
            }
        }
        return std::nullopt;
    }

    /// Amounts of time: durations (three years, the past three years, 30-year),
    /// offsets (two weeks ago, a year earlier), sets (every week, twice a month).
    std::optional<Cand> match_amount(std::size_t i) const {
        if (!may_begin_amount(m_tk[i])) {
            assert(!match_amount_at(i));
            return std::nullopt;
        }
        return match_amount_at(i);
    }

    std::optional<Cand> match_amount_at(std::size_t i) const {
        Cand c;
        c.tb = i;
        std::size_t k = i;
        bool the = false;
        int direction = 0;  // the past/last -1, the next/coming +1
        if (is(k, "the")) {
            the = true;
            ++k;
        }
        if (const Word* rw = w(k); rw && (is(k, "past") || is(k, "last") || is(k, "next") || is(k, "coming") ||
                                          is(k, "first") || is(k, "final") || is(k, "previous") ||
                                          is(k, "latest") || is(k, "recent") || is(k, "following"))) {
            direction = rw->relative == tx::k_none ? (is(k, "recent") ? -1 : 0) : rw->relative;
            ++k;
        } else if (the) {
            // "the nine months", "the six months": a counted span, article included.
            int n = 0;
            std::size_t nl = number_at(k, n, false);
            const Word* uw = nl ? w(k + nl) : nullptr;
            if (!nl || n <= 1 || !uw || uw->unit == Unit::none || !uw->has(tx::k_unit_plural)) return std::nullopt;
            if (is(k + nl + 1, "ago") || is(k + nl + 1, "earlier") || is(k + nl + 1, "later")) return std::nullopt;
            c.type = TimexType::duration;
            c.sem.kind = Kind::duration;
            c.sem.literal = duration_literal(uw->unit, n * uw->unit_multiplier);
            c.te = k + nl + 1;
            return c;
        }
        // every/each + unit|weekday|month: SET
        if (!the && direction == 0 && (is(i, "every") || is(i, "each"))) {
            const Word* nw = w(i + 1);
            if (!nw) return std::nullopt;
            c.type = TimexType::set;
            c.sem.kind = Kind::set;
            c.te = i + 2;
            if (nw->unit != Unit::none && !nw->has(tx::k_unit_plural)) {
                c.sem.literal = duration_literal(nw->unit, nw->unit_multiplier);
                return c;
            }
            if (nw->weekday >= 0 && m_tk[i + 1].cap()) {
                c.sem.literal = fmt::format("XXXX-WXX-{}", nw->weekday + 1);
                return c;
            }
            if (nw->month && m_tk[i + 1].cap() && !nw->has(tx::k_month_abbrev)) {
                c.sem.literal = fmt::format("XXXX-{:02d}", static_cast<int>(nw->month));
                return c;
            }
            int n = 0;
            if (std::size_t nl = number_at(i + 1, n, false); nl && n > 0) {
                const Word* uw = w(i + 1 + nl);
                if (uw && uw->unit != Unit::none) {
                    c.sem.literal = duration_literal(uw->unit, n * uw->unit_multiplier);
                    c.te = i + 2 + nl;
                    return c;
                }
            }
            return std::nullopt;
        }
        int n = 1;
        std::size_t nl = number_at(k, n, !the || direction != 0);
        // "two to three weeks", "the next 12 to 18 months": a range of amounts is one
        // expression, valued by its lower bound with EQUAL_OR_MORE.
        bool range = false;
        if (nl && n > 0 && n != k_vague && (!the || direction != 0) && is(k + nl, "to")) {
            int n2 = 0;
            if (std::size_t nl2 = number_at(k + nl + 1, n2, false); nl2 && n2 > n && n2 < 1000) {
                const Word* uw2 = w(k + nl + 1 + nl2);
                if (uw2 && uw2->unit != Unit::none && uw2->has(tx::k_unit_plural)) {
                    nl += 1 + nl2;
                    range = true;
                }
            }
        }
        // "two more weeks", "an additional year", "three straight years"
        if (nl && at(k + nl) && m_tk[k + nl].w && m_tk[k + nl].w->has(tx::k_amount_extender) && w(k + nl + 1) &&
            w(k + nl + 1)->unit != Unit::none)
            ++nl;
        // "5 1/2 hours": a count and a half.
        bool half = false;
        if (nl && n >= 0 && at(k + nl) && m_tk[k + nl].raw() == "1/2") {
            half = true;
            ++nl;
        } else if (nl && n > 0 && n != k_vague && is(k + nl, "and") && (is(k + nl + 1, "a") || is(k + nl + 1, "one")) &&
                   is(k + nl + 2, "half") && w(k + nl + 3) && w(k + nl + 3)->unit != Unit::none) {
            half = true;  // "two and a half weeks"
            nl += 3;
        }
        const Word* uw = w(k + nl);
        if (!uw || uw->unit == Unit::none) {
            return std::nullopt;
        }
        // "a second war", "the second round": "second" as a unit needs a clear amount.
        if (uw->unit == Unit::second && (nl == 0 || is(k, "a") || is(k, "an"))) return std::nullopt;
        if (uw->unit == Unit::minute && !uw->has(tx::k_unit_plural) && nl == 0) return std::nullopt;
        const bool plural = uw->has(tx::k_unit_plural);
        // "1988 second quarter" is a year's part; counts before a singular unit are adjectival
        // and small ("a five year plan").
        if (nl && n >= 1000 && !plural) return std::nullopt;
        std::size_t after = k + nl + 1;
        // "a week or so ago", "the next year or so": an approximate amount.
        const bool or_so = is(after, "or") && is(after + 1, "so");
        if (or_so) after += 2;
        if (nl == 0) {
            // A bare unit: "recent years", "the past year", "for years", "weeks or months".
            if (direction == 0 && !the) {
                if (!plural) return std::nullopt;
                bool cue = i > 0 && (is(i - 1, "for") || is(i - 1, "within") || is(i - 1, "over") ||
                                     is(i - 1, "recent"));
                if (!cue) return std::nullopt;
                n = k_vague;
            } else if (the && direction != 0) {
                n = plural ? k_vague : 1;
                // "over the past year", "in the last month": the year, month before this one (a
                // past decade or century is a span up to now: "over the past decade" P10Y).
                if (!plural && (is(k - 1, "past") || is(k - 1, "last")) && !or_so &&
                    (uw->unit == Unit::month || uw->unit == Unit::quarter || uw->unit == Unit::year)) {
                    c.sem.kind = Kind::relative_unit;
                    c.sem.unit = uw->unit;
                    c.sem.offset = -1;
                    c.te = after;
                    return c;
                }
                if (is(k - 1, "next") || is(k - 1, "following") || is(k - 1, "previous")) {
                    if (!plural) {
                        // "the next day": a date counted from the last one in the text.
                        c.sem.kind = Kind::anaphor;
                        c.sem.unit = uw->unit;
                        c.sem.offset = direction;
                        c.te = after;
                        return c;
                    }
                }
            } else if (!the && direction != 0) {
                if (!plural) return std::nullopt;  // "last week" is relative_unit
                n = k_vague;                       // "recent years", "coming weeks"
            } else {
                return std::nullopt;
            }
        }
        if (the && direction == 0 && nl == 0) return std::nullopt;
        // "two years ago", "a year earlier", "three days later"
        if (direction == 0 && !the) {
            const Word* aw = w(after);
            if (aw && aw->ago != 0 && !is(after, "before") && !is(after, "after")) {
                if (range) return std::nullopt;  // "two to three years ago": the nearer end, below
                c.sem.unit = uw->unit;
                c.sem.offset = (n == k_vague ? 1 : n) * uw->unit_multiplier * aw->ago;
                if (is(after, "later")) {
                    // "three days later": TimeML tags the amount, a DURATION; the day it
                    // points to, from the last date in the text, is kept for the timeline.
                    c.type = TimexType::duration;
                    c.sem.kind = Kind::duration;
                    c.sem.anchored = n != k_vague;  // "a few days later" points to no day
                    c.sem.literal = duration_literal(uw->unit, n == k_vague ? k_vague : n * uw->unit_multiplier);
                    c.te = after;
                    if (or_so) c.mod = "APPROX";
                    return c;
                }
                c.sem.kind = Kind::offset;
                if (or_so) c.mod = "APPROX";
                c.sem.unit = uw->unit;
                c.sem.vague = n == k_vague;
                c.sem.offset = (n == k_vague ? 1 : n) * uw->unit_multiplier * aw->ago;
                c.sem.anchored = !is(after, "ago") && !is(after, "hence");
                c.te = after + 1;
                if (is(after, "from") && is(after + 1, "now")) c.te = after + 2;
                else if (is(after, "from")) return std::nullopt;
                return c;
            }
            // "twice a week", "once a year", "three times a month": a SET.
            if ((is(i, "a") || is(i, "an") || is(i, "per")) && i > 0 &&
                (is(i - 1, "once") || is(i - 1, "twice") || is(i - 1, "times"))) {
                c.type = TimexType::set;
                c.sem.kind = Kind::set;
                c.sem.literal = duration_literal(uw->unit, uw->unit_multiplier);
                c.te = after;
                return c;
            }
            // "$2 million a year", "24 hours a day": a rate, not a time.
            if ((is(i, "a") || is(i, "an")) && i > 0 && !plural) {
                const Tk& p = m_tk[i - 1];
                const bool amount = (!p.raw().empty() && is_digit(p.raw()[0])) || word_is(p, "million") ||
                                    word_is(p, "billion") || word_is(p, "thousand") || word_is(p, "percent") ||
                                    p.raw() == "%" || word_is(p, "cents") || (p.w && p.w->has(tx::k_unit_plural));
                if (amount) return std::nullopt;
                // "four flights a week", "700 seats a week": a count of things per unit.
                if (i > 1 && p.alpha() && (!p.w || p.w->has(tx::k_not_after_year)) && p.low().size() > 3 &&
                    p.low().back() == 's' &&
                    (m_tk[i - 2].num >= 0 || (m_tk[i - 2].w && m_tk[i - 2].w->cardinal > 1)))
                    return std::nullopt;
            }
        }
        // "45 years old", "45 years - old": an age; a dash alone goes on with the sentence
        // ("for the last three years -- until this month").
        if (is(after, "old") || (is(after, "-") && is(after + 1, "old")))
            return std::nullopt;
        // "more than a quarter of the market": a fraction.
        if (uw->unit == Unit::quarter && n != k_vague && is(after, "of") &&
            !(at(after + 1) && m_tk[after + 1].num >= 1000))
            return std::nullopt;
        c.type = TimexType::duration;
        c.sem.kind = Kind::duration;
        c.sem.literal = duration_literal(uw->unit, n == k_vague ? k_vague : n * uw->unit_multiplier);
        c.te = after;
        // "a minute and a half", "two years and a half"
        if (!half && n != k_vague && is(after, "and") && (is(after + 1, "a") || is(after + 1, "one")) &&
            is(after + 2, "half")) {
            half = true;
            c.te = after + 3;
        }
        if (half) {
            if (n == k_vague) return std::nullopt;
            c.sem.literal = half_duration_literal(uw->unit, n * uw->unit_multiplier);
            if (c.sem.literal.empty()) return std::nullopt;
        }
        if (or_so) c.mod = "APPROX";
        if (range) c.mod = "EQUAL_OR_MORE";
        // "the next few days", "the weeks ahead"
        if (is(after, "ahead")) ++c.te;
        return c;
    }

    /// Words that are an expression by themselves: now, recently, the future, daily,
    /// "then" after since/until (anaphoric), "that year" (anaphoric).
    std::optional<Cand> match_words(std::size_t i) const {
        if (i >= m_n) return std::nullopt;  // match_core past the end
        if (!may_begin_words(m_tk[i])) {
            assert(!match_words_at(i));
            return std::nullopt;
        }
        return match_words_at(i);
    }

    std::optional<Cand> match_words_at(std::size_t i) const {
        const Tk& t = m_tk[i];
        Cand c;
        c.tb = i;
        const std::string* v = nullptr;
        if (std::size_t len = phrase_at(tx::PhraseList::reference, i, v)) {
            c.sem.kind = Kind::reference;
            c.sem.literal.refer(*v);
            c.te = i + len;
            return c;
        }
        // "mid-afternoon yesterday", "by mid afternoon", "at midday": a part of a day named first.
        {
            std::size_t k = i;
            bool mid = false;
            std::string_view pod;
            if (t.low().size() > 4 && t.low().substr(0, 4) == "mid-") {
                if (const Word* pw = m_lex.find(t.low().substr(4)); pw && pw->part_of_day.size() == 2) pod = pw->part_of_day;
                mid = true;
                ++k;
            } else if (word_is(t, "mid") && w(i + 1) && w(i + 1)->part_of_day.size() == 2) {
                pod = w(i + 1)->part_of_day;
                mid = true;
                k += 2;
            } else if (word_is(t, "midday") && i > 0 && (is(i - 1, "at") || is(i - 1, "by"))) {
                pod = "12:00";
                ++k;
            }
            if (!pod.empty() && (w(k) && w(k)->deictic != tx::k_none && w(k)->deictic != 0 ? true
                                 : i > 0 && (is(i - 1, "at") || is(i - 1, "by")))) {
                c.type = TimexType::time;
                c.sem.kind = Kind::deictic;
                c.sem.offset = 0;
                c.sem.pod = pod;
                if (w(k) && w(k)->deictic != tx::k_none && !is(k, "tonight")) {
                    c.sem.offset = w(k)->deictic;
                    ++k;
                }
                if (mid) c.mod = "MID";
                c.te = k;
                return c;
            }
        }
        // "will one day be", "could one day replace": some day to come, not a day's length.
        if (word_is(t, "one") && is(i + 1, "day") && i > 0 && m_tk[i - 1].w &&
            (m_tk[i - 1].w->has(tx::k_modal_cue) || m_tk[i - 1].w->has(tx::k_future_cue))) {
            c.sem.kind = Kind::reference;
            c.sem.literal = "FUTURE_REF";
            c.te = i + 2;
            return c;
        }
        // "on Sundays", "Tuesday nights": a weekday that recurs, a SET.
        if (t.cap() && t.w && t.w->has(tx::k_weekday_plural)) {
            c.type = TimexType::set;
            c.sem.kind = Kind::set;
            c.sem.literal = fmt::format("XXXX-WXX-{}", t.w->weekday + 1);
            c.te = i + 1;
            return c;
        }
        if (t.w && t.w->weekday >= 0 && t.cap() && !t.w->has(tx::k_weekday_abbrev) &&
            !t.w->has(tx::k_weekday_plural) && at(i + 1) &&
            m_tk[i + 1].low().size() > 3 && m_tk[i + 1].low().back() == 's') {
            const Word* pw = m_lex.find(m_tk[i + 1].low().substr(0, m_tk[i + 1].low().size() - 1));
            if (pw && pw->part_of_day.size() == 2 && !w(i + 1)) {
                c.type = TimexType::set;
                c.sem.kind = Kind::set;
                c.sem.literal = fmt::format("XXXX-WXX-{}T{}", t.w->weekday + 1, pw->part_of_day);
                c.te = i + 2;
                return c;
            }
        }
        // "by year-end", "at year's end", "since year end": the end of the year told of, last
        // year's after "since"; "year-end results" is an adjective.
        if ((word_is(t, "year-end") || ((word_is(t, "year") || word_is(t, "year's")) && is(i + 1, "end"))) && i > 0 &&
            m_tk[i - 1].w && m_tk[i - 1].w->has(tx::k_temporal_prep) && !m_tk[i - 1].w->has(tx::k_determiner)) {
            c.sem.kind = Kind::relative_unit;
            c.sem.unit = Unit::year;
            c.sem.offset = is(i - 1, "since") ? -1 : 0;
            c.mod = "END";
            c.te = word_is(t, "year-end") ? i + 1 : i + 2;
            return c;
        }
        if (!t.w) return std::nullopt;
        if (!t.w->single_word_reference.empty()) {
            // "as soon as possible", "as recently as 2019": a comparison, not a time.
            if (i > 0 && is(i - 1, "as") && is(i + 1, "as")) return std::nullopt;
            // "current"/"recent"/"future" are references only as adjectives of nothing
            // more specific: "the current quarter" is a date, "recent years" a duration.
            const Word* nx = w(i + 1);
            if (nx && (nx->unit != Unit::none || nx->month || nx->season)) return std::nullopt;
            if (word_is(t, "future") && !(i > 0 && (is(i - 1, "the") || is(i - 1, "near")))) {
                // "future generations" is an adjective about people, not a time.
                if (nx && nx->cardinal < 0 && !nx->has(tx::k_temporal_prep)) {
                    if (at(i + 1) && m_tk[i + 1].alpha()) return std::nullopt;
                }
            }
            c.sem.kind = Kind::reference;
            c.sem.literal.refer(t.w->single_word_reference);
            c.te = i + 1;
            return c;
        }
        if (!t.w->set_value.empty()) {
            c.type = TimexType::set;
            c.sem.kind = Kind::set;
            c.sem.literal.refer(t.w->set_value);
            c.te = i + 1;
            return c;
        }
        // "the weekend": the nearest one, in the direction of the tense.
        if (word_is(t, "the") && is(i + 1, "weekend")) {
            c.sem.kind = Kind::weekday;
            c.sem.weekday = 5;
            c.sem.literal = "WE";
            c.te = i + 2;
            return c;
        }
        // "the quarter", "the latest quarter", "the current quarter": financial reporting.
        if (word_is(t, "the")) {
            std::size_t k = i + 1;
            int rel = -1;
            if (is(k, "latest") || is(k, "most") || is(k, "current") || is(k, "fiscal")) {
                if (is(k, "current")) rel = 0;
                if (is(k, "most") && is(k + 1, "recent")) ++k;
                ++k;
            }
            // "the latest period": the reporting period the text is about.
            // "the latest quarter's results": the possessive too.
            const bool latest_period = is(i + 1, "latest") && (is(k, "period") || is(k, "period's"));
            if ((is(k, "quarter") || is(k, "quarter's") || latest_period) && !is(k + 1, "of") &&
                !(at(k + 1) && m_tk[k + 1].num >= 0)) {
                c.sem.kind = Kind::anaphor;
                c.sem.unit = Unit::quarter;
                c.sem.offset = rel;
                c.sem.literal = is(i + 1, "latest") || is(i + 1, "most") ? "latest-quarter" : "quarter";
                c.te = k + 1;
                read_quarter_end(c);
                if (rel == 0) c.sem.kind = Kind::relative_unit;  // "the current quarter": the DCT's
                // "the quarter a year ago": the same quarter of the year before.
                if ((is(k + 1, "a") || is(k + 1, "one")) && is(k + 2, "year") &&
                    (is(k + 3, "ago") || is(k + 3, "earlier"))) {
                    c.sem.literal = "quarter-1y";
                    c.te = k + 4;
                }
                return c;
            }
        }
        // "year-earlier", "the year-ago period": the date a year before the last one in the text.
        if (t.has_hyphen || word_is(t, "the")) {
            std::size_t k = word_is(t, "the") ? i + 1 : i;
            if (is(k, "year-earlier") || is(k, "year-ago")) {
                c.sem.kind = Kind::offset;
                c.sem.unit = Unit::year;
                c.sem.offset = -1;
                c.sem.anchored = true;
                c.te = k + 1;
                if (const Word* nw = w(k + 1); (nw && nw->unit == Unit::quarter) || is(k + 1, "period")) {
                    c.te = k + 2;
                } else if (int n = 0; std::size_t nl = number_at(k + 1, n, false)) {
                    // "the year-earlier nine months": a span of that length, a DURATION.
                    const Word* uw = w(k + 1 + nl);
                    if (!uw || uw->unit == Unit::none || !uw->has(tx::k_unit_plural) || n < 2) {
                        if (word_is(t, "the")) return std::nullopt;
                        return c;
                    }
                    c.type = TimexType::duration;
                    c.sem.kind = Kind::duration;
                    c.sem.literal = duration_literal(uw->unit, n * uw->unit_multiplier);
                    c.te = k + 2 + nl;
                } else if (const Word* ow = w(k + 1); ow && ow->ordinal >= 1 && ow->ordinal <= 4 &&
                                                       is(k + 2, "quarter")) {
                    c.sem.quarter = ow->ordinal;  // "the year-ago third quarter"
                    c.te = k + 3;
                } else if (word_is(t, "the")) {
                    return std::nullopt;
                }
                return c;
            }
        }
        // "the then current price": the present of a time gone by.
        if (word_is(t, "then") && is(i + 1, "current")) {
            c.sem.kind = Kind::reference;
            c.sem.literal = "PAST_REF";
            c.te = i + 2;
            return c;
        }
        // since then, until then, by then
        if (word_is(t, "then") && i > 0 &&
            (is(i - 1, "since") || is(i - 1, "until") || is(i - 1, "till") || is(i - 1, "by") ||
             is(i - 1, "before") || is(i - 1, "from") || is(i - 1, "after"))) {
            c.sem.kind = Kind::anaphor;
            c.sem.unit = Unit::none;
            c.te = i + 1;
            return c;
        }
        // "the week of March 6": the calendar week containing that day.
        if (word_is(t, "the") && is(i + 1, "week") && is(i + 2, "of")) {
            if (auto d = match_date(i + 3, false); d && d->sem.kind == Kind::absolute && d->sem.day > 0) {
                Cand wc = *d;
                wc.tb = i;
                wc.sem.literal = "weekof";
                return wc;
            }
        }
        // "the year ended Sept. 30": a fiscal year, a DURATION; "the full year": this year.
        if (word_is(t, "the")) {
            std::size_t k = i + 1;
            const bool full = is(k, "full");
            if (full || is(k, "fiscal")) ++k;
            if (is(k, "year") && (is(k + 1, "ended") || is(k + 1, "ending"))) {
                c.type = TimexType::duration;
                c.sem.kind = Kind::duration;
                c.sem.literal = "P1Y";
                c.te = k + 1;
                return c;
            }
            if (full && is(k, "year") && !is(k + 1, "of")) {
                c.sem.kind = Kind::relative_unit;
                c.sem.unit = Unit::year;
                c.sem.offset = 0;
                c.te = k + 1;
                return c;
            }
        }
        // "for the year", "a high for the week", "the week's busiest session": the year, month
        // or week the text is about, after a preposition and with nothing that makes it a
        // span of its own ("the year before", "the year 2000", "the year in which").
        if (word_is(t, "the") && i > 0 && m_tk[i - 1].w && m_tk[i - 1].w->has(tx::k_anaphor_preposition)) {
            const std::size_t u = is(i + 1, "fiscal") && is(i + 2, "year") ? i + 2 : i + 1;  // "for the fiscal year"
            const Word* uw = w(u);
            if (uw && !m_tk[u].cap() && uw->unit_multiplier == 1 && !uw->has(tx::k_unit_plural) &&
                (uw->unit == Unit::year || uw->unit == Unit::month || uw->unit == Unit::week)) {
                const Tk* nx = at(u + 1) ? &m_tk[u + 1] : nullptr;
                // "a high for the year of $42.875": an amount after "of" is what the year saw, not a year.
                const bool of_amount = is(u + 1, "of") && at(u + 2) && m_tk[u + 2].raw() == "$";
                const bool blocked = !of_amount &&
                                     nx && (nx->num >= 0 || (nx->w && (nx->w->has(tx::k_anaphor_blocker) ||
                                                                       nx->w->cardinal >= 0 || nx->w->ago != 0)));
                if (!blocked) {
                    c.sem.kind = Kind::anaphor;
                    c.sem.unit = uw->unit;
                    c.sem.offset = 0;
                    c.sem.literal = "the-unit";
                    c.te = u + 1;
                    return c;
                }
            }
        }
        // "that night", "the next morning", "the following evening": a part of the day the
        // text is telling of, or of the day after it. A DATE, as a named day with its part.
        {
            const bool after = word_is(t, "the") && (is(i + 1, "next") || is(i + 1, "following"));
            const std::size_t p = after ? i + 2 : i + 1;
            if ((after || word_is(t, "that")) && w(p) && w(p)->part_of_day.size() == 2) {
                c.sem.kind = Kind::anaphor;
                c.sem.unit = Unit::day;
                c.sem.offset = after ? 1 : 0;
                c.sem.pod = w(p)->part_of_day;
                c.te = p + 1;
                return c;
            }
            // "orders were placed in the morning": that part of the day the text is telling of,
            // a TIME as "this morning" is; not "in the morning of May 2", "in the evening after".
            if (word_is(t, "the") && i > 0 && (is(i - 1, "in") || is(i - 1, "during")) && w(i + 1) &&
                w(i + 1)->part_of_day.size() == 2 && !is(i + 2, "of") && !is(i + 2, "after") &&
                !is(i + 2, "before") && !is(i + 2, "when") &&
                !(at(i + 2) && m_tk[i + 2].alpha() && !m_tk[i + 2].w)) {  // "the morning shift": a noun's modifier
                c.sem.kind = Kind::anaphor;
                c.sem.unit = Unit::day;
                c.sem.pod = w(i + 1)->part_of_day;
                c.type = TimexType::time;
                c.te = i + 2;
                return c;
            }
        }
        // "Today is the eighth day of the strike", "It's the second day of talks": the present
        // counted from a start the text names; it is the day of the report.
        if (word_is(t, "the") && i > 0 && (is(i - 1, "is") || is(i - 1, "it's") || is(i - 1, "that's")) && w(i + 1) &&
            w(i + 1)->ordinal >= 1 && is(i + 2, "day") && is(i + 3, "of") && !names_a_period(i + 4)) {
            c.sem.kind = Kind::deictic;
            c.sem.offset = 0;
            c.te = i + 3;
            return c;
        }
        // "the day before yesterday", "the day after Tuesday's vote": one day from a named day.
        if (word_is(t, "the") && is(i + 1, "day") && (is(i + 2, "before") || is(i + 2, "after"))) {
            if (auto d = match_core(i + 3, false);
                d && d->tb == i + 3 && d->sem.pod.empty() && d->sem.day_shift == 0 &&
                (d->sem.kind == Kind::deictic || d->sem.kind == Kind::weekday ||
                 (d->sem.kind == Kind::absolute && d->sem.day > 0 && d->sem.literal.empty()))) {
                d->tb = i;
                d->sem.day_shift = is(i + 2, "before") ? -1 : 1;
                d->sem.anchored = false;
                return d;
            }
        }
        // that year, that day, the same day
        std::size_t k = i;
        if (word_is(t, "that") || (word_is(t, "the") && is(i + 1, "same"))) {
            k = word_is(t, "that") && !is(i + 1, "same") ? i + 1 : i + 2;  // "that same day"
            const Word* uw = w(k);
            if (uw && uw->unit >= Unit::day && !uw->has(tx::k_unit_plural)) {
                c.sem.kind = Kind::anaphor;
                c.sem.unit = uw->unit;
                c.sem.offset = 0;
                c.te = k + 1;
                return c;
            }
        }
        return std::nullopt;
    }

    /// Clock times: 10 a.m., 3:30 p.m., 14:00 GMT, noon, midnight; with a day after them.
    std::optional<Cand> match_clock(std::size_t i) const {
        const Tk& t = m_tk[i];
        // Only "noon", "midnight" or a token that begins with a digit can begin a clock time.
        if (!is_digit(t.raw()[0]) && !(t.w && (word_is(t, "noon") || word_is(t, "midnight")))) return std::nullopt;
        Cand c;
        c.tb = i;
        int hour = -1, minute = 0;
        std::size_t k = i;
        if (t.w && (word_is(t, "noon") || word_is(t, "midnight"))) {
            if (word_is(t, "noon") && i > 0 && is(i - 1, "high")) return std::nullopt;  // "high noon": an idiom
            hour = word_is(t, "noon") ? 12 : 24;
            k = i + 1;
        } else if (int f[3], nd[3]; (t.num >= 0 && t.ndig <= 2 && t.num <= 24) ||
                                    (split_digits(t.raw(), ':', f, nd) == 2 && nd[0] <= 2 && nd[1] == 2)) {
            bool has_minutes = t.num < 0;
            hour = has_minutes ? f[0] : t.num;
            if (has_minutes) minute = f[1];
            if (hour > 24 || minute > 59) return std::nullopt;
            k = i + 1;
            // a.m. / p.m. / am / pm
            bool meridiem = false;
            if ((is(k, "a") || is(k, "p")) && is(k + 1, ".") && is(k + 2, "m")) {
                if (is(k, "p") && hour < 12) hour += 12;
                if (is(k, "a") && hour == 12) hour = 0;
                k += 3;
                if (is(k, ".") && k + 1 < m_n) ++k;
                meridiem = true;
            } else if (is(k, "am") || is(k, "pm") || is(k, "a.m") || is(k, "p.m")) {
                if (m_tk[k].low()[0] == 'p' && hour < 12) hour += 12;
                if (m_tk[k].low()[0] == 'a' && hour == 12) hour = 0;
                ++k;
                meridiem = true;
            }
            // "4 in the morning", "10 at night", "5 o'clock": the part of day says a.m. or p.m.
            if (!meridiem && !has_minutes && hour >= 1 && hour <= 12) {
                const bool in_the = is(k, "in") && is(k + 1, "the");
                const std::size_t p = in_the ? k + 2 : k + 1;
                const Word* pw = in_the || is(k, "at") ? w(p) : nullptr;
                const std::string_view pod = pw ? std::string_view(pw->part_of_day) : std::string_view();
                if ((in_the && (pod == "MO" || pod == "AF" || pod == "EV" || pod == "NI")) ||
                    (is(k, "at") && pod == "NI")) {
                    if ((pod == "AF" || pod == "EV" || (pod == "NI" && hour >= 6)) && hour < 12) hour += 12;
                    if (hour == 12 && pod == "MO") hour = 0;
                    if (hour == 12 && pod == "NI") hour = 24;
                    k = p + 1;
                    meridiem = true;
                } else if (is(k, "o'clock")) {
                    ++k;
                    meridiem = true;
                }
            }
            if (!meridiem && !has_minutes) return std::nullopt;
            if (!meridiem && (hour > 23 || !(is(k, "gmt") || is(k, "utc") || prev_is_cue(i)))) return std::nullopt;
        } else {
            return std::nullopt;
        }
        if (is(k, "gmt") || is(k, "utc") || is(k, "est") || is(k, "edt") || is(k, "pst") || is(k, "pdt") ||
            is(k, "cet") || is(k, "cst") || is(k, "cdt"))
            ++k;
        c.type = TimexType::time;
        c.sem.kind = Kind::deictic;
        c.sem.offset = 0;
        c.sem.pod = clock_text(hour, minute);
        if (is(k, ",")) ++k;
        // "10 p.m. Wednesday", "5 p.m. EST Nov. 9"
        if (is(k, "on")) ++k;
        if (auto day = match_date(k, false); day && (day->sem.kind == Kind::weekday || day->sem.day > 0)) {
            Sem s = day->sem;
            s.pod = c.sem.pod;
            c.sem = s;
            c.te = day->te;
            return c;
        }
        if (auto rel = match_relative(k); rel && rel->sem.kind == Kind::deictic && rel->sem.pod.empty()) {
            c.sem.offset = rel->sem.offset;
            c.te = rel->te;
            return c;
        }
        while (k > i && (is(k - 1, ",") || is(k - 1, "on"))) --k;
        c.te = k;
        c.sem.literal = "clock";  // a time with no day: on the day the text is telling of
        return c;
    }
};

/// Whether one of the phrases `lists` (the pack() of each one's last word in `last`) ends right
/// before token tb.
bool after_phrase(const std::vector<std::vector<std::string>>& lists, const std::vector<std::uint64_t>& last,
                  Tokens tk, std::size_t tb) {
    if (tb == 0) return false;
    const std::uint64_t prev = tk[tb - 1].head;  // most entries differ from the word before in its head
    for (std::size_t e = 0; e < lists.size(); ++e) {
        const auto& words = lists[e];
        if (last[e] != prev || words.size() > tb) continue;
        bool match = true;
        for (std::size_t k = 0; k < words.size() && match; ++k) match = tk[tb - words.size() + k].low() == words[k];
        if (match) return true;
    }
    return false;
}

/// Whether a deadline word ("by", "until", "as soon as", "ahead of") comes right before token tb.
bool after_deadline_word(const Lexicon& lex, Tokens tk, std::size_t tb) {
    return after_phrase(lex.future_leaning(), lex.future_leaning_last(), tk, tb);
}

/// The tense of a weekday named by a possessive ("Wednesday's ruling"): the tense of its
/// clause is that of another verb ("would look for ways to get around Wednesday's ruling"),
/// and news names by their day events already reported. Ahead only after a deadline word
/// ("ahead of Friday's vote") or with a future cue right after its noun ("Friday's vote will").
int possessive_weekday_tense(const Lexicon& lex, Tokens tk, std::size_t tb, std::size_t te, int tense) {
    // "would" after the noun is rather a conditional: "said Friday's decision would hurt exports".
    for (std::size_t k = te + 1; k < tk.size() && k <= te + 2; ++k)
        if (tk[k].w && tk[k].w->has(tx::k_future_cue) && !word_is(tk[k], "would")) return 2;
    if (tense < 0 || after_deadline_word(lex, tk, tb)) return tense;
    return -1;
}

/// The tense an expression is read in, from the nearest cue around it in its sentence
/// (left before right at each distance): +2/-2 a clear future or past cue (a modal,
/// "will", "was", "said", "ago"), -1 a weak past cue (a word in -ed, which may be an
/// adjective: "preferred shares"), 0 none.
/// A deadline word right before it ("by", "until", "as soon as") leans to the future
/// (+1) unless a clear past cue is found: "had filed the reports by Wednesday".
int tense_of(const Lexicon& lex, Tokens tk, std::size_t tb, std::size_t te) {
    // "has been on patrol since March and was scheduled to return": what began "since" a
    // date lies before the telling, whatever the verbs around say.
    if (after_phrase(lex.past_before(), lex.past_before_last(), tk, tb)) return -2;
    auto next_is = [&](std::size_t j, const auto& a, const auto& b) {  // literals: TokText's inline compare
        return j + 1 < tk.size() && (tk[j + 1].low() == a || tk[j + 1].low() == b);
    };
    const bool lean_future = after_deadline_word(lex, tk, tb);
    // "On Friday, the government planned to pay ...": a date put before its clause with a comma
    // dates the clause's own verb, here the planning, which a past form tells is over. A date
    // after the plan ("planned a demonstration on Saturday") is the plan's, and still ahead.
    const bool fronted = (tb == 0 || (tb == 1 && tk[0].w && tk[0].w->has(tx::k_temporal_prep))) &&
                         te < tk.size() && tk[te].raw() == ",";
    // The verdict of a future cue at j ("will", "planned", "scheduled"): 0 when it is no cue there.
    auto future_verdict = [&](std::size_t j) -> int {
        const Tk& t = tk[j];
        // ("On Friday, the vote was expected to pass": a passive plan is still the plan's.)
        if (fronted && j > te && ends_in(t.low(), "ed") &&
            !(tk[j - 1].w && (tk[j - 1].w->has(tx::k_passive_auxiliary) || tk[j - 1].w->has(tx::k_be_to) ||
                              tk[j - 1].w->has(tx::k_past_cue))))
            return -2;
        // "next to the embassy": a place; "the record set on": a past participle.
        if (t.w->has(tx::k_no_cue_before_to) && next_is(j, "to", "to")) return 0;
        if (t.w->has(tx::k_cue_before_to_for) && !next_is(j, "to", "for")) return 0;
        // "the plan", "a deadline", "the Friday deadline": a noun after a determiner tells no tense.
        const std::size_t p = j == te ? tb : j;  // skip the expression itself
        if (p > 0 && tk[p - 1].w && tk[p - 1].w->has(tx::k_determiner)) return 0;
        // "had been due to expire": a plan told in the past perfect, which may still be ahead.
        for (std::size_t b = 1; b <= 2 && b <= j; ++b)
            if (tk[j - b].w && tk[j - b].w->has(tx::k_past_auxiliary)) return -1;
        return 2;
    };
    auto verdict = [&](std::size_t j) -> int {
        const Tk& t = tk[j];
        // "will be named", "will be told": a participle after a future "be" is future.
        const bool after_be = j > 1 && tk[j - 1].w && tk[j - 1].w->has(tx::k_passive_auxiliary) && tk[j - 2].w &&
                              tk[j - 2].w->has(tx::k_future_cue);
        if (t.w && t.w->has(tx::k_modal_cue)) return 1;
        if (t.w && t.w->has(tx::k_future_cue)) return future_verdict(j);
        // "is to resume trading Tuesday": a plan told with "be to".
        if (word_is(t, "to") && j > 0 && tk[j - 1].w && tk[j - 1].w->has(tx::k_be_to)) return 2;
        if (t.w && t.w->has(tx::k_past_cue)) {
            // "will last until April 22": a bare verb after "will" is no past cue.
            if (j > 0 && word_is(tk[j - 1], "will")) return 2;
            // "were planning to drive ... on Monday", "was expected Tuesday": a plan told in
            // the past is still ahead of the telling; the plan word, not "was", gives the tense.
            // A reporting verb's object is what was told ("announced plans to buy"), and
            // "had planned" is a plan of the past.
            if (j + 1 < tk.size() && j + 1 != tb && !t.w->has(tx::k_reporting_verb) &&
                !t.w->has(tx::k_past_auxiliary) && tk[j + 1].w && tk[j + 1].w->has(tx::k_future_cue))
                if (int v = future_verdict(j + 1); v > 0) return v;
            return after_be ? 2 : -2;
        }
        if (t.alpha() && t.low().size() > 4 && ends_in(t.low(), "ed") && !t.cap()) {
            if (after_be) return 2;
            // "had filed", "been filed": a participle after a past auxiliary is a clear past.
            if (j > 0 && tk[j - 1].w && tk[j - 1].w->has(tx::k_past_auxiliary)) return -2;
            // "may be resolved in": a participle after "be" is no verb in the past tense.
            if (j > 0 && tk[j - 1].w && tk[j - 1].w->has(tx::k_passive_auxiliary)) return -1;
            // "changed from", "completed the sale": a word in -ed with its object or a
            // preposition after it is a verb in the past tense, not an adjective ("preferred
            // shares"); but a deadline ("extended its offer until Nov. 9") still lies ahead.
            if (j + 1 < tk.size() && tk[j + 1].w && tk[j + 1].w->has(tx::k_object_start) && !lean_future) return -2;
            return -1;
        }
        return 0;
    };
    // What a reporting verb says is a clause when "that" or a subject pronoun comes next
    // ("said it is calling"); "told a news conference on Tuesday" has an object.
    auto opens_clause = [&](std::size_t j) {
        const TokText& x = tk[j].low();
        return x == "that" || x == "it" || x == "he" || x == "she" || x == "they" || x == "we" || x == "i";
    };
    auto finish = [&](int v) { return lean_future && v > -2 ? std::max(v, 1) : v; };
    bool comma_after = false;
    for (std::size_t d = 1; d <= k_tense_window; ++d) {
        // "said it is calling for the redemption on Dec. 7": a reporting verb with a clause
        // between it and the expression tells the tense of the saying, not of the fact.
        if (tb >= d && !(d >= 3 && tk[tb - d].w && tk[tb - d].w->has(tx::k_reporting_verb) &&
                         opens_clause(tb - d + 1)))
            if (int v = verdict(tb - d)) return finish(v);
        if (te + d - 1 < tk.size()) {
            const Tk& t = tk[te + d - 1];
            if (t.raw() == ",") comma_after = true;
            // "... in early March, an official said.": a closing reporting clause does not date the fact.
            if (comma_after && t.w && t.w->has(tx::k_reporting_verb)) {
                const Tk* nx = te + d < tk.size() ? &tk[te + d] : nullptr;
                if (!nx || nx->raw() == "." || nx->raw() == "," ||
                    (nx->w && (nx->w->has(tx::k_temporal_prep) || nx->w->weekday >= 0 || nx->w->deictic != tx::k_none)))
                    continue;
            }
            if (int v = verdict(te + d - 1)) return finish(v);
        }
    }
    return finish(0);
}

struct Resolved {
    std::string value;
    std::optional<Span> when;
    bool relative = false;
    bool anaphoric = false;
    bool from_text = false;  // the date came from the anchor or the reporting period, not the DCT
    Unit unit = Unit::day;  // precision, for later anchoring
    bool drop = false;
    bool comparison = false;  // "a year ago" against a reporting period: not an anchor itself
};

/// The year a year-less month/day/season/quarter falls in: the latest not after the DCT in
/// past reporting, the next not before it in future context; `rel` -1/+1 forces strictly
/// before/after the DCT's own unit, 0 the DCT's own year.
/// With no clear tense cue the nearer of the two readings wins: news text about "Jan. 14"
/// in early January means this January 14, not last year's; a weak past cue only tilts
/// the balance.
int pick_year(int key, int dct_key, int dct_year, int tense, int rel, int period) {
    if (rel == 0) return dct_year;
    if (rel == -1) return key < dct_key ? dct_year : dct_year - 1;
    if (rel == 1) return key > dct_key ? dct_year : dct_year + 1;
    const int past = key <= dct_key ? dct_year : dct_year - 1;
    const int next = key >= dct_key ? dct_year : dct_year + 1;
    const int back = (dct_key - key + period) % period;
    const int ahead = (key - dct_key + period) % period;
    if (tense >= 2) return next;
    if (tense <= -2) return past;
    // A modal ("could", "may") leans to the future, but "on April 8, investigators could..."
    // in May is this April 8: the nearer reading wins when it is much nearer.
    if (tense == 1) return back * k_weak_bias < ahead ? past : next;
    const int bias = tense < 0 ? k_weak_bias : k_none_bias;
    return ahead * bias < back ? next : past;  // the past stays the default unless the future is nearer
}

/// The day that ends a quarter ("the quarter ended Sept. 30"): a year-less day is the latest
/// not after the DCT when the quarter "ended", by the tense when it is "ending".
std::optional<Date> quarter_end(const Sem& s, std::optional<Date> dct, int tense) {
    if (s.end_month == 0) return std::nullopt;
    int y = s.end_year;
    if (y < 0) {
        if (!dct) return std::nullopt;
        y = pick_year(s.end_month * 31 + s.end_day, dct->month() * 31 + dct->day(), dct->year(),
                      s.end_past ? -2 : tense, tx::k_none, 12 * 31);
    }
    return tx::make_date(y, s.end_month, s.end_day);
}

/// Resolves a matched expression. `anchor` is the last date resolved in the text,
/// `period` the last reporting period (a quarter) it spoke of: "a year ago" and "the
/// year-earlier period" compare with that period in company reports.
Resolved resolve(const Cand& c, std::optional<Date> dct, const std::optional<Anchor>& anchor,
                 const std::optional<Anchor>& period, int tense) {
    const bool future = tense > 0;
    Resolved r;
    const Sem& s = c.sem;
    auto with_pod = [&](Resolved& out) {
        if (!s.pod.empty() && !out.value.empty()) {
            out.value += 'T';
            out.value += s.pod;
        }
    };
    switch (s.kind) {
        case Kind::absolute: {
            if (s.decade >= 0) {
                r.value = tx::padded(s.decade / 10, 3);
                r.when = Span::decade(s.decade);
                r.unit = Unit::decade;
                break;
            }
            if (s.century >= 0) {
                r.value = tx::padded(s.century / 100, 2);
                try {
                    r.when = Span::century(s.century);
                } catch (const std::out_of_range&) {
                    // "the 11th century": before the calendar Boost knows; the value alone is right
                }
                r.unit = Unit::century;
                break;
            }
            int y = s.year;
            if (y < 0) {
                r.relative = true;
                if (!dct) {
                    if (s.day > 0) r.value = fmt::format("XXXX-{:02d}-{:02d}", s.month, s.day);
                    else if (s.month > 0) r.value = fmt::format("XXXX-{:02d}", s.month);
                    else if (s.quarter > 0) r.value = fmt::format("XXXX-Q{}", s.quarter);
                    else if (s.half > 0) r.value = fmt::format("XXXX-H{}", s.half);
                    else if (s.season > 0) r.value = fmt::format("XXXX-{}", tx::season_code(s.season));
                    else r.value = "XXXX";
                    with_pod(r);
                    return r;
                }
                const int dy = dct->year(), dm = dct->month(), dd = dct->day();
                if (s.year_rel != tx::k_none) {
                    y = dy + s.year_rel;
                } else if (s.day > 0 && s.weekday >= 0) {
                    // "Monday, Oct. 26": the year in which that day is a Monday, near the DCT.
                    y = pick_year(s.month * 31 + s.day, dm * 31 + dd, dy, tense, s.rel, 12 * 31);
                    for (int cand : {y, y == dy ? dy + 1 : dy, y == dy ? dy - 1 : y - 1}) {
                        auto d = tx::make_date(cand, s.month, s.day);
                        if (d && tx::weekday_of(*d) == s.weekday) {
                            y = cand;
                            break;
                        }
                    }
                } else if (s.day > 0) {
                    y = pick_year(s.month * 31 + s.day, dm * 31 + dd, dy, tense, s.rel, 12 * 31);
                    // February 29 exists only in leap years: step on in the same direction.
                    for (int guard = 0; guard < 8 && !tx::make_date(y, s.month, s.day); ++guard)
                        y += future ? 1 : -1;
                } else if (s.month > 0) {
                    y = pick_year(s.month, dm, dy, tense, s.rel, 12);
                    // "crashed last February" in March: the month just gone, of this year, would be
                    // "last month" or "this February", so "last February" is the one a year before.
                    // ("last December" in January is last year's December, the month just gone.)
                    if (s.rel == -1 && dm - s.month == 1) --y;
                } else if (s.quarter > 0 || s.half > 0) {
                    // Company reports speak of the quarters of the current year ("expects to
                    // report third-quarter profit"); one later than the DCT's own, told in the
                    // past tense, is last year's.
                    const int key = s.quarter > 0 ? s.quarter : s.half;
                    const int cur = s.quarter > 0 ? (dm - 1) / 3 + 1 : (dm <= 6 ? 1 : 2);
                    if (s.rel != tx::k_none) y = pick_year(key, cur, dy, tense, s.rel, s.quarter > 0 ? 4 : 2);
                    else y = key > cur && tense < 0 ? dy - 1 : dy;
                    // "the second quarter ended Oct. 31": a fiscal quarter, named by the year it ends in.
                    if (auto end = quarter_end(s, dct, tense)) y = end->year();
                } else if (s.season > 0) {
                    int sy = 0, ss = 0;
                    tx::season_of(*dct, sy, ss);
                    y = pick_year(s.season, ss, sy, tense, s.rel, 4);
                } else {
                    y = dy;
                }
            }
            if (s.day > 0) {
                auto d = tx::make_date(y, s.month, s.day);
                for (int md = s.day; d && s.movable_wd >= 0 && md <= s.movable_hi; ++md) {
                    d = tx::make_date(y, s.month, md);
                    if (d && tx::weekday_of(*d) == s.movable_wd) break;
                }
                if (!d) {
                    r.drop = true;
                    return r;
                }
                r.value = tx::day_value(*d);
                r.when = Span::day(*d);
                r.unit = Unit::day;
                if (s.literal == "weekof") {
                    r.value = tx::week_value(*d);
                    r.when = Span::week(*d);
                    r.unit = Unit::week;
                }
            } else if (s.month > 0) {
                r.value = tx::month_value(y, s.month);
                r.when = Span::month(y, s.month);
                r.unit = Unit::month;
            } else if (s.quarter > 0) {
                r.value = tx::padded(y, 4) + "-Q" + tx::padded(s.quarter, 1);
                r.when = Span::quarter(y, s.quarter);
                r.unit = Unit::quarter;
            } else if (s.half > 0) {
                r.value = tx::padded(y, 4) + "-H" + tx::padded(s.half, 1);
                Span sp = Span::month(y, s.half == 1 ? 1 : 7);
                sp.latest = Span::month(y, s.half == 1 ? 6 : 12).latest;
                r.when = sp;
                r.unit = Unit::quarter;
            } else if (s.season > 0) {
                r.value = tx::padded(y, 4) + "-" + tx::season_code(s.season);
                r.when = Span::season(y, s.season);
                r.unit = Unit::year;
            } else if (s.literal == "period" && period) {
                // "the 1988 period": the quarter being reported on, in that year.
                const int q = (static_cast<int>(period->day.month()) - 1) / 3 + 1;
                r.value = tx::padded(y, 4) + "-Q" + tx::padded(q, 1);
                r.when = Span::quarter(y, q);
                r.unit = Unit::quarter;
                r.comparison = true;
            } else {
                r.value = tx::year_text(y);
                r.when = Span::year(y);
                r.unit = Unit::year;
            }
            with_pod(r);
            break;
        }
        case Kind::weekday: {
            r.relative = true;
            if (!dct) {
                r.value = s.literal == "WE" ? "XXXX-WXX-WE" : fmt::format("XXXX-WXX-{}", s.weekday + 1);
                with_pod(r);
                return r;
            }
            const Date base = s.anchored && anchor && anchor->unit == Unit::day ? anchor->day : *dct;
            const int today = tx::weekday_of(base);
            int delta = 0;
            if (s.rel == 0) {
                delta = s.weekday - today;
            } else if (s.rel == -1) {
                delta = -((today - s.weekday + 7) % 7);
                if (delta == 0) delta = -7;
            } else if (s.rel == 1) {
                delta = (s.weekday - today + 7) % 7;
                if (delta == 0) delta = 7;
            } else if (future || (tense == 0 && (s.weekday - today + 7) % 7 * k_none_bias < (today - s.weekday + 7) % 7)) {
                // With no tense cue at all the next day is "Tuesday" and the past one "last
                // Tuesday": the nearer reading wins when it is much nearer, as for dates.
                delta = (s.weekday - today + 7) % 7;
            } else {
                delta = -((today - s.weekday + 7) % 7);
            }
            const Date d = base + boost::gregorian::days(delta);
            if (s.literal == "WE") {
                r.value = tx::week_value(d) + "-WE";
                Span sp = Span::day(d);
                sp.latest = d + boost::gregorian::days(1);
                r.when = sp;
                r.unit = Unit::weekend;
                break;
            }
            r.value = tx::day_value(d);
            r.when = Span::day(d);
            with_pod(r);
            break;
        }
        case Kind::relative_unit: {
            r.relative = true;
            if (!dct) {
                r.value = s.unit == Unit::year ? "XXXX" : s.unit == Unit::month ? "XXXX-XX" : "XXXX-XX-XX";
                return r;
            }
            auto u = tx::unit_containing(s.unit, tx::shift(*dct, s.unit, s.offset));
            r.value = u.value;
            r.when = u.span;
            r.unit = s.unit;
            if (s.unit == Unit::year && (s.quarter > 0 || s.half > 0 || (s.literal == "period" && period))) {
                const int y = tx::shift(*dct, Unit::year, s.offset).year();
                const int q = s.quarter > 0 ? s.quarter
                              : s.half > 0 ? 0
                                           : (static_cast<int>(period->day.month()) - 1) / 3 + 1;
                if (q > 0) {
                    r.value = tx::padded(y, 4) + "-Q" + tx::padded(q, 1);
                    r.when = Span::quarter(y, q);
                } else {
                    r.value = tx::padded(y, 4) + "-H" + tx::padded(s.half, 1);
                    Span sp = Span::month(y, s.half == 1 ? 1 : 7);
                    sp.latest = Span::month(y, s.half == 1 ? 6 : 12).latest;
                    r.when = sp;
                }
                r.unit = Unit::quarter;
                r.comparison = s.offset != 0;
            }
            break;
        }
        case Kind::offset: {
            r.relative = true;
            std::optional<Date> base = dct;
            Unit unit = s.unit;
            if (s.unit == Unit::year && s.offset == -1 && s.quarter > 0 && dct) {
                const int y = (period ? static_cast<int>(period->day.year()) : static_cast<int>(dct->year())) - 1;
                r.value = tx::padded(y, 4) + "-Q" + tx::padded(s.quarter, 1);
                r.when = Span::quarter(y, s.quarter);
                r.unit = Unit::quarter;
                r.comparison = true;
                r.from_text = period.has_value();
                break;
            }
            if (s.unit == Unit::year && s.offset == -1 && period) {
                // "up from $90.5 million a year ago": the same quarter of the year before.
                auto u = tx::unit_containing(Unit::quarter, tx::shift(period->day, Unit::year, -1));
                r.value = u.value;
                r.when = u.span;
                r.unit = Unit::quarter;
                r.comparison = true;
                r.from_text = true;
                break;
            }
            const bool base_from_text = s.anchored && anchor;
            if (base_from_text) {
                base = anchor->day;
                if (anchor->unit < unit) unit = anchor->unit;
                r.anaphoric = false;  // an explicit amount: TimeML tags it, so keep it emitted
            }
            if (!base) {
                r.value = s.offset < 0 ? "PAST_REF" : "FUTURE_REF";
                return r;
            }
            if (s.vague) {
                r.value = s.offset < 0 ? "PAST_REF" : "FUTURE_REF";
                return r;
            }
            // "a decade ago" in 1999 is about 1989, not the whole of the 1980s: a count of
            // decades back names the year it lands on.
            if (unit == Unit::decade) unit = Unit::year;
            auto u = tx::unit_containing(unit, tx::shift(*base, s.unit, s.offset));
            r.value = u.value;
            r.when = u.span;
            r.unit = unit;
            r.from_text = base_from_text;
            break;
        }
        case Kind::deictic: {
            r.relative = true;
            if (!dct) {
                r.value = "XXXX-XX-XX";
                with_pod(r);
                return r;
            }
            Date d = *dct + boost::gregorian::days(s.offset);
            if (s.literal == "clock" && anchor && anchor->unit == Unit::day) d = anchor->day;
            r.value = tx::day_value(d);
            r.when = Span::day(d);
            with_pod(r);
            break;
        }
        case Kind::reference: {
            r.value = s.literal;
            r.relative = true;
            if (s.literal == "PRESENT_REF" && dct) r.when = Span::day(*dct);
            r.unit = Unit::none;
            break;
        }
        case Kind::duration:
        case Kind::set: r.value = s.literal; break;
        case Kind::anaphor: {
            r.relative = true;
            if (s.unit == Unit::none) {  // "since then"
                if (!anchor) {
                    r.drop = true;
                    return r;
                }
                r.anaphoric = true;
                r.from_text = true;
                r.value = anchor->value;
                r.when = anchor->span;
                r.unit = anchor->unit;
                break;
            }
            std::optional<Date> base = dct;
            bool base_from_text = false;
            Unit unit = s.unit;
            if (s.literal == "quarter-1y" && (period || dct)) {
                const Date base_day = period ? period->day : tx::shift(*dct, Unit::quarter, -1);
                auto u = tx::unit_containing(Unit::quarter, tx::shift(base_day, Unit::year, -1));
                r.value = u.value;
                r.when = u.span;
                r.unit = Unit::quarter;
                r.comparison = true;
                r.from_text = period.has_value();
                break;
            }
            if (auto end = quarter_end(s, dct, tense)) {
                // "the quarter ended July 31": the calendar quarter that holds the middle of
                // the three months ending that day (a fiscal quarter ending July 31 is Q2).
                const Date mid = *end - boost::gregorian::days(45);
                auto u = tx::unit_containing(Unit::quarter, mid);
                r.value = u.value;
                r.when = u.span;
                r.unit = Unit::quarter;
                r.from_text = s.end_year >= 0;  // its own words name the day; else the DCT gave the year
                break;
            }
            if (s.literal == "quarter" || s.literal == "quarter-1y" || s.literal == "latest-quarter") {
                // "the quarter": the one the text is about, else the last one reported on;
                // "the latest quarter": the one reported on, whatever other quarter was named.
                if (anchor && anchor->unit == Unit::quarter && !(s.literal == "latest-quarter" && period)) {
                    r.value = anchor->value;
                    r.when = anchor->span;
                    r.unit = Unit::quarter;
                    r.from_text = true;
                    break;
                }
                if (period && s.offset == -1) {
                    r.value = period->value;
                    r.when = period->span;
                    r.unit = Unit::quarter;
                    r.from_text = true;
                    break;
                }
            } else if (s.unit == Unit::quarter && s.offset == 0 && period) {
                base = period->day;  // "that quarter": the one reported on
                base_from_text = true;
            } else if (anchor) {
                base = anchor->day;  // its own words name the unit: TimeML tags it, so not anaphoric
                base_from_text = true;
                if (anchor->unit > s.unit && s.offset == 0) {
                    // "In 1989 ... for the week": a coarser anchor that holds the DCT means the DCT's week.
                    if (s.literal == "the-unit" && dct && anchor->span.earliest <= *dct &&
                        *dct <= anchor->span.latest) {
                        base = dct;
                        base_from_text = false;
                    } else if ((anchor->unit == Unit::month || anchor->unit == Unit::year) &&
                               (s.unit == Unit::day || s.unit == Unit::week || s.unit == Unit::month)) {
                        // "In October ... that same day": a day of that month, which the text does not tell.
                        const bool two_parts = anchor->unit == Unit::year && s.unit == Unit::day;
                        r.value = anchor->value + (s.unit == Unit::week ? "-WXX" : two_parts ? "-XX-XX" : "-XX");
                        r.when = anchor->span;
                        r.unit = anchor->unit;
                        r.from_text = true;
                        if (s.unit == Unit::day) with_pod(r);  // "In 2009 ... back in the morning"
                        break;
                    }
                }
            }
            if (!base) {
                r.value = "XXXX-XX-XX";
                return r;
            }
            auto u = tx::unit_containing(unit, tx::shift(*base, s.unit, s.offset));
            r.value = u.value;
            r.when = u.span;
            r.unit = unit;
            r.from_text = base_from_text;
            if (unit == Unit::day) with_pod(r);  // "the next morning"
            break;
        }
    }
    if (s.day_shift != 0 && r.when && r.unit == Unit::day && !r.value.empty() && r.value[0] != 'X') {
        const Date d = r.when->earliest + boost::gregorian::days(s.day_shift);
        r.value = tx::day_value(d);
        r.when = Span::day(d);
        with_pod(r);
    }
    return r;
}

/// Whether `next` goes on with the clock time that `cur` ends with ("... 5 p.m." + "EST Nov. 9").
bool continues_clock_time(std::string_view text, const Sentence& cur, const Sentence& next) {
    std::string_view a = text.substr(cur.begin, cur.end - cur.begin);
    while (!a.empty() && (a.back() == ' ' || a.back() == '\n')) a.remove_suffix(1);
    if (a.size() < 6) return false;
    // The last 4 bytes "a.m." or "p.m." in any case, compared in place (most sentences end otherwise).
    const char* tail = a.data() + a.size() - 4;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (tail[1] != '.' || tail[3] != '.' || lower(tail[2]) != 'm' || (lower(tail[0]) != 'a' && lower(tail[0]) != 'p'))
        return false;
    if (!is_digit(a[a.size() - 6]) && a[a.size() - 5] != ' ') return false;
    std::string_view b = text.substr(next.begin, next.end - next.begin);
    std::size_t k = 0;
    while (k < b.size() && (b[k] == ' ' || b[k] == '\n')) ++k;
    std::size_t e = k;
    while (e < b.size() && std::isalpha(static_cast<unsigned char>(b[e]))) ++e;
    const std::string word = lower_copy(b.substr(k, e - k));
    static const char* const follow[] = {"est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "cet",
                                         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday", "today", "tomorrow", "yesterday", "tonight"};
    for (const char* f : follow)
        if (word == f) return true;
    return false;
}

// Byte classes of the tokenizer: one table look-up per byte. A word byte is what
// tokenize() calls alphanumeric: ASCII letters and digits (std::isalnum in the C locale)
// and every byte of 0x80 and above; a run byte is a word byte that goes on with a word
// (all but 0xE2, which begins General Punctuation: quotes, dashes, ellipsis).
// A join byte may go on with a word when between two others: ' - , . / :
// A start byte begins a word: a word byte but 0xE2 and the continuation bytes 0x80..0xBF.
enum : std::uint8_t { k_space_byte = 1, k_word_byte = 2, k_run_byte = 4, k_join_byte = 8, k_start_byte = 16 };
constexpr std::array<std::uint8_t, 256> k_byte_class = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        if (TagWords::is_space(static_cast<unsigned char>(c))) t[c] = k_space_byte;
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
            t[c] = c == 0xE2 ? k_word_byte : k_word_byte | k_run_byte;
        if (t[c] == (k_word_byte | k_run_byte) && !(c >= 0x80 && c < 0xC0)) t[c] |= k_start_byte;
        if (c == '\'' || c == '-' || c == ',' || c == '.' || c == '/' || c == ':') t[c] = k_join_byte;
    }
    return t;
}();
bool is_word_byte(unsigned char c) { return (k_byte_class[c] & k_word_byte) != 0; }

/// The end of the run of run bytes (k_run_byte) that starts at j, at most `end`. Read in
/// `lower`, which ends in 8 zero bytes (no run bytes) after the text, so that the loop needs
/// no bound: it may run past `end` into the next sentence, and is cut back to `end`. `lower`
/// differs from the text only in A-Z, run bytes either way. split_sentences ends no sentence
/// inside such a run, so the loop rarely reads past `end`.
[[gnu::always_inline]] inline std::size_t run_end(const char* lower, std::size_t j, std::size_t end) {
    const unsigned char* q = reinterpret_cast<const unsigned char*>(lower);
    while (k_byte_class[q[j]] & k_run_byte) ++j;
    return j < end ? j : end;
}

/// The entry of "x" for a token "x's" of n bytes: out of line, so that add_token keeps its
/// lower-case view in registers.
[[gnu::noinline]] const Word* find_possessive(const Lexicon& lex, const char* low, std::size_t n) {
    return lex.find(std::string_view(low, n - 2));
}

/// Appends the token text[b, e) with what the scanner wants to know of it: its lower-case
/// form, its number if all digits, its lexicon entry. Returns t.starter (the caller counts
/// the starters: read back from `t`, it was loaded again after the stores).
[[gnu::always_inline]] inline bool add_token(const Lexicon& lex, std::string_view text, std::string_view lower,
                                             std::size_t b, std::size_t e, bool has_hyphen, bool apostrophe, Tk& t) {
    // Every field is written: the buffer is reused. The fields are worked out in locals and
    // stored once each.
    const std::size_t n = e - b;
    if (n == 0) __builtin_unreachable();  // every token has a byte: Lexicon::find need not test for ""
    // The views are kept in locals as well: read back from `t`, they were loaded and spilled again.
    const char* const raw = text.data() + b;
    const char* const low = lower.data() + b;
    t.rp = raw;
    t.lp = low;
    t.n = n;
    // `lower` has 8 bytes of padding after the text: one load, then the bytes past the token are cut.
    std::uint64_t head;
    std::memcpy(&head, lower.data() + b, 8);
    if (n < 8) head &= (std::uint64_t{1} << (8 * n)) - 1;  // n >= 1
    t.head = head;
    const unsigned char c0 = static_cast<unsigned char>(text[b]);
    const bool alpha = static_cast<unsigned char>((c0 | 0x20) - 'a') < 26u;
    t.has_hyphen = has_hyphen;
    if (alpha) {  // most tokens: a word of letters, tested first
        t.num = -1;
        t.ndig = 0;
        const Word* w = lex.find(std::string_view(low, n), head);
        // "Friday's", "Tuesday's": the possessive of a lexicon word
        // (`apostrophe`: the token may hold a "'" at all; a word of letters holds one only inside.)
        if (!w && apostrophe && n > 2 && low[n - 2] == '\'' && low[n - 1] == 's') w = find_possessive(lex, low, n);
        const bool starter = w ? w->has(tx::k_starter) : has_hyphen;
        t.w = w;
        t.starter = starter;
        return starter;
    }
    // The scanner tries a token that is no lexicon word if it begins with a digit, has a hyphen or is "'".
    if (static_cast<unsigned char>(c0 - '0') < 10u) {
        t.w = nullptr;
        t.starter = true;
        int value = 0;
        if (n <= 9) {
            std::size_t k = 0;
            for (; k < n; ++k) {
                const unsigned d = static_cast<unsigned char>(text[b + k]) - '0';
                if (d >= 10) break;
                value = value * 10 + static_cast<int>(d);  // at most 9 digits: no overflow
            }
            if (k == n) {
                t.num = value;
                t.ndig = static_cast<int>(n);
                return true;
            }
        }
        t.num = -1;
        t.ndig = 0;
        return true;
    }
    t.num = -1;
    t.ndig = 0;
    const Word* w = nullptr;
    bool starter = has_hyphen || (n == 1 && c0 == '\'');
    if ((n == 1 && (c0 == '.' || c0 == ',' || c0 == ':' || c0 == '-')) || (n == 3 && std::memcmp(raw, "'ll", 3) == 0)) {
        w = lex.find(std::string_view(low, n), head);
        if (!w && apostrophe && n > 2 && low[n - 2] == '\'' && low[n - 1] == 's') w = find_possessive(lex, low, n);
        if (w) starter = w->has(tx::k_starter);
    }
    t.w = w;
    t.starter = starter;
    return starter;
}

/// The tokens of text[begin, end) into `tk`, exactly as `tokenize` (segmenter.hpp) splits
/// them: runs of letters/digits (and bytes of multi-byte characters) with inner apostrophes
/// and hyphens and digit separators; a General Punctuation character (E2 ..) or any other
/// non-space byte alone. One pass, no allocation once `tk` has grown.
/// `Record`: the runs and marks of the sentence also into `record` (TagWords; room for one
/// run per byte of the sentence after `record->n_runs`).
template <bool Record>
Tokens read_tokens(const Lexicon& lex, std::string_view text, std::string_view lower, std::size_t begin,
                 std::size_t end, std::vector<Tk>& buffer, std::vector<std::size_t>& starter_buffer,
                 std::size_t& starters, TagWords* record = nullptr) {
    starters = 0;
    end = std::min(end, text.size());
    if (begin >= end) return {};
    if (buffer.size() < end - begin) buffer.resize(end - begin);  // a token has one byte at least
    if (starter_buffer.size() < end - begin) starter_buffer.resize(end - begin);
    Tk* tk = buffer.data();
    std::size_t* st = starter_buffer.data();
    std::size_t count = 0, ns = 0;
    std::pair<std::size_t, std::size_t>* runs = nullptr;
    if constexpr (Record) runs = record->runs.data() + record->n_runs;
    // Each token is appended, and its index to the starters' if it is one.
    auto append = [&](std::size_t b, std::size_t e, bool hyphen, bool apostrophe) __attribute__((always_inline)) {
        Tk& t = tk[count];
        // A branch, not a store for every token: one token in eight or so is a starter.
        if (add_token(lex, text, lower, b, e, hyphen, apostrophe, t)) st[ns++] = count;
        ++count;
    };
    const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t i = begin;
    while (i < end) {
        const unsigned char c = p[i];
        const std::uint8_t cls = k_byte_class[c];
        if (cls & k_start_byte) {  // a word: the most common case first
            std::size_t j = run_end(lower.data(), i + 1, end);
            // Most words end at a space or a mark that cannot join: a path of their own, with no
            // flags to keep. A join byte joins only a word byte after it: "said, " and "1998. "
            // take this path too. (Look-ups in `lower`, which is padded, and differs from the text
            // in no join or word byte.)
            if (!(k_byte_class[static_cast<unsigned char>(lower[j])] & k_join_byte) ||
                !(k_byte_class[static_cast<unsigned char>(lower[j + 1])] & k_word_byte)) {
                if constexpr (Record) *runs++ = {i, j};
                append(i, j, false, false);
                i = j + (lower[j] == ' ');  // one space after the word stepped over here (as below)
                continue;
            }
            // A word joined by an apostrophe, hyphen or digit separator: "don't", "Nagorno-Karabakh",
            // "1,991", "12.5". (j is at a join byte the first time round.)
            bool hyphen = false, apostrophe = false, joined = false;
            for (bool first = true;; first = false) {
                if (!first) {
                    j = run_end(lower.data(), j, end);
                    if (!(k_byte_class[static_cast<unsigned char>(lower[j])] & k_join_byte)) break;
                }
                if (j + 1 >= end) break;
                const unsigned char d = p[j], prev = p[j - 1], next = p[j + 1];
                if ((d == '\'' || d == '-') && is_word_byte(prev) && is_word_byte(next)) {
                    hyphen = hyphen || d == '-';
                    apostrophe = apostrophe || d == '\'';
                    if constexpr (Record) joined = true;
                    ++j;
                    continue;
                }
                if ((d == ',' || d == '.' || d == '/' || d == ':') && static_cast<unsigned char>(prev - '0') < 10u &&
                    static_cast<unsigned char>(next - '0') < 10u) {
                    if constexpr (Record) joined = true;
                    ++j;
                    continue;
                }
                break;
            }
            if constexpr (Record) {
                if (!joined) *runs++ = {i, j};
                else record->marks.push_back(i);
            }
            append(i, j, hyphen, apostrophe);
            // Most words are followed by one space: stepped over here, not by the loop (`lower` is
            // padded; a space at `end` belongs to no token of this sentence either).
            i = j + (lower[j] == ' ');
            continue;
        }
        if (cls & k_space_byte) {
            ++i;
            continue;
        }
        if (c == 0xE2) {  // General Punctuation block: quotes, dashes, ellipsis
            const std::size_t len = std::min<std::size_t>(3, end - i);  // taken whole, even if malformed
            const bool hyphen = text.substr(i, len).find('-') != std::string_view::npos;
            if constexpr (Record) record->marks.push_back(i);
            append(i, i + len, hyphen, true);
            i += len;
            continue;
        }
        if (c >= 0x80 && c < 0xC0) {  // stray continuation byte: alone
            if constexpr (Record) record->marks.push_back(i);
            append(i, i + 1, false, false);
            ++i;
            continue;
        }
        // Any other byte (no word byte: a word byte left is a start byte) is a token alone.
        if constexpr (Record) {
            if (c == '-') *runs++ = {i, i + 1};
            else if (c == '\'') record->marks.push_back(i);
            // A dot changes the split only right after a run: before a word byte ("U.S", "e.g"),
            // or after a letter alone after a dot ("a.b."). "said." and "Mr." need no mark.
            else if (c == '.' && i > begin && (k_byte_class[p[i - 1]] & k_run_byte) &&
                     ((i + 1 < end && (k_byte_class[p[i + 1]] & k_word_byte)) || (i >= 2 && p[i - 2] == '.')))
                record->marks.push_back(i);
        }
        append(i, i + 1, c == '-', false);
        ++i;
    }
    starters = ns;
    if constexpr (Record) record->n_runs = static_cast<std::size_t>(runs - record->runs.data());
    return Tokens(tk, count);
}

/// Whether a candidate is the title of a programme or work in quotes: ABC's "This Week",
/// CBS's "60 Minutes". A unit word after the first word is written with a capital only in
/// a name ("Monday, Oct. 26" keeps its capitals as any date does).
bool quoted_title(Tokens tk, const Cand& c) {
    if (c.tb == 0 || c.te - c.tb < 2) return false;
    const std::string_view q = tk[c.tb - 1].raw();
    const bool opening = q == "\"" || q == "'" || q == "`" || q == "\xe2\x80\x9c" || q == "\xe2\x80\x98";
    if (!opening) return false;
    for (std::size_t k = c.tb + 1; k < c.te; ++k)
        if (tk[k].cap() && tk[k].w && tk[k].w->unit != Unit::none) return true;
    return false;
}

TimexRole role_before(Tokens tk, std::size_t tb) {
    if (tb == 0) return TimexRole::point;
    const Tk& p = tk[tb - 1];
    if (!p.w) return TimexRole::point;
    if (word_is(p, "since") || word_is(p, "starting") || word_is(p, "beginning")) return TimexRole::start;
    if (word_is(p, "from")) return TimexRole::start;
    if (word_is(p, "until") || word_is(p, "till") || word_is(p, "til") || word_is(p, "through")) return TimexRole::end;
    if (word_is(p, "to") && tb >= 2 && word_is(tk[tb - 2], "up")) return TimexRole::end;
    return TimexRole::point;
}

}  // namespace

std::vector<Timex> TimexTagger::Impl::tag(std::string_view text, const std::vector<Sentence>& sentences,
                                          std::optional<Date> dct, std::string_view lower_given,
                                          TagWords* record) const {
    std::vector<Timex> out;
    if (!Lit::overflow().empty()) Lit::overflow().clear();  // the long values of the last text's candidates
    // The text lower-cased, padded with 8 zero bytes for add_token's 8-byte loads, in a buffer
    // kept from call to call on this thread (no allocation and zero-filling per text); or the
    // caller's.
    thread_local std::string lower_buffer;
    const bool given = lower_given.size() == text.size() + 8;
    if (!given && lower_buffer.size() < text.size() + 8) lower_buffer.resize(text.size() + 8);
    if (!given) {
        // Branch-free and through plain pointers, so that the compiler vectorises it.
        const unsigned char* in = reinterpret_cast<const unsigned char*>(text.data());
        unsigned char* to = reinterpret_cast<unsigned char*>(lower_buffer.data());
        for (std::size_t k = 0, n = text.size(); k < n; ++k)
            to[k] = static_cast<unsigned char>(in[k] + (static_cast<unsigned char>(in[k] - 'A') < 26u ? 32 : 0));
        std::memset(to + text.size(), 0, 8);
    }
    const std::string_view lower = given ? lower_given : std::string_view(lower_buffer.data(), text.size() + 8);
    std::optional<Anchor> anchor;
    std::optional<Anchor> period;
    // One token buffer per thread, kept from call to call: it is as long as the longest sentence
    // in bytes, and most of it is never written.
    thread_local std::vector<Tk> buffer;
    thread_local std::vector<std::size_t> starter_buffer;  // the indexes of the starters in `buffer`
    const Date calendar_first(1400, 1, 1), calendar_last(9999, 12, 31);  // built once, not per timex
    // The words recorded so far, in text order; recording stops (and says so) if a sentence
    // begins before the last one's end or the room runs out.
    bool recording = record != nullptr;
    std::size_t recorded_to = 0;
    if (recording) {
        record->n_runs = 0;
        record->marks.clear();
    }
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        Sentence sentence = sentences[si];
        // "at 5 p.m. EST Nov. 9": a sentence splitter takes "p.m." before a capital for an
        // end; a clock time goes on with its zone or day.
        while (si + 1 < sentences.size() && continues_clock_time(text, sentence, sentences[si + 1])) {
            sentence.end = sentences[++si].end;
        }
        std::size_t starters = 0;
        if (recording) {
            const std::size_t to = std::min(sentence.end, text.size());
            if (sentence.begin < to &&
                (sentence.begin < recorded_to || record->runs.size() - record->n_runs < to - sentence.begin))
                recording = false;
            else
                recorded_to = std::max(recorded_to, to);
        }
        const Tokens tk =
            recording ? read_tokens<true>(lex, text, lower, sentence.begin, sentence.end, buffer, starter_buffer,
                                          starters, record)
                      : read_tokens<false>(lex, text, lower, sentence.begin, sentence.end, buffer, starter_buffer, starters);
        Scanner scanner(lex, tk, std::span<const std::size_t>(starter_buffer.data(), starters));
        thread_local std::vector<Cand> cands;  // reused: no allocation per sentence
        scanner.scan(cands);
        const std::size_t first_in_sentence = out.size();
        bool months_here = false;  // a span of months ("the nine months") named in this sentence
        for (std::size_t ci = 0; ci < cands.size(); ++ci) {
            Cand& c = cands[ci];
            // A range takes a missing year from its other end: "27 September to 10 November 2020".
            if (c.sem.kind == Kind::absolute && c.sem.year < 0 && c.sem.month > 0 && ci + 1 < cands.size()) {
                const Cand& nx = cands[ci + 1];
                bool linked = nx.tb >= c.te && nx.tb - c.te <= 1 &&
                              (nx.tb == c.te || (tk[c.te].w && tk[c.te].w->has(tx::k_range_connector)));
                if (linked && nx.sem.kind == Kind::absolute && nx.sem.year > 0 && nx.sem.month > 0) {
                    c.sem.year = c.sem.month > nx.sem.month ? nx.sem.year - 1 : nx.sem.year;
                }
            }
            if (quoted_title(tk, c)) continue;
            // "on Monday and Tuesday nights": a weekday joined to a recurring one recurs as well.
            if (c.sem.kind == Kind::weekday && c.sem.rel == tx::k_none && c.sem.literal.empty() &&
                c.sem.pod.empty() && ci + 1 < cands.size() && cands[ci + 1].tb == c.te + 1 &&
                (word_is(tk[c.te], "and") || word_is(tk[c.te], "or")) && cands[ci + 1].sem.kind == Kind::set &&
                cands[ci + 1].sem.literal.view().starts_with("XXXX-WXX-") && cands[ci + 1].sem.literal.size() > 10) {
                c.type = TimexType::set;
                c.sem.kind = Kind::set;
                c.sem.literal = "XXXX-WXX-" + std::to_string(c.sem.weekday + 1) +
                                std::string(cands[ci + 1].sem.literal.view().substr(10));
            }
            int tense = tense_of(lex, tk, c.tb, c.te);
            // "each Thursday from August 6": a recurring schedule that starts on a date lies ahead
            // unless the tense says otherwise.
            if (tense == 0 && ci > 0 && cands[ci - 1].sem.kind == Kind::set && cands[ci - 1].te + 1 == c.tb &&
                word_is(tk[c.tb - 1], "from"))
                tense = 1;
            if (c.sem.kind == Kind::weekday && c.sem.rel == tx::k_none && c.te - c.tb == 1 &&
                tk[c.tb].low().size() > 2 && ends_in(tk[c.tb].low(), "'s"))
                tense = possessive_weekday_tense(lex, tk, c.tb, c.te, tense);
            Resolved r;
            try {
                // The reporting period compared with ("up from $9 million a year ago"): a
                // quarter named earlier in the same sentence, else the first one reported on.
                const bool quarter_here = anchor && anchor->unit == Unit::quarter && anchor->sentence == si;
                r = resolve(c, dct, anchor, quarter_here ? anchor : period, tense);
                // "For the nine months, ... a year earlier": the comparison is with that span a
                // year back, which only its year can name.
                if (months_here && c.sem.kind == Kind::offset && c.sem.unit == Unit::year && c.sem.offset == -1 &&
                    c.sem.anchored && dct && r.unit == Unit::quarter) {
                    const int y = static_cast<int>((period ? period->day : *dct).year()) - 1;
                    r.value = tx::padded(y, 4);
                    r.when = Span::year(y);
                    r.unit = Unit::year;
                }
            } catch (const std::out_of_range&) {
                continue;  // "next year" on 9999-12-31: beyond the calendar Boost knows (1400..9999)
            }
            if (r.drop) continue;
            // Day arithmetic does not check Boost's calendar (1400..9999): "yesterday" on
            // 1400-01-01 would be a day it cannot name. Such an expression is dropped, as
            // one whose resolution threw above.
            auto outside_calendar = [&](const Span& w) {
                return w.earliest < calendar_first || w.latest > calendar_last;
            };
            if (r.when && outside_calendar(*r.when)) continue;
            Timex t;
            t.begin = static_cast<std::size_t>(tk[c.tb].rp - text.data());
            // "last year's": the possessive is not part of the expression.
            std::size_t trim = c.trim_end;
            if (!trim && tk[c.te - 1].low().size() > 2 && ends_in(tk[c.te - 1].low(), "'s"))
                trim = 2;
            t.end = static_cast<std::size_t>(tk[c.te - 1].rp - text.data()) + tk[c.te - 1].n - trim;
            t.type = c.type;
            t.value = r.value;
            t.mod = c.mod;
            t.when = r.when;
            t.relative = r.relative;
            t.anaphoric = r.anaphoric;
            t.from_text = r.from_text;
            t.role = role_before(tk, c.tb);
            if (t.type == TimexType::duration || t.type == TimexType::set) {
                t.when.reset();
                if (c.sem.anchored && anchor && c.sem.offset != 0 && c.sem.unit >= Unit::day) {
                    try {
                        const Date d = tx::shift(anchor->day, c.sem.unit, c.sem.offset);
                        t.when = tx::unit_containing(std::min(anchor->unit, c.sem.unit), d).span;
                        t.relative = true;
                        t.from_text = true;
                    } catch (const std::out_of_range&) {
                        t.when.reset();
                    }
                    if (t.when && outside_calendar(*t.when)) t.when.reset();
                }
            }
            if (t.when && t.role == TimexRole::start) t.when->open_end = true;
            if (t.when && t.role == TimexRole::end) t.when->open_start = true;
            if (t.when && (t.mod == "APPROX")) t.when->approximate = true;
            if (t.when && !r.value.empty() && c.sem.kind != Kind::reference &&
                (t.type == TimexType::date || t.type == TimexType::time)) {
                Anchor a;
                a.day = t.when->earliest;
                a.unit = r.unit;
                a.value = r.value;
                a.span = *r.when;
                a.sentence = si;
                if (!r.comparison) anchor = a;
                if (!period && !r.comparison && r.unit == Unit::quarter && r.value.size() == 7 && r.value[5] == 'Q') period = a;
            }
            if (t.type == TimexType::duration && t.value.size() > 2 && t.value.back() == 'M' && t.value[1] != 'T')
                months_here = true;
            out.push_back(std::move(t));
        }
        // "from X to Y", "between X and Y", "X to Y": both ends are a range.
        for (std::size_t a = first_in_sentence; a + 1 < out.size(); ++a) {
            Timex& x = out[a];
            Timex& y = out[a + 1];
            // "shelled almost daily until November 9": a set is no end of a range.
            if (x.type == TimexType::duration || y.type == TimexType::duration || x.type == TimexType::set ||
                y.type == TimexType::set)
                continue;
            std::string_view between = std::string_view(text).substr(x.end, y.begin - x.end);
            while (!between.empty() && (between.front() == ' ' || between.front() == ',')) between.remove_prefix(1);
            while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
            if (between == "to" || between == "-" || between == "until" || between == "through" ||
                between == "and" || between == "till" || between == "\xe2\x80\x93") {
                bool opened = x.role == TimexRole::start || between != "and";
                if (between == "and") {
                    // only "between X and Y"
                    std::size_t p = x.begin;
                    while (p > 0 && text[p - 1] == ' ') --p;
                    opened = p >= 7 && lower.compare(p - 7, 7, "between") == 0;
                }
                if (!opened) continue;
                x.role = TimexRole::range;
                y.role = TimexRole::range;
                if (x.when) x.when->open_end = false;
                if (y.when) y.when->open_start = false;
            }
        }
    }
    if (buffer.size() > (std::size_t{1} << 16)) {  // a text with a huge sentence: do not keep its memory
        buffer.clear();
        buffer.shrink_to_fit();
        starter_buffer.clear();
        starter_buffer.shrink_to_fit();
    }
    if (lower_buffer.size() > (std::size_t{1} << 20)) {  // nor that of a huge text
        lower_buffer.clear();
        lower_buffer.shrink_to_fit();
    }
    if (record) record->complete = recording;
    return out;
}

TimexTagger::Impl::Impl(const DataFiles& files) : lex(files) { Scanner::mark_begins(lex); }

TimexTagger::TimexTagger(const DataFiles& files) : m_impl(std::make_unique<Impl>(files)) {}
TimexTagger::~TimexTagger() = default;
TimexTagger::TimexTagger(TimexTagger&&) noexcept = default;
TimexTagger& TimexTagger::operator=(TimexTagger&&) noexcept = default;

std::vector<Timex> TimexTagger::tag(std::string_view text, std::optional<Date> dct) const {
    return m_impl->tag(text, split_sentences(text), dct);
}

std::vector<Timex> TimexTagger::tag(std::string_view text, const std::vector<Sentence>& sentences,
                                    std::optional<Date> dct) const {
    return m_impl->tag(text, sentences, dct);
}

std::vector<Timex> TimexTagger::tag(std::string_view text, std::string_view lower, const std::vector<Sentence>& sentences,
                                    std::optional<Date> dct) const {
    // The padding is what stops the token pass's loops at the end of the text.
    if (lower.size() != text.size() + 8 || lower.substr(text.size()).find_first_not_of('\0') != std::string_view::npos)
        throw std::invalid_argument("TimexTagger::tag: lower must be the text lower-cased and 8 zero bytes");
    return m_impl->tag(text, sentences, dct, lower);
}

std::vector<Timex> TimexTagger::tag(std::string_view text, std::string_view lower, const std::vector<Sentence>& sentences,
                                    std::optional<Date> dct, TagWords& words) const {
    if (lower.size() != text.size() + 8 || lower.substr(text.size()).find_first_not_of('\0') != std::string_view::npos)
        throw std::invalid_argument("TimexTagger::tag: lower must be the text lower-cased and 8 zero bytes");
    return m_impl->tag(text, sentences, dct, lower, &words);
}

}  // namespace dateline
