// TimexTagger: finds and resolves temporal expressions (DATE, TIME, DURATION, SET).
#pragma once

#include "dateline/data_files.hpp"
#include "dateline/segmenter.hpp"
#include "dateline/timex.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

/// The tagger's token pass over a text read as words, for a caller that splits the same text
/// into words as the extractor does (split_words: runs of letters and digits, a hyphen a word
/// of its own, initialisms such as "U.S." whole, a curly apostrophe inside a word), so that
/// it need not read most bytes again. `runs`: in text order, the tokens that are a run of
/// letters, digits and bytes >= 0x80 other than 0xE2 with nothing joined inside, and the
/// lone hyphens. `marks`: in text order, the first byte of every other token that is a word
/// or may change how the words around it are split: a word joined by an apostrophe, hyphen
/// or digit separator, a General Punctuation character, a stray byte >= 0x80, an apostrophe
/// or a dot alone. A caller splits the bytes around a mark itself; elsewhere the runs are
/// the words (ASCII punctuation alone is no word).
struct TagWords {
    /// Whitespace as the tagger's tokenizer reads it: ' ' \t \n \v \f \r. No token holds
    /// one, so the words lie between such bytes. The tokenizer's byte classes are built from
    /// this one definition, and a caller reading the words takes its spaces from it too.
    static constexpr bool is_space(unsigned char c) { return c == ' ' || static_cast<unsigned char>(c - '\t') <= 4u; }

    /// Room for one word per byte of the text: the tagger writes through a pointer (sized
    /// by the caller; the first `n_runs` are in use).
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    std::size_t n_runs = 0;
    std::vector<std::size_t> marks;
    /// Whether every sentence was read into these: false if the sentences were out of order
    /// or overlapped, or `runs` had no room.
    bool complete = false;
};

/// Tags English news text with TIMEX3 expressions and resolves them to Spans.
/// Word lists and rules come from DataFiles ("timex/..."), loaded once in the
/// constructor (throws DataError if malformed). `tag` never throws on odd text,
/// is const and thread-safe, and runs in time linear in the text length.
///
///   TimexTagger tagger(DataFiles::builtin());
///   auto timexes = tagger.tag(text, Date(2023, 2, 23));
///   // "since December 12" -> value 2022-12-12, role start, when 2022-12-12
class TimexTagger {
public:
    explicit TimexTagger(const DataFiles& files);
    ~TimexTagger();
    TimexTagger(TimexTagger&&) noexcept;
    TimexTagger& operator=(TimexTagger&&) noexcept;

    /// Tags the whole text (segments it first). Without a DCT, relative
    /// expressions are returned with `when` empty (unresolved), never dated from today.
    std::vector<Timex> tag(std::string_view text, std::optional<Date> dct) const;
    /// Same, with the sentences already known. Results are in text order.
    std::vector<Timex> tag(std::string_view text, const std::vector<Sentence>& sentences,
                           std::optional<Date> dct) const;
    /// Same, with `lower` the text lower-cased (ASCII A-Z only, byte for byte)
    /// followed by 8 zero bytes, as a caller that needs it too has made it: the
    /// tagger then does not lower-case the text again.
    std::vector<Timex> tag(std::string_view text, std::string_view lower, const std::vector<Sentence>& sentences,
                           std::optional<Date> dct) const;
    /// Same, and the words of its token pass into `words` (see TagWords).
    std::vector<Timex> tag(std::string_view text, std::string_view lower, const std::vector<Sentence>& sentences,
                           std::optional<Date> dct, TagWords& words) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace dateline
