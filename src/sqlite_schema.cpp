// The event store's SQL schema, version by version, and the forward migrations between them.
#include "sqlite_schema.hpp"

#include "dateline/error.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_statement.hpp"
#include "sqlite_transaction.hpp"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <string_view>

namespace dateline::sqlite {

namespace {

// Step N takes a database from version N-1 to N. Steps are never edited once
// released: a change is a new step, so every older database can follow.
constexpr std::array<std::string_view, 12> k_steps = {
    // 1: articles, canonical events, their mentions, actors and places.
    R"sql(
CREATE TABLE articles (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    hash        TEXT NOT NULL,             -- content hash of the text (FNV-1a 64)
    url         TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    source_key  TEXT NOT NULL,             -- source, or the id when none: what source_count counts
    published   TEXT,                      -- ISO day, NULL when unknown
    language    TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_by_hash ON articles(hash);

CREATE TABLE events (
    key            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,   -- the id of the first mention
    type           TEXT NOT NULL,
    cameo          TEXT NOT NULL DEFAULT '',
    date_source    TEXT NOT NULL,          -- text | published | unresolved
    edtf           TEXT,                   -- NULL when unresolved
    earliest       TEXT,                   -- ISO days, inclusive
    latest         TEXT,
    upper          TEXT,                   -- latest, or 9999-12-31 for an open end: for --from
    precision      TEXT,
    open_start     INTEGER NOT NULL DEFAULT 0,
    open_end       INTEGER NOT NULL DEFAULT 0,
    approximate    INTEGER NOT NULL DEFAULT 0,
    uncertain      INTEGER NOT NULL DEFAULT 0,
    timex_value    TEXT NOT NULL DEFAULT '',
    headline       TEXT NOT NULL DEFAULT '',
    confidence     REAL NOT NULL DEFAULT 0.5,
    status         TEXT NOT NULL DEFAULT 'asserted',
    first_reported TEXT,                   -- earliest publication date among its mentions
    source_count   INTEGER NOT NULL DEFAULT 1,
    primary_mention INTEGER                -- the canonical mention whose fields the event shows
);
CREATE INDEX events_for_merge ON events(type, date_source, earliest);
CREATE INDEX events_by_time ON events(earliest);
CREATE INDEX events_by_upper ON events(upper);

-- One row per extracted event: its own fields, so that an event can be
-- recomputed when an article is replaced and a store can be merged into another.
CREATE TABLE mentions (
    key         INTEGER PRIMARY KEY,
    event       INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
    article     INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,
    cameo       TEXT NOT NULL DEFAULT '',
    date_source TEXT NOT NULL,
    edtf        TEXT,
    earliest    TEXT,
    latest      TEXT,
    precision   TEXT,
    open_start  INTEGER NOT NULL DEFAULT 0,
    open_end    INTEGER NOT NULL DEFAULT 0,
    approximate INTEGER NOT NULL DEFAULT 0,
    uncertain   INTEGER NOT NULL DEFAULT 0,
    timex_value TEXT NOT NULL DEFAULT '',
    headline    TEXT NOT NULL DEFAULT '',
    confidence  REAL NOT NULL DEFAULT 0.5,
    status      TEXT NOT NULL DEFAULT 'asserted',
    sentence    TEXT NOT NULL DEFAULT '',
    begin       INTEGER NOT NULL DEFAULT 0, -- byte offsets of the sentence in the article text
    end         INTEGER NOT NULL DEFAULT 0,
    timex       TEXT,                       -- the date words, NULL when dated by the report
    actors      TEXT NOT NULL DEFAULT '[]', -- JSON [{name, role, surface, qualifier}] in text order
    places      TEXT NOT NULL DEFAULT '[]'  -- JSON [{name, lat, lon, surface}]
);
CREATE INDEX mentions_by_event ON mentions(event);
CREATE INDEX mentions_by_article ON mentions(article);

CREATE TABLE actors (
    key  INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE actor_aliases (
    actor INTEGER NOT NULL REFERENCES actors(key),
    alias TEXT NOT NULL,
    PRIMARY KEY (actor, alias)
) WITHOUT ROWID;
CREATE TABLE places (
    key  INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    lat  REAL,
    lon  REAL
);
CREATE TABLE place_aliases (
    place INTEGER NOT NULL REFERENCES places(key),
    alias TEXT NOT NULL,
    PRIMARY KEY (place, alias)
) WITHOUT ROWID;

-- canonical = 1: named by the event's canonical mention (what merging compares
-- with); 0: added by a merged mention (found by --actor, never used to merge).
CREATE TABLE event_actors (
    event     INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
    actor     INTEGER NOT NULL REFERENCES actors(key),
    role      TEXT NOT NULL,
    canonical INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event, actor, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_by_actor ON event_actors(actor, event);
CREATE TABLE event_places (
    event     INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
    place     INTEGER NOT NULL REFERENCES places(key),
    canonical INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event, place)
) WITHOUT ROWID;
CREATE INDEX event_places_by_place ON event_places(place, event);
)sql",
    // 2: full-text search over headlines and evidence sentences (--query).
    R"sql(
CREATE VIRTUAL TABLE mentions_fts USING fts5(
    headline, sentence, content='mentions', content_rowid='key');
CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts(rowid, headline, sentence) VALUES (new.key, new.headline, new.sentence);
END;
CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, headline, sentence)
        VALUES ('delete', old.key, old.headline, old.sentence);
END;
INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild');
)sql",
    // 3: faster ingest and date filters on large stores.
    // - The store indexes a batch's mentions in one statement at commit: the
    //   triggers wrote to FTS5 inside every statement.
    // - The merge probe reads spans from the index alone (no row per candidate).
    // - Date filters: events at most 366 days wide are found by a range on
    //   `earliest` (a window widened by 366 days); the few wider or open ones
    //   by a small partial index on `upper`. One index on `earliest` or `upper`
    //   alone made a window in the middle of a large store scan half of it.
    R"sql(
DROP TRIGGER mentions_fts_insert;
DROP TRIGGER mentions_fts_delete;
DROP INDEX events_for_merge;
CREATE INDEX events_for_merge ON events(type, date_source, status, earliest, latest);
ALTER TABLE events ADD COLUMN wide INTEGER NOT NULL DEFAULT 0;
UPDATE events SET wide = 1
    WHERE open_start OR open_end OR julianday(latest) - julianday(earliest) > 366;
DROP INDEX events_by_time;
DROP INDEX events_by_upper;
CREATE INDEX events_narrow ON events(earliest, latest) WHERE wide = 0;
CREATE INDEX events_wide ON events(upper) WHERE wide = 1;
)sql",
    // 4: each mention carries its article's source key, so a merge updates
    // source_count from the index (event, source_key) instead of joining every
    // mention of the event to its article row (text and all): a merge into an
    // event told by many reports cost time in proportion to the reports.
    R"sql(
ALTER TABLE mentions ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
UPDATE mentions SET source_key = (SELECT source_key FROM articles WHERE articles.key = mentions.article);
DROP INDEX mentions_by_event;
CREATE INDEX mentions_by_event ON mentions(event, source_key);
)sql",
    // 5: the merge probe for a day (or week) finds the weeks and months that
    // may contain it by their precision: events_for_merge alone made it read
    // every event of the type that began in the 31 days before (a hundred and
    // more index entries per mention on a store of 200,000 events). Partial:
    // only weeks and months are looked up by it, and the days, most events,
    // cost no second index entry.
    R"sql(
CREATE INDEX events_merge_coarser ON events(type, date_source, status, precision, earliest, latest)
    WHERE precision = 'week' OR precision = 'month';
)sql",
    // 6: the full-text index without its per-row column sizes (columnsize=0).
    // FTS5 wrote one row of %_docsize per mention, a statement of its own
    // inside every indexed row (a fifth of indexing a batch); only ranking
    // functions (bm25) read it, and --query does not rank. Rebuilt from the
    // mentions, its external content, so nothing is lost.
    R"sql(
DROP TABLE mentions_fts;
CREATE VIRTUAL TABLE mentions_fts USING fts5(
    headline, sentence, content='mentions', content_rowid='key', columnsize=0);
INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild');
)sql",
    // 7: `--limit N --rank sources|confidence|date` read from an index in
    // rank order, best first, stopping after N events that pass the filters:
    // on a store of a million events, reading and sorting every event that a
    // broad filter keeps (every statement, every event of Russia) took a
    // second. Each index holds the whole order the query asks for, ties
    // broken by the first day and the key (the rowid, next in every index),
    // so that no tie group, however large, is sorted (a column after
    // `earliest`, such as the type, would break that order).
    // And the merge index covers a candidate's whole span, so that the
    // writer's cache reads a month of candidates from the index alone
    // (reading each row too was most of the cost of loading a bucket).
    R"sql(
DROP INDEX events_for_merge;
CREATE INDEX events_for_merge ON events(type, date_source, status, earliest, latest, precision, open_start, open_end);
CREATE INDEX events_by_sources ON events(source_count DESC, confidence DESC, earliest IS NULL, earliest);
CREATE INDEX events_by_confidence ON events(confidence DESC, source_count DESC, earliest IS NULL, earliest);
CREATE INDEX events_by_date ON events(earliest IS NULL, earliest);
)sql",
    // 8: cheaper ingest. The index of `--rank sources` holds only the events
    // of two sources or more: an event begins with one, and most keep it,
    // so a new event wrote an entry that only a walk past every event of
    // two sources or more would ever read (and moved it whenever a merge
    // raised the confidence). A walk reads the events of one source from
    // the index of `--rank confidence` instead, where they are in the same
    // order (see EventStore::query). And `--rank date` has no index of its
    // own: the index of date windows holds the same order for the narrow
    // events and the undated ones (ties by key sorted a day at a time), the
    // few wide ones have theirs, and every new event wrote an entry in both.
    R"sql(
DROP INDEX events_by_date;
DROP INDEX events_by_sources;
CREATE INDEX events_by_sources ON events(source_count DESC, confidence DESC, earliest IS NULL, earliest)
    WHERE source_count >= 2;
)sql",
    // 9: fewer rows and index entries per mention.
    // - An article's mentions are one range of keys: (slot << 20) | the
    //   mention's number in the article, where `articles.slot` is given out
    //   after every stored one each time an article with events is written
    //   (new or replaced), so keys still grow in the order mentions are
    //   written. A replacement deletes the range, `merge` reads it: no index
    //   `mentions_by_article`.
    // - The full-text index holds each distinct (headline, sentence) of an
    //   article once: a sentence that tells several events was tokenised once
    //   per mention. `fts_key` names the mention that holds the text in the
    //   index (the first of its article with the same headline and sentence,
    //   itself when it is the first); the index's external content is the
    //   view of those mentions, so that FTS5's own integrity-check still
    //   compares every indexed row with its text. A headline whose words
    //   are all in its sentence (nearly every one: a headline is a clause of
    //   its sentence) is not indexed again beside it (`fts_headline` = 0,
    //   decided by the writer; the mentions copied here keep theirs).
    // `mentions_by_event` holds `fts_key`: a walk of a rank index tests each
    // event's mentions against the hits of `--query` from the index alone
    // (the key, which it tested before, is in every index entry; fts_key
    // in the row only made that walk read a row per mention).
    // The mentions are copied into the new table with their new keys (slots
    // in the order of the articles' first old keys, mentions in the order of
    // their old keys), events point at the new key of their canonical
    // mention, and the index is rebuilt from the view.
    R"sql(
ALTER TABLE articles ADD COLUMN slot INTEGER;  -- NULL: no mentions
CREATE TEMP TABLE article_slots (article INTEGER PRIMARY KEY, slot INTEGER NOT NULL);
INSERT INTO temp.article_slots (article, slot)
    SELECT article, row_number() OVER (ORDER BY min(key)) FROM mentions GROUP BY article;
UPDATE articles SET slot = (SELECT slot FROM temp.article_slots s WHERE s.article = articles.key);
CREATE TEMP TABLE mention_keys (old INTEGER PRIMARY KEY, new INTEGER NOT NULL, holder INTEGER NOT NULL);
INSERT INTO temp.mention_keys (old, new, holder)
    SELECT key, n, min(n) OVER (PARTITION BY article, headline, sentence)
    FROM (SELECT m.key, m.article, m.headline, m.sentence,
                 (s.slot << 20) | (row_number() OVER (PARTITION BY m.article ORDER BY m.key) - 1) AS n
          FROM mentions m JOIN temp.article_slots s ON s.article = m.article);
CREATE TABLE mentions_v9 (
    key         INTEGER PRIMARY KEY,        -- (articles.slot << 20) | the mention's number in its article
    event       INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
    article     INTEGER NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    fts_key     INTEGER NOT NULL,           -- the mention whose row holds this text in mentions_fts
    fts_headline INTEGER NOT NULL DEFAULT 1, -- 0: every word of the headline is in the sentence, not indexed
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,
    cameo       TEXT NOT NULL DEFAULT '',
    date_source TEXT NOT NULL,
    edtf        TEXT,
    earliest    TEXT,
    latest      TEXT,
    precision   TEXT,
    open_start  INTEGER NOT NULL DEFAULT 0,
    open_end    INTEGER NOT NULL DEFAULT 0,
    approximate INTEGER NOT NULL DEFAULT 0,
    uncertain   INTEGER NOT NULL DEFAULT 0,
    timex_value TEXT NOT NULL DEFAULT '',
    headline    TEXT NOT NULL DEFAULT '',
    confidence  REAL NOT NULL DEFAULT 0.5,
    status      TEXT NOT NULL DEFAULT 'asserted',
    sentence    TEXT NOT NULL DEFAULT '',
    begin       INTEGER NOT NULL DEFAULT 0,
    end         INTEGER NOT NULL DEFAULT 0,
    timex       TEXT,
    actors      TEXT NOT NULL DEFAULT '[]',
    places      TEXT NOT NULL DEFAULT '[]',
    source_key  TEXT NOT NULL DEFAULT ''
);
INSERT INTO mentions_v9 (key, event, article, fts_key, id, type, cameo, date_source, edtf, earliest, latest,
                         precision, open_start, open_end, approximate, uncertain, timex_value, headline,
                         confidence, status, sentence, begin, end, timex, actors, places, source_key)
    SELECT k.new, m.event, m.article, k.holder, m.id, m.type, m.cameo, m.date_source, m.edtf, m.earliest,
           m.latest, m.precision, m.open_start, m.open_end, m.approximate, m.uncertain, m.timex_value,
           m.headline, m.confidence, m.status, m.sentence, m.begin, m.end, m.timex, m.actors, m.places,
           m.source_key
    FROM mentions m JOIN temp.mention_keys k ON k.old = m.key ORDER BY k.new;
UPDATE events SET primary_mention = (SELECT new FROM temp.mention_keys WHERE old = events.primary_mention)
    WHERE primary_mention IS NOT NULL;
DROP TABLE temp.mention_keys;
DROP TABLE temp.article_slots;
DROP TABLE mentions_fts;
DROP TABLE mentions;
ALTER TABLE mentions_v9 RENAME TO mentions;
CREATE INDEX mentions_by_event ON mentions(event, source_key, fts_key);
CREATE VIEW mentions_text AS
    SELECT key, CASE WHEN fts_headline THEN headline ELSE '' END AS headline, sentence
    FROM mentions WHERE fts_key = key;
CREATE VIRTUAL TABLE mentions_fts USING fts5(
    headline, sentence, content='mentions_text', content_rowid='key', columnsize=0);
INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild');
)sql",
    // 10: the merge probe reads a candidate's canonical links from the
    // merge indexes. Without the cache (a store of more events than it may
    // hold), each probe looked up two link lists per candidate in
    // event_actors and event_places: on a store of 750,000 events, 16
    // candidates per probe and more than half of ingest's time, the rows
    // spread over the whole file. The event row now carries its canonical
    // links as text ("actor\x1Frole" records joined by \x1E; place keys
    // joined by commas), written with them, and both merge indexes cover
    // every column the probe reads.
    R"sql(
ALTER TABLE events ADD COLUMN canon_actors TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN canon_places TEXT NOT NULL DEFAULT '';
UPDATE events SET
    canon_actors = coalesce((SELECT group_concat(actor || char(31) || role, char(30)) FROM event_actors
                             WHERE event = events.key AND canonical = 1), ''),
    canon_places = coalesce((SELECT group_concat(place) FROM event_places
                             WHERE event = events.key AND canonical = 1), '');
DROP INDEX events_for_merge;
CREATE INDEX events_for_merge ON events(type, date_source, status, earliest, latest, precision, open_start, open_end,
                                        canon_actors, canon_places);
DROP INDEX events_merge_coarser;
CREATE INDEX events_merge_coarser ON events(type, date_source, status, precision, earliest, latest, open_start,
                                            open_end, canon_actors, canon_places)
    WHERE precision = 'week' OR precision = 'month';
)sql",
    // 11: a link of an event to an actor or a place is one B-tree entry,
    // (actor, event) or (place, event), instead of two (the table by event,
    // role and canonical flag, and an index by actor). The links only find
    // events for `--actor`, `--place` and `stats`; everything that read them
    // by event reads the event's mentions instead, which name the same
    // actors and places: the canonical ones are its canonical mention's
    // (`events.primary_mention`; the merge probe has them in `events.canon_*`
    // since step 10), the others those of its other mentions (the merge of a
    // mention into it, the export of an event's other actors and places, a
    // rebuild after a replacement). No foreign key on `event`: with no
    // index by event, each deleted event would have made SQLite scan the
    // table; the store deletes an event's links itself.
    R"sql(
CREATE TABLE event_actors_v11 (
    actor INTEGER NOT NULL REFERENCES actors(key),
    event INTEGER NOT NULL,
    PRIMARY KEY (actor, event)
) WITHOUT ROWID;
INSERT INTO event_actors_v11 (actor, event)
    SELECT DISTINCT actor, event FROM event_actors WHERE event IN (SELECT key FROM events) ORDER BY actor, event;
DROP TABLE event_actors;
ALTER TABLE event_actors_v11 RENAME TO event_actors;
CREATE TABLE event_places_v11 (
    place INTEGER NOT NULL REFERENCES places(key),
    event INTEGER NOT NULL,
    PRIMARY KEY (place, event)
) WITHOUT ROWID;
INSERT INTO event_places_v11 (place, event)
    SELECT DISTINCT place, event FROM event_places WHERE event IN (SELECT key FROM events) ORDER BY place, event;
DROP TABLE event_places;
ALTER TABLE event_places_v11 RENAME TO event_places;
)sql",
    // 12: the full-text index holds up to 8 MiB of pending terms before it
    // writes a segment (FTS5's `hashsize`, 1 MiB by default). A batch's
    // texts go in at COMMIT by one statement (step 9); with 1 MiB a batch of
    // 3,000 articles was written as several small segments, each merged
    // again later. With 8 MiB a batch (at most 2 MiB of article text) is one
    // segment: c10k -3.5 % instructions (docs/store.md, Round (9)). Only when
    // pending terms are written changes, never what a query finds. Stored
    // in the index's own config table, so every connection uses it.
    R"sql(
INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('hashsize', 8388608);
)sql",
};

long long user_version(Connection& db) { return db.scalar("PRAGMA user_version"); }

}  // namespace

int latest_schema_version() { return static_cast<int>(k_steps.size()); }

int migrate(Connection& db, int target) {
    if (target < 0) target = latest_schema_version();
    long long version = user_version(db);
    if (version > latest_schema_version())
        throw StoreError(fmt::format(
            "{}: schema version {} is newer than this dateline knows ({}); upgrade dateline",
            db.path(), version, latest_schema_version()));
    if (version >= target) return 0;
    if (version > 0) {
        // Keep the user's data safe from a failed upgrade: a consistent copy
        // first (VACUUM INTO reads one snapshot, so concurrent writers are fine).
        std::string backup = fmt::format("{}.v{}.bak", db.path(), version);
        if (!std::filesystem::exists(backup)) {
            Statement vacuum(db, "VACUUM INTO ?");
            vacuum.bind(1, backup).run();
        }
    }
    Transaction tx(db);
    // Another process may have migrated while we waited for the write lock.
    version = user_version(db);
    for (long long step = version; step < target; ++step)
        db.exec(k_steps[static_cast<std::size_t>(step)]);
    if (version < target) db.exec(fmt::format("PRAGMA user_version = {}", target));
    tx.commit();
    return version < target ? static_cast<int>(version) : 0;
}

}  // namespace dateline::sqlite
