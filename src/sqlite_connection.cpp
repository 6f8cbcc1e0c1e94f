// sqlite::Connection: opening, closing and error reporting for one SQLite database.
#include "sqlite_connection.hpp"

#include "dateline/error.hpp"
#include "sqlite_statement.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace dateline::sqlite {

Connection::Connection(const std::filesystem::path& path) : m_path(path.string()) {
    int rc = sqlite3_open_v2(m_path.c_str(), &m_db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw StoreError(fmt::format("{}: cannot open database: {}", m_path, message));
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Connection::~Connection() {
    // close_v2 defers the close until the last statement is finalized, so
    // destruction order of members holding statements does not matter.
    sqlite3_close_v2(m_db);
}

void Connection::fail(int rc, std::string_view what) const {
    std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        message += " (another process holds the database; try again when it has finished)";
    throw StoreError(fmt::format("{}: {}: {}", m_path, what, message));
}

void Connection::exec(std::string_view sql) {
    std::string text(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw StoreError(fmt::format("{}: {}", m_path, message));
    }
}

void Connection::busy_timeout(int milliseconds) { sqlite3_busy_timeout(m_db, milliseconds); }

long long Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db); }

int Connection::changes() const { return sqlite3_changes(m_db); }

long long Connection::scalar(std::string_view sql) {
    Statement s(*this, sql);
    long long value = s.step() ? s.column_int64(0) : 0;
    s.reset();
    return value;
}

}  // namespace dateline::sqlite
