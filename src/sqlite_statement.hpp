// sqlite::Statement: a prepared statement with typed binding and column access.
#pragma once

#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace dateline::sqlite {

class Connection;

/// A prepared statement, reusable: `reset()` (done by `step()` after the last
/// row or by the next bind round) clears it for new parameters. Parameters are
/// 1-based like SQLite's; columns are 0-based. Errors throw StoreError.
///
///   Statement s(db, "SELECT rowid FROM articles WHERE id = ?");
///   s.bind(1, id);
///   if (s.step()) rowid = s.column_int64(0);
class Statement {
public:
    Statement(Connection& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, long long value);
    Statement& bind(int index, int value) { return bind(index, static_cast<long long>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  // copied by SQLite
    /// Binds text that SQLite does not copy: `value` must stay valid and
    /// unchanged until the statement has run (or been stepped to its end) and
    /// is bound anew. For the per-mention inserts, whose strings outlive them.
    Statement& bind_static(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    /// Binds a pointer that only an SQL function asking for the same `type`
    /// can read (sqlite3_bind_pointer): it must outlive the statement's use
    /// of it; SQLite neither copies nor frees it.
    Statement& bind_pointer(int index, void* pointer, const char* type);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    /// Advances to the next row: true if there is one. After the last row the
    /// statement is reset (bindings kept), so it can be stepped again.
    bool step();
    /// Runs a statement that returns no rows, then resets it. The bindings
    /// stay until the next bind round replaces them: callers bind every
    /// parameter each time (clearing them cost a tenth of an insert).
    void run();
    void reset();  // also clears bindings

    bool column_is_null(int column) const;
    long long column_int64(int column) const;
    int column_int(int column) const { return static_cast<int>(column_int64(column)); }
    double column_double(int column) const;
    std::string column_text(int column) const;  // "" for NULL
    std::optional<std::string> column_optional_text(int column) const;
    /// The text of a column without a copy ("" for NULL): valid until the next step or reset.
    std::string_view column_view(int column) const;
    /// The largest parameter number the statement uses (?N).
    int parameter_count() const;

private:
    Connection* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_active = false;  // stepped since the last reset
};

}  // namespace dateline::sqlite
