// sqlite::Connection: opening, closing and error reporting for one SQLite database.
#include "sqlite_connection.hpp"

#include "dateline/error.hpp"
#include "sqlite_statement.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

namespace dateline::sqlite {

namespace {

// A file: URI for `path`, with the characters URIs reserve percent-encoded.
std::string file_uri(const std::string& path) {
    std::string out = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7f)
            out += fmt::format("%{:02X}", c);
        else
            out += static_cast<char>(c);
    }
    return out;
}

// What an SQL function of create_pointer_predicate carries (SQLite's user data).
struct PointerPredicateData {
    const char* name;
    const char* type;
    Connection::PointerPredicate test;
};

void call_pointer_predicate(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* data = static_cast<const PointerPredicateData*>(sqlite3_user_data(ctx));
    const void* object = sqlite3_value_pointer(argv[0], data->type);
    if (!object) {
        const std::string message = fmt::format("{}: no object bound as its first argument", data->name);
        sqlite3_result_error(ctx, message.c_str(), static_cast<int>(message.size()));
        return;
    }
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_int(ctx, 0);
        return;
    }
    sqlite3_result_int(ctx, data->test(object, sqlite3_value_int64(argv[1])) ? 1 : 0);
}

void delete_pointer_predicate(void* data) { delete static_cast<PointerPredicateData*>(data); }

// SQLite's memory, by size classes kept per thread (docs/store.md, Round
// (9)). The Debian build has no lookaside, so every statement run allocates
// and frees its memory cells, cursors and records through malloc: 1.7
// million allocations for 10,000 articles, ~200 instructions a pair, most
// of the frees past glibc's per-thread cache of seven blocks a size. Blocks
// of at most 1 KiB are kept on a free list of their size class (a multiple
// of 16 bytes) for the thread that frees them and given out again without
// a call; larger ones (pages of the page cache, balance buffers) go to
// malloc at their own size. Each block has an 8-byte header with its size
// (SQLite asks for it). The lists keep what a thread used at its peak; a
// thread's lists go back to malloc when it ends. Not under AddressSanitizer,
// which should see SQLite's allocations itself.
#if !defined(__SANITIZE_ADDRESS__)
namespace pool {

constexpr std::size_t k_granule = 16;
constexpr std::size_t k_largest = 1024;
constexpr std::size_t k_classes = k_largest / k_granule;
constexpr std::size_t k_header = 8;

struct FreeBlock {
    FreeBlock* next;
};

// Plain thread-locals (no constructor or destructor, so no guard on each use).
thread_local FreeBlock* t_lists[k_classes];
thread_local bool t_registered = false;
thread_local bool t_ended = false;  // the thread's lists were given back: free directly

// Gives a thread's lists back to malloc when it ends (registered on its first allocation).
struct Drain {
    ~Drain() {
        for (auto& head : t_lists) {
            while (head) {
                FreeBlock* next = head->next;
                std::free(reinterpret_cast<char*>(head) - k_header);
                head = next;
            }
        }
        t_ended = true;
    }
};
thread_local Drain t_drain;

std::size_t rounded(std::size_t n) {
    return n <= k_largest ? (n + k_granule - 1) / k_granule * k_granule : (n + 7) / 8 * 8;
}

void* put_size(void* block, std::size_t size) {
    std::memcpy(block, &size, sizeof size);
    return static_cast<char*>(block) + k_header;
}

std::size_t size_of(void* p) {
    std::size_t size;
    std::memcpy(&size, static_cast<char*>(p) - k_header, sizeof size);
    return size;
}

void* allocate(int bytes) {
    if (bytes <= 0) return nullptr;
    const std::size_t size = rounded(static_cast<std::size_t>(bytes));
    if (size <= k_largest && !t_ended) {
        if (!t_registered) {
            t_registered = true;
            static_cast<void>(&t_drain);  // constructs it, so that it drains the lists at the thread's end
        }
        FreeBlock*& head = t_lists[size / k_granule - 1];
        if (FreeBlock* block = head) {
            head = block->next;
            return block;  // (its header already holds this size)
        }
    }
    void* block = std::malloc(k_header + size);
    return block ? put_size(block, size) : nullptr;
}

void release(void* p) {
    if (!p) return;
    const std::size_t size = size_of(p);
    if (size <= k_largest && t_registered && !t_ended) {
        FreeBlock*& head = t_lists[size / k_granule - 1];
        auto* block = static_cast<FreeBlock*>(p);
        block->next = head;
        head = block;
        return;
    }
    std::free(static_cast<char*>(p) - k_header);
}

void* reallocate(void* p, int bytes) {
    if (!p) return allocate(bytes);
    const std::size_t old_size = size_of(p);
    if (bytes > 0 && rounded(static_cast<std::size_t>(bytes)) == old_size) return p;
    void* q = allocate(bytes);
    if (!q) return nullptr;
    std::memcpy(q, p, std::min(old_size, rounded(static_cast<std::size_t>(bytes))));
    release(p);
    return q;
}

int size(void* p) { return p ? static_cast<int>(size_of(p)) : 0; }
int roundup(int n) { return static_cast<int>(rounded(static_cast<std::size_t>(n))); }
int init(void*) { return SQLITE_OK; }
void shutdown(void*) {}

const sqlite3_mem_methods k_methods = {
    [](int n) { return allocate(n); }, release, reallocate, size, roundup, init, shutdown, nullptr};

}  // namespace pool
#endif

}  // namespace

void Connection::create_pointer_predicate(const char* name, const char* type, PointerPredicate test) {
    auto* data = new PointerPredicateData{name, type, test};
    // On failure SQLite itself calls the destructor on the user data.
    const int rc = sqlite3_create_function_v2(m_db, name, 2, SQLITE_UTF8, data, call_pointer_predicate, nullptr,
                                              nullptr, delete_pointer_predicate);
    if (rc != SQLITE_OK) fail(rc, fmt::format("cannot register the SQL function {}", name));
}

void Connection::open(const std::string& name, int flags) {
    // Memory statistics take a global mutex on every allocation SQLite makes
    // (a few percent of an ingest); nothing here reads them. Only possible
    // before SQLite initializes, so once, before the first connection.
    static std::once_flag configured;
    std::call_once(configured, [] {
        if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK) return;  // (initialized already)
#if !defined(__SANITIZE_ADDRESS__)
        sqlite3_config(SQLITE_CONFIG_MALLOC, &pool::k_methods);
#endif
        sqlite3_initialize();
    });
    int rc = sqlite3_open_v2(name.c_str(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw StoreError(fmt::format("{}: cannot open database: {}", m_path, message));
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Connection::Connection(const std::filesystem::path& path, bool read_only)
    : m_path(path.string()), m_read_only(read_only) {
    if (!read_only) {
        open(m_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        return;
    }
    open(m_path, SQLITE_OPEN_READONLY);
    // A WAL database needs its -shm file even to be read. When it cannot be
    // made (an archived store in a folder we may not write), no other process
    // can be writing through it either, and the file is read as immutable.
    int rc = sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        open(file_uri(m_path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
    }
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

// Switching a file to WAL needs it to itself, and SQLite returns SQLITE_BUSY
// at once rather than call the busy handler when another connection holds a
// lock: several `ingest` processes opening a new file together would see
// "database is locked". WAL is kept in the file, so once one process has
// switched it the others find it done and take no lock at all; a busy switch
// is tried again, for about as long as the busy timeout lets other waits last.
void Connection::use_wal() {
    auto mode = [this](const char* sql, std::string& out) {
        out.clear();
        return sqlite3_exec(
            m_db, sql,
            [](void* into, int columns, char** values, char**) {
                if (columns > 0 && values[0]) *static_cast<std::string*>(into) = values[0];
                return 0;
            },
            &out, nullptr);
    };
    std::string current;
    for (int attempt = 0;; ++attempt) {
        int rc = mode("PRAGMA journal_mode", current);
        if (rc == SQLITE_OK && current == "wal") return;
        if (rc == SQLITE_OK) rc = mode("PRAGMA journal_mode = WAL", current);
        // OK whatever mode it gave: an in-memory or temporary database keeps its own.
        if (rc == SQLITE_OK) return;
        // Anything but BUSY (not a database, say) reads as exec's errors do.
        if ((rc & 0xff) != SQLITE_BUSY) throw StoreError(fmt::format("{}: {}", m_path, sqlite3_errmsg(m_db)));
        if (attempt >= 150) fail(rc, "cannot switch the database to WAL");
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(10 * (attempt + 1), 500)));
    }
}

}  // namespace dateline::sqlite
