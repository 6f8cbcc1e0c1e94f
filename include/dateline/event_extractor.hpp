// EventExtractor: dated events (who did what, where) from an article's sentences and timexes.
#pragma once

#include "dateline/article.hpp"
#include "dateline/event.hpp"
#include "dateline/event_types.hpp"
#include "dateline/gazetteer.hpp"
#include "dateline/timex_tagger.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace dateline {

/// Runs segmenter, tagger and event rules over one article. Holds the loaded
/// knowledge (immutable after construction; `extract` is const and thread-safe).
/// Never throws on odd text.
///
///   Pipeline pipeline(DataFiles::builtin());
///   for (const Event& e : pipeline.extract(article)) ...
class Pipeline {
public:
    explicit Pipeline(const DataFiles& files);
    ~Pipeline();

    std::vector<Event> extract(const Article& article) const;

    /// What `dateline extract` writes for one article, without building Events:
    /// appends to `out` exactly the bytes of
    ///
    ///   auto events = extract(article);
    ///   sort_chronologically(events);
    ///   for (const Event& e : events) { append_json(out, e); out += '\n'; }
    ///
    /// and says how many events that was and whether any is unresolved. The
    /// events' strings are written from views into the article and the loaded
    /// knowledge. Throws what append_json throws on text that is not UTF-8.
    struct JsonlSummary {
        std::size_t events = 0;
        bool unresolved = false;  // some event has DateSource::unresolved
    };
    JsonlSummary extract_jsonl(const Article& article, std::string& out) const;

    const TimexTagger& tagger() const;
    const Gazetteer& gazetteer() const;
    const EventTypes& event_types() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace dateline
