// EventExtractor: dated events (who did what, where) from an article's sentences and timexes.
#pragma once

#include "dateline/article.hpp"
#include "dateline/event.hpp"
#include "dateline/event_types.hpp"
#include "dateline/gazetteer.hpp"
#include "dateline/timex_tagger.hpp"

#include <memory>
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

    const TimexTagger& tagger() const;
    const Gazetteer& gazetteer() const;
    const EventTypes& event_types() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace dateline
