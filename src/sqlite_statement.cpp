// sqlite::Statement: preparing, binding, stepping and reading columns.
#include "sqlite_statement.hpp"

#include "sqlite_connection.hpp"

#include <sqlite3.h>

namespace dateline::sqlite {

Statement::Statement(Connection& db, std::string_view sql) : m_db(&db) {
    int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "cannot prepare statement");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement& Statement::bind(int index, long long value) {
    if (m_active) reset();
    int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) m_db->fail(rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (m_active) reset();
    int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK) m_db->fail(rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (m_active) reset();
    int rc = sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) m_db->fail(rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind_static(int index, std::string_view value) {
    if (m_active) reset();
    int rc = sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) m_db->fail(rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind_pointer(int index, void* pointer, const char* type) {
    if (m_active) reset();
    int rc = sqlite3_bind_pointer(m_stmt, index, pointer, type, nullptr);
    if (rc != SQLITE_OK) m_db->fail(rc, "cannot bind parameter");
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (m_active) reset();
    int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) m_db->fail(rc, "cannot bind parameter");
    return *this;
}

bool Statement::step() {
    m_active = true;
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    // Reset on both paths: a statement left mid-way would hold a read snapshot.
    sqlite3_reset(m_stmt);
    m_active = false;
    if (rc != SQLITE_DONE) m_db->fail(rc, "statement failed");
    return false;
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_active = false;
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

long long Statement::column_int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::column_text(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

int Statement::parameter_count() const { return sqlite3_bind_parameter_count(m_stmt); }

std::string_view Statement::column_view(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!text) return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (column_is_null(column)) return std::nullopt;
    return column_text(column);
}

}  // namespace dateline::sqlite
