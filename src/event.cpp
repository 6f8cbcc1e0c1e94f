// The event record in JSON (both ways) and chronological ordering of events.
#include "dateline/event.hpp"

#include "dateline/error.hpp"
#include "event_json.hpp"
#include "text_util.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dateline {
namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 3> k_date_sources{"text", "published", "unresolved"};
constexpr std::array<std::string_view, 4> k_statuses{"asserted", "negated", "planned", "reported"};

json evidence_json(const Evidence& ev) {
    json j = json::object();
    j["article"] = ev.article;
    j["sentence"] = ev.sentence;
    j["begin"] = ev.begin;
    j["end"] = ev.end;
    j["timex"] = ev.timex ? json(*ev.timex) : json(nullptr);
    if (!ev.url.empty()) j["url"] = ev.url;
    if (!ev.source.empty()) j["source"] = ev.source;
    if (ev.published) j["published"] = iso(*ev.published);
    return j;
}

Evidence evidence_from(const json& j) {
    Evidence ev;
    ev.article = j.at("article").get<std::string>();
    ev.sentence = j.at("sentence").get<std::string>();
    ev.begin = j.at("begin").get<std::size_t>();
    ev.end = j.at("end").get<std::size_t>();
    if (j.contains("timex") && !j["timex"].is_null()) ev.timex = j["timex"].get<std::string>();
    ev.url = j.value("url", "");
    ev.source = j.value("source", "");
    if (j.contains("published") && j["published"].is_string()) ev.published = parse_iso_date(j["published"].get<std::string>());
    return ev;
}

// --- The hand-written serialiser behind append_json -------------------------
//
// It writes what nlohmann::json::dump() writes for the tree to_json builds:
// object keys in std::map (byte) order, strings escaped as dump() does by default
// (\" \\ \b \f \n \r \t, other bytes below 0x20 as \u00xx, everything else
// verbatim), integers in decimal, doubles through nlohmann itself.

// Per byte: 0 copied as is, 1 escaped, 2 first byte of a multi-byte sequence (or invalid).
constexpr std::array<unsigned char, 256> k_byte_class = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = 1;
    t['"'] = 1;
    t['\\'] = 1;
    for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = 2;
    return t;
}();

// Writes through a plain pointer into a buffer the caller sized with bound(): no
// capacity check per piece. Every string is at most six times its length once
// escaped (\u00xx), plus its quotes.
class JsonWriter {
public:
    explicit JsonWriter(char* at) : m_w(at) {}

    /// False once a string was not UTF-8: the caller then lets dump() report it.
    bool ok() const { return m_ok; }
    char* position() const { return m_w; }

    /// Room a string of `n` bytes may take, quotes included.
    static constexpr std::size_t string_bound(std::size_t n) { return 6 * n + 2; }

    template <std::size_t N>
    void raw(const char (&s)[N]) {
        std::memcpy(m_w, s, N - 1);
        m_w += N - 1;
    }
    void raw(std::string_view s) {
        std::memcpy(m_w, s.data(), s.size());
        m_w += s.size();
    }

#if defined(__SSE2__)
    // The bytes of the sixteen at `p` that are not copied as they are: as signed
    // bytes, those >= 0x80 are below 0x20 too.
    static unsigned special16(const unsigned char* p, __m128i& v) {
        v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
        return static_cast<unsigned>(_mm_movemask_epi8(special));
    }
#endif

    /// `"`, the `n` bytes made of the K-byte blocks `head` (at 0) and `tail`
    /// (at n - K; the two overlap or meet), `"`.
    template <std::size_t K>
    [[gnu::always_inline]] void quoted_blocks(std::size_t n, const void* head, const void* tail) {
        char* const w = m_w;
        w[0] = '"';
        std::memcpy(w + 1, head, K);
        std::memcpy(w + 1 + n - K, tail, K);
        w[n + 1] = '"';
        m_w = w + n + 2;
    }

    /// A JSON string as dump() writes it. Most strings are short names, roles and
    /// ids with nothing to escape: those of 4 to 31 bytes are checked and copied
    /// inline, as two overlapping blocks of sixteen, eight or four bytes; the
    /// others go through string_any(), out of line.
    [[gnu::always_inline]] void string(std::string_view s) {
        const std::size_t n = s.size();
        if (n >= 4 && n < 32) {
            constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            // 0x80 in the bytes of v that are >= 0x80, < 0x20, '"' or '\\'.
            auto special8 = [](std::uint64_t v) {
                auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
                return (v & highs) | ((v - 0x20 * ones) & ~v & highs) | has_zero(v ^ ('"' * ones)) |
                       has_zero(v ^ ('\\' * ones));
            };
            const char* const p = s.data();
            if (n >= 16) {
#if defined(__SSE2__)
                __m128i a, b;
                if ((special16(reinterpret_cast<const unsigned char*>(p), a) |
                     special16(reinterpret_cast<const unsigned char*>(p + n - 16), b)) == 0) {
                    quoted_blocks<16>(n, &a, &b);
                    return;
                }
#endif
            } else if (n >= 8) {
                std::uint64_t a, b;
                std::memcpy(&a, p, 8);
                std::memcpy(&b, p + n - 8, 8);
                if ((special8(a) | special8(b)) == 0) {
                    quoted_blocks<8>(n, &a, &b);
                    return;
                }
            } else {
                std::uint32_t a, b;
                std::memcpy(&a, p, 4);
                std::memcpy(&b, p + n - 4, 4);
                if (special8(std::uint64_t{a} | (std::uint64_t{b} << 32)) == 0) {
                    quoted_blocks<4>(n, &a, &b);
                    return;
                }
            }
        }
        string_any(s);
    }

    [[gnu::noinline]] void string_any(std::string_view s) {
        *m_w++ = '"';
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        const auto* const end = p + s.size();
        char* w = m_w;
        if (s.size() < 16) {
            // A short string (names, roles, keys' values): checked, then copied
            // whole when no byte needs care (most), as two overlapping words of
            // eight (or four) bytes, all within the string.
            const std::size_t n = s.size();
            constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            // 0x80 in the bytes of v that are >= 0x80, < 0x20, '"' or '\\'.
            auto special8 = [](std::uint64_t v) {
                auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
                return (v & highs) | ((v - 0x20 * ones) & ~v & highs) | has_zero(v ^ ('"' * ones)) |
                       has_zero(v ^ ('\\' * ones));
            };
            if (n >= 8) {
                std::uint64_t a, b;
                std::memcpy(&a, p, 8);
                std::memcpy(&b, end - 8, 8);
                if ((special8(a) | special8(b)) == 0) {
                    std::memcpy(w, &a, 8);
                    std::memcpy(w + n - 8, &b, 8);
                    w += n;
                    p = end;
                }
            } else if (n >= 4) {
                std::uint32_t a, b;
                std::memcpy(&a, p, 4);
                std::memcpy(&b, end - 4, 4);
                // Two halves of eight: the low four bytes are a, the high four b.
                if (special8(std::uint64_t{a} | (std::uint64_t{b} << 32)) == 0) {
                    std::memcpy(w, &a, 4);
                    std::memcpy(w + n - 4, &b, 4);
                    w += n;
                    p = end;
                }
            } else {
                unsigned char cls = 0;
                for (const unsigned char* q = p; q < end; ++q) cls |= k_byte_class[*q];
                if (cls == 0) {
                    for (std::size_t i = 0; i < n; ++i) w[i] = static_cast<char>(p[i]);
                    w += n;
                    p = end;
                }
            }
        }
#if defined(__SSE2__)
        __m128i v16;
#endif
        while (p < end) {
#if defined(__SSE2__)
            // Sixteen bytes at a time.
            if (end - p >= 16) {
                __m128i v;
                const unsigned mask = special16(p, v);
                if (mask == 0) {
                    _mm_storeu_si128(reinterpret_cast<__m128i*>(w), v);
                    w += 16;
                    p += 16;
                    continue;
                }
                // The plain bytes before the first special one, then that one below.
                const int plain = std::countr_zero(mask);
                std::memcpy(w, p, static_cast<std::size_t>(plain));
                w += plain;
                p += plain;
            } else if (s.size() >= 16 && special16(end - 16, v16) == 0) {
                // Fewer than sixteen left of a longer string, and the last sixteen
                // bytes (some already written) need no care: the rest copied whole.
                std::memcpy(w, p, static_cast<std::size_t>(end - p));
                w += end - p;
                break;
            } else
#endif
            // Eight plain ASCII bytes at a time: no byte >= 0x80, < 0x20, '"' or '\\'.
            if (end - p >= 8) {
                std::uint64_t v;
                std::memcpy(&v, p, 8);
                constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
                auto has_zero = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
                const std::uint64_t special = (v & highs) | ((v - 0x20 * ones) & ~v & highs) |
                                              has_zero(v ^ ('"' * ones)) | has_zero(v ^ ('\\' * ones));
                if (special == 0) {
                    std::memcpy(w, &v, 8);
                    w += 8;
                    p += 8;
                    continue;
                }
            }
            const unsigned char cls = k_byte_class[*p];
            if (cls == 0) {
                *w++ = static_cast<char>(*p++);
                continue;
            }
            if (cls == 2) {
                const std::size_t n = utf8_sequence(p, end);
                if (n == 0) {
                    m_ok = false;
                    m_w = w;
                    return;
                }
                std::memcpy(w, p, n);
                w += n;
                p += n;
                continue;
            }
            w = escape(w, *p++);
        }
        *w++ = '"';
        m_w = w;
    }

    template <typename Str>
    void string_or_null(const std::optional<Str>& s) {
        if (s) string(*s);
        else raw("null");
    }

    template <typename Int>
    void integer(Int v) {
        m_w = std::to_chars(m_w, m_w + 24, v).ptr;
    }

    /// nlohmann's own shortest round-trip form. Coordinates repeat (the same
    /// places in event after event): the texts of the last 1,024 or so are kept
    /// per thread (with 64 slots, most coordinates of the TimeML corpus were
    /// written by nlohmann again: 553 k instructions for 652 numbers, 268 k now).
    void number(double v) {
        struct Cached {
            std::uint64_t bits = 0;
            std::string text;
        };
        thread_local std::array<Cached, 1024> cache;
        std::uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        const std::uint64_t mixed = bits * 0x9E3779B97F4A7C15ull;
        Cached& c = cache[mixed >> 54];
        if (c.text.empty() || c.bits != bits) {
            c.bits = bits;
            c.text = json(v).dump();
        }
        raw(c.text);
    }
    static constexpr std::size_t number_bound = 32;

    /// A confidence: round(c * 1000) / 1000, as number() writes it; the texts of
    /// the 0..1000 thousandths are kept per thread.
    void confidence(double c) {
        const double k = std::round(c * 1000.0);
        if (!(k >= 0.0 && k <= 1000.0) || std::signbit(k)) {  // -0.0 prints as "-0.0"
            number(k / 1000.0);
            return;
        }
        thread_local std::array<std::string, 1001> texts;
        std::string& text = texts[static_cast<std::size_t>(k)];
        if (text.empty()) text = json(k / 1000.0).dump();
        raw(text);
    }

    /// A date as iso() writes it, quoted. The same few days recur (the report's
    /// date, the days it names): the quoted texts of the last ones are kept per
    /// thread, in 64 slots by day; one of up to 16 bytes (all but far years) is
    /// copied as one block of 16 (within the room date_bound gives it).
    void date(Date d) {
        if (d.is_special()) {
            raw("\"\"");
            return;
        }
        struct Cached {
            std::uint32_t day = 0;  // day_number(); 0 is no real day: empty
            std::uint8_t size = 0;  // of the quoted text
            char text[24];
        };
        thread_local std::array<Cached, 64> cache;
        const auto day = static_cast<std::uint32_t>(d.day_number());
        Cached& c = cache[day & 63];
        if (c.day != day || c.day == 0) {
            const std::string text = iso(d);
            if (text.size() + 2 > sizeof c.text) {  // a year far beyond 9999: not kept
                *m_w++ = '"';
                raw(text);
                *m_w++ = '"';
                return;
            }
            c.day = day;
            c.size = static_cast<std::uint8_t>(text.size() + 2);
            c.text[0] = '"';
            std::memcpy(c.text + 1, text.data(), text.size());
            c.text[text.size() + 1] = '"';
        }
        if (c.size <= 16) {
            std::memcpy(m_w, c.text, 16);
            m_w += c.size;
        } else {
            raw(std::string_view(c.text, c.size));
        }
    }
    static constexpr std::size_t date_bound = 24;  // iso() of years beyond 9999 is longer than 10

private:
    static char* escape(char* w, unsigned char c) {
        auto two = [&](char b) {
            w[0] = '\\';
            w[1] = b;
            return w + 2;
        };
        switch (c) {
        case '"': return two('"');
        case '\\': return two('\\');
        case '\b': return two('b');
        case '\f': return two('f');
        case '\n': return two('n');
        case '\r': return two('r');
        case '\t': return two('t');
        default: {
            constexpr char hex[] = "0123456789abcdef";
            const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            std::memcpy(w, u, sizeof u);
            return w + sizeof u;
        }
        }
    }

    char* m_w;
    bool m_ok = true;
};

// Upper bounds of what write_evidence and write_event write: the keys and
// punctuation (a generous constant) plus every string at its escaped maximum.
// Templates over Event and EventView (and their parts), whose members have the
// same names: both are written by the same code.
template <typename Ev>
std::size_t evidence_bound(const Ev& ev) {
    using W = JsonWriter;
    return 160 + 3 * W::date_bound + 2 * 24 + W::string_bound(ev.article.size()) +
           W::string_bound(ev.sentence.size()) + W::string_bound(ev.source.size()) +
           W::string_bound(ev.timex ? ev.timex->size() : 0) + W::string_bound(ev.url.size());
}

template <typename E>
std::size_t event_bound(const E& e, bool with_mentions) {
    using W = JsonWriter;
    std::size_t n = 512 + 3 * W::date_bound + 24 + W::string_bound(e.cameo.size()) + W::string_bound(e.headline.size()) +
                    W::string_bound(e.id.size()) + W::string_bound(e.type.size()) +
                    W::string_bound(e.timex_value.size()) + evidence_bound(e.evidence);
    for (const auto& a : e.actors)
        n += 64 + W::string_bound(a.name.size()) + W::string_bound(a.qualifier.size()) +
             W::string_bound(a.role.size()) + W::string_bound(a.surface.size());
    for (const auto& p : e.places)
        n += 64 + 2 * W::number_bound + W::string_bound(p.name.size()) + W::string_bound(p.surface.size());
    if (with_mentions)
        for (const auto& m : e.mentions) n += 8 + evidence_bound(m);
    return n;
}

// Keys in byte order: article, begin, end, published, sentence, source, timex, url.
template <typename Ev>
void write_evidence(JsonWriter& w, const Ev& ev) {
    w.raw("{\"article\":");
    w.string(ev.article);
    w.raw(",\"begin\":");
    w.integer(ev.begin);
    w.raw(",\"end\":");
    w.integer(ev.end);
    if (ev.published) {
        w.raw(",\"published\":");
        w.date(*ev.published);
    }
    w.raw(",\"sentence\":");
    w.string(ev.sentence);
    if (!ev.source.empty()) {
        w.raw(",\"source\":");
        w.string(ev.source);
    }
    w.raw(",\"timex\":");
    w.string_or_null(ev.timex);
    if (!ev.url.empty()) {
        w.raw(",\"url\":");
        w.string(ev.url);
    }
    w.raw("}");
}

// Keys in byte order: actors, cameo, confidence, evidence, headline, id, [mentions],
// places, [source_count], status, type, when.
template <typename E>
void write_event(JsonWriter& w, const E& e, bool with_mentions, std::string_view edtf) {
    w.raw("{\"actors\":[");
    for (std::size_t i = 0; i < e.actors.size(); ++i) {
        const auto& a = e.actors[i];
        w.raw(i ? ",{\"name\":" : "{\"name\":");
        w.string(a.name);
        if (!a.qualifier.empty()) {
            w.raw(",\"qualifier\":");
            w.string(a.qualifier);
        }
        w.raw(",\"role\":");
        w.string(a.role);
        if (!a.surface.empty()) {
            w.raw(",\"surface\":");
            w.string(a.surface);
        }
        w.raw("}");
    }
    w.raw("],\"cameo\":");
    if (e.cameo.empty()) w.raw("null");
    else w.string(e.cameo);
    w.raw(",\"confidence\":");
    w.confidence(e.confidence);
    w.raw(",\"evidence\":");
    write_evidence(w, e.evidence);
    w.raw(",\"headline\":");
    w.string(e.headline);
    w.raw(",\"id\":");
    w.string(e.id);
    if (with_mentions) {
        w.raw(",\"mentions\":[");
        for (std::size_t i = 0; i < e.mentions.size(); ++i) {
            if (i) w.raw(",");
            write_evidence(w, e.mentions[i]);
        }
        w.raw("]");
    }
    w.raw(",\"places\":[");
    for (std::size_t i = 0; i < e.places.size(); ++i) {
        const auto& p = e.places[i];
        w.raw(i ? ",{\"lat\":" : "{\"lat\":");
        if (p.lat) w.number(*p.lat);
        else w.raw("null");
        w.raw(",\"lon\":");
        if (p.lon) w.number(*p.lon);
        else w.raw("null");
        w.raw(",\"name\":");
        w.string(p.name);
        if (!p.surface.empty()) {
            w.raw(",\"surface\":");
            w.string(p.surface);
        }
        w.raw("}");
    }
    w.raw("]");
    if (with_mentions) {
        w.raw(",\"source_count\":");
        w.integer(e.source_count);
    }
    w.raw(",\"status\":");
    w.string(to_string(e.status));
    w.raw(",\"type\":");
    w.string(e.type);
    // when: date_source, earliest, edtf, latest, precision, [timex_value].
    w.raw(",\"when\":{\"date_source\":");
    w.string(to_string(e.date_source));
    if (e.when) {
        w.raw(",\"earliest\":");
        w.date(e.when->earliest);
        w.raw(",\"edtf\":");
        w.string(edtf);
        w.raw(",\"latest\":");
        if (e.when->open_end) w.raw("null");
        else w.date(e.when->latest);
        w.raw(",\"precision\":");
        w.string(to_string(e.when->precision));
    } else {
        w.raw(",\"earliest\":null,\"edtf\":null,\"latest\":null,\"precision\":null");
    }
    if (!e.timex_value.empty()) {
        w.raw(",\"timex_value\":");
        w.string(e.timex_value);
    }
    w.raw("}}");
}

// append_json of an Event or an EventView; `fallback` gives the Event whose
// dump() reports text that is not UTF-8.
template <typename E, typename Fallback>
void append_json_of(std::string& out, const E& e, bool with_mentions, Fallback fallback) {
    // Events of one article mostly share a few spans, and articles of one day or
    // year the same ones: the texts of the last few are kept per thread, in 64 slots
    // chosen by the span's days and precision.
    struct CachedEdtf {
        std::optional<Span> span;
        std::string text;
    };
    thread_local std::array<CachedEdtf, 64> edtf_cache;
    std::string_view edtf;
    if (e.when) {
        const Span& w = *e.when;
        const std::uint64_t key = (static_cast<std::uint64_t>(w.earliest.day_number()) * 0x9E3779B97F4A7C15ull) ^
                                  (static_cast<std::uint64_t>(w.latest.day_number()) * 0xBF58476D1CE4E5B9ull) ^
                                  (static_cast<std::uint64_t>(w.precision) << 7);
        CachedEdtf& c = edtf_cache[(key ^ (key >> 29)) & 63];
        if (!c.span || !(*c.span == w)) {
            c.text = w.edtf();
            c.span = w;
        }
        edtf = c.text;
    }
    // Written into a per-thread buffer of the bound's size, then appended once.
    thread_local std::string buffer;
    const std::size_t bound = event_bound(e, with_mentions) + JsonWriter::string_bound(edtf.size());
    if (buffer.size() < bound) buffer.resize(std::max(bound, 2 * buffer.size()));
    JsonWriter w(buffer.data());
    write_event(w, e, with_mentions, edtf);
    if (!w.ok()) {
        // Not UTF-8 somewhere: dump() throws its own error for it, as before.
        out += to_json(fallback(), with_mentions).dump();
        return;
    }
    out.append(buffer.data(), static_cast<std::size_t>(w.position() - buffer.data()));
}

}  // namespace

void append_json(std::string& out, const Event& e, bool with_mentions) {
    append_json_of(out, e, with_mentions, [&]() -> const Event& { return e; });
}

void append_json(std::string& out, const EventView& v, bool with_mentions) {
    append_json_of(out, v, with_mentions, [&] { return to_event(v); });
}

Event to_event(const EventView& v) {
    auto evidence = [](const EvidenceView& x) {
        Evidence ev;
        ev.article = x.article;
        ev.sentence = x.sentence;
        ev.begin = x.begin;
        ev.end = x.end;
        if (x.timex) ev.timex = std::string(*x.timex);
        ev.url = x.url;
        ev.source = x.source;
        ev.published = x.published;
        return ev;
    };
    Event e;
    e.id = v.id;
    e.when = v.when;
    e.date_source = v.date_source;
    e.timex_value = v.timex_value;
    e.type = v.type;
    e.cameo = v.cameo;
    e.headline = v.headline;
    e.actors.reserve(v.actors.size());
    for (const ActorView& a : v.actors)
        e.actors.push_back({std::string(a.name), std::string(a.role), std::string(a.surface), std::string(a.qualifier)});
    e.places.reserve(v.places.size());
    for (const PlaceView& p : v.places) e.places.push_back({std::string(p.name), p.lat, p.lon, std::string(p.surface)});
    e.evidence = evidence(v.evidence);
    e.mentions.reserve(v.mentions.size());
    for (const EvidenceView& m : v.mentions) e.mentions.push_back(evidence(m));
    e.confidence = v.confidence;
    e.status = v.status;
    e.source_count = v.source_count;
    return e;
}

std::string_view to_string(DateSource s) { return k_date_sources[static_cast<std::size_t>(s)]; }
std::string_view to_string(EventStatus s) { return k_statuses[static_cast<std::size_t>(s)]; }

std::optional<EventStatus> status_from_string(std::string_view s) {
    for (std::size_t i = 0; i < k_statuses.size(); ++i)
        if (k_statuses[i] == s) return static_cast<EventStatus>(i);
    return std::nullopt;
}

json to_json(const Event& e, bool with_mentions) {
    json j = json::object();
    j["id"] = e.id;
    json when = json::object();
    if (e.when) {
        when["edtf"] = e.when->edtf();
        when["earliest"] = iso(e.when->earliest);
        when["latest"] = e.when->open_end ? json(nullptr) : json(iso(e.when->latest));
        when["precision"] = std::string(to_string(e.when->precision));
    } else {
        when["edtf"] = nullptr;
        when["earliest"] = nullptr;
        when["latest"] = nullptr;
        when["precision"] = nullptr;
    }
    when["date_source"] = std::string(to_string(e.date_source));
    if (!e.timex_value.empty()) when["timex_value"] = e.timex_value;
    j["when"] = std::move(when);
    j["type"] = e.type;
    j["cameo"] = e.cameo.empty() ? json(nullptr) : json(e.cameo);
    j["headline"] = e.headline;
    json actors = json::array();
    for (const auto& a : e.actors) {
        json aj = {{"name", a.name}, {"role", a.role}};
        if (!a.surface.empty()) aj["surface"] = a.surface;
        if (!a.qualifier.empty()) aj["qualifier"] = a.qualifier;
        actors.push_back(std::move(aj));
    }
    j["actors"] = std::move(actors);
    json places = json::array();
    for (const auto& p : e.places) {
        json pj = {{"name", p.name},
                   {"lat", p.lat ? json(*p.lat) : json(nullptr)},
                   {"lon", p.lon ? json(*p.lon) : json(nullptr)}};
        if (!p.surface.empty()) pj["surface"] = p.surface;
        places.push_back(std::move(pj));
    }
    j["places"] = std::move(places);
    j["evidence"] = evidence_json(e.evidence);
    j["confidence"] = std::round(e.confidence * 1000.0) / 1000.0;
    j["status"] = std::string(to_string(e.status));
    if (with_mentions) {
        json mentions = json::array();
        for (const auto& m : e.mentions) mentions.push_back(evidence_json(m));
        j["mentions"] = std::move(mentions);
        j["source_count"] = e.source_count;
    }
    return j;
}

Event event_from_json(const json& j) {
    try {
        Event e;
        e.id = j.at("id").get<std::string>();
        const json& when = j.at("when");
        if (when.contains("edtf") && !when["edtf"].is_null()) {
            const auto text = when["edtf"].get<std::string>();
            e.when = parse_edtf(text);
            if (!e.when) throw InputError(fmt::format("event {}: when.edtf '{}' is not a date dateline writes", e.id, text));
        }
        const std::string src = when.value("date_source", "text");
        e.date_source = src == "published" ? DateSource::published : src == "unresolved" ? DateSource::unresolved : DateSource::text;
        e.timex_value = when.value("timex_value", "");
        e.type = j.at("type").get<std::string>();
        e.cameo = j.contains("cameo") && j["cameo"].is_string() ? j["cameo"].get<std::string>() : "";
        e.headline = j.value("headline", "");
        for (const auto& a : j.value("actors", json::array()))
            e.actors.push_back({a.at("name").get<std::string>(), a.value("role", ""), a.value("surface", ""),
                                a.value("qualifier", "")});
        for (const auto& p : j.value("places", json::array())) {
            PlaceRef pr;
            pr.name = p.at("name").get<std::string>();
            if (p.contains("lat") && p["lat"].is_number()) pr.lat = p["lat"].get<double>();
            if (p.contains("lon") && p["lon"].is_number()) pr.lon = p["lon"].get<double>();
            pr.surface = p.value("surface", "");
            e.places.push_back(std::move(pr));
        }
        e.evidence = evidence_from(j.at("evidence"));
        for (const auto& m : j.value("mentions", json::array())) e.mentions.push_back(evidence_from(m));
        e.confidence = j.value("confidence", 0.5);
        e.status = status_from_string(j.value("status", "asserted")).value_or(EventStatus::asserted);
        e.source_count = j.value("source_count", 1);
        return e;
    } catch (const json::exception& ex) {
        throw InputError(fmt::format("malformed event record: {}", ex.what()));
    }
}

void sort_chronologically(std::vector<Event>& events) {
    auto before = [](const Event& a, const Event& b) {
        const int c = chronological_order(a.when, a.evidence.article, a.evidence.begin, a.type, b.when,
                                          b.evidence.article, b.evidence.begin, b.type);
        return c != 0 ? c < 0 : a.id < b.id;
    };
    // The order of a stable sort of the events, found on their indexes: each
    // event is then moved once, not at every step of the sort.
    std::vector<std::size_t> order(events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return before(events[a], events[b]); });
    // Applied in place, cycle by cycle (events[i] becomes the old events[order[i]]):
    // an event already in its place is not moved, and no second vector is built.
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i) continue;
        Event held = std::move(events[i]);
        std::size_t j = i;
        while (order[j] != i) {
            const std::size_t from = order[j];
            events[j] = std::move(events[from]);
            order[j] = j;
            j = from;
        }
        events[j] = std::move(held);
        order[j] = j;
    }
}

}  // namespace dateline
