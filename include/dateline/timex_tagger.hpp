// TimexTagger: finds and resolves temporal expressions (DATE, TIME, DURATION, SET).
#pragma once

#include "dateline/data_files.hpp"
#include "dateline/segmenter.hpp"
#include "dateline/timex.hpp"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace dateline {

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

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace dateline
