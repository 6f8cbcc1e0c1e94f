// sqlite::Connection: an owned SQLite database handle (the only place sqlite3_open is called).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

struct sqlite3;

namespace dateline::sqlite {

/// One open database. Move-only; closes in its destructor. Every failure throws
/// StoreError with the database path and SQLite's message.
class Connection {
public:
    /// Opens (and creates) `path` for reading and writing, or, with `read_only`,
    /// an existing file for reading only: then a WAL database whose folder we
    /// cannot write (no -shm file can be made) is read as immutable.
    explicit Connection(const std::filesystem::path& path, bool read_only = false);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one or more SQL statements that return no rows we need.
    void exec(std::string_view sql);
    /// Sets how long a statement waits for another process's lock before SQLITE_BUSY.
    void busy_timeout(int milliseconds);
    long long last_insert_rowid() const;
    int changes() const;
    /// The value of a single-integer query ("PRAGMA user_version").
    long long scalar(std::string_view sql);
    /// Puts the file in WAL mode, waiting for other processes as the busy
    /// timeout would (SQLite runs no busy handler for this switch).
    void use_wal();

    /// A test of an integer against a C++ object: the body of an SQL function
    /// registered by create_pointer_predicate.
    using PointerPredicate = bool (*)(const void* object, long long value);
    /// Registers the SQL function `name(P, X)` on this connection. P must be a
    /// pointer bound with Statement::bind_pointer under `type` (SQLite hands
    /// it back only under the same type); the function returns
    /// `test(P, X) ? 1 : 0`, and 0 when X is NULL. A call without such a
    /// pointer is an SQL error naming the function. `name` and `type` must be
    /// string literals (they are kept, not copied).
    void create_pointer_predicate(const char* name, const char* type, PointerPredicate test);

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    bool read_only() const { return m_read_only; }
    /// Throws StoreError for result code `rc` ("<path>: <what>: <sqlite message>").
    [[noreturn]] void fail(int rc, std::string_view what) const;

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    bool m_read_only = false;
    void open(const std::string& name, int flags);
};

}  // namespace dateline::sqlite
