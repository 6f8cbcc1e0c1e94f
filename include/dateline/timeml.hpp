// TimeML in and out: read a .tml / .TE3input document, write it back with our TIMEX3 tags.
#pragma once

#include "dateline/article.hpp"
#include "dateline/span.hpp"
#include "dateline/timex.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

/// One TIMEX3 annotation. [begin, end) are byte offsets into the document's
/// plain text (`TimemlDocument::text()`), not into the TimeML source.
struct TimemlTimex {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string tid;             // "t12"; empty: `TimemlDocument::write` numbers it
    std::string type;            // DATE, TIME, DURATION, SET
    std::string value;           // TIMEX3 value: 1998-01-08, P1W, PRESENT_REF
    std::string mod;             // START, MID, END, APPROX, ... or empty
    std::string anchor_time_id;  // "t0" when resolved against the DCT, else empty

    bool operator==(const TimemlTimex&) const = default;
};

/// A TimeML document (TimeBank/AQUAINT `.tml`, TempEval-3 `.TE3input`): its
/// DOCID, its document creation time (the `<DCT><TIMEX3 value=...>`), and the
/// text inside `<TEXT>` with every inline tag (TIMEX3, EVENT, SIGNAL, ...)
/// removed and XML entities decoded, which is what the tagger reads.
///
/// The document keeps its source and a byte map from plain text back into it,
/// so `write` reproduces the source byte for byte except for the TIMEX3 tags
/// inside `<TEXT>`, which it replaces by the ones it is given. Value type;
/// `parse` throws InputError naming the file and line on malformed input.
///
///   TimemlDocument doc = TimemlDocument::parse(content, "wsj_0001.tml");
///   auto ours = timeml_timexes(tagger.tag(doc.text(), doc.dct()), doc.dct_tid());
///   std::string annotated = doc.write(ours);
class TimemlDocument {
public:
    static TimemlDocument parse(std::string_view content, const std::string& name);

    const std::string& name() const { return m_name; }
    /// DOCID, or the file name without directory and extension when absent.
    const std::string& id() const { return m_id; }
    const std::string& title() const { return m_title; }
    /// The document creation time; nullopt when the document has no DCT.
    std::optional<Date> dct() const { return m_dct; }
    /// The tid of the DCT's TIMEX3 ("t0"), empty when there is no DCT.
    const std::string& dct_tid() const { return m_dct_tid; }
    /// The plain text inside <TEXT>: tags removed, entities decoded.
    const std::string& text() const { return m_text; }
    /// The TIMEX3 annotations found inside <TEXT> (the gold ones), in text order.
    const std::vector<TimemlTimex>& timexes() const { return m_timexes; }

    /// The source with the TIMEX3 tags inside <TEXT> replaced by `timexes`.
    /// Timexes that are empty, out of range or overlap an earlier one are
    /// skipped; those without tid get t1, t2, ... (skipping tids used outside
    /// <TEXT>). A tag that would cross another element's boundary (an EVENT
    /// or SIGNAL) is widened to enclose that element, so the output stays
    /// well-formed XML.
    std::string write(const std::vector<TimemlTimex>& timexes) const;

    /// The 1-based line of a plain-text offset in the source, for messages.
    std::size_t line_of(std::size_t text_offset) const;

private:
    struct Element {  // a non-TIMEX3 element inside <TEXT>, by raw offsets
        std::size_t open_begin = 0;
        std::size_t open_end = 0;
        std::size_t close_begin = 0;
        std::size_t close_end = 0;
    };
    struct RawRange {
        std::size_t begin = 0;
        std::size_t end = 0;
    };

    std::string m_name;
    std::string m_id;
    std::string m_title;
    std::optional<Date> m_dct;
    std::string m_dct_tid;
    std::string m_text;
    std::vector<TimemlTimex> m_timexes;

    std::string m_source;
    // For each byte of m_text, the source range of the character or entity it came from.
    std::vector<std::size_t> m_raw_begin;
    std::vector<std::size_t> m_raw_end;
    std::vector<RawRange> m_removed;  // the TIMEX3 tags inside <TEXT>, sorted
    std::vector<Element> m_elements;  // sorted by open_begin
    std::vector<std::string> m_reserved_tids;  // TIMEX3 tids outside <TEXT>
};

/// The tagger's timexes as TIMEX3 annotations: anaphoric ones are dropped
/// (they repeat a date already tagged, see Timex::anaphoric), and relative
/// ones get `anchor_time_id` = `dct_tid` when the document has a DCT. Tids
/// are left empty for `TimemlDocument::write` to number.
std::vector<TimemlTimex> timeml_timexes(const std::vector<Timex>& timexes,
                                        const std::string& dct_tid);

/// A TimeML document as an Article: id = DOCID, published = DCT, title =
/// TITLE, text = the plain text of <TEXT>, origin = `name`. Throws InputError
/// with the file name on malformed input.
Article article_from_timeml(std::string_view content, const std::string& name);

/// Escapes & < > " for an XML attribute value or text.
std::string xml_escape(std::string_view s);

}  // namespace dateline
