// sqlite::Transaction: RAII BEGIN/COMMIT that rolls back unless committed (after SQLiteCpp).
#pragma once

namespace dateline::sqlite {

class Connection;

/// Begins a transaction in its constructor (IMMEDIATE by default: the write
/// lock is taken up front, so two writers never deadlock upgrading a read lock;
/// SQLite's busy timeout makes the second wait). `commit()` ends it; otherwise
/// the destructor rolls back and swallows any error, never throwing.
class Transaction {
public:
    enum class Mode { deferred, immediate };
    explicit Transaction(Connection& db, Mode mode = Mode::immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    /// Rolls back now (the destructor does it too); safe to call once committed.
    void rollback() noexcept;
    bool active() const { return m_active; }

private:
    Connection* m_db;
    bool m_active = false;
};

}  // namespace dateline::sqlite
