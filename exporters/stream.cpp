// Piecewise JSON and the spill file of the streaming exporters.
#include "stream.hpp"

#include "dateline/error.hpp"

#include <array>
#include <stdexcept>

namespace dateline::exporters {

using json = nlohmann::json;

std::string json_text(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

std::string json_nested(const json& j, int levels) {
    const std::string text = json_text(j);
    const std::string pad(static_cast<std::size_t>(2 * levels), ' ');
    std::string shifted;
    shifted.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        shifted += c;
        if (c == '\n') shifted += pad;
    }
    return shifted;
}

namespace {

// Byte classes of append_indented: 1 moves the layout ({ } [ ] , : and the
// quote that opens a string), 2 may end a run inside a string (" and \\).
constexpr std::array<unsigned char, 256> k_json_bytes = [] {
    std::array<unsigned char, 256> t{};
    for (unsigned char c : std::string_view("{}[],:")) t[c] = 1;
    t['"'] = 3;
    t['\\'] = 2;
    return t;
}();

}  // namespace

void append_indented(std::string& out, std::string_view s, int levels) {
    int depth = levels;
    auto line = [&] {
        out += '\n';
        out.append(static_cast<std::size_t>(2 * depth), ' ');
    };
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // A run of bytes that move nothing (numbers, literals) goes out as it is.
        std::size_t stop = i;
        while (stop < n && !(k_json_bytes[bytes[stop]] & 1)) ++stop;
        out.append(s.data() + i, stop - i);
        if (stop == n) break;
        i = stop;
        const char c = s[i];
        if (c == '"') {
            // A string, through its closing quote; an escaped quote does not close it.
            std::size_t j = i + 1;
            for (;;) {
                while (j < n && !(k_json_bytes[bytes[j]] & 2)) ++j;
                if (j >= n) throw std::logic_error("append_indented: unclosed JSON string");
                if (s[j] == '"') break;
                j += 2;
            }
            out.append(s.data() + i, j + 1 - i);
            i = j + 1;
        } else if (c == '{' || c == '[') {
            // An empty object or array stays on its line, as dump(2) writes it.
            if (i + 1 < n && s[i + 1] == (c == '{' ? '}' : ']')) {
                out.append(s.data() + i, 2);
                i += 2;
            } else {
                out += c;
                ++depth;
                line();
                ++i;
            }
        } else if (c == '}' || c == ']') {
            --depth;
            line();
            out += c;
            ++i;
        } else if (c == ',') {
            out += ',';
            line();
            ++i;
        } else {  // ':'
            out += ": ";
            ++i;
        }
    }
}

void JsonArrayWriter::add_compact(std::string_view compact) {
    std::string text(m_count == 0 ? "[\n" : ",\n");
    text.append(static_cast<std::size_t>(2 * (m_levels + 1)), ' ');
    append_indented(text, compact, m_levels + 1);
    m_out << text;
    ++m_count;
}

void JsonArrayWriter::add(const json& element) {
    const std::string pad(static_cast<std::size_t>(2 * (m_levels + 1)), ' ');
    m_out << (m_count == 0 ? "[\n" : ",\n") << pad << json_nested(element, m_levels + 1);
    ++m_count;
}

void JsonArrayWriter::close() {
    if (m_count == 0) {
        m_out << "[]";
        return;
    }
    m_out << '\n' << std::string(static_cast<std::size_t>(2 * m_levels), ' ') << ']';
}

Spill::Spill() : m_file(std::tmpfile()) {
    if (!m_file) throw Error("cannot create a temporary file for the export");
}

void Spill::flush() {
    if (m_buffer.empty()) return;
    if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file.get()) != m_buffer.size())
        throw Error("cannot write the export's temporary file (disk full?)");
    m_buffer.clear();
}

void Spill::write(std::string_view text) {
    m_buffer.append(text);
    if (m_buffer.size() >= (1u << 16)) flush();
}

void Spill::copy_to(std::ostream& out) {
    flush();
    std::rewind(m_file.get());
    char chunk[1 << 16];
    std::size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, m_file.get())) > 0) out.write(chunk, static_cast<std::streamsize>(n));
    if (std::ferror(m_file.get())) throw Error("cannot read the export's temporary file");
}

void Spill::start_reading() {
    flush();
    std::rewind(m_file.get());
}

void Spill::read(std::size_t n, std::string& into) {
    into.resize(n);
    if (n != 0 && std::fread(into.data(), 1, n, m_file.get()) != n)
        throw Error("cannot read the export's temporary file");
}

SpillStream::SpillStream(Spill& spill) : std::ostream(nullptr), m_buf(spill) { rdbuf(&m_buf); }

SpillStream::Buf::int_type SpillStream::Buf::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    m_spill.write(std::string_view(&ch, 1));
    return c;
}

std::streamsize SpillStream::Buf::xsputn(const char* s, std::streamsize n) {
    m_spill.write(std::string_view(s, static_cast<std::size_t>(n)));
    return n;
}

}  // namespace dateline::exporters
