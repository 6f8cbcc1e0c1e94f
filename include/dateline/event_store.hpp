// EventStore: the SQLite store of articles, events and their mentions, with merging.
#pragma once

#include "dateline/article.hpp"
#include "dateline/event.hpp"
#include "dateline/timeline.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace dateline {

/// What one ingest of an article did.
enum class IngestOutcome { added, unchanged, replaced };

struct IngestResult {
    IngestOutcome outcome = IngestOutcome::added;
    int events_new = 0;
    int events_merged = 0;
};

struct StoreStats {
    long long articles = 0;
    long long events = 0;
    long long mentions = 0;
    long long sources = 0;
};

/// The only component that touches SQLite (sqlite3.h stays out of this header).
/// Opens or creates the database (WAL, foreign keys, busy timeout), migrating an
/// older schema forward. Throws StoreError with the path on failure. Not
/// thread-safe: one EventStore per thread; several processes may share a file.
///
///   EventStore store("timeline.db");
///   { auto batch = store.batch(); store.ingest(article, events); batch.commit(); }
///   std::vector<Event> events = store.query(TimelineQuery{});
class EventStore {
public:
    explicit EventStore(const std::filesystem::path& path);
    ~EventStore();
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    /// An RAII transaction: rolls back in its destructor unless committed.
    class Batch {
    public:
        explicit Batch(EventStore& store);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        void commit();

    private:
        EventStore* m_store;
        bool m_done = false;
    };
    Batch batch() { return Batch(*this); }

    /// Stores an article and its extracted events, merging events already known.
    IngestResult ingest(const Article& article, const std::vector<Event>& events);

    /// Events matching the query, in chronological order.
    std::vector<Event> query(const TimelineQuery& q);
    StoreStats stats();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace dateline
