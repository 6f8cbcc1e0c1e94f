// EventStore: the SQLite store of articles, events and their mentions, with merging.
#pragma once

#include "dateline/article.hpp"
#include "dateline/event.hpp"
#include "dateline/timeline.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dateline {

/// What one ingest of an article did.
enum class IngestOutcome { added, unchanged, replaced };

struct IngestResult {
    IngestOutcome outcome = IngestOutcome::added;
    int events_new = 0;      // mentions that started an event of their own
    int events_merged = 0;   // mentions that joined an event already stored
    int events_removed = 0;  // events that lost their last mention when a changed article was replaced
};

struct StoreStats {
    long long articles = 0;
    long long events = 0;
    long long mentions = 0;
    long long sources = 0;  // distinct sources (outlet name, or article id when it has none)
    long long actors = 0;
    long long places = 0;
    long long merged_events = 0;  // events told by more than one mention
    std::string earliest;         // ISO day of the earliest dated event, "" when none
    std::string latest;           // ISO day of the latest start of a dated event
    std::vector<std::pair<std::string, long long>> types;   // events per type, most first
    std::vector<std::pair<std::string, long long>> actors_top;  // events per actor, top 10
    int schema_version = 0;
};

/// The only component that touches SQLite (sqlite3.h stays out of this header).
/// Opens or creates the database (WAL, foreign keys, busy timeout), migrating an
/// older schema forward after copying it to "<path>.v<N>.bak". Throws StoreError
/// with the path on failure, and for a database written by a newer dateline.
/// Not thread-safe: one EventStore per thread; several processes may share a
/// file (writers wait for each other; each batch is one transaction).
///
/// Merging (docs/store.md): a mention joins a stored event when they have the
/// same type, date source and status; compatible spans (equal, or one nested in
/// the other with the coarser at most a month); shared actors when both name
/// some; a shared place when both name some. It is compared with the event's
/// own canonical mention (the finest one), whose span never grows, so merges do
/// not chain unrelated events together.
///
///   EventStore store("timeline.db");
///   { auto batch = store.batch(); store.ingest(article, events); batch.commit(); }
///   std::vector<Event> events = store.query(TimelineQuery{});
class EventStore {
public:
    static constexpr int schema_version = 12;

    /// write: open or create `path` for ingest (an older schema is upgraded in
    /// place, after a backup). read: for export, events and stats; opened for
    /// writing when we may (so an older schema is upgraded too), read-only when
    /// the file or its folder is not ours to write (an archived store).
    enum class Access { write, read };

    explicit EventStore(const std::filesystem::path& path, Access access = Access::write);
    ~EventStore();
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    /// An RAII transaction: rolls back in its destructor unless committed.
    /// Without a batch, each `ingest` is a transaction of its own.
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
    /// The same article again (same id, or no id and the same text) is
    /// `unchanged`; an article whose text changed has its old mentions replaced.
    IngestResult ingest(const Article& article, const std::vector<Event>& events);

    /// Events matching the query, in chronological order, with all mentions.
    std::vector<Event> query(const TimelineQuery& q);
    /// The same events in the same order, read from the database as they are
    /// handed out: an export of a whole store holds one day's events at a
    /// time (and the undated ones, which come last), not the timeline. Reads
    /// one snapshot of the store; use no other method of this store until the
    /// source is destroyed, and destroy it before the store.
    std::unique_ptr<EventSource> stream(const TimelineQuery& q);
    StoreStats stats();

    /// Calls `visit` with every stored article (in ingest order) and the events
    /// extracted from it, as they were ingested (one per mention, unmerged):
    /// what `dateline merge` feeds into another store.
    void for_each_article(const std::function<void(const Article&, const std::vector<Event>&)>& visit);

    /// "ok", or SQLite's list of problems (PRAGMA integrity_check).
    std::string integrity_check();
    const std::filesystem::path& path() const;
    /// The schema version this EventStore upgraded the file from when it
    /// opened it (its backup is "<path>.v<N>.bak"), or 0.
    int upgraded_from() const;

private:
    struct Impl;
    class Cursor;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace dateline
