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
