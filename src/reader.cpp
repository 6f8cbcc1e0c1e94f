// Readers: plain text, JSON Lines and HTML articles, with page furniture removed.
#include "dateline/reader.hpp"

#include "dateline/error.hpp"
#include "reader_timeml.hpp"
#include "text_util.hpp"

#include <fmt/format.h>
#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <limits>
#include <sstream>
#include <string.h>  // memmem (POSIX 2024, glibc)
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dateline {
namespace {

using json = nlohmann::json;

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Whole lines that are page furniture, compared lower-cased with dashes, bullets
// and punctuation around them stripped.
constexpr std::array<std::string_view, 28> k_furniture_lines{
    "advertisement", "advertisements", "sponsored", "sponsored content", "leave a reply", "leave a comment",
    "post a comment", "comments", "share", "share this", "share this article", "share on facebook",
    "share on twitter", "tweet", "click to share", "print", "email", "subscribe", "subscribe now",
    "sign up for our newsletter", "read more", "related", "related articles", "related posts",
    "you may also like", "skip to content", "cancel reply", "accept read more"};

// Fragments that mark a whole line as a notice rather than reporting.
constexpr std::array<std::string_view, 6> k_furniture_fragments{
    "uses cookies", "use cookies", "cookie policy", "accept cookies", "you can opt-out if you wish",
    "all rights reserved"};

// The longest furniture line: a longer line is furniture only by its fragments.
constexpr std::size_t k_longest_furniture_line = [] {
    std::size_t n = 0;
    for (auto l : k_furniture_lines) n = std::max(n, l.size());
    return n;
}();

// Each fragment holds one of these: a line without any of them holds no fragment.
constexpr std::array<std::string_view, 3> k_fragment_keys{"cookie", "opt-out", "rights reserved"};
static_assert([] {
    for (auto frag : k_furniture_fragments) {
        bool found = false;
        for (auto k : k_fragment_keys) found = found || frag.find(k) != std::string_view::npos;
        if (!found) return false;
    }
    // The bytes may_hold_fragment looks for, where it looks for them.
    return k_fragment_keys[0][3] == 'k' && k_fragment_keys[1][3] == '-' && k_fragment_keys[2][12] == 'v';
}());

// False when `t` holds none of k_fragment_keys in any case, and so no fragment:
// each key has a byte at a fixed place in it ('k' of "cookie", '-' of "opt-out",
// 'v' of "rights reserved"), and only around those bytes is the key compared.
// One pass of sixteen bytes at a time, with no lower-cased copy of the line.
bool may_hold_fragment(std::string_view t) {
    auto key_at = [&](std::size_t i) {
        const char c = static_cast<char>(t[i] | 0x20);
        auto is_key = [&](std::size_t at, std::string_view key) {
            if (i < at || i - at + key.size() > t.size()) return false;
            for (std::size_t k = 0; k < key.size(); ++k) {
                const char b = t[i - at + k];
                if ((b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b) != key[k]) return false;
            }
            return true;
        };
        return (c == 'k' && is_key(3, "cookie")) || (t[i] == '-' && is_key(3, "opt-out")) ||
               (c == 'v' && is_key(12, "rights reserved"));
    };
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= t.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
        const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
        const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8('k')), _mm_cmpeq_epi8(folded, _mm_set1_epi8('v'))),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
        for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0; mask &= mask - 1)
            if (key_at(i + static_cast<std::size_t>(std::countr_zero(mask)))) return true;
    }
#endif
    for (; i < t.size(); ++i)
        if (key_at(i)) return true;
    return false;
}

bool is_furniture(std::string_view line) {
    std::string_view t = trim(line);
    if (t.empty()) return false;
    // Strip decoration: "- Advertisement -", "* Share *".
    while (!t.empty() && (t.front() == '-' || t.front() == '*' || t.front() == '|' || t.front() == ' ')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == '-' || t.back() == '*' || t.back() == '|' || t.back() == ' ' || t.back() == ':'))
        t.remove_suffix(1);
    // Most lines are paragraphs of text, longer than any furniture line and
    // holding no fragment key: those are told apart without a copy.
    if (t.size() > k_longest_furniture_line && !may_hold_fragment(t)) return false;
    // Lower-cased into a buffer reused from line to line, then compared and
    // searched for the fragments with memmem.
    thread_local std::string low;
    low.resize(t.size());
    lower_into(t.data(), t.size(), low.data());  // as std::tolower in the C locale
    if (low.size() <= k_longest_furniture_line &&
        std::find(k_furniture_lines.begin(), k_furniture_lines.end(), low) != k_furniture_lines.end())
        return true;
    for (auto frag : k_furniture_fragments)
        if (memmem(low.data(), low.size(), frag.data(), frag.size()) != nullptr) return true;
    return false;
}

std::string strip_bom(std::string s) {
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF && static_cast<unsigned char>(s[1]) == 0xBB &&
        static_cast<unsigned char>(s[2]) == 0xBF)
        s.erase(0, 3);
    return s;
}

bool utf16_bom(std::string_view s) {
    return s.size() >= 2 && ((static_cast<unsigned char>(s[0]) == 0xFF && static_cast<unsigned char>(s[1]) == 0xFE) ||
                             (static_cast<unsigned char>(s[0]) == 0xFE && static_cast<unsigned char>(s[1]) == 0xFF));
}

std::string file_stem(const std::string& name) {
    if (name.empty() || name == "-" || name == "<stdin>") return "";
    return std::filesystem::path(name).stem().string();
}

// Reads at most `cap` bytes of the rest of `in` and skips the others, counting
// them: a 200 MB page costs 200 MB of reading, not of memory. `total` is the
// whole length.
std::string read_capped(std::istream& in, std::size_t cap, std::size_t& total) {
    std::string out(cap, '\0');
    in.read(out.data(), static_cast<std::streamsize>(cap));
    out.resize(static_cast<std::size_t>(in.gcount()));
    total = out.size();
    if (out.size() == cap && in) {
        in.ignore(std::numeric_limits<std::streamsize>::max());
        total += static_cast<std::size_t>(in.gcount());
    }
    if (!in.bad()) in.clear();
    return out;
}

// Like std::getline, but keeps at most `cap` bytes of the line, so one giant
// line cannot take the memory of the run. `length` is the whole line's length.
bool getline_capped(std::istream& in, std::string& line, std::size_t cap, std::size_t& length) {
    line.clear();
    length = 0;
    bool got = false;
    char buf[65536];
    for (;;) {
        in.getline(buf, sizeof buf);
        const std::size_t n = static_cast<std::size_t>(in.gcount());
        const bool delimiter = !in.fail() && !in.eof();  // getline counts the '\n' it took
        const std::size_t chars = delimiter ? n - 1 : n;
        got = got || delimiter || chars > 0;
        length += chars;
        if (line.size() < cap) line.append(buf, std::min(chars, cap - line.size()));
        if (delimiter) return true;
        if (in.eof() || in.bad()) return got;
        in.clear();  // the buffer filled up: the line goes on
    }
}

// Checks what every article must satisfy; returns an error message or "".
std::string check_text(std::string_view text, const ReadOptions& options) {
    if (text.size() > options.max_article_bytes)
        return fmt::format("article is {} bytes, over the limit of {} (raise it with --max-article-bytes)", text.size(),
                           options.max_article_bytes);
    if (utf16_bom(text)) return "text is UTF-16; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)";
    std::size_t bad = 0;
    if (!valid_utf8(text, &bad)) return fmt::format("invalid UTF-8 at byte {}; convert or clean the file", bad);
    if (text.find('\0') != std::string_view::npos) return "text contains NUL bytes; is this a binary file?";
    if (trim(text).empty()) return "article text is empty";
    return "";
}

void finish_article(Article& a, const ReadOptions& options) {
    if (!a.published) a.published = options.published;
    if (a.source.empty()) a.source = options.source;
    if (a.id.empty()) a.id = content_hash(a.text);
    blank_page_furniture(a.text);
}

// --- HTML --------------------------------------------------------------------

const char* attr(const GumboElement& el, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
    return a ? a->value : nullptr;
}

bool skipped_tag(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_FIGURE:
        return true;
    default: return false;
    }
}

bool block_tag(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BR:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        return true;
    default: return false;
    }
}

// Class or id words that mark page furniture containers.
bool furniture_container(const GumboElement& el) {
    static constexpr std::array<std::string_view, 14> k_words{
        "nav", "menu", "footer", "share", "social", "comment", "cookie", "advert", "sidebar", "related",
        "newsletter", "promo", "breadcrumb", "subscribe"};
    for (const char* name : {"class", "id", "role"}) {
        const char* v = attr(el, name);
        if (!v) continue;
        const std::string low = lower_ascii(v);
        if (std::string_view(name) == "role" && (low == "navigation" || low == "banner" || low == "contentinfo"))
            return true;
        for (auto w : k_words)
            if (low.find(w) != std::string::npos) return true;
    }
    return false;
}

void collect_text(const GumboNode* node, std::string& out, int depth) {
    if (depth > 200) return;  // pathological nesting: keep the stack bounded
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
        std::string_view t = node->v.text.text;
        // Collapse whitespace runs to one space; newlines in HTML source are not breaks.
        for (char c : t) {
            const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
            if (space) {
                if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
            } else {
                out.push_back(c);
            }
        }
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (skipped_tag(el.tag) || furniture_container(el)) return;
    const bool block = block_tag(el.tag);
    auto paragraph_break = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && !out.ends_with("\n\n")) out += out.back() == '\n' ? "\n" : "\n\n";
    };
    if (block) paragraph_break();
    for (unsigned i = 0; i < el.children.length; ++i)
        collect_text(static_cast<const GumboNode*>(el.children.data[i]), out, depth + 1);
    if (block) paragraph_break();
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag, int depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > 200) return nullptr;
    if (node->v.element.tag == tag) return node;
    for (unsigned i = 0; i < node->v.element.children.length; ++i)
        if (auto* f = find_first(static_cast<const GumboNode*>(node->v.element.children.data[i]), tag, depth + 1)) return f;
    return nullptr;
}

void find_meta(const GumboNode* node, Article& a, std::string& og_title, int depth = 0) {
    if (node->type != GUMBO_NODE_ELEMENT || depth > 200) return;
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_META) {
        const char* prop = attr(el, "property");
        if (!prop) prop = attr(el, "name");
        const char* content = attr(el, "content");
        if (prop && content) {
            const std::string p = lower_ascii(prop);
            if ((p == "article:published_time" || p == "pubdate" || p == "date" || p == "dc.date" ||
                 p == "datepublished" || p == "og:published_time") && !a.published)
                a.published = parse_iso_date(content);
            else if (p == "og:title")
                og_title = content;
            else if (p == "og:url" && a.url.empty())
                a.url = content;
            else if (p == "og:site_name" && a.source.empty())
                a.source = content;
        }
    } else if (el.tag == GUMBO_TAG_TIME && !a.published) {
        if (const char* dt = attr(el, "datetime")) a.published = parse_iso_date(dt);
    } else if (el.tag == GUMBO_TAG_LINK && a.url.empty()) {
        const char* rel = attr(el, "rel");
        const char* href = attr(el, "href");
        if (rel && href && lower_ascii(rel) == "canonical") a.url = href;
    } else if (el.tag == GUMBO_TAG_HTML) {
        if (const char* lang = attr(el, "lang")) a.language = std::string(lang).substr(0, 2);
    }
    for (unsigned i = 0; i < el.children.length; ++i)
        find_meta(static_cast<const GumboNode*>(el.children.data[i]), a, og_title, depth + 1);
}

std::string node_text(const GumboNode* node) {
    std::string t;
    collect_text(node, t, 0);
    return std::string(trim(t));
}

// gumbo builds the tree in time quadratic in the nesting depth (its scope checks
// walk the stack of open elements): 40,000 nested <div> take 14 s, 200,000 take
// minutes. News pages nest a few dozen deep, so deeper pages are refused before
// parsing. This is a linear over-estimate of the depth: start tags minus end
// tags, not counting void elements, self-closing tags, and elements whose end
// tag HTML lets one leave out (<p>, <li>, <td>, ...); comments, scripts and
// styles are skipped.
constexpr std::size_t k_max_html_depth = 500;

std::size_t html_depth(std::string_view html) {
    static constexpr std::array<std::string_view, 30> k_not_nesting{
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot",
        "colgroup", "rt", "rp"};
    std::size_t depth = 0, deepest = 0, i = 0;
    const std::size_t n = html.size();
    auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (html.compare(i, 4, "<!--") == 0) {
            const std::size_t end = html.find("-->", i + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        const bool closing = i + 1 < n && html[i + 1] == '/';
        std::size_t b = i + (closing ? 2 : 1), e = b;
        while (e < n && (is_alpha(html[e]) || (e > b && html[e] >= '0' && html[e] <= '9'))) ++e;
        if (e == b) {
            ++i;
            continue;
        }
        const std::string tag = lower_ascii(html.substr(b, e - b));
        const std::size_t gt = html.find('>', e);
        if (gt == std::string_view::npos) break;
        i = gt + 1;
        if (closing) {
            if (depth > 0 && std::find(k_not_nesting.begin(), k_not_nesting.end(), tag) == k_not_nesting.end()) --depth;
            continue;
        }
        if (html[gt - 1] == '/' || std::find(k_not_nesting.begin(), k_not_nesting.end(), tag) != k_not_nesting.end())
            continue;
        deepest = std::max(deepest, ++depth);
        if (tag == "script" || tag == "style") {  // their text is not markup
            const std::string close = "</" + tag;
            std::size_t end = i;
            while ((end = html.find("</", end)) != std::string_view::npos &&
                   lower_ascii(html.substr(end, close.size())) != close)
                end += 2;
            if (end == std::string_view::npos) break;
            i = end;
        }
    }
    return deepest;
}

void read_html(std::istream& in, const std::string& name, const ReadOptions& options, const ArticleSink& sink,
               const ProblemSink& problem) {
    std::size_t total = 0;
    std::string raw = read_capped(in, options.max_article_bytes + 1, total);
    if (total > options.max_article_bytes) {
        problem({name, fmt::format("page is {} bytes, over the limit of {} (raise it with --max-article-bytes)", total,
                                   options.max_article_bytes)});
        return;
    }
    raw = strip_bom(std::move(raw));
    std::size_t bad = 0;
    if (!valid_utf8(raw, &bad)) {
        problem({name, fmt::format("invalid UTF-8 at byte {}; convert the page to UTF-8", bad)});
        return;
    }
    if (const std::size_t depth = html_depth(raw); depth > k_max_html_depth) {
        problem({name, fmt::format("elements nest about {} deep, over the limit of {}; not an article page", depth,
                                   k_max_html_depth)});
        return;
    }
    GumboOutput* doc = gumbo_parse_with_options(&kGumboDefaultOptions, raw.data(), raw.size());
    Article a;
    a.origin = name;
    a.id = file_stem(name);
    std::string og_title;
    find_meta(doc->root, a, og_title);
    if (const GumboNode* t = find_first(doc->root, GUMBO_TAG_TITLE)) a.title = node_text(t);
    if (!og_title.empty()) a.title = og_title;
    const GumboNode* body = find_first(doc->root, GUMBO_TAG_ARTICLE);
    if (!body) body = find_first(doc->root, GUMBO_TAG_MAIN);
    if (!body) body = find_first(doc->root, GUMBO_TAG_BODY);
    std::string text;
    if (body) collect_text(body, text, 0);
    gumbo_destroy_output(&kGumboDefaultOptions, doc);
    a.text = std::string(trim(text));
    if (!a.title.empty() && a.text.find(a.title) == std::string::npos) a.text = a.title + "\n\n" + a.text;
    if (a.text.empty()) {
        problem({name, "no article text found in the page"});
        return;
    }
    finish_article(a, options);
    sink(std::move(a));
}

// --- JSON Lines --------------------------------------------------------------

// One member of a flat JSON object: a string or null value.
struct FlatField {
    std::string key;
    std::string value;
    bool null = false;
};

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Decodes the JSON string that starts at line[i] (a '"') into `out` and moves i
// past its closing quote. False on what is left to nlohmann: a malformed or
// unfinished string, a raw control byte, a \u escape of a surrogate (pairs and
// their errors), bytes that are not UTF-8.
bool flat_string(std::string_view line, std::size_t& i, std::string& out) {
    out.clear();
    std::size_t run = ++i;  // start of the bytes not yet copied
    bool ascii = true;      // no byte >= 0x80 seen: then no UTF-8 to check
    for (;;) {
#if defined(__SSE2__)
        // Sixteen plain bytes at a time (none '"', '\\' or below 0x20), noting
        // whether any is >= 0x80.
        while (line.size() - i >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
            const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // v <= 0x1F
            const __m128i special = _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
            const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
            const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
            if (mask == 0) {
                ascii = ascii && high == 0;
                i += 16;
                continue;
            }
            const int plain = std::countr_zero(mask);
            ascii = ascii && (high & ((1u << plain) - 1)) == 0;
            i += static_cast<std::size_t>(plain);
            break;
        }
#endif
        if (i >= line.size()) return false;
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if (c == '"') break;
        if (c < 0x20) return false;
        if (c != '\\') {
            ascii = ascii && c < 0x80;
            ++i;
            continue;
        }
        out.append(line, run, i - run);
        const std::size_t used = decode_json_escape(line.data() + i + 1, line.data() + line.size(), out);
        if (used == 0) return false;
        i += 1 + used;
        run = i;
    }
    out.append(line, run, i - run);
    ++i;
    // Escapes decode to whole UTF-8 sequences, which neither end nor begin a
    // broken one: `out` is UTF-8 exactly when the raw bytes are (ASCII always).
    return ascii || valid_utf8(out);
}

// Reads `line` when it is one JSON object whose values are all strings or null,
// the usual article line, into `fields` (in order; a repeated key: the last one
// counts, as in nlohmann). False on anything else, which nlohmann then parses or
// reports: the fast path only ever accepts what nlohmann reads the same way.
bool parse_flat_object(std::string_view line, std::vector<FlatField>& fields) {
    std::size_t count = 0;
    std::size_t i = 0;
    const std::size_t n = line.size();
    auto skip = [&] {
        while (i < n && json_space(line[i])) ++i;
    };
    skip();
    if (i >= n || line[i] != '{') return false;
    ++i;
    skip();
    if (i < n && line[i] == '}') {
        ++i;
    } else {
        for (;;) {
            if (i >= n || line[i] != '"') return false;
            if (fields.size() <= count) fields.emplace_back();
            FlatField& f = fields[count++];
            if (!flat_string(line, i, f.key)) return false;
            skip();
            if (i >= n || line[i] != ':') return false;
            ++i;
            skip();
            if (i < n && line[i] == '"') {
                if (!flat_string(line, i, f.value)) return false;
                f.null = false;
            } else if (line.substr(i, 4) == "null") {
                f.value.clear();
                f.null = true;
                i += 4;
            } else {
                return false;
            }
            skip();
            if (i < n && line[i] == ',') {
                ++i;
                skip();
                continue;
            }
            if (i < n && line[i] == '}') {
                ++i;
                break;
            }
            return false;
        }
    }
    skip();
    if (i != n) return false;
    fields.resize(count);
    return true;
}

void read_jsonl(std::istream& in, const std::string& name, const ReadOptions& options, const ArticleSink& sink,
                const ProblemSink& problem) {
    std::vector<FlatField> fields;  // reused from line to line
    std::string line;
    std::size_t lineno = 0;
    std::size_t length = 0;
    // Room for the other fields and JSON escapes around a text at the limit.
    const std::size_t max_line = options.max_article_bytes + 65536;
    while (getline_capped(in, line, max_line + 1, length)) {
        ++lineno;
        const std::string where = fmt::format("{}:{}", name, lineno);
        if (length > max_line) {
            problem({where, fmt::format("line is {} bytes, over the article limit of {} (raise it with "
                                        "--max-article-bytes)", length, options.max_article_bytes)});
            continue;
        }
        if (lineno == 1) line = strip_bom(std::move(line));
        if (trim(line).empty()) continue;
        // Most lines are flat objects of strings, read without building a tree;
        // the others go through nlohmann, which also words the errors.
        const bool flat = parse_flat_object(line, fields);
        auto flat_find = [&](std::string_view key) -> FlatField* {
            for (auto it = fields.rbegin(); it != fields.rend(); ++it)
                if (it->key == key) return &*it;
            return nullptr;
        };
        json j;
        if (!flat) {
            try {
                j = json::parse(line);
            } catch (const json::exception& e) {
                std::string msg = e.what();
                if (auto p = msg.find("]"); p != std::string::npos) msg = std::string(trim(msg.substr(p + 1)));
                problem({where, fmt::format("malformed JSON ({}); fix or remove the line", msg)});
                continue;
            }
            if (!j.is_object()) {
                problem({where, "expected a JSON object with at least a \"text\" field"});
                continue;
            }
        }
        Article a;
        if (flat) {
            FlatField* text = flat_find("text");
            if (!text || text->null) {
                problem({where, !text ? "no \"text\" field" : "\"text\" is not a string"});
                continue;
            }
            a.text = std::move(text->value);
        } else {
            auto text_it = j.find("text");
            if (text_it == j.end() || !text_it->is_string()) {
                problem({where, text_it == j.end() ? "no \"text\" field" : "\"text\" is not a string"});
                continue;
            }
            a.text = text_it->get<std::string>();
        }
        a.origin = where;
        auto str = [&](const char* key) -> std::string {
            if (flat) {
                const FlatField* f = flat_find(key);
                return f && !f->null ? f->value : std::string();
            }
            auto it = j.find(key);
            if (it == j.end() || it->is_null()) return "";
            if (it->is_string()) return it->get<std::string>();
            if (it->is_number()) return it->dump();
            return "";
        };
        a.id = str("id");
        a.url = str("url");
        a.title = str("title");
        a.source = str("source");
        if (auto lang = str("language"); !lang.empty()) a.language = lang;
        if (auto pub = str("published"); !pub.empty()) {
            a.published = parse_iso_date(pub);
            if (!a.published)
                problem({where, fmt::format("\"published\" '{}' is not an ISO date; the article is read without a "
                                            "date (relative dates stay unresolved unless --published is given)",
                                            pub)});
        }
        if (auto err = check_text(a.text, options); !err.empty()) {
            problem({where + (a.id.empty() ? "" : " (" + a.id + ")"), err});
            continue;
        }
        finish_article(a, options);
        sink(std::move(a));
    }
    if (in.bad()) problem({name, "read error"});
}

void read_text(std::istream& in, const std::string& name, const ReadOptions& options, const ArticleSink& sink,
               const ProblemSink& problem) {
    Article a;
    a.origin = name;
    a.id = file_stem(name);
    std::size_t total = 0;
    a.text = read_capped(in, options.max_article_bytes + 1, total);
    if (in.bad()) {
        problem({name, "read error"});
        return;
    }
    if (total > options.max_article_bytes) {
        problem({name, fmt::format("article is {} bytes, over the limit of {} (raise it with --max-article-bytes)",
                                   total, options.max_article_bytes)});
        return;
    }
    a.text = strip_bom(std::move(a.text));
    if (auto err = check_text(a.text, options); !err.empty()) {
        problem({name, err});
        return;
    }
    finish_article(a, options);
    sink(std::move(a));
}

}  // namespace

std::string_view to_string(InputFormat f) {
    switch (f) {
    case InputFormat::text: return "text";
    case InputFormat::jsonl: return "jsonl";
    case InputFormat::html: return "html";
    case InputFormat::timeml: return "timeml";
    }
    return "text";
}

InputFormat detect_format(std::string_view name, std::string_view head) {
    const std::string ext = lower_ascii(std::filesystem::path(std::string(name)).extension().string());
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return InputFormat::jsonl;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::html;
    if (ext == ".tml" || ext == ".te3input") return InputFormat::timeml;
    if (ext == ".txt" || ext == ".text") return InputFormat::text;
    const std::string_view t = trim(head);
    if (t.starts_with("{")) return InputFormat::jsonl;
    if (t.starts_with("<?xml") && t.find("<TimeML") != std::string_view::npos) return InputFormat::timeml;
    if (t.starts_with("<")) return InputFormat::html;
    return InputFormat::text;
}

void blank_page_furniture(std::string& text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        if (is_furniture(std::string_view(text).substr(pos, eol - pos)))
            std::fill(text.begin() + static_cast<std::ptrdiff_t>(pos), text.begin() + static_cast<std::ptrdiff_t>(eol), ' ');
        pos = eol + 1;
    }
}

bool valid_utf8(std::string_view s, std::size_t* bad_offset) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        // Sixteen ASCII bytes at a time: most text is.
        if (n - i >= 16) {
            std::uint64_t a, b;
            std::memcpy(&a, s.data() + i, 8);
            std::memcpy(&b, s.data() + i + 8, 8);
            if (((a | b) & 0x8080808080808080ull) == 0) {
                i += 16;
                continue;
            }
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else { if (bad_offset) *bad_offset = i; return false; }
        if (i + len > n) { if (bad_offset) *bad_offset = i; return false; }
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) { if (bad_offset) *bad_offset = i; return false; }
            cp = (cp << 6) | (d & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

void read_articles(std::istream& in, const std::string& name, InputFormat format, const ReadOptions& options,
                   const ArticleSink& on_article, const ProblemSink& on_problem) {
    switch (format) {
    case InputFormat::jsonl: read_jsonl(in, name, options, on_article, on_problem); return;
    case InputFormat::html: read_html(in, name, options, on_article, on_problem); return;
    case InputFormat::text: read_text(in, name, options, on_article, on_problem); return;
    case InputFormat::timeml: {
        // The TimeML parser wants the whole document: bound it here like the others.
        std::size_t total = 0;
        std::istringstream doc(read_capped(in, options.max_article_bytes + 1, total));
        if (total > options.max_article_bytes) {
            on_problem({name, fmt::format("document is {} bytes, over the limit of {} (raise it with "
                                          "--max-article-bytes)", total, options.max_article_bytes)});
            return;
        }
        read_timeml_stream(doc, name, options, on_article, on_problem);
        return;
    }
    }
}

}  // namespace dateline
