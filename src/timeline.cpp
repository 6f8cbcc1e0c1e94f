// In-memory timeline queries: the same filters the store applies in SQL.
#include "dateline/timeline.hpp"

#include <algorithm>

namespace dateline {
namespace {

bool contains_ci(std::string_view hay, std::string_view needle) {
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
    return it != hay.end();
}

template <class T, class F>
bool any_of_names(const std::vector<T>& items, const std::vector<std::string>& wanted, F name) {
    if (wanted.empty()) return true;
    for (const auto& item : items)
        for (const auto& w : wanted)
            if (name(item) == w) return true;
    return false;
}

}  // namespace

std::vector<Event> apply_query(std::vector<Event> events, const TimelineQuery& q) {
    std::vector<Event> kept;
    kept.reserve(events.size());
    for (auto& e : events) {
        if (q.from || q.to) {
            if (!e.when) continue;
            if (q.from && e.when->upper_bound() < *q.from) continue;
            if (q.to && !e.when->open_start && e.when->earliest > *q.to) continue;
        }
        if (!q.types.empty() && std::find(q.types.begin(), q.types.end(), e.type) == q.types.end()) continue;
        if (!q.statuses.empty() &&
            std::find(q.statuses.begin(), q.statuses.end(), std::string(to_string(e.status))) == q.statuses.end())
            continue;
        if (!any_of_names(e.actors, q.actors, [](const ActorRef& a) { return a.name; })) continue;
        if (!any_of_names(e.places, q.places, [](const PlaceRef& p) { return p.name; })) continue;
        if (e.source_count < q.min_sources) continue;
        if (!q.query.empty() && !contains_ci(e.headline, q.query) && !contains_ci(e.evidence.sentence, q.query)) continue;
        kept.push_back(std::move(e));
    }
    if (q.limit && kept.size() > *q.limit) {
        auto better = [&](const Event& a, const Event& b) {
            switch (q.rank) {
            case Rank::sources:
                if (a.source_count != b.source_count) return a.source_count > b.source_count;
                return a.confidence > b.confidence;
            case Rank::confidence:
                if (a.confidence != b.confidence) return a.confidence > b.confidence;
                return a.source_count > b.source_count;
            case Rank::date: break;
            }
            return false;
        };
        if (q.rank == Rank::date) {
            sort_chronologically(kept);
        } else {
            std::stable_sort(kept.begin(), kept.end(), better);
        }
        kept.resize(*q.limit);
    }
    sort_chronologically(kept);
    return kept;
}

}  // namespace dateline
