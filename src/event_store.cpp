// EventStore: ingest with idempotence and merging, timeline queries, statistics over SQLite.
#include "dateline/event_store.hpp"

#include "dateline/error.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_schema.hpp"
#include "sqlite_statement.hpp"
#include "sqlite_transaction.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace dateline {

using nlohmann::json;
using sqlite::Statement;

namespace {

constexpr int k_busy_timeout_ms = 60'000;

std::optional<Date> parse_day(const std::optional<std::string>& text) {
    if (!text || text->size() != 10) return std::nullopt;
    try {
        return Date(std::stoi(text->substr(0, 4)), std::stoi(text->substr(5, 2)), std::stoi(text->substr(8, 2)));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// parse_day() without a copy, for the ISO days the store writes ("2023-02-23");
// anything else takes parse_day()'s way, so the result is always the same.
std::optional<Date> parse_day(std::string_view text) {
    auto digits = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (y >= 1400 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
            d <= boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                           static_cast<unsigned short>(m)))
            return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
    }
    return parse_day(std::optional<std::string>(std::string(text)));
}

DateSource date_source_from(std::string_view s) {
    if (s == "published") return DateSource::published;
    if (s == "unresolved") return DateSource::unresolved;
    return DateSource::text;
}

std::string now_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

bool is_coarse(Precision p) { return p > Precision::month; }

// Events wider than this are few (decades, open ends) and found by their own
// index; the others by a range on `earliest` widened by this many days.
constexpr int k_narrow_days = 366;

bool is_wide(const Event& e) {
    if (!e.when || e.date_source == DateSource::unresolved) return false;
    const Span& w = *e.when;
    return w.open_start || w.open_end || (w.latest - w.earliest).days() > k_narrow_days;
}

bool same_days(const Span& a, const Span& b) {
    return a.earliest == b.earliest && a.latest == b.latest && a.open_start == b.open_start &&
           a.open_end == b.open_end;
}

bool contains(const Span& outer, const Span& inner) {
    return outer.earliest <= inner.earliest && inner.latest <= outer.latest;
}

// Two spans may date one event when they are the same days, or when one nests
// in the other and the coarser is at most a month: a year is too wide to say
// that two reports tell of one fact unless both give only the year.
bool compatible_spans(const Span& a, const Span& b) {
    if (same_days(a, b)) return true;
    if (a.open_start || a.open_end || b.open_start || b.open_end) return false;
    if (a.precision == b.precision) return false;
    const Span& coarse = a.precision > b.precision ? a : b;
    const Span& fine = a.precision > b.precision ? b : a;
    return !is_coarse(coarse.precision) && contains(coarse, fine);
}

// A finer span (or the same precision and a narrower interval) wins the canonical place.
bool finer(const Span& a, const Span& b) {
    if (a.precision != b.precision) return a.precision < b.precision;
    return (a.latest - a.earliest).days() < (b.latest - b.earliest).days();
}

// The JSON of a mention's actors and places, written by hand: building
// nlohmann values and dumping them was a fifth of the store's time. The text is
// byte for byte what nlohmann's dump() gives (keys sorted, as its std::map
// holds them; strings and numbers through nlohmann whenever they need more
// than plain ASCII), so stores written before and after compare equal.
void append_json_string(std::string& out, const std::string& text) {
    for (unsigned char c : text) {
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
            // Escapes and UTF-8 (checked, and refused as nlohmann refuses it): its own writer.
            out += json(text).dump();
            return;
        }
    }
    out += '"';
    out += text;
    out += '"';
}

// Coordinates are few (they come from the gazetteers): each value is written
// by nlohmann once and remembered, so the number text stays nlohmann's.
class NumberTexts {
public:
    const std::string& text(double value) {
        std::uint64_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        if (auto it = m_texts.find(bits); it != m_texts.end()) return it->second;
        if (m_texts.size() >= k_max) m_texts.clear();  // a bound, for gazetteers of any size
        return m_texts.emplace(bits, json(value).dump()).first->second;
    }

private:
    static constexpr std::size_t k_max = 65'536;
    std::unordered_map<std::uint64_t, std::string> m_texts;
};

void actors_json(std::string& out, const std::vector<ActorRef>& actors) {
    out.clear();
    out += '[';
    for (const auto& a : actors) {
        if (out.size() > 1) out += ',';
        out += "{\"name\":";
        append_json_string(out, a.name);
        out += ",\"qualifier\":";
        append_json_string(out, a.qualifier);
        out += ",\"role\":";
        append_json_string(out, a.role);
        out += ",\"surface\":";
        append_json_string(out, a.surface);
        out += '}';
    }
    out += ']';
}

void places_json(std::string& out, const std::vector<PlaceRef>& places, NumberTexts& numbers) {
    out.clear();
    out += '[';
    for (const auto& p : places) {
        if (out.size() > 1) out += ',';
        out += "{\"lat\":";
        out += p.lat ? numbers.text(*p.lat) : std::string("null");
        out += ",\"lon\":";
        out += p.lon ? numbers.text(*p.lon) : std::string("null");
        out += ",\"name\":";
        append_json_string(out, p.name);
        out += ",\"surface\":";
        append_json_string(out, p.surface);
        out += '}';
    }
    out += ']';
}

// Reads back exactly what actors_json and places_json write, without a
// tree: strings with no escape, keys in their order, numbers as nlohmann
// wrote them. Anything else (an escape, a store written otherwise) makes it
// give up, and the caller parses the text with nlohmann. Parsing every
// loaded mention's two lists with nlohmann was 29 % of a whole export.
class WrittenJson {
public:
    explicit WrittenJson(std::string_view text) : m_s(text) {}

    bool literal(std::string_view t) {
        if (m_s.substr(m_i, t.size()) != t) return false;
        m_i += t.size();
        return true;
    }
    bool string(std::string& out) {
        if (m_i >= m_s.size() || m_s[m_i] != '"') return false;
        const std::size_t close = m_s.find_first_of("\"\\", m_i + 1);
        if (close == std::string_view::npos || m_s[close] != '"') return false;
        out.assign(m_s.data() + m_i + 1, close - m_i - 1);
        m_i = close + 1;
        return true;
    }
    bool number(std::optional<double>& out) {
        if (literal("null")) {
            out.reset();
            return true;
        }
        double v = 0;
        const auto [end, ec] = std::from_chars(m_s.data() + m_i, m_s.data() + m_s.size(), v);
        if (ec != std::errc()) return false;
        out = v;
        m_i = static_cast<std::size_t>(end - m_s.data());
        return true;
    }
    // "[" then items (each read by `item`) separated by "," then "]", and nothing after.
    template <typename Item>
    bool list(Item item) {
        if (!literal("[")) return false;
        if (!literal("]")) {
            do {
                if (!item()) return false;
            } while (literal(","));
            if (!literal("]")) return false;
        }
        return m_i == m_s.size();
    }

private:
    std::string_view m_s;
    std::size_t m_i = 0;
};

std::vector<ActorRef> actors_from(const std::string& text) {
    std::vector<ActorRef> out;
    WrittenJson r(text);
    const bool read = r.list([&] {
        ActorRef& a = out.emplace_back();
        return r.literal("{\"name\":") && r.string(a.name) && r.literal(",\"qualifier\":") &&
               r.string(a.qualifier) && r.literal(",\"role\":") && r.string(a.role) &&
               r.literal(",\"surface\":") && r.string(a.surface) && r.literal("}");
    });
    if (read) return out;
    out.clear();
    for (const auto& j : json::parse(text)) {
        ActorRef a;
        a.name = j.value("name", "");
        a.role = j.value("role", "");
        a.surface = j.value("surface", "");
        a.qualifier = j.value("qualifier", "");
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<PlaceRef> places_from(const std::string& text) {
    std::vector<PlaceRef> out;
    WrittenJson r(text);
    const bool read = r.list([&] {
        PlaceRef& p = out.emplace_back();
        return r.literal("{\"lat\":") && r.number(p.lat) && r.literal(",\"lon\":") && r.number(p.lon) &&
               r.literal(",\"name\":") && r.string(p.name) && r.literal(",\"surface\":") && r.string(p.surface) &&
               r.literal("}");
    });
    if (read) return out;
    out.clear();
    for (const auto& j : json::parse(text)) {
        PlaceRef p;
        p.name = j.value("name", "");
        p.surface = j.value("surface", "");
        if (j.contains("lat") && j["lat"].is_number()) p.lat = j["lat"].get<double>();
        if (j.contains("lon") && j["lon"].is_number()) p.lon = j["lon"].get<double>();
        out.push_back(std::move(p));
    }
    return out;
}

// The full-text hits of a `--query`, read once: the sorted rowids of the
// texts that match. A walk of a rank index tests each event's mentions
// against them with dateline_fts_hit(?N, fts_key), ?N bound to this list as
// a pointer, instead of SQLite building a b-tree of every hit for the `IN`
// (1,300 instructions a hit: 123 M of the 691 M of `--query ceasefire
// --limit 1000 --rank sources` on a million events).
constexpr const char* k_fts_hits_type = "dateline_fts_hits";
struct FtsHits {
    std::vector<long long> rowids;
    int param = 0;  // ?N of the pointer, 0 when no statement uses it
};

bool fts_hit(const void* object, long long key) {
    const auto& rowids = static_cast<const FtsHits*>(object)->rowids;
    return std::binary_search(rowids.begin(), rowids.end(), key);
}

void register_fts_hit(sqlite::Connection& db) {
    db.create_pointer_predicate("dateline_fts_hit", k_fts_hits_type, fts_hit);
}

// Turns analyst text into an FTS5 query that cannot be a syntax error: every
// word becomes a quoted phrase (all must match). Words are split as FTS5's own
// tokenizer would see them anyway.
std::string fts_query(std::string_view text) {
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!out.empty()) out += ' ';
        out += '"';
        for (char c : word) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n') flush();
        else word += c;
    }
    flush();
    return out;
}

// Whether every word of `headline` is a word of `sentence` for FTS5, so
// that indexing the headline beside its sentence adds nothing to what
// `--query` finds (schema step 9): the headline is a run of the sentence's
// bytes (ASCII letters in either case: the tokenizer folds them) that begins
// and ends where a word does, at an ASCII character that is neither a letter
// nor a digit or at an end of the sentence. Anything else (a first letter
// made upper case outside ASCII, quotes taken off inside) is indexed as
// before.
bool headline_in_sentence(std::string_view headline, std::string_view sentence) {
    if (headline.empty()) return true;
    if (headline.size() > sentence.size()) return false;
    auto fold = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; };
    auto edge = [](unsigned char c) { return c < 0x80 && !std::isalnum(c); };
    for (std::size_t at = 0; at + headline.size() <= sentence.size(); ++at) {
        if (at > 0 && !edge(static_cast<unsigned char>(sentence[at - 1]))) continue;
        const std::size_t end = at + headline.size();
        if (end < sentence.size() && !edge(static_cast<unsigned char>(sentence[end]))) continue;
        if (fold(static_cast<unsigned char>(headline[0])) != fold(static_cast<unsigned char>(sentence[at]))) continue;
        // Mostly the same bytes but for the first letter: compared whole first, letter by letter only when not.
        if (std::memcmp(headline.data() + 1, sentence.data() + at + 1, headline.size() - 1) == 0) return true;
        bool same = true;
        for (std::size_t i = 1; i < headline.size() && same; ++i)
            same = fold(static_cast<unsigned char>(headline[i])) == fold(static_cast<unsigned char>(sentence[at + i]));
        if (same) return true;
    }
    return false;
}

// The columns that describe a span, in the order both events and mentions use.
constexpr const char* k_span_columns =
    "date_source, edtf, earliest, latest, precision, open_start, open_end, approximate, uncertain";

}  // namespace

struct EventStore::Impl {
    std::filesystem::path path;
    sqlite::Connection db;
    int upgraded_from;  // set up (and upgraded) before the statements below are prepared against the schema
    std::optional<sqlite::Transaction> tx;
    // Row keys of actors and places seen in this connection. Only valid while
    // what inserted them is committed, so a rollback clears them.
    std::unordered_map<std::string, long long> actor_keys;
    std::unordered_map<std::string, long long> place_keys;
    std::unordered_set<std::string> aliases_seen;
    // The slots of mention keys (schema step 9) given out in the open
    // transaction, [first_slot, next_slot): each after every slot in the
    // store, so their mentions are the ones not yet in mentions_fts
    // (indexed at commit, one range of keys). Read when first needed in a
    // transaction (under the write lock).
    std::optional<long long> first_slot, next_slot;
    // The article being ingested: the key of its next mention ((slot << 20)
    // | the mention's number in the article), and the texts its mentions
    // have put in the full-text index so far ((headline, sentence) -> the key
    // of the mention that holds them).
    long long mention_next = 0, mention_end = 0;
    std::vector<std::pair<std::pair<std::string_view, std::string_view>, long long>> article_texts;
    std::string actors_text, places_text;  // a mention's actors and places as JSON (buffers kept)
    NumberTexts numbers;

    Statement article_by_id;
    Statement article_by_hash;
    Statement insert_article;
    Statement update_article;
    Statement events_of_article;
    Statement delete_mentions_of_article;
    Statement load_bucket;
    Statement canonical_links;   // a cached event's canonical actors and places, read when first needed
    Statement sources_of_event;
    Statement counts_of_event;
    Statement data_version;
    Statement max_event_key;
    Statement candidates;  // the merge probe without the cache (a store larger than it)
    Statement event_id_exists;
    Statement insert_event;
    Statement insert_mention;
    Statement set_primary;
    Statement merge_counts;  // recounts from all mentions (after a removal)
    // Counts one more mention in (after a merge that changes them), one
    // statement per set of counts that change (bit 1: a new source, 2: a
    // higher confidence, 4: an earlier report): an UPDATE rewrites the
    // entries of every index that holds a column it sets, and the rank
    // indexes hold source_count and confidence.
    std::array<std::unique_ptr<Statement>, 8> merge_counts_changed;
    // The counts of cached events that merges of the open transaction
    // changed, written once per event before COMMIT (and before anything
    // that reads them from the rows: a replacement) instead of once per
    // merged mention. `changed`: the bits above, OR-ed; the values are the
    // event's, whole.
    struct PendingCounts {
        int changed = 0;
        long long source_count = 0;
        double confidence = 0;
        std::optional<std::string> first_reported;
    };
    std::unordered_map<long long, PendingCounts> pending_counts;
    Statement merge_one_probe;  // the same without the cache: is the source new
    Statement find_actor;
    Statement insert_actor;
    Statement insert_actor_alias;
    Statement find_place;
    Statement insert_place;
    Statement insert_place_alias;
    Statement link_actor;
    Statement link_place;
    Statement unlink_actor;
    Statement unlink_place;
    Statement mentions_of_event;
    Statement delete_event;
    Statement load_mentions;
    Statement place_coords;
    Statement fts_index;
    Statement fts_unindex;

    explicit Impl(const std::filesystem::path& p, bool read_only)
        : path(p),
          db(p, read_only),
          upgraded_from(configure(db)),
          article_by_id(db, "SELECT key, hash, slot FROM articles WHERE id = ?"),
          article_by_hash(db, "SELECT key FROM articles WHERE hash = ? LIMIT 1"),
          insert_article(db,
                         "INSERT INTO articles (id, hash, url, title, source, source_key, published, "
                         "language, text, ingested_at, slot) VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
          update_article(db,
                         "UPDATE articles SET hash=?2, url=?3, title=?4, source=?5, source_key=?6, "
                         "published=?7, language=?8, text=?9, ingested_at=?10, slot=?11 WHERE key=?1"),
          events_of_article(db, "SELECT event, actors, places FROM mentions WHERE key BETWEEN ?1 AND ?2"),
          delete_mentions_of_article(db, "DELETE FROM mentions WHERE key BETWEEN ?1 AND ?2"),
          // One bucket of merge candidates (see Bucket): every event of a type,
          // date source and status that begins in one month, with its span,
          // from the index alone (schema step 7); its links, and its sources
          // and counts, are read when a probe first needs them.
          load_bucket(db,
                      "SELECT key, earliest, latest, precision, open_start, open_end "
                      "FROM events e INDEXED BY events_for_merge "
                      "WHERE type = ?1 AND date_source = ?2 AND status = ?3 AND earliest BETWEEN ?4 AND ?5"),
          // The event's canonical actors and places, as keys (schema step 10).
          canonical_links(db, "SELECT canon_actors, canon_places FROM events WHERE key = ?"),
          sources_of_event(db, "SELECT source_key FROM mentions WHERE event = ?"),
          counts_of_event(db, "SELECT confidence, first_reported FROM events WHERE key = ?"),
          data_version(db, "PRAGMA data_version"),
          max_event_key(db, "SELECT coalesce(max(key), 0) FROM events"),
          // Two ranges (schema step 5): events that begin within the mention's
          // days (any precision), and weeks or months that begin in the 31 days
          // before it and may contain it (?7, ?8: 1 when a week, a month may
          // contain the mention: coarser than it, and at most a month). Nothing
          // else can pass compatible_spans(). One range per precision, written
          // out so that the partial index applies ("IN (?, ?)" also built a
          // temporary table on every run).
          // (Each candidate's canonical actors and places come with it, from
          // the same index: schema step 10.)
          candidates(db, fmt::format("SELECT {0} FROM events e INDEXED BY events_for_merge "
                                     "WHERE type = ?1 AND date_source = ?2 AND status = ?5 "
                                     "AND earliest BETWEEN ?6 AND ?4 AND latest >= ?6 "
                                     "UNION ALL "
                                     "SELECT {0} FROM events e INDEXED BY events_merge_coarser "
                                     "WHERE ?7 AND type = ?1 AND date_source = ?2 AND status = ?5 AND precision = 'week' "
                                     "AND earliest >= ?3 AND earliest < ?6 AND latest >= ?4 "
                                     "UNION ALL "
                                     "SELECT {0} FROM events e INDEXED BY events_merge_coarser "
                                     "WHERE ?8 AND type = ?1 AND date_source = ?2 AND status = ?5 AND precision = 'month' "
                                     "AND earliest >= ?3 AND earliest < ?6 AND latest >= ?4",
                                     "key, earliest, latest, precision, open_start, open_end, canon_actors, "
                                     "canon_places")),
          event_id_exists(db, "SELECT 1 FROM events WHERE id = ?"),
          insert_event(db, fmt::format("INSERT INTO events (id, type, cameo, {}, upper, timex_value, headline, "
                                       "confidence, status, first_reported, wide, primary_mention, canon_actors, "
                                       "canon_places, source_count) "
                                       "VALUES (?,?,?, ?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?,1) "
                                       "ON CONFLICT (id) DO NOTHING",
                                       k_span_columns)),
          insert_mention(db, fmt::format("INSERT INTO mentions (event, fts_key, id, type, cameo, {}, timex_value, "
                                         "headline, confidence, status, sentence, begin, end, timex, actors, "
                                         "places, source_key, key, fts_headline, article) "
                                         "VALUES (?,?,?,?,?, ?,?,?,?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                         k_span_columns)),
          set_primary(db,
                      "UPDATE events SET (cameo, date_source, edtf, earliest, latest, precision, open_start, "
                      "open_end, approximate, uncertain, upper, timex_value, headline, status, primary_mention, wide) = "
                      "(SELECT cameo, date_source, edtf, earliest, latest, precision, open_start, open_end, "
                      "approximate, uncertain, CASE WHEN open_end THEN '9999-12-31' ELSE latest END, "
                      "timex_value, headline, status, key, "
                      "open_start OR open_end OR julianday(latest) - julianday(earliest) > 366 "
                      "FROM mentions WHERE key = ?2), canon_actors = ?3, canon_places = ?4 WHERE key = ?1"),
          merge_counts(db,
                       "UPDATE events SET (source_count, confidence, first_reported) = "
                       "(SELECT count(DISTINCT m.source_key), max(m.confidence), min(a.published) "
                       "FROM mentions m JOIN articles a ON a.key = m.article WHERE m.event = ?1) WHERE key = ?1"),
          merge_one_probe(db,
                          "UPDATE events SET source_count = source_count + NOT EXISTS "
                          "(SELECT 1 FROM mentions WHERE event = ?1 AND source_key = ?2 AND key <> ?3), "
                          "confidence = max(confidence, ?4), "
                          "first_reported = CASE WHEN first_reported IS NULL OR ?5 < first_reported "
                          "THEN coalesce(?5, first_reported) ELSE first_reported END WHERE key = ?1"),
          find_actor(db, "SELECT key FROM actors WHERE name = ?"),
          insert_actor(db, "INSERT INTO actors (name) VALUES (?)"),
          insert_actor_alias(db, "INSERT OR IGNORE INTO actor_aliases (actor, alias) VALUES (?, ?)"),
          find_place(db, "SELECT key FROM places WHERE name = ?"),
          insert_place(db, "INSERT INTO places (name, lat, lon) VALUES (?, ?, ?)"),
          insert_place_alias(db, "INSERT OR IGNORE INTO place_aliases (place, alias) VALUES (?, ?)"),
          link_actor(db, "INSERT INTO event_actors (actor, event) VALUES (?1, ?2) ON CONFLICT DO NOTHING"),
          link_place(db, "INSERT INTO event_places (place, event) VALUES (?1, ?2) ON CONFLICT DO NOTHING"),
          unlink_actor(db, "DELETE FROM event_actors WHERE actor = ?1 AND event = ?2"),
          unlink_place(db, "DELETE FROM event_places WHERE place = ?1 AND event = ?2"),
          mentions_of_event(db,
                            "SELECT key, earliest, latest, precision, open_start, open_end, actors, places "
                            "FROM mentions WHERE event = ? ORDER BY key"),
          delete_event(db, "DELETE FROM events WHERE key = ?"),
          load_mentions(db,
                        "SELECT m.key, a.id, m.sentence, m.begin, m.end, m.timex, a.url, a.source, a.published, "
                        "m.actors, m.places FROM mentions m JOIN articles a ON a.key = m.article "
                        "WHERE m.event = ? ORDER BY a.published IS NULL, a.published, a.id, m.begin, m.key"),
          place_coords(db, "SELECT lat, lon FROM places WHERE name = ?"),
          fts_index(db,
                    "INSERT INTO mentions_fts (rowid, headline, sentence) SELECT key, headline, sentence "
                    "FROM mentions_text WHERE key BETWEEN ?1 AND ?2"),
          fts_unindex(db,
                      "INSERT INTO mentions_fts (mentions_fts, rowid, headline, sentence) "
                      "SELECT 'delete', key, headline, sentence FROM mentions_text "
                      "WHERE key BETWEEN ?1 AND ?2") {}

    // The mentions of the article of slot s are the keys [first_mention(s), last_mention(s)] (schema step 9).
    static constexpr int k_mention_bits = 20;
    static long long first_mention(long long slot) { return slot << k_mention_bits; }
    static long long last_mention(long long slot) { return (slot << k_mention_bits) | ((1LL << k_mention_bits) - 1); }

    // A new slot for the mentions of an article, after every mention stored:
    // mention keys grow in the order mentions are written, as before schema
    // step 9 (the order rebuild_event() breaks ties in).
    long long new_slot() {
        if (!next_slot) {
            next_slot = (db.scalar("SELECT coalesce(max(key), 0) FROM mentions") >> k_mention_bits) + 1;
            first_slot = next_slot;
        }
        return (*next_slot)++;
    }

    // Forgets the slots of the transaction (at its end, or when it begins: others may have written).
    void forget_slots() {
        first_slot.reset();
        next_slot.reset();
    }

    /// Puts the mentions written in this transaction into the full-text
    /// index: the rows that hold a text (fts_key = key), in the one range of
    /// keys of the transaction's slots (a pending mention deleted again, its
    /// article replaced in the same batch, is simply gone from the range).
    void flush_fts() {
        if (first_slot && *next_slot > *first_slot)
            fts_index.bind(1, first_mention(*first_slot)).bind(2, last_mention(*next_slot - 1)).run();
        forget_slots();
    }

    /// Takes the mentions of an article's slot out of the full-text index
    /// before they are deleted; those written in this transaction are not
    /// in it yet.
    void unindex_article(long long slot) {
        if (first_slot && slot >= *first_slot) return;
        fts_unindex.bind(1, first_mention(slot)).bind(2, last_mention(slot)).run();
    }

    // Starts the mentions of an article, at its slot.
    void begin_article(long long slot) {
        mention_next = first_mention(slot);
        mention_end = last_mention(slot);
        article_texts.clear();
    }

    // The key of the mention that holds (headline, sentence) of the
    // article in the full-text index: an earlier one with the same text, or
    // `mention` itself.
    long long text_holder(const std::string& headline, const std::string& sentence, long long mention) {
        for (const auto& [text, key] : article_texts)
            if (text.second == sentence && text.first == headline) return key;
        // Views of the article's events, which outlive its ingest().
        article_texts.push_back({{headline, sentence}, mention});
        return mention;
    }

    static int configure(sqlite::Connection& db) {
        db.busy_timeout(k_busy_timeout_ms);
        register_fts_hit(db);
        if (db.read_only()) {
            // Nothing may be written: the schema must already be this version.
            const long long version = db.scalar("PRAGMA user_version");
            if (version > sqlite::latest_schema_version())
                throw StoreError(fmt::format(
                    "{}: schema version {} is newer than this dateline knows ({}); upgrade dateline",
                    db.path(), version, sqlite::latest_schema_version()));
            if (version < sqlite::latest_schema_version())
                throw StoreError(fmt::format(
                    "{}: schema version {} is older than this dateline's ({}) and the file is read-only; "
                    "make it writable once so that dateline can upgrade it",
                    db.path(), version, sqlite::latest_schema_version()));
            db.exec("PRAGMA foreign_keys = ON");
            db.exec("PRAGMA cache_size = -32768");
            db.exec("PRAGMA temp_store = MEMORY");
            return 0;
        }
        // WAL lets readers (export) run beside a writer (ingest); NORMAL sync
        // is durable against a killed process, the crash that matters here.
        db.use_wal();
        db.exec("PRAGMA synchronous = NORMAL");
        db.exec("PRAGMA foreign_keys = ON");
        // A 128 MB page cache keeps the indexes that merging probes and
        // inserts touch hot on a large store (the default is 2 MB; 32 MB made a
        // 500 MB store read a page from the file for most probes). A bound,
        // whatever the size of the store: peak RSS stays under 200 MB.
        db.exec("PRAGMA cache_size = -131072");
        // Checkpoint every 50,000 pages of WAL (~200 MB) instead of SQLite's
        // 1,000. A batch of a large ingest writes ~14,000 pages to the WAL
        // (the merge, rank, link and mention indexes are ordered by type,
        // date, actor or event, not by arrival, so most pages a batch touches
        // are touched once per entry), and the default checkpointed after
        // every batch, copying all of them into the database file again. A
        // checkpoint every three or four batches copies a page changed by
        // several of them once. Durability is the WAL's, whatever the
        // interval: a committed batch is in the WAL, which a process killed
        // afterwards leaves whole (see docs/store.md, Round (6)).
        db.exec("PRAGMA wal_autocheckpoint = 50000");
        // An upgrade sorts every mention (new keys, a new full-text index): its
        // temporary b-trees go to files, or the 8 -> 9 step of a million-event
        // store peaked at 881 MB. Ingest and queries keep theirs in memory.
        const int upgraded_from = sqlite::migrate(db);
        db.exec("PRAGMA temp_store = MEMORY");
        return upgraded_from;
    }

    void forget_caches() {
        forget_slots();
        pending_counts.clear();  // (rolled back)
        actor_keys.clear();
        place_keys.clear();
        aliases_seen.clear();
        forget_candidates();
    }

    long long actor_key(const ActorRef& a) {
        long long key;
        if (auto it = actor_keys.find(a.name); it != actor_keys.end()) {
            key = it->second;
        } else {
            find_actor.bind(1, a.name);
            if (find_actor.step()) {
                key = find_actor.column_int64(0);
                find_actor.reset();
            } else {
                insert_actor.bind(1, a.name).run();
                key = db.last_insert_rowid();
            }
            actor_keys.emplace(a.name, key);
        }
        if (!a.surface.empty() && a.surface != a.name &&
            aliases_seen.insert(fmt::format("a{}:{}", key, a.surface)).second)
            insert_actor_alias.bind(1, key).bind(2, a.surface).run();
        return key;
    }

    long long place_key(const PlaceRef& p) {
        long long key;
        if (auto it = place_keys.find(p.name); it != place_keys.end()) {
            key = it->second;
        } else {
            find_place.bind(1, p.name);
            if (find_place.step()) {
                key = find_place.column_int64(0);
                find_place.reset();
            } else {
                insert_place.bind(1, p.name).bind(2, p.lat).bind(3, p.lon).run();
                key = db.last_insert_rowid();
            }
            place_keys.emplace(p.name, key);
        }
        if (!p.surface.empty() && p.surface != p.name &&
            aliases_seen.insert(fmt::format("p{}:{}", key, p.surface)).second)
            insert_place_alias.bind(1, key).bind(2, p.surface).run();
        return key;
    }


    // Calls f(key, rest) for each record "key\x1Frest" of a text whose
    // records are joined by \x1E; records without a \x1F are skipped.
    template <class F>
    static void each_keyed_record(std::string_view text, F&& f) {
        std::size_t at = 0;
        while (at < text.size()) {
            std::size_t end = text.find('\x1e', at);
            if (end == std::string_view::npos) end = text.size();
            const std::size_t unit = text.find('\x1f', at);
            if (unit != std::string_view::npos && unit < end) {
                long long key = 0;
                for (std::size_t i = at; i < unit; ++i) key = key * 10 + (text[i] - '0');
                f(key, text.substr(unit + 1, end - unit - 1));
            }
            at = end + 1;
        }
    }


    // "3,17,5" (canon_places) as numbers.
    static std::vector<long long> key_list(const std::string& text) {
        std::vector<long long> out;
        long long value = 0;
        bool any = false;
        for (char c : text) {
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                any = true;
            } else if (any) {
                out.push_back(value);
                value = 0;
                any = false;
            }
        }
        if (any) out.push_back(value);
        return out;
    }

    // "3\x1Fagent\x1E5\x1Ftarget" (canon_actors) as pairs.
    static std::vector<std::pair<long long, std::string>> actor_role_list(const std::string& text) {
        std::vector<std::pair<long long, std::string>> out;
        each_keyed_record(text, [&](long long key, std::string_view role) { out.emplace_back(key, std::string(role)); });
        return out;
    }

    // An event's canonical links as its row and the merge indexes hold them
    // (schema step 10), so that a probe reads a candidate's links with its
    // span from the index alone: "actor\x1Frole" records joined by \x1E, and
    // place keys joined by commas, each link once, in the order its
    // canonical mention names them. `create`: actors and places not stored
    // yet are added (a new mention); else they are only looked up (a rebuild,
    // whose mentions' names are stored).
    std::string canon_actors_text, canon_places_text;
    static void append_number(std::string& out, long long n) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        out.append(digits, end);
    }
    std::vector<std::pair<long long, std::string_view>> canon_actor_seen;
    std::vector<long long> canon_place_seen;
    void canon_links(const std::vector<ActorRef>& actors, const std::vector<PlaceRef>& places, bool create) {
        canon_actors_text.clear();
        canon_places_text.clear();
        canon_actor_seen.clear();
        canon_place_seen.clear();
        for (const auto& a : actors) {
            // (Its aliases are written by link(), as before.)
            std::optional<long long> key;
            if (auto it = actor_keys.find(a.name); it != actor_keys.end()) key = it->second;
            else key = create ? actor_key(a) : known_key(actor_keys, find_actor, a.name);
            if (!key) continue;
            const std::pair<long long, std::string_view> link{*key, a.role};
            if (std::find(canon_actor_seen.begin(), canon_actor_seen.end(), link) != canon_actor_seen.end())
                continue;
            canon_actor_seen.push_back(link);
            if (!canon_actors_text.empty()) canon_actors_text += '\x1e';
            append_number(canon_actors_text, *key);
            canon_actors_text += '\x1f';
            canon_actors_text += a.role;
        }
        for (const auto& p : places) {
            std::optional<long long> key;
            if (auto it = place_keys.find(p.name); it != place_keys.end()) key = it->second;
            else key = create ? place_key(p) : known_key(place_keys, find_place, p.name);
            if (!key) continue;
            if (std::find(canon_place_seen.begin(), canon_place_seen.end(), *key) != canon_place_seen.end()) continue;
            canon_place_seen.push_back(*key);
            if (!canon_places_text.empty()) canon_places_text += ',';
            append_number(canon_places_text, *key);
        }
    }

    // A stored event a mention may join, with the span its canonical mention
    // gave it, the actors and places that mention names, and the links the
    // event is known to have.
    struct Match {
        long long key = 0;
        Span span;
        std::vector<std::pair<long long, std::string>> actors;  // canonical (actor, role), as its canonical mention names them
        std::vector<long long> places;                          // canonical places
        // Actors and places the event is linked to besides the canonical
        // ones (schema step 11: one row (actor, event) whatever the roles):
        // those written since it was cached. A link listed in neither may
        // exist (read from the store, only the canonical ones are known);
        // its upsert changes nothing then.
        std::vector<long long> other_actors;
        std::vector<long long> other_places;
        // What a merge may change: the distinct source keys of its mentions,
        // the highest confidence, the earliest publication date.
        std::vector<std::string> sources;
        double confidence = 0;
        std::optional<std::string> first_reported;
        // An event read from the store into a bucket has its span; its
        // canonical actors and places when a probe finds its span compatible, its sources, confidence and
        // first report when a mention merges into it (most events of a bucket
        // need neither).
        bool links_loaded = true;
        bool sources_loaded = true;
    };

    // Links an event to the actors and places a mention of it names
    // (schema step 11: one row per actor or place and event). `known` lists
    // the links the event is known to have (see Match) and is kept in step:
    // a link it lists is not written again. With `canonical`, the mention is
    // the event's canonical one: its actors and places become `known`'s
    // canonical lists.
    void link(long long event, const std::vector<ActorRef>& actors, const std::vector<PlaceRef>& places,
              Match& known, bool canonical) {
        auto listed = [](const std::vector<long long>& keys, long long key) {
            return std::find(keys.begin(), keys.end(), key) != keys.end();
        };
        if (canonical) {
            // The links of the old canonical mention stay, as other links.
            for (const auto& link : known.actors)
                if (!listed(known.other_actors, link.first)) known.other_actors.push_back(link.first);
            for (long long place : known.places)
                if (!listed(known.other_places, place)) known.other_places.push_back(place);
            known.actors.clear();
            known.places.clear();
        }
        for (const auto& a : actors) {
            const long long actor = actor_key(a);
            const bool linked = listed(known.other_actors, actor) ||
                                std::any_of(known.actors.begin(), known.actors.end(),
                                            [&](const auto& link) { return link.first == actor; });
            if (canonical) {
                add_canonical_actor(known, actor, a.role);
                std::erase(known.other_actors, actor);
            } else if (!linked) {
                known.other_actors.push_back(actor);
            }
            if (!linked) link_actor.bind(1, actor).bind(2, event).run();
        }
        for (const auto& p : places) {
            const long long place = place_key(p);
            const bool linked = listed(known.other_places, place) || listed(known.places, place);
            if (canonical) {
                if (!listed(known.places, place)) known.places.push_back(place);
                std::erase(known.other_places, place);
            } else if (!linked) {
                known.other_places.push_back(place);
            }
            if (!linked) link_place.bind(1, place).bind(2, event).run();
        }
    }

    // Adds (actor, role) to an event's canonical list unless listed: the
    // list holds distinct pairs, as the links by (event, actor, role) did
    // until schema step 11 (a shared actor counts once per role).
    static void add_canonical_actor(Match& m, long long actor, const std::string& role) {
        for (const auto& link : m.actors)
            if (link.first == actor && link.second == role) return;
        m.actors.emplace_back(actor, role);
    }

    // A mention's span as the text its columns hold: made once, bound
    // without a copy into both the event and the mention row.
    struct SpanText {
        bool dated = false;
        std::string edtf, earliest, latest;
        void set(const Event& e) {
            dated = e.when && e.date_source != DateSource::unresolved;
            if (!dated) return;
            edtf = e.when->edtf();
            earliest = iso(e.when->earliest);
            latest = iso(e.when->latest);
        }
    };
    SpanText span_text;

    // Binds the nine span columns starting at `at` (`text`: the span of `e`).
    static void bind_span(Statement& s, int at, const Event& e, const SpanText& text) {
        s.bind_static(at, to_string(text.dated ? e.date_source : DateSource::unresolved));
        if (text.dated) {
            const Span& w = *e.when;
            s.bind_static(at + 1, text.edtf).bind_static(at + 2, text.earliest).bind_static(at + 3, text.latest);
            s.bind_static(at + 4, to_string(w.precision)).bind(at + 5, w.open_start ? 1 : 0);
            s.bind(at + 6, w.open_end ? 1 : 0).bind(at + 7, w.approximate ? 1 : 0).bind(at + 8, w.uncertain ? 1 : 0);
        } else {
            for (int i = 1; i <= 4; ++i) s.bind_null(at + i);
            for (int i = 5; i <= 8; ++i) s.bind(at + i, 0);
        }
    }

    // Reads the nine span columns starting at `at`; nullopt when unresolved.
    static std::optional<Span> read_span(const Statement& s, int at) {
        if (s.column_is_null(at + 2)) return std::nullopt;
        auto earliest = parse_day(s.column_view(at + 2));
        auto latest = parse_day(s.column_view(at + 3));
        auto precision = precision_from_string(s.column_view(at + 4));
        if (!earliest || !latest || !precision) return std::nullopt;
        Span w;
        w.earliest = *earliest;
        w.latest = *latest;
        w.precision = *precision;
        w.open_start = s.column_int(at + 5) != 0;
        w.open_end = s.column_int(at + 6) != 0;
        w.approximate = s.column_int(at + 7) != 0;
        w.uncertain = s.column_int(at + 8) != 0;
        return w;
    }

    // A short span read from (earliest, latest, precision, open_start, open_end) at `at`.
    static Span read_short_span(const Statement& s, int at) {
        Span w;
        w.earliest = *parse_day(s.column_view(at));
        w.latest = *parse_day(s.column_view(at + 1));
        w.precision = precision_from_string(s.column_view(at + 2)).value_or(Precision::day);
        w.open_start = s.column_int(at + 3) != 0;
        w.open_end = s.column_int(at + 4) != 0;
        return w;
    }

    // The row key of a stored actor or place, without creating one.
    static std::optional<long long> known_key(std::unordered_map<std::string, long long>& cache, Statement& find,
                                              const std::string& name) {
        if (auto it = cache.find(name); it != cache.end()) return it->second;
        find.bind(1, name);
        if (!find.step()) return std::nullopt;
        long long key = find.column_int64(0);
        find.reset();
        cache.emplace(name, key);
        return key;
    }

    // The merge candidates, cached across batches (see docs/store.md): the
    // events of one (type, date source, status) that begin in one calendar
    // month, loaded from the store by one statement the first time a probe
    // needs them, then kept in step with every write this connection makes.
    // A bucket holds all such events or is absent, so a probe that finds no
    // candidate in it needs no statement. Trusted only while no other
    // connection has written (PRAGMA data_version, checked when a transaction
    // begins); cleared on rollback and when an article is replaced (events are
    // rebuilt then); least recently used buckets are dropped past
    // max_cached_events, so memory stays bounded whatever the store's size.
    struct Bucket {
        std::vector<Match> events;
        // Each event's first day (day number) and key, in the order of
        // `events`: a probe scans these 16 bytes per event, and touches an
        // event itself only when it begins in the probe's days (a bucket of
        // a large store holds hundreds of events, each some 200 bytes).
        struct Entry {
            std::uint32_t first;
            Precision precision;
            long long key;
        };
        std::vector<Entry> index;
        void add(Match&& m) {
            index.push_back({static_cast<std::uint32_t>(m.span.earliest.day_number()), m.span.precision, m.key});
            events.push_back(std::move(m));
        }
        std::uint64_t used = 0;  // the transaction that last read it
    };
    // 200,000 events (about 90 MB) unless DATELINE_MERGE_CACHE_EVENTS says
    // otherwise (0: never cache), which the tests use to run the store's suite
    // on the uncached path.
    static constexpr std::size_t k_default_cache_events = 200'000;
    static std::size_t cache_limit() {
        const char* v = std::getenv("DATELINE_MERGE_CACHE_EVENTS");
        if (!v || !*v) return k_default_cache_events;
        char* end = nullptr;
        const unsigned long long n = std::strtoull(v, &end, 10);
        return *end == '\0' ? static_cast<std::size_t>(n) : k_default_cache_events;
    }
    const std::size_t max_cached_events = cache_limit();
    std::unordered_map<std::uint64_t, Bucket> buckets;
    std::size_t cached_events = 0;
    std::uint64_t transactions = 0;
    std::optional<long long> seen_data_version;
    bool use_cache = true;  // false while the store has more events than the cache may hold
    // The event types seen, numbered for the buckets' keys (a short list:
    // the types of data/event_types).
    std::vector<std::string> bucket_types;

    static int month_index(Date d) { return static_cast<int>(d.year()) * 12 + static_cast<int>(d.month()) - 1; }

    // A bucket's key: (type, date source, status, month) as one integer,
    // not a text built per probe (Round (9) of docs/store.md).
    std::uint64_t bucket_key(std::string_view type, DateSource date_source, EventStatus status, int month) {
        std::size_t t = 0;
        while (t < bucket_types.size() && bucket_types[t] != type) ++t;
        if (t == bucket_types.size()) bucket_types.emplace_back(type);
        return (static_cast<std::uint64_t>(t) << 32) | (static_cast<std::uint64_t>(date_source) << 28) |
               (static_cast<std::uint64_t>(status) << 24) | static_cast<std::uint32_t>(month);
    }

    long long db_max_event_key() {
        const long long key = max_event_key.step() ? max_event_key.column_int64(0) : 0;
        max_event_key.reset();
        return key;
    }

    void forget_candidates() {
        buckets.clear();
        cached_events = 0;
    }

    // Called once the write lock is held: drops the cache when another
    // connection committed since this one last looked, and trims it.
    void begin_transaction() {
        ++transactions;
        const long long version = data_version.step() ? data_version.column_int64(0) : 0;
        data_version.reset();
        if (seen_data_version != version) {
            forget_candidates();
            seen_data_version = version;
        }
        // A store of more events than the cache holds, with dates all over,
        // would have it load and drop buckets batch after batch (a bucket
        // load costs as much as a hundred probes): such a store is probed by
        // a statement per mention. The largest key bounds the count.
        use_cache = max_cached_events > 0 && db_max_event_key() <= static_cast<long long>(max_cached_events);
        if (!use_cache) {
            forget_candidates();
            return;
        }
        if (cached_events <= max_cached_events) return;
        std::vector<std::pair<std::uint64_t, std::unordered_map<std::uint64_t, Bucket>::iterator>> order;
        for (auto it = buckets.begin(); it != buckets.end(); ++it) order.emplace_back(it->second.used, it);
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [used, it] : order) {
            if (cached_events <= max_cached_events / 2) break;
            cached_events -= it->second.events.size();
            buckets.erase(it);
        }
    }

    // The bucket of candidates, loaded from the store when absent.
    Bucket& bucket(std::string_view type, DateSource source, EventStatus state, int month) {
        auto [it, added] = buckets.try_emplace(bucket_key(type, source, state, month));
        Bucket& b = it->second;
        b.used = transactions;
        if (!added) return b;
        try {
            const int year = month / 12, month_of_year = month % 12 + 1;
            load_bucket.bind_static(1, type).bind_static(2, to_string(source)).bind_static(3, to_string(state));
            load_bucket.bind(4, fmt::format("{:04d}-{:02d}-01", year, month_of_year));
            load_bucket.bind(5, fmt::format("{:04d}-{:02d}-31", year, month_of_year));
            while (load_bucket.step()) {
                Match m;
                m.key = load_bucket.column_int64(0);
                m.span = read_short_span(load_bucket, 1);
                m.links_loaded = m.sources_loaded = false;
                b.add(std::move(m));
            }
        } catch (...) {
            buckets.erase(it);
            throw;
        }
        cached_events += b.events.size();
        return b;
    }

    // Reads the canonical actors and places of a stored event: the ones its
    // canonical mention names, as keys in its row (schema step 10).
    void load_links(Match& m) {
        canonical_links.bind(1, m.key);
        if (canonical_links.step()) {
            m.actors = actor_role_list(canonical_links.column_text(0));
            m.places = key_list(canonical_links.column_text(1));
            canonical_links.reset();
        }
        m.links_loaded = true;
    }

    // Reads the distinct source keys of an event's mentions (before a new
    // one is added), its confidence and its first report.
    void load_sources(Match& m) {
        counts_of_event.bind(1, m.key);
        if (counts_of_event.step()) {
            m.confidence = counts_of_event.column_double(0);
            m.first_reported = counts_of_event.column_optional_text(1);
            counts_of_event.reset();
        }
        // Counts a merge of this transaction changed and has not written yet.
        if (auto it = pending_counts.find(m.key); it != pending_counts.end()) {
            m.confidence = it->second.confidence;
            m.first_reported = it->second.first_reported;
        }
        sources_of_event.bind(1, m.key);
        while (sources_of_event.step()) {
            std::string source = sources_of_event.column_text(0);
            if (std::find(m.sources.begin(), m.sources.end(), source) == m.sources.end())
                m.sources.push_back(std::move(source));
        }
        m.sources_loaded = true;
    }

    // The cached entry of a stored event whose canonical span is `span`; null when its bucket is not loaded.
    Match* cached_event(const Event& e, const Span& span, long long key) {
        auto it = buckets.find(
            bucket_key(e.type, e.date_source, e.status, month_index(span.earliest)));
        if (it == buckets.end()) return nullptr;
        const auto& index = it->second.index;
        for (std::size_t i = 0; i < index.size(); ++i)
            if (index[i].key == key) return &it->second.events[i];
        return nullptr;
    }

    // Files an event under its canonical span, when that bucket is loaded.
    void cache_event(const Event& e, Match&& m) {
        auto it = buckets.find(
            bucket_key(e.type, e.date_source, e.status, month_index(m.span.earliest)));
        if (it == buckets.end()) return;
        it->second.add(std::move(m));
        ++cached_events;
    }

    // Takes an event out of its bucket (it is filed again under its new span).
    void uncache_event(const Event& e, const Span& span, long long key) {
        auto it = buckets.find(
            bucket_key(e.type, e.date_source, e.status, month_index(span.earliest)));
        if (it == buckets.end()) return;
        auto& events = it->second.events;
        auto& index = it->second.index;
        for (std::size_t i = 0; i < index.size(); ++i)
            if (index[i].key == key) {
                events.erase(events.begin() + static_cast<std::ptrdiff_t>(i));
                index.erase(index.begin() + static_cast<std::ptrdiff_t>(i));
                --cached_events;
                return;
            }
    }

    // The stored event this mention tells of, if any (see the merge rule in the header).
    std::optional<Match> find_match(const Event& e) {
        if (!use_cache) return probe_match(e);
        if (!e.when || e.date_source == DateSource::unresolved) return std::nullopt;
        const Span& w = *e.when;
        // Only events that begin in [low, high] can pass compatible_spans():
        // the same days (same first day), spans nested in this one, and weeks
        // or months that contain it (they begin at most 31 days before it).
        // A span coarser than a month, or open, merges only with the same days.
        Date low = w.earliest, high = w.earliest;
        if (!is_coarse(w.precision) && !w.open_start && !w.open_end) {
            // (Not before Boost's first year, 1400: a day there has no month before it.)
            const Date first_day(1400, 1, 1);
            const auto month = boost::gregorian::days(31);
            low = w.earliest - first_day > month ? w.earliest - month : first_day;
            high = w.latest;
        }
        const auto first = static_cast<std::uint32_t>(low.day_number());
        const auto last_first = static_cast<std::uint32_t>(high.day_number());
        const auto own_first = static_cast<std::uint32_t>(w.earliest.day_number());

        // Keys, not names: the candidates carry their canonical links as keys.
        // Looked up once a candidate's span fits.
        bool keyed = false;
        std::set<long long> mine_actors, mine_places;
        const bool has_actors = !e.actors.empty(), has_places = !e.places.empty();
        const Match* best = nullptr;
        std::tuple<std::size_t, int, long long> best_score{};
        for (int month = month_index(low), last = month_index(high); month <= last; ++month) {
            Bucket& b = bucket(e.type, e.date_source, e.status, month);
            for (std::size_t i = 0; i < b.index.size(); ++i) {
                const Bucket::Entry& entry = b.index[i];
                if (entry.first < first || last_first < entry.first) continue;
                // Beginning before this span, only a week or a month coarser than it may contain it.
                if (entry.first < own_first &&
                    (entry.precision <= w.precision || entry.precision > Precision::month))
                    continue;
                Match& candidate = b.events[i];
                const auto& span = candidate.span;
                if (!compatible_spans(span, w)) continue;
                if (!candidate.links_loaded) load_links(candidate);
                if (!keyed) {
                    for (const auto& a : e.actors)
                        if (auto k = known_key(actor_keys, find_actor, a.name)) mine_actors.insert(*k);
                    for (const auto& p : e.places)
                        if (auto k = known_key(place_keys, find_place, p.name)) mine_places.insert(*k);
                    keyed = true;
                }
                std::size_t actors_shared = 0, places_shared = 0;
                for (const auto& link : candidate.actors) actors_shared += mine_actors.count(link.first);
                for (long long k : candidate.places) places_shared += mine_places.count(k);
                if (has_actors && !candidate.actors.empty() && actors_shared == 0) continue;
                if (has_places && !candidate.places.empty() && places_shared == 0) continue;
                bool bare = !has_actors && candidate.actors.empty() && !has_places && candidate.places.empty();
                if (actors_shared == 0 && places_shared == 0 && !bare) continue;
                // Most shared names, then the closest precision, then the oldest event.
                int precision_gap = -std::abs(static_cast<int>(span.precision) - static_cast<int>(w.precision));
                std::tuple<std::size_t, int, long long> score{actors_shared * 2 + places_shared, precision_gap,
                                                              -candidate.key};
                if (!best || score > best_score) {
                    best = &candidate;
                    best_score = score;
                }
            }
        }
        if (!best) return std::nullopt;
        return *best;
    }

    // find_match() without the cache, one statement per mention: for a store
    // with more events than the cache may hold (loading buckets for it would
    // cost more than probing).
    std::optional<Match> probe_match(const Event& e) {
        if (!e.when || e.date_source == DateSource::unresolved) return std::nullopt;
        const Span& w = *e.when;
        std::string low = iso(w.earliest);
        std::string high = low;
        if (!is_coarse(w.precision) && !w.open_start && !w.open_end) {
            // An event this one nests in starts at most a month earlier.
            // (Not before Boost's first year, 1400: a day there has no month before it.)
            const Date first_day(1400, 1, 1);
            const auto month = boost::gregorian::days(31);
            low = iso(w.earliest - first_day > month ? w.earliest - month : first_day);
            high = iso(w.latest);
        }
        const std::string earliest = iso(w.earliest);
        candidates.bind_static(1, e.type).bind_static(2, to_string(e.date_source)).bind_static(3, low);
        candidates.bind_static(4, high).bind_static(5, to_string(e.status)).bind_static(6, earliest);
        // The precisions that may contain this span and still merge (coarser, at most a month).
        const bool closed = !w.open_start && !w.open_end;
        candidates.bind(7, closed && w.precision < Precision::week ? 1 : 0);
        candidates.bind(8, closed && w.precision < Precision::month ? 1 : 0);
        // In any order: the score below ends with the key, so no two candidates tie.
        std::vector<Match> found;
        while (candidates.step())
            {
            Match m;
            m.key = candidates.column_int64(0);
            m.span = read_short_span(candidates, 1);
            if (!compatible_spans(m.span, w)) continue;
            m.actors = actor_role_list(candidates.column_text(6));
            m.places = key_list(candidates.column_text(7));
            found.push_back(std::move(m));
        }
        if (found.empty()) return std::nullopt;

        // Keys, not names, as the candidates' canonical actors and places are.
        std::set<long long> mine_actors, mine_places;
        for (const auto& a : e.actors)
            if (auto k = known_key(actor_keys, find_actor, a.name)) mine_actors.insert(*k);
        for (const auto& p : e.places)
            if (auto k = known_key(place_keys, find_place, p.name)) mine_places.insert(*k);
        const bool has_actors = !e.actors.empty(), has_places = !e.places.empty();
        Match* best = nullptr;
        std::tuple<std::size_t, int, long long> best_score{};
        for (auto& candidate : found) {
            const long long key = candidate.key;
            const Span& span = candidate.span;
            const auto& their_actors = candidate.actors;
            const auto& their_places = candidate.places;
            if (!compatible_spans(span, w)) continue;
            std::size_t actors_shared = 0, places_shared = 0;
            for (const auto& link : their_actors) actors_shared += mine_actors.count(link.first);
            for (long long k : their_places) places_shared += mine_places.count(k);
            if (has_actors && !their_actors.empty() && actors_shared == 0) continue;
            if (has_places && !their_places.empty() && places_shared == 0) continue;
            bool bare = !has_actors && their_actors.empty() && !has_places && their_places.empty();
            if (actors_shared == 0 && places_shared == 0 && !bare) continue;
            // Most shared names, then the closest precision, then the oldest event.
            int precision_gap = -std::abs(static_cast<int>(span.precision) - static_cast<int>(w.precision));
            std::tuple<std::size_t, int, long long> score{actors_shared * 2 + places_shared, precision_gap, -key};
            if (!best || score > best_score) {
                best = &candidate;
                best_score = score;
            }
        }
        if (!best) return std::nullopt;
        return std::move(*best);
    }

    std::string unique_event_id(const std::string& wanted) {
        std::string id = wanted.empty() ? "event" : wanted;
        for (int n = 2;; ++n) {
            event_id_exists.bind(1, id);
            bool taken = event_id_exists.step();
            event_id_exists.reset();
            if (!taken) return id;
            id = fmt::format("{}-{}", wanted.empty() ? "event" : wanted, n);
        }
    }

    // The key the next mention of the article gets (schema step 9): known
    // ahead, a new event names its canonical mention in its own INSERT (no
    // UPDATE after).
    long long next_mention_key() {
        if (mention_next > mention_end)
            throw StoreError(fmt::format("{}: more than {} events in one article", path.string(),
                                         1LL << k_mention_bits));
        return mention_next;
    }

    // Inserts a new event from its first mention (to be stored as `mention`); its row key.
    long long insert_new_event(const Event& e, const std::optional<std::string>& published, long long mention) {
        const bool dated = e.when && e.date_source != DateSource::unresolved;
        const std::string upper = dated ? iso(e.when->upper_bound()) : std::string();
        auto attempt = [&](const std::string& id) {
            insert_event.bind(1, id).bind_static(2, e.type).bind_static(3, e.cameo);
            bind_span(insert_event, 4, e, span_text);
            if (dated) insert_event.bind_static(13, upper);
            else insert_event.bind_null(13);
            insert_event.bind_static(14, e.timex_value).bind_static(15, e.headline).bind(16, e.confidence);
            insert_event.bind_static(17, to_string(e.status)).bind(18, published).bind(19, is_wide(e) ? 1 : 0);
            insert_event.bind(20, mention).bind_static(21, canon_actors_text).bind_static(22, canon_places_text);
            insert_event.run();
            return db.changes() > 0;  // 0: the id is taken (ON CONFLICT DO NOTHING)
        };
        // The extractor's id is nearly always free: try it first, look for a free one only when taken.
        if (!attempt(e.id.empty() ? std::string("event") : e.id) && !attempt(unique_event_id(e.id)))
            throw StoreError(fmt::format("{}: no free id for event '{}'", path.string(), e.id));
        return db.last_insert_rowid();
    }

    Statement& merge_counts_statement(int changed) {
        auto& s = merge_counts_changed[static_cast<std::size_t>(changed)];
        if (!s) {
            std::string set;
            auto add = [&](const char* column) {
                if (!set.empty()) set += ", ";
                set += column;
            };
            if (changed & 1) add("source_count = ?2");
            if (changed & 2) add("confidence = ?3");
            if (changed & 4) add("first_reported = ?4");
            s = std::make_unique<Statement>(db, fmt::format("UPDATE events SET {} WHERE key = ?1", set));
        }
        return *s;
    }

    /// Writes the counts merges changed (see pending_counts), in key order.
    void write_pending_counts() {
        if (pending_counts.empty()) return;
        std::vector<long long> keys;
        keys.reserve(pending_counts.size());
        for (const auto& [key, counts] : pending_counts) keys.push_back(key);
        std::sort(keys.begin(), keys.end());
        for (long long key : keys) {
            const PendingCounts& c = pending_counts[key];
            Statement& s = merge_counts_statement(c.changed);
            s.bind(1, key);
            if (c.changed & 1) s.bind(2, c.source_count);
            if (c.changed & 2) s.bind(3, c.confidence);
            if (c.changed & 4) s.bind(4, c.first_reported);
            s.run();
        }
        pending_counts.clear();
    }

    // Stores one extracted event of an article; true if it merged into a stored event.
    bool add_mention(long long article, const std::string& source_key, const std::optional<std::string>& published,
                     const Event& e) {
        const std::optional<Match> match = find_match(e);
        // The cached entry the probe found (a copy of it is `match`), kept in step below.
        Match* entry = match && use_cache ? cached_event(e, match->span, match->key) : nullptr;
        if (entry && !entry->sources_loaded) load_sources(*entry);  // before this mention is stored
        const long long mention = next_mention_key();
        span_text.set(e);
        if (!match || finer(*e.when, match->span)) canon_links(e.actors, e.places, true);  // it becomes canonical
        const long long event = match ? match->key : insert_new_event(e, published, mention);
        actors_json(actors_text, e.actors);
        places_json(places_text, e.places, numbers);
        auto& m = insert_mention;
        m.bind(1, event).bind(2, text_holder(e.headline, e.evidence.sentence, mention));
        m.bind_static(3, e.id).bind_static(4, e.type).bind_static(5, e.cameo);
        bind_span(m, 6, e, span_text);
        m.bind_static(15, e.timex_value).bind_static(16, e.headline).bind(17, e.confidence);
        m.bind_static(18, to_string(e.status)).bind_static(19, e.evidence.sentence);
        m.bind(20, static_cast<long long>(e.evidence.begin));
        m.bind(21, static_cast<long long>(e.evidence.end));
        if (e.evidence.timex) m.bind_static(22, *e.evidence.timex);
        else m.bind_null(22);
        m.bind_static(23, actors_text).bind_static(24, places_text).bind_static(25, source_key).bind(26, mention);
        m.bind(27, headline_in_sentence(e.headline, e.evidence.sentence) ? 0 : 1).bind(28, article);
        m.run();
        ++mention_next;

        if (!match) {
            // The new event already has this mention's fields.
            Match entry;
            entry.key = event;
            entry.sources.push_back(source_key);
            entry.confidence = e.confidence;
            entry.first_reported = published;
            link(event, e.actors, e.places, entry, true);
            if (e.when && e.date_source != DateSource::unresolved) {
                entry.span = *e.when;
                cache_event(e, std::move(entry));
            }
            return false;
        }
        Match fallback;
        if (!entry) {
            // Without the cache (or, not expected, an entry gone): the probe's
            // canonical links are the ones known (an upsert of a link the
            // event has changes nothing), and the counts are read by the UPDATE.
            if (use_cache) {
                write_pending_counts();
                forget_candidates();
            }
            fallback = *match;
            entry = &fallback;
            merge_one_probe.bind(1, event).bind_static(2, source_key).bind(3, mention).bind(4, e.confidence);
            merge_one_probe.bind(5, published).run();
        }
        // Its counts: a source it did not have, a higher confidence, an earlier
        // report. The cached entry knows them, so a merge that changes none of
        // them writes nothing.
        const bool new_source =
            std::find(entry->sources.begin(), entry->sources.end(), source_key) == entry->sources.end();
        const bool higher = e.confidence > entry->confidence;
        const bool earlier = published && (!entry->first_reported || *published < *entry->first_reported);
        if (entry != &fallback && (new_source || higher || earlier)) {
            if (new_source) entry->sources.push_back(source_key);
            if (higher) entry->confidence = e.confidence;
            if (earlier) entry->first_reported = published;
            PendingCounts& pending = pending_counts[event];
            pending.changed |= (new_source ? 1 : 0) | (higher ? 2 : 0) | (earlier ? 4 : 0);
            pending.source_count = static_cast<long long>(entry->sources.size());
            pending.confidence = entry->confidence;
            pending.first_reported = entry->first_reported;
        }
        // The finer mention becomes canonical: the span only ever narrows.
        if (finer(*e.when, match->span)) {
            // (Its canonical actors and places are this mention's: no link changes but new ones.)
            set_primary.bind(1, event).bind(2, mention).bind_static(3, canon_actors_text);
            set_primary.bind_static(4, canon_places_text).run();
            link(event, e.actors, e.places, *entry, true);
            if (entry != &fallback) {
                Match moved = std::move(*entry);
                uncache_event(e, match->span, event);
                moved.span = *e.when;
                cache_event(e, std::move(moved));
            }
        } else {
            link(event, e.actors, e.places, *entry, false);
        }
        return true;
    }

    // An event that loses mentions (its article replaced), with the actors
    // and places those mentions named: the links they may leave behind.
    struct Affected {
        long long event = 0;
        std::vector<std::string> actors, places;
    };

    // Recomputes an event from the mentions it has left: deletes it when none
    // is left, else the finest mention becomes canonical; the links only
    // the removed mentions named go (each link is named by a mention of its
    // event, schema step 11).
    bool rebuild_event(const Affected& affected) {
        const long long event = affected.event;
        struct Row {
            long long key;
            Span span;
            std::vector<ActorRef> actors;
            std::vector<PlaceRef> places;
        };
        std::vector<Row> rows;
        mentions_of_event.bind(1, event);
        while (mentions_of_event.step()) {
            Row r{mentions_of_event.column_int64(0), {}, actors_from(mentions_of_event.column_text(6)),
                  places_from(mentions_of_event.column_text(7))};
            if (!mentions_of_event.column_is_null(1)) r.span = read_short_span(mentions_of_event, 1);
            rows.push_back(std::move(r));
        }
        std::set<std::string> actors_left, places_left;
        for (const Row& r : rows) {
            for (const auto& a : r.actors) actors_left.insert(a.name);
            for (const auto& p : r.places) places_left.insert(p.name);
        }
        for (const std::string& name : std::set<std::string>(affected.actors.begin(), affected.actors.end()))
            if (!actors_left.count(name))
                if (auto k = known_key(actor_keys, find_actor, name)) unlink_actor.bind(1, *k).bind(2, event).run();
        for (const std::string& name : std::set<std::string>(affected.places.begin(), affected.places.end()))
            if (!places_left.count(name))
                if (auto k = known_key(place_keys, find_place, name)) unlink_place.bind(1, *k).bind(2, event).run();
        if (rows.empty()) {
            delete_event.bind(1, event).run();
            return false;
        }
        std::size_t primary = 0;
        for (std::size_t i = 1; i < rows.size(); ++i)
            if (finer(rows[i].span, rows[primary].span)) primary = i;
        canon_links(rows[primary].actors, rows[primary].places, false);
        set_primary.bind(1, event).bind(2, rows[primary].key).bind_static(3, canon_actors_text);
        set_primary.bind_static(4, canon_places_text).run();
        merge_counts.bind(1, event).run();
        return true;
    }

    Event load_event(Statement& s) {
        // Columns: key, id, type, cameo, span(9), timex_value, headline, confidence, status,
        // source_count, primary_mention.
        Event e;
        long long key = s.column_int64(0);
        e.id = s.column_text(1);
        e.type = s.column_text(2);
        e.cameo = s.column_text(3);
        e.date_source = date_source_from(s.column_text(4));
        e.when = read_span(s, 4);
        if (!e.when) e.date_source = DateSource::unresolved;
        e.timex_value = s.column_text(13);
        e.headline = s.column_text(14);
        e.confidence = s.column_double(15);
        e.status = status_from_string(s.column_text(16)).value_or(EventStatus::asserted);
        e.source_count = s.column_int(17);
        long long primary = s.column_int64(18);

        // The other mentions' actors and places, each distinct text once.
        std::vector<std::string> other_actors, other_places;
        auto add_text = [](std::vector<std::string>& texts, std::string_view text) {
            if (std::find(texts.begin(), texts.end(), text) == texts.end()) texts.emplace_back(text);
        };
        load_mentions.bind(1, key);
        while (load_mentions.step()) {
            Evidence ev;
            ev.article = load_mentions.column_text(1);
            ev.sentence = load_mentions.column_text(2);
            ev.begin = static_cast<std::size_t>(load_mentions.column_int64(3));
            ev.end = static_cast<std::size_t>(load_mentions.column_int64(4));
            ev.timex = load_mentions.column_optional_text(5);
            ev.url = load_mentions.column_text(6);
            ev.source = load_mentions.column_text(7);
            ev.published = parse_day(load_mentions.column_optional_text(8));
            if (load_mentions.column_int64(0) == primary) {
                e.evidence = std::move(ev);
                e.actors = actors_from(load_mentions.column_text(9));
                e.places = places_from(load_mentions.column_text(10));
            } else {
                e.mentions.push_back(std::move(ev));
                add_text(other_actors, load_mentions.column_view(9));
                add_text(other_places, load_mentions.column_view(10));
            }
        }
        // Actors and places other reports add, after the canonical ones, by
        // name (and role): what the other mentions name and the canonical
        // one does not (schema step 11; the links by event, role and
        // canonical flag until then). A place with its stored coordinates.
        std::set<std::pair<std::string, std::string>> extra_actors;
        for (const std::string& text : other_actors)
            for (auto& a : actors_from(text))
                if (std::none_of(e.actors.begin(), e.actors.end(),
                                 [&](const ActorRef& x) { return x.name == a.name && x.role == a.role; }))
                    extra_actors.emplace(std::move(a.name), std::move(a.role));
        for (const auto& [name, role] : extra_actors) e.actors.push_back(ActorRef{name, role, {}, {}});
        std::set<std::string> extra_places;
        for (const std::string& text : other_places)
            for (auto& p : places_from(text))
                if (std::none_of(e.places.begin(), e.places.end(), [&](const PlaceRef& x) { return x.name == p.name; }))
                    extra_places.insert(std::move(p.name));
        for (const std::string& name : extra_places) {
            PlaceRef p;
            p.name = name;
            place_coords.bind(1, name);
            if (place_coords.step()) {
                if (!place_coords.column_is_null(0)) p.lat = place_coords.column_double(0);
                if (!place_coords.column_is_null(1)) p.lon = place_coords.column_double(1);
            }
            place_coords.reset();
            e.places.push_back(std::move(p));
        }
        return e;
    }
};

namespace {

// Whether this process may write `path` and create files beside it (the
// journal, or WAL's -wal and -shm files).
bool writable(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return true;  // to be created; let open() report
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    return ::access(path.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0;
}

}  // namespace

EventStore::EventStore(const std::filesystem::path& path, Access access)
    : m_impl(std::make_unique<Impl>(path, access == Access::read && !writable(path))) {}

EventStore::~EventStore() = default;

const std::filesystem::path& EventStore::path() const { return m_impl->path; }

int EventStore::upgraded_from() const { return m_impl->upgraded_from; }

EventStore::Batch::Batch(EventStore& store) : m_store(&store) {
    if (store.m_impl->tx) throw StoreError(store.path().string() + ": a batch is already open");
    store.m_impl->tx.emplace(store.m_impl->db);
    store.m_impl->forget_slots();  // others may have written since our last batch
    try {
        store.m_impl->begin_transaction();
    } catch (...) {
        store.m_impl->tx.reset();  // rolls back: no batch is open
        store.m_impl->forget_caches();
        throw;
    }
}

EventStore::Batch::~Batch() {
    if (m_done) return;
    auto& impl = *m_store->m_impl;
    if (impl.tx) {
        impl.tx->rollback();
        impl.tx.reset();
    }
    impl.forget_caches();
}

void EventStore::Batch::commit() {
    auto& impl = *m_store->m_impl;
    if (m_done || !impl.tx) throw StoreError(m_store->path().string() + ": batch already ended");
    impl.write_pending_counts();
    impl.flush_fts();
    impl.tx->commit();
    impl.tx.reset();
    m_done = true;
}

IngestResult EventStore::ingest(const Article& article, const std::vector<Event>& events) {
    auto& impl = *m_impl;
    std::optional<sqlite::Transaction> own;
    if (!impl.tx) {
        own.emplace(impl.db);
        impl.forget_slots();
        impl.begin_transaction();
    }
    try {
        IngestResult result;
        std::string hash = content_hash(article.text);
        std::string id = article.id.empty() ? hash : article.id;
        std::optional<std::string> published;
        if (article.published) published = iso(*article.published);
        std::string source_key = article.source.empty() ? id : article.source;

        long long key = 0;
        std::optional<long long> slot;  // of its mentions (schema step 9), when it has some
        impl.article_by_id.bind(1, id);
        if (impl.article_by_id.step()) {
            key = impl.article_by_id.column_int64(0);
            std::string old_hash = impl.article_by_id.column_text(1);
            // Slots begin at 1; 0: no mentions (NULL).
            const long long old_slot = impl.article_by_id.column_is_null(2) ? 0 : impl.article_by_id.column_int64(2);
            impl.article_by_id.reset();
            if (old_hash == hash) {
                result.outcome = IngestOutcome::unchanged;
                if (own) own->commit();
                return result;
            }
            // Changed text: its old mentions go, and the events they alone told go with them.
            std::vector<Impl::Affected> affected;
            if (old_slot > 0) {
                const long long lo = Impl::first_mention(old_slot), hi = Impl::last_mention(old_slot);
                impl.events_of_article.bind(1, lo).bind(2, hi);
                while (impl.events_of_article.step()) {
                    const long long event = impl.events_of_article.column_int64(0);
                    auto it = std::find_if(affected.begin(), affected.end(),
                                           [&](const Impl::Affected& a) { return a.event == event; });
                    if (it == affected.end()) it = affected.insert(affected.end(), Impl::Affected{event, {}, {}});
                    for (auto& a : actors_from(impl.events_of_article.column_text(1))) it->actors.push_back(std::move(a.name));
                    for (auto& p : places_from(impl.events_of_article.column_text(2))) it->places.push_back(std::move(p.name));
                }
                // Events are rebuilt below (from their rows): the merge candidates
                // are read afresh after, and the counts merges changed written first.
                impl.write_pending_counts();
                impl.forget_candidates();
                impl.unindex_article(old_slot);
                impl.delete_mentions_of_article.bind(1, lo).bind(2, hi).run();
            }
            for (const Impl::Affected& a : affected)
                if (!impl.rebuild_event(a)) ++result.events_removed;
            // The new mentions take a new slot, after every stored one (as they
            // took the next keys before schema step 9).
            if (!events.empty()) slot = impl.new_slot();
            auto& u = impl.update_article;
            u.bind(1, key).bind(2, hash).bind(3, article.url).bind(4, article.title).bind(5, article.source);
            u.bind(6, source_key).bind(7, published).bind(8, article.language).bind(9, article.text);
            u.bind(10, now_utc()).bind(11, slot).run();
            result.outcome = IngestOutcome::replaced;
        } else {
            // The same text filed under another id is still the same article.
            impl.article_by_hash.bind(1, hash);
            bool seen = impl.article_by_hash.step();
            impl.article_by_hash.reset();
            if (seen) {
                result.outcome = IngestOutcome::unchanged;
                if (own) own->commit();
                return result;
            }
            if (!events.empty()) slot = impl.new_slot();
            auto& s = impl.insert_article;
            s.bind(1, id).bind(2, hash).bind(3, article.url).bind(4, article.title).bind(5, article.source);
            s.bind(6, source_key).bind(7, published).bind(8, article.language).bind(9, article.text);
            s.bind(10, now_utc()).bind(11, slot).run();
            key = impl.db.last_insert_rowid();
            result.outcome = IngestOutcome::added;
        }
        if (slot) impl.begin_article(*slot);
        for (const Event& e : events) {
            if (impl.add_mention(key, source_key, published, e)) ++result.events_merged;
            else ++result.events_new;
        }
        if (own) {
            impl.write_pending_counts();
            impl.flush_fts();
            own->commit();
        }
        return result;
    } catch (...) {
        if (own) impl.forget_caches();
        // A statement that failed half-way may leave the cache out of step
        // with the store. The counts changed so far belong to mentions the
        // open batch holds: written now, so that the rows say them.
        try {
            impl.write_pending_counts();
        } catch (...) {
            impl.pending_counts.clear();
        }
        impl.forget_candidates();
        throw;
    }
}

namespace {

// One filter of a timeline query as SQL, with its parameters: `drive`, a
// condition that finds its events through an index (the rows come from it);
// `check`, the same condition tested on one row `e` (for a walk of the rank
// index, which stops after `--limit` events); `count`, at most k rows it
// keeps, cheaply (the estimate that picks one of the two plans), or "" when
// it keeps too many to tell (a status). Parameters are numbered across all
// filters of a query (?1, ?2, ...); a filter's own are the last it uses.
struct Filter {
    std::string drive, check, count;
    // A date window only: its narrow and wide events apart, and the range of
    // `earliest` that holds every narrow one (for a window ranked by date).
    std::string narrow, wide, days;
    std::size_t params = 0;  // how many parameters there were when this filter was made
    std::optional<double> known;  // the count, when known without `count` (the full-text hits)
};

std::string numbered(std::vector<std::string>& params, std::string value) {
    params.push_back(std::move(value));
    return fmt::format("?{}", params.size());
}

std::string numbered_list(std::vector<std::string>& params, const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += ", ";
        out += numbered(params, v);
    }
    return out;
}

// Each filter's events are counted up to this many to choose a plan.
constexpr long long k_count_cap = 100'000;
// At most this many full-text hits are read into an FtsHits.
constexpr std::size_t k_fts_hits_cap = 2'000'000;

std::vector<Filter> filters_of(sqlite::Connection& db, const TimelineQuery& q, std::vector<std::string>& params,
                               FtsHits& hits) {
    std::vector<Filter> out;
    auto done = [&](Filter& f) {
        f.params = params.size();
        out.push_back(std::move(f));
    };
    // Overlap semantics: a coarse date ("2023") is kept by any range touching it.
    if (q.from || q.to) {
        // Narrow events by a range on `earliest`, wide ones by their own index (schema step 3).
        Filter f;
        std::string narrow = "wide = 0";
        std::string wide = "wide = 1";
        std::string days;  // the condition on `earliest` alone that a narrow event passes
        if (q.from) {
            std::string from = numbered(params, iso(*q.from));
            std::string low = numbered(params, iso(*q.from - boost::gregorian::days(k_narrow_days)));
            narrow += fmt::format(" AND earliest >= {} AND latest >= {}", low, from);
            wide += fmt::format(" AND upper >= {}", from);
            days = fmt::format("e.earliest >= {}", low);
        }
        if (q.to) {
            std::string to = numbered(params, iso(*q.to));
            narrow += fmt::format(" AND earliest <= {}", to);
            wide += fmt::format(" AND (earliest <= {} OR open_start)", to);
            days += fmt::format("{}e.earliest <= {}", days.empty() ? "" : " AND ", to);
        }
        f.drive = fmt::format("e.key IN (SELECT key FROM events WHERE {} UNION ALL SELECT key FROM events WHERE {})",
                              narrow, wide);
        // On a walk, first what the rank index holds (`earliest`, and the key
        // among the few wide events, found once by their own index): the row
        // is read only for the events that may be in the window.
        f.check = fmt::format("(({}) OR e.key IN (SELECT key FROM events WHERE {})) AND (({}) OR ({}))", days, wide,
                              narrow, wide);
        f.count = fmt::format("SELECT 1 FROM events WHERE {} UNION ALL SELECT 1 FROM events WHERE {}", narrow, wide);
        f.narrow = narrow;
        f.wide = wide;
        f.days = days;
        done(f);
    }
    if (!q.types.empty()) {
        Filter f;
        std::string types = numbered_list(params, q.types);
        f.drive = f.check = fmt::format("e.type IN ({})", types);
        f.count = fmt::format("SELECT 1 FROM events INDEXED BY events_for_merge WHERE type IN ({})", types);
        done(f);
    }
    if (!q.statuses.empty()) {
        Filter f;
        f.drive = f.check = fmt::format("e.status IN ({})", numbered_list(params, q.statuses));
        done(f);
    }
    auto named = [&](const std::vector<std::string>& names, const char* links, const char* column,
                     const char* table, const char* aliases) {
        Filter f;
        const std::string list = numbered_list(params, names);
        const std::string keys = fmt::format(
            "SELECT x.key FROM {0} x WHERE x.name IN ({1}) OR x.key IN (SELECT {2} FROM {3} WHERE alias IN ({1}))",
            table, list, column, aliases);
        f.drive = fmt::format("e.key IN (SELECT event FROM {} WHERE {} IN ({}))", links, column, keys);
        f.check = fmt::format("EXISTS (SELECT 1 FROM {0} l WHERE l.event = e.key AND l.{1} IN ({2}))", links, column,
                              keys);
        f.count = fmt::format("SELECT 1 FROM {} WHERE {} IN ({})", links, column, keys);
        done(f);
    };
    if (!q.actors.empty()) named(q.actors, "event_actors", "actor", "actors", "actor_aliases");
    if (!q.places.empty()) named(q.places, "event_places", "place", "places", "place_aliases");
    if (!q.query.empty()) {
        Filter f;
        const std::string match = numbered(params, fts_query(q.query));
        // The rowids of the texts that match: read once below, or (beyond
        // k_fts_hits_cap) left to SQLite as the list `check` tests against.
        const std::string hit_rowids = fmt::format("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH {}", match);
        // The index holds a text once per article (schema step 9): the
        // mentions that share it follow the one holding it, in its article's
        // range of keys, and name it by fts_key.
        f.drive = fmt::format(
            "e.key IN (SELECT m.event FROM mentions_fts f JOIN mentions m ON m.key BETWEEN f.rowid "
            "AND (f.rowid | {1}) AND m.fts_key = f.rowid WHERE mentions_fts MATCH {0})",
            match, (1LL << 20) - 1);
        // The hits are read here, once: their number is the filter's count,
        // and a walk tests mentions against them (FtsHits). Every plan reads
        // them all anyway (SQLite's `IN` list, or the join that drives);
        // beyond k_fts_hits_cap (16 MB of keys) they are left to SQLite's list.
        Statement read(db, hit_rowids + " ORDER BY rowid");
        read.bind(static_cast<int>(params.size()), params.back());
        while (read.step() && hits.rowids.size() <= k_fts_hits_cap) hits.rowids.push_back(read.column_int64(0));
        read.reset();
        f.known = static_cast<double>(hits.rowids.size());
        // A mention is a hit when its text's rowid is one of them.
        std::string is_hit;
        if (hits.rowids.size() <= k_fts_hits_cap) {
            params.emplace_back();  // the pointer's place: Cursor binds it
            hits.param = static_cast<int>(params.size());
            is_hit = fmt::format("dateline_fts_hit(?{}, m.fts_key)", hits.param);
        } else {
            hits.rowids.clear();
            is_hit = fmt::format("m.fts_key IN ({})", hit_rowids);
        }
        f.check = fmt::format("EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.key AND {})", is_hit);
        done(f);
    }
    if (q.min_sources > 0) {
        Filter f;
        f.drive = f.check = fmt::format("e.source_count >= {}", q.min_sources);
        // The index of `sources` holds the events of two sources or more
        // (schema step 8): the query must say so in its own words for
        // SQLite to use it (`>= 3` is not seen to imply `>= 2`).
        f.count = q.min_sources >= 2
                      ? fmt::format("SELECT 1 FROM events INDEXED BY events_by_sources "
                                    "WHERE source_count >= 2 AND source_count >= {}",
                                    q.min_sources)
                      : fmt::format("SELECT 1 FROM events INDEXED BY events_by_confidence WHERE source_count >= {}",
                                    q.min_sources);
        done(f);
    }
    return out;
}

// Values of `driver` for joined(): no filter uses its index (a walk tests
// each event), or every one does (no count told them apart).
constexpr std::size_t k_no_driver = std::numeric_limits<std::size_t>::max() - 1;
constexpr std::size_t k_every_driver = std::numeric_limits<std::size_t>::max();

// The filters' conditions joined by AND ("1" for none): each tests an event
// (`check`), except the one at `driver`, which finds its events through its
// index (`drive`).
std::string joined(const std::vector<Filter>& filters, std::size_t driver) {
    std::string out = "1";
    for (std::size_t i = 0; i < filters.size(); ++i)
        out += " AND " + (i == driver || driver == k_every_driver ? filters[i].drive : filters[i].check);
    return out;
}

// A query without a limit whose filters keep fewer events than this has them
// sorted by SQLite (in memory); more are read in order of their first day.
constexpr long long k_sorted_rows = 20'000;

// "walk" or "sort" in DATELINE_RANK_PLAN forces a plan (the tests compare both).
std::optional<bool> forced_walk() {
    const char* v = std::getenv("DATELINE_RANK_PLAN");
    if (!v) return std::nullopt;
    if (std::string_view(v) == "walk") return true;
    if (std::string_view(v) == "sort") return false;
    return std::nullopt;
}

}  // namespace

namespace {

// The SELECT of a query's events (columns as `load_event` reads them) and its
// parameters, bound in order as ?1, ?2, ...: without a limit in the order of
// the first possible day (undated last, ties by key); with one, the best
// `limit` by rank, in no useful order.
std::string select_sql(sqlite::Connection& db, const TimelineQuery& q, std::vector<std::string>& params,
                       FtsHits& hits) {
    const std::vector<Filter> filters = filters_of(db, q, params, hits);

    // Which plan for a `--limit`: walk the index of its rank, best first,
    // testing each event against the filters until `limit` pass, or let the
    // filters find their events by their own indexes and sort them all. Each
    // filter's events are counted (up to a cap, from its index alone); taking
    // the filters as independent, the walk reads about limit * N / kept
    // entries, the sort at least the fewest any one filter keeps. (Sorting
    // every event of a broad filter took a second on a store of a million;
    // walking for three filters that together keep a few hundred, seconds.)
    // A date window ranked by date is always sorted: its events lie in one
    // stretch of the date index, which the walk would reach from the start.
    bool walk = false;
    // Without a limit: when every filter keeps many events (or there is
    // none), the rows are read in order of their first day from the index of
    // narrow events, the few wide ones merged in, so that SQLite does not
    // sort a whole store's rows in memory before the first is handed out;
    // when some filter keeps few, its index finds them and they are sorted.
    bool ordered = false;
    // The filter that keeps the fewest events (by the counts): in a sorted
    // plan it alone finds the events through its index, and the others test
    // each of them (`check`). Driving by every filter made SQLite build a
    // list of each one's events (a year, statements, Russia: 33,756, 91,959
    // and 184,719 keys, 290 M instructions of b-tree inserts) to intersect.
    std::size_t driver = k_every_driver;
    if (q.limit || !filters.empty()) {
        const double n = static_cast<double>(std::max(1LL, db.scalar("SELECT coalesce(max(key), 0) FROM events")));
        double kept = n, fewest = n;
        for (std::size_t i = 0; i < filters.size(); ++i) {
            const Filter& f = filters[i];
            if (f.known) {
                if (*f.known < fewest) driver = i;
                fewest = std::min(fewest, *f.known);
                kept *= std::max(*f.known, 1.0) / n;
                continue;
            }
            if (f.count.empty()) continue;
            Statement count(db, fmt::format("SELECT count(*) FROM ({} LIMIT {})", f.count, k_count_cap));
            // Its own parameters are the last it uses (a count may use none).
            const std::size_t used = static_cast<std::size_t>(count.parameter_count());
            for (std::size_t i = 0; i < std::min(used, f.params); ++i) count.bind(static_cast<int>(i + 1), params[i]);
            const double c = count.step() ? static_cast<double>(count.column_int64(0)) : n;
            count.reset();
            if (c < fewest) driver = i;
            fewest = std::min(fewest, c);
            kept *= std::max(c, 1.0) / n;
        }
        if (q.limit) {
            const bool window_by_date = q.rank == Rank::date && (q.from || q.to);
            walk = !window_by_date && static_cast<double>(*q.limit) * n / std::max(kept, 1.0) < fewest;
            if (auto forced = forced_walk()) walk = *forced;
        } else {
            ordered = fewest >= static_cast<double>(k_sorted_rows);
        }
    } else {
        ordered = true;
    }
    constexpr const char* columns =
        "e.key, e.id, e.type, e.cameo, e.date_source, e.edtf, e.earliest, e.latest, e.precision, e.open_start, "
        "e.open_end, e.approximate, e.uncertain, e.timex_value, e.headline, e.confidence, e.status, "
        "e.source_count, e.primary_mention";
    std::string sql;
    // A date window ranked by date: its narrow events are read in order of
    // their first day from the window's index (which holds `latest` too, so
    // the year before the window that a narrow event may begin in costs no
    // row), ties by key; its few wide ones are found by their own index; the
    // first `limit` of both.
    const auto window = std::find_if(filters.begin(), filters.end(), [](const Filter& f) { return !f.days.empty(); });
    if (q.limit && q.rank == Rank::date && window != filters.end() && !forced_walk()) {
        std::string others = "1";
        for (const Filter& f : filters)
            if (&f != &*window) others += " AND " + f.check;
        sql = fmt::format(
            "SELECT * FROM (SELECT * FROM (SELECT {0} FROM events e INDEXED BY events_narrow "
            "WHERE {1} AND {2} AND {3} ORDER BY e.earliest, e.key LIMIT {5}) "
            "UNION ALL SELECT * FROM (SELECT {0} FROM events e WHERE e.key IN (SELECT key FROM events WHERE {4}) "
            "AND {3} ORDER BY e.earliest IS NULL, e.earliest, e.key LIMIT {5})) "
            "ORDER BY earliest IS NULL, earliest, key LIMIT {5}",
            columns, window->days, window->narrow, others, window->wide, *q.limit);
    }

    const std::string where = joined(filters, walk ? k_no_driver : driver);
    std::string order = "e.earliest IS NULL, e.earliest, e.key";
    std::string from = "events e";
    if (q.limit) {
        if (q.rank == Rank::sources) order = "e.source_count DESC, e.confidence DESC, " + order;
        else if (q.rank == Rank::confidence) order = "e.confidence DESC, e.source_count DESC, " + order;
        order += fmt::format(" LIMIT {}", *q.limit);
        if (walk)
            from = fmt::format("events e INDEXED BY {}", q.rank == Rank::sources      ? "events_by_sources"
                                                         : "events_by_confidence");
    }
    if (walk && q.rank == Rank::sources && sql.empty()) {
        // The index of `sources` holds only the events of two sources or more
        // (schema step 8): the others (about half of a store) are read after
        // them from the index of `confidence`, whose order among the events
        // of one source is the rank's (confidence, then the first day and the
        // key; `source_count`, equal there, is in the ORDER BY so that the
        // index's order is used whole). A UNION ALL without ORDER BY runs its
        // branches in turn and stops after `limit` rows, so the second is
        // read only when the first has too few (the unit tests compare the
        // events with the sort's); they are put in date order below.
        sql = fmt::format(
            "SELECT * FROM (SELECT {0} FROM events e INDEXED BY events_by_sources "
            "WHERE e.source_count >= 2 AND {1} ORDER BY e.source_count DESC, e.confidence DESC, "
            "e.earliest IS NULL, e.earliest, e.key LIMIT {2})",
            columns, where, *q.limit);
        if (q.min_sources < 2)
            sql += fmt::format(
                " UNION ALL SELECT * FROM (SELECT {0} FROM events e INDEXED BY events_by_confidence "
                "WHERE e.source_count < 2 AND {1} ORDER BY e.confidence DESC, e.source_count DESC, "
                "e.earliest IS NULL, e.earliest, e.key LIMIT {2}) LIMIT {2}",
                columns, where, *q.limit);
    }
    if (walk && q.rank == Rank::date && sql.empty()) {
        // No index of its own (schema step 8): the dated events in order of
        // their first day from the index of date windows (narrow ones; ties
        // by key, sorted a day at a time) and the few wide ones from theirs,
        // the first `limit` of both; then the undated ones (in the window
        // index too, first there), by key, when those are too few.
        sql = fmt::format(
            "SELECT * FROM (SELECT * FROM (SELECT {0} FROM events e INDEXED BY events_narrow "
            "WHERE e.wide = 0 AND e.earliest IS NOT NULL AND {1} ORDER BY e.earliest, e.key LIMIT {2}) "
            "UNION ALL SELECT * FROM (SELECT {0} FROM events e INDEXED BY events_wide "
            "WHERE e.wide = 1 AND {1} ORDER BY e.earliest, e.key LIMIT {2}) "
            "ORDER BY earliest, key LIMIT {2}) "
            "UNION ALL SELECT * FROM (SELECT {0} FROM events e INDEXED BY events_narrow "
            "WHERE e.wide = 0 AND e.earliest IS NULL AND {1} ORDER BY e.key LIMIT {2}) LIMIT {2}",
            columns, where, *q.limit);
    }
    if (ordered) {
        // Column 7 is `earliest`; NULL (undated) sorts first, and the cursor
        // hands those out last. Events of one first day come in no
        // particular order: the cursor sorts each day's.
        const std::string check = joined(filters, k_no_driver);
        sql = fmt::format(
            "SELECT {0} FROM events e INDEXED BY events_narrow WHERE e.wide = 0 AND {1} "
            "UNION ALL SELECT {0} FROM events e WHERE e.wide = 1 AND {1} ORDER BY 7",
            columns, check);
    }
    if (sql.empty()) sql = fmt::format("SELECT {} FROM {} WHERE {} ORDER BY {}", columns, from, where, order);
    return sql;
}

}  // namespace

// A query's events handed out in chronological order. With a limit, all of
// them (at most `limit`) are read and sorted at once. Without one, rows come
// in the order of their first possible day, which is the first thing the
// chronological order compares: the events of one first day are read, sorted
// among themselves and handed out before the next day's are read, so memory
// holds one day's events, not the timeline. Undated events (sorted last) wait
// for the end. The same order as sorting all of them: runs of equal first
// days are contiguous in both, and within a run the order does not depend on
// the order the rows came in (the sort's last tie-break is the event id,
// which is unique).
class EventStore::Cursor final : public EventSource {
public:
    Cursor(Impl& impl, const TimelineQuery& q) : m_impl(impl), m_limited(q.limit.has_value()) {
        std::vector<std::string> params;
        const std::string sql = select_sql(impl.db, q, params, m_hits);
        m_select = std::make_unique<Statement>(impl.db, sql);
        // The pointer's place is the last parameter and unused when no walk tests the hits.
        const std::size_t used = static_cast<std::size_t>(m_select->parameter_count());
        for (std::size_t i = 0; i < std::min(used, params.size()); ++i)
            m_select->bind(static_cast<int>(i + 1), params[i]);
        if (m_hits.param > 0 && static_cast<std::size_t>(m_hits.param) <= used)
            m_select->bind_pointer(m_hits.param, &m_hits, k_fts_hits_type);
    }

    const Event* next() override { return take(); }

    // The next event, which the caller may move from.
    Event* take() {
        if (m_at == m_ready.size()) refill();
        return m_at < m_ready.size() ? &m_ready[m_at++] : nullptr;
    }

private:
    void refill() {
        m_ready.clear();
        m_at = 0;
        if (m_limited) {
            if (m_done) return;
            while (m_select->step()) m_ready.push_back(m_impl.load_event(*m_select));
            m_done = true;
            sort_chronologically(m_ready);
            return;
        }
        while (!m_done) {
            if (!m_pending) {
                if (!m_select->step()) {
                    m_done = true;
                    break;
                }
                m_pending = m_impl.load_event(*m_select);
            }
            if (!m_pending->when) {
                m_undated.push_back(std::move(*m_pending));
                m_pending.reset();
                continue;
            }
            if (!m_ready.empty() && m_ready.front().when->earliest != m_pending->when->earliest) break;
            m_ready.push_back(std::move(*m_pending));
            m_pending.reset();
        }
        if (m_ready.empty() && m_done) m_ready = std::move(m_undated);  // once: m_undated is left empty
        sort_chronologically(m_ready);
    }

    Impl& m_impl;
    bool m_limited;
    FtsHits m_hits;  // before m_select: the statement reads it until it is finalized
    std::unique_ptr<Statement> m_select;
    std::vector<Event> m_ready;     // sorted, handed out from m_at
    std::size_t m_at = 0;
    std::optional<Event> m_pending;  // read, of the next first day
    std::vector<Event> m_undated;
    bool m_done = false;
};

std::vector<Event> EventStore::query(const TimelineQuery& q) {
    Cursor cursor(*m_impl, q);
    std::vector<Event> events;
    while (Event* e = cursor.take()) events.push_back(std::move(*e));
    return events;
}

std::unique_ptr<EventSource> EventStore::stream(const TimelineQuery& q) { return std::make_unique<Cursor>(*m_impl, q); }

StoreStats EventStore::stats() {
    auto& db = m_impl->db;
    StoreStats st;
    st.articles = db.scalar("SELECT count(*) FROM articles");
    st.events = db.scalar("SELECT count(*) FROM events");
    st.mentions = db.scalar("SELECT count(*) FROM mentions");
    st.sources = db.scalar("SELECT count(DISTINCT source_key) FROM articles");
    st.actors = db.scalar("SELECT count(*) FROM actors");
    st.places = db.scalar("SELECT count(*) FROM places");
    st.merged_events = db.scalar("SELECT count(*) FROM (SELECT event FROM mentions GROUP BY event HAVING count(*) > 1)");
    st.schema_version = static_cast<int>(db.scalar("PRAGMA user_version"));
    Statement range(db, "SELECT min(earliest), max(earliest) FROM events WHERE earliest IS NOT NULL");
    if (range.step()) {
        st.earliest = range.column_text(0);
        st.latest = range.column_text(1);
        range.reset();
    }
    Statement types(db, "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type");
    while (types.step()) st.types.emplace_back(types.column_text(0), types.column_int64(1));
    Statement actors(db,
                     "SELECT a.name, count(DISTINCT ea.event) AS n FROM event_actors ea JOIN actors a "
                     "ON a.key = ea.actor GROUP BY a.key ORDER BY n DESC, a.name LIMIT 10");
    while (actors.step()) st.actors_top.emplace_back(actors.column_text(0), actors.column_int64(1));
    return st;
}

void EventStore::for_each_article(
    const std::function<void(const Article&, const std::vector<Event>&)>& visit) {
    auto& db = m_impl->db;
    // One read transaction: a consistent snapshot even while another process ingests.
    sqlite::Transaction snapshot(db, sqlite::Transaction::Mode::deferred);
    Statement articles(db,
                       "SELECT key, id, url, title, source, published, language, text, slot FROM articles "
                       "ORDER BY key");
    Statement mentions(db, fmt::format("SELECT id, type, cameo, {}, timex_value, headline, confidence, status, "
                                       "sentence, begin, end, timex, actors, places FROM mentions "
                                       "WHERE key BETWEEN ?1 AND ?2 ORDER BY key",
                                       k_span_columns));
    while (articles.step()) {
        Article a;
        a.id = articles.column_text(1);
        a.url = articles.column_text(2);
        a.title = articles.column_text(3);
        a.source = articles.column_text(4);
        a.published = parse_day(articles.column_optional_text(5));
        a.language = articles.column_text(6);
        a.text = articles.column_text(7);
        a.origin = fmt::format("{}:{}", m_impl->path.string(), a.id);
        std::vector<Event> events;
        // (No slot: no mentions; the range of slot 0 is empty, keys begin at slot 1.)
        const long long slot = articles.column_is_null(8) ? 0 : articles.column_int64(8);
        mentions.bind(1, Impl::first_mention(slot)).bind(2, Impl::last_mention(slot));
        while (mentions.step()) {
            Event e;
            e.id = mentions.column_text(0);
            e.type = mentions.column_text(1);
            e.cameo = mentions.column_text(2);
            e.date_source = date_source_from(mentions.column_text(3));
            e.when = Impl::read_span(mentions, 3);
            e.timex_value = mentions.column_text(12);
            e.headline = mentions.column_text(13);
            e.confidence = mentions.column_double(14);
            e.status = status_from_string(mentions.column_text(15)).value_or(EventStatus::asserted);
            e.evidence.article = a.id;
            e.evidence.sentence = mentions.column_text(16);
            e.evidence.begin = static_cast<std::size_t>(mentions.column_int64(17));
            e.evidence.end = static_cast<std::size_t>(mentions.column_int64(18));
            e.evidence.timex = mentions.column_optional_text(19);
            e.evidence.url = a.url;
            e.evidence.source = a.source;
            e.evidence.published = a.published;
            e.actors = actors_from(mentions.column_text(20));
            e.places = places_from(mentions.column_text(21));
            events.push_back(std::move(e));
        }
        visit(a, events);
    }
    snapshot.commit();
}

std::string EventStore::integrity_check() {
    Statement s(m_impl->db, "PRAGMA integrity_check");
    std::string out;
    while (s.step()) {
        if (!out.empty()) out += '\n';
        out += s.column_text(0);
    }
    if (out != "ok") return out;
    // SQLite's check does not look into FTS5: ask the index to compare itself with the mentions.
    try {
        m_impl->db.exec("INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('integrity-check', 1)");
    } catch (const StoreError& e) {
        return std::string("full-text index: ") + e.what();
    }
    return out;
}

}  // namespace dateline
