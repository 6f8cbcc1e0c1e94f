// sqlite::Transaction: BEGIN IMMEDIATE with retries, COMMIT, and a rollback that never throws.
#include "sqlite_transaction.hpp"

#include "dateline/error.hpp"
#include "sqlite_connection.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace dateline::sqlite {

Transaction::Transaction(Connection& db, Mode mode) : m_db(&db) {
    const char* sql = mode == Mode::immediate ? "BEGIN IMMEDIATE" : "BEGIN";
    // The busy timeout already waits; a few retries on top cover a writer that
    // holds the lock longer than the timeout (one huge batch from another process).
    for (int attempt = 0;; ++attempt) {
        int rc = sqlite3_exec(db.handle(), sql, nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) break;
        if ((rc & 0xff) != SQLITE_BUSY || attempt >= 20) db.fail(rc, "cannot begin transaction");
        std::this_thread::sleep_for(std::chrono::milliseconds(50 * (attempt + 1)));
    }
    m_active = true;
}

Transaction::~Transaction() { rollback(); }

void Transaction::commit() {
    if (!m_active) throw StoreError(m_db->path() + ": commit without an active transaction");
    for (int attempt = 0;; ++attempt) {
        int rc = sqlite3_exec(m_db->handle(), "COMMIT", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) break;
        // COMMIT can be BUSY while readers finish; the transaction stays open, so retry.
        if ((rc & 0xff) != SQLITE_BUSY || attempt >= 20) m_db->fail(rc, "cannot commit");
        std::this_thread::sleep_for(std::chrono::milliseconds(50 * (attempt + 1)));
    }
    m_active = false;
}

void Transaction::rollback() noexcept {
    if (!m_active) return;
    m_active = false;
    // Errors are ignored on purpose: rollback runs in destructors during unwinding,
    // and SQLite rolls back by itself when a statement already aborted the transaction.
    if (!sqlite3_get_autocommit(m_db->handle()))
        sqlite3_exec(m_db->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace dateline::sqlite
