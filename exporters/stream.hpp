// Helpers for exporters that write a document piece by piece (write_stream):
// JSON values in the bytes of one whole-tree dump, and a spill file for parts
// that must come after something only known at the end.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace dateline::exporters {

/// `j.dump(2)` as every exporter writes it (invalid UTF-8 replaced, not thrown).
std::string json_text(const nlohmann::json& j);

/// A value nested `levels` deep in a document dumped with two spaces per
/// level: every line after its first indented by 2 * levels spaces. Strings
/// hold no raw line breaks (dump escapes them), so only structure moves.
std::string json_nested(const nlohmann::json& j, int levels);

/// Appends `compact`, a JSON text as `dump()` writes it (no spaces), laid out
/// as `dump(2)` lays it out, nested `levels` deep as json_nested nests it:
/// the same bytes as json_nested(json::parse(compact), levels), without the
/// tree. The text must be well-formed (a writer's own output); an unclosed
/// string throws std::logic_error.
void append_indented(std::string& out, std::string_view compact, int levels);

/// The elements of a JSON array written one at a time, in the bytes the
/// dump of the whole array (nested `levels` deep) gives: "[]" when empty.
class JsonArrayWriter {
public:
    JsonArrayWriter(std::ostream& out, int levels) : m_out(out), m_levels(levels) {}
    void add(const nlohmann::json& element);
    /// The same as add(json::parse(compact)), from the compact text of one element.
    void add_compact(std::string_view compact);
    void close();  // writes "]" (or "[]"); call once
    std::size_t size() const { return m_count; }

private:
    std::ostream& m_out;
    int m_levels;
    std::size_t m_count = 0;
};

/// Text written now and copied out later, kept in an anonymous temporary file
/// rather than in memory (a body whose heading needs a count, say).
/// Throws dateline::Error when no temporary file can be made or written.
class Spill {
public:
    Spill();
    void write(std::string_view text);
    /// Appends everything written so far to `out`.
    void copy_to(std::ostream& out);
    /// Reading back piece by piece: start_reading() once, after the last
    /// write, then read(n, into) gives the next n bytes (throws when fewer are left).
    void start_reading();
    void read(std::size_t n, std::string& into);

private:
    struct Close {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, Close> m_file;
    std::string m_buffer;  // gathers small writes
    void flush();
};

/// An ostream whose bytes go into a Spill.
class SpillStream : public std::ostream {
public:
    explicit SpillStream(Spill& spill);

private:
    class Buf : public std::streambuf {
    public:
        explicit Buf(Spill& s) : m_spill(s) {}

    protected:
        int_type overflow(int_type c) override;
        std::streamsize xsputn(const char* s, std::streamsize n) override;

    private:
        Spill& m_spill;
    };
    Buf m_buf;
};

}  // namespace dateline::exporters
