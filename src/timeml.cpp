// TimeML reading and writing: plain text for the tagger, a byte map back to the source.
#include "dateline/timeml.hpp"

#include "dateline/error.hpp"
#include "text_util.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <set>

namespace dateline {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ':' || c == '-' || c == '.';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::size_t line_at(std::string_view source, std::size_t pos) {
    pos = std::min(pos, source.size());
    return 1 + static_cast<std::size_t>(std::count(source.begin(), source.begin() + pos, '\n'));
}

// Decodes the entity starting at s[pos] == '&'. Returns its length in the
// source, or 0 when it is not one we know: the '&' is then taken literally, as
// the TimeBank extra-info lines carry SGML leftovers like "&Cx1f;".
std::size_t decode_entity(std::string_view s, std::size_t pos, std::string& out) {
    std::size_t semi = s.find(';', pos + 1);
    if (semi == std::string_view::npos || semi - pos > 12) return 0;
    std::string_view body = s.substr(pos + 1, semi - pos - 1);
    if (body == "amp") out += '&';
    else if (body == "lt") out += '<';
    else if (body == "gt") out += '>';
    else if (body == "quot") out += '"';
    else if (body == "apos") out += '\'';
    else if (body.size() >= 2 && body[0] == '#') {
        bool hex = body[1] == 'x' || body[1] == 'X';
        std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        std::uint32_t cp = 0;
        for (char c : digits) {
            int d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            if (cp > 0x10FFFF) return 0;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        append_utf8(out, cp);
    } else {
        return 0;
    }
    return semi - pos + 1;
}

std::string decode_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '&') {
            if (std::size_t n = decode_entity(s, i, out)) {
                i += n;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// One markup tag: <NAME attr="v" ...>, </NAME>, <NAME/>.
struct Tag {
    std::size_t begin = 0;  // at '<'
    std::size_t end = 0;    // after '>'
    std::string name;
    bool closing = false;
    bool self_closing = false;
    std::vector<std::pair<std::string, std::string>> attributes;

    std::string attribute(std::string_view key) const {
        for (const auto& [k, v] : attributes)
            if (k == key) return v;
        return {};
    }
};

[[noreturn]] void malformed(std::string_view source, const std::string& name, std::size_t pos,
                            std::string_view what) {
    throw InputError(fmt::format("{}:{}: malformed TimeML: {}", name, line_at(source, pos), what));
}

// Parses the tag at s[pos] == '<' (not a comment or processing instruction).
Tag parse_tag(std::string_view s, std::size_t pos, const std::string& file) {
    Tag tag;
    tag.begin = pos;
    std::size_t i = pos + 1;
    if (i < s.size() && s[i] == '/') {
        tag.closing = true;
        ++i;
    }
    std::size_t name_begin = i;
    while (i < s.size() && is_name_char(s[i])) ++i;
    if (i == name_begin) malformed(s, file, pos, "'<' that does not start a tag (write &lt;)");
    tag.name = std::string(s.substr(name_begin, i - name_begin));
    for (;;) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size()) malformed(s, file, pos, fmt::format("tag <{}> is not closed with '>'", tag.name));
        if (s[i] == '>') {
            tag.end = i + 1;
            return tag;
        }
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') {
            tag.self_closing = true;
            tag.end = i + 2;
            return tag;
        }
        std::size_t key_begin = i;
        while (i < s.size() && is_name_char(s[i])) ++i;
        if (i == key_begin || tag.closing)
            malformed(s, file, i, fmt::format("unexpected '{}' in tag <{}>", s[i], tag.name));
        std::string key(s.substr(key_begin, i - key_begin));
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size() || s[i] != '=')
            malformed(s, file, i, fmt::format("attribute {} of <{}> has no value", key, tag.name));
        ++i;
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size() || (s[i] != '"' && s[i] != '\''))
            malformed(s, file, i, fmt::format("attribute {} of <{}> is not quoted", key, tag.name));
        char quote = s[i++];
        std::size_t close = s.find(quote, i);
        if (close == std::string_view::npos)
            malformed(s, file, i, fmt::format("attribute {} of <{}> is not closed", key, tag.name));
        // XML allows no '<' in an attribute value: one there means the quote was never
        // closed and the value ran on into the markup after it.
        if (std::size_t lt = s.substr(i, close - i).find('<'); lt != std::string_view::npos)
            malformed(s, file, i + lt, fmt::format("attribute {} of <{}> is not closed before the next tag", key, tag.name));
        tag.attributes.emplace_back(std::move(key), decode_text(s.substr(i, close - i)));
        i = close + 1;
    }
}

// Finds "<NAME>" or "<NAME attr...>" at or after `from`; npos if absent.
std::size_t find_open_tag(std::string_view s, std::string_view name, std::size_t from = 0) {
    for (std::size_t p = s.find('<', from); p != std::string_view::npos; p = s.find('<', p + 1)) {
        if (s.compare(p + 1, name.size(), name) != 0) continue;
        std::size_t after = p + 1 + name.size();
        if (after < s.size() && (s[after] == '>' || s[after] == '/' || is_space(s[after]))) return p;
    }
    return std::string_view::npos;
}

// The content of the first <NAME>...</NAME> in s[from, to), tags stripped and decoded.
std::optional<std::string> element_text(std::string_view s, std::string_view name, std::size_t from,
                                        std::size_t to) {
    std::size_t open = find_open_tag(s.substr(0, to), name, from);
    if (open == std::string_view::npos) return std::nullopt;
    std::size_t content = s.find('>', open);
    std::size_t close = s.find(fmt::format("</{}>", name), content);
    if (content == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
    std::string stripped;
    bool in_tag = false;
    for (char c : s.substr(content + 1, close - content - 1)) {
        if (c == '<') in_tag = true;
        else if (c == '>') in_tag = false;
        else if (!in_tag) stripped += c;
    }
    return std::string(trim(decode_text(stripped)));
}

std::string stem_of(const std::string& name) {
    std::string stem = std::filesystem::path(name).filename().string();
    for (std::string_view ext : {".TE3input", ".tml", ".xml"}) {
        if (stem.size() > ext.size() && stem.compare(stem.size() - ext.size(), ext.size(), ext) == 0)
            stem.resize(stem.size() - ext.size());
    }
    return stem;
}

}  // namespace

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

TimemlDocument TimemlDocument::parse(std::string_view content, const std::string& name) {
    TimemlDocument doc;
    doc.m_name = name;
    doc.m_source = std::string(content);
    std::string_view s = doc.m_source;

    std::size_t text_open = find_open_tag(s, "TEXT");
    if (text_open == std::string_view::npos)
        throw InputError(fmt::format("{}: not a TimeML document: no <TEXT> element", name));
    std::size_t text_begin = s.find('>', text_open);
    if (text_begin == std::string_view::npos) malformed(s, name, text_open, "<TEXT is not closed with '>'");
    ++text_begin;
    std::size_t text_end = s.find("</TEXT>", text_begin);
    if (text_end == std::string_view::npos) malformed(s, name, text_open, "<TEXT> has no </TEXT>");

    doc.m_id = element_text(s, "DOCID", 0, text_open).value_or(stem_of(name));
    if (doc.m_id.empty()) doc.m_id = stem_of(name);
    doc.m_title = element_text(s, "TITLE", 0, text_open).value_or("");

    // TIMEX3 tags outside <TEXT>: the DCT, and tids our own tags must not reuse.
    std::optional<Tag> dct_tag;
    std::size_t dct_open = find_open_tag(s.substr(0, text_open), "DCT");
    for (std::size_t p = find_open_tag(s, "TIMEX3"); p != std::string_view::npos;
         p = find_open_tag(s, "TIMEX3", p + 1)) {
        if (p >= text_open && p < text_end) {
            p = text_end;
            continue;
        }
        Tag tag = parse_tag(s, p, name);
        if (!tag.attribute("tid").empty()) doc.m_reserved_tids.push_back(tag.attribute("tid"));
        bool in_dct = dct_open != std::string_view::npos && p > dct_open && p < text_open;
        if (!dct_tag && (in_dct || tag.attribute("functionInDocument") == "CREATION_TIME")) dct_tag = tag;
    }
    if (dct_tag) {
        std::string value = dct_tag->attribute("value");
        doc.m_dct = parse_iso_date(value);
        if (!doc.m_dct)
            malformed(s, name, dct_tag->begin,
                      fmt::format("the DCT value \"{}\" is not an ISO date (YYYY-MM-DD)", value));
        doc.m_dct_tid = dct_tag->attribute("tid");
        if (doc.m_dct_tid.empty()) doc.m_dct_tid = "t0";
    }

    // The text: every character outside tags, entities decoded, with its source range.
    struct Open {
        std::string name;
        std::size_t open_begin;
        std::size_t open_end;
        std::optional<std::size_t> timex;  // index into m_timexes
    };
    std::vector<Open> stack;
    std::string& text = doc.m_text;
    text.reserve(text_end - text_begin);
    auto add = [&](std::size_t raw_begin, std::size_t raw_end, std::size_t bytes) {
        for (std::size_t k = 0; k < bytes; ++k) {
            doc.m_raw_begin.push_back(raw_begin);
            doc.m_raw_end.push_back(raw_end);
        }
    };
    for (std::size_t i = text_begin; i < text_end;) {
        char c = s[i];
        if (c == '&') {
            std::size_t before = text.size();
            if (std::size_t n = decode_entity(s, i, text)) {
                add(i, i + n, text.size() - before);
                i += n;
                continue;
            }
        }
        if (c != '<') {
            text += c;
            add(i, i + 1, 1);
            ++i;
            continue;
        }
        if (s.compare(i, 4, "<!--") == 0 || s.compare(i, 2, "<?") == 0) {
            std::string_view close = s[i + 1] == '?' ? "?>" : "-->";
            std::size_t e = s.find(close, i);
            if (e == std::string_view::npos || e >= text_end) malformed(s, name, i, "comment is not closed");
            i = e + close.size();
            continue;
        }
        if (s.compare(i, 9, "<![CDATA[") == 0) {
            std::size_t e = s.find("]]>", i);
            if (e == std::string_view::npos || e >= text_end) malformed(s, name, i, "CDATA is not closed");
            for (std::size_t k = i + 9; k < e; ++k) {
                text += s[k];
                add(k, k + 1, 1);
            }
            i = e + 3;
            continue;
        }
        Tag tag = parse_tag(s, i, name);
        if (tag.end > text_end) malformed(s, name, i, fmt::format("tag <{}> runs past </TEXT>", tag.name));
        bool timex = tag.name == "TIMEX3";
        if (timex) doc.m_removed.push_back({tag.begin, tag.end});
        if (tag.self_closing) {
            // An empty TIMEX3 (a beginPoint/endPoint helper) has no text to score.
            i = tag.end;
            continue;
        }
        if (!tag.closing) {
            Open open{tag.name, tag.begin, tag.end, std::nullopt};
            if (timex) {
                for (const Open& o : stack)
                    if (o.timex) malformed(s, name, i, "a TIMEX3 inside another TIMEX3");
                TimemlTimex t;
                t.begin = t.end = text.size();
                t.tid = tag.attribute("tid");
                t.type = tag.attribute("type");
                t.value = tag.attribute("value");
                t.mod = tag.attribute("mod");
                t.anchor_time_id = tag.attribute("anchorTimeID");
                open.timex = doc.m_timexes.size();
                doc.m_timexes.push_back(std::move(t));
            }
            stack.push_back(std::move(open));
        } else {
            if (stack.empty()) malformed(s, name, i, fmt::format("</{}> without an opening tag", tag.name));
            if (stack.back().name != tag.name)
                malformed(s, name, i,
                          fmt::format("</{}> closes <{}> (line {})", tag.name, stack.back().name,
                                      line_at(s, stack.back().open_begin)));
            const Open& open = stack.back();
            if (open.timex) doc.m_timexes[*open.timex].end = text.size();
            else doc.m_elements.push_back({open.open_begin, open.open_end, tag.begin, tag.end});
            stack.pop_back();
        }
        i = tag.end;
    }
    if (!stack.empty())
        malformed(s, name, stack.back().open_begin, fmt::format("<{}> is not closed before </TEXT>", stack.back().name));
    // A sentinel so that an offset at the very end of the text maps to </TEXT>.
    doc.m_raw_begin.push_back(text_end);
    doc.m_raw_end.push_back(text_end);

    std::sort(doc.m_elements.begin(), doc.m_elements.end(),
              [](const Element& a, const Element& b) { return a.open_begin < b.open_begin; });
    std::stable_sort(doc.m_timexes.begin(), doc.m_timexes.end(),
                     [](const TimemlTimex& a, const TimemlTimex& b) { return a.begin < b.begin; });
    return doc;
}

std::size_t TimemlDocument::line_of(std::size_t text_offset) const {
    text_offset = std::min(text_offset, m_raw_begin.size() - 1);
    return line_at(m_source, m_raw_begin[text_offset]);
}

std::string TimemlDocument::write(const std::vector<TimemlTimex>& timexes) const {
    std::vector<TimemlTimex> sorted = timexes;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const TimemlTimex& a, const TimemlTimex& b) { return a.begin < b.begin; });

    std::set<std::string, std::less<>> used(m_reserved_tids.begin(), m_reserved_tids.end());
    for (const TimemlTimex& t : sorted)
        if (!t.tid.empty()) used.insert(t.tid);
    int next_tid = 1;

    struct Insert {
        std::size_t pos;
        int order;  // closing tags before opening ones at the same position
        std::string tag;
    };
    std::vector<Insert> inserts;
    std::size_t last_close = 0;
    for (const TimemlTimex& t : sorted) {
        if (t.begin >= t.end || t.end > m_text.size()) continue;
        std::size_t open = m_raw_begin[t.begin];
        std::size_t close = m_raw_end[t.end - 1];
        // Widen over any element whose tags would interleave with ours.
        for (bool changed = true; changed;) {
            changed = false;
            for (const Element& e : m_elements) {
                if (e.open_begin >= close) break;
                bool disjoint = e.close_end <= open || e.open_begin >= close;
                bool encloses = e.open_end <= open && e.close_begin >= close;
                bool inside = e.open_begin >= open && e.close_end <= close;
                if (disjoint || encloses || inside) continue;
                open = std::min(open, e.open_begin);
                close = std::max(close, e.close_end);
                changed = true;
            }
        }
        if (!inserts.empty() && open < last_close) continue;
        last_close = close;

        std::string tid = t.tid;
        if (tid.empty()) {
            while (used.count(fmt::format("t{}", next_tid))) ++next_tid;
            tid = fmt::format("t{}", next_tid++);
        }
        std::string tag = fmt::format("<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\"", xml_escape(tid),
                                      xml_escape(t.type), xml_escape(t.value));
        if (!t.mod.empty()) tag += fmt::format(" mod=\"{}\"", xml_escape(t.mod));
        if (!t.anchor_time_id.empty()) tag += fmt::format(" anchorTimeID=\"{}\"", xml_escape(t.anchor_time_id));
        tag += '>';
        inserts.push_back({open, 1, std::move(tag)});
        inserts.push_back({close, 0, "</TIMEX3>"});
    }
    std::stable_sort(inserts.begin(), inserts.end(), [](const Insert& a, const Insert& b) {
        return a.pos != b.pos ? a.pos < b.pos : a.order < b.order;
    });

    std::string out;
    out.reserve(m_source.size() + inserts.size() * 48);
    std::size_t cursor = 0;
    auto removed = m_removed.begin();
    // Copies the source up to `to`, leaving out the old TIMEX3 tags.
    auto copy_to = [&](std::size_t to) {
        while (cursor < to) {
            while (removed != m_removed.end() && removed->end <= cursor) ++removed;
            if (removed != m_removed.end() && removed->begin <= cursor) {
                cursor = removed->end;
                continue;
            }
            std::size_t stop = removed != m_removed.end() ? std::min(to, removed->begin) : to;
            out.append(m_source, cursor, stop - cursor);
            cursor = stop;
        }
    };
    for (const Insert& ins : inserts) {
        copy_to(ins.pos);
        out += ins.tag;
    }
    copy_to(m_source.size());
    return out;
}

std::vector<TimemlTimex> timeml_timexes(const std::vector<Timex>& timexes, const std::string& dct_tid) {
    std::vector<TimemlTimex> out;
    for (const Timex& t : timexes) {
        if (t.anaphoric || t.begin >= t.end) continue;
        if (!out.empty() && t.begin < out.back().end) continue;  // TIMEX3 tags do not overlap
        TimemlTimex x;
        x.begin = t.begin;
        x.end = t.end;
        x.type = std::string(to_string(t.type));
        x.value = t.value;
        x.mod = t.mod;
        if (t.relative) x.anchor_time_id = dct_tid;
        out.push_back(std::move(x));
    }
    return out;
}

Article article_from_timeml(std::string_view content, const std::string& name) {
    TimemlDocument doc = TimemlDocument::parse(content, name);
    Article a;
    a.id = doc.id();
    a.title = doc.title();
    a.published = doc.dct();
    a.text = doc.text();
    a.origin = name;
    return a;
}

}  // namespace dateline
