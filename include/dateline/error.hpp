// The exception hierarchy for real failures (I/O, SQLite, bad configuration).
#pragma once

#include <stdexcept>
#include <string>

namespace dateline {

/// Base of every exception dateline throws on purpose. Extraction never throws
/// on odd text; these are for failures the caller must hear about.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad input or usage: a file that cannot be read, a malformed value. The CLI
/// maps it to exit code 1.
class InputError : public Error {
public:
    using Error::Error;
};

/// A data file (gazetteer, word list, event types) is missing or malformed.
class DataError : public Error {
public:
    using Error::Error;
};

/// The event store failed (SQLite error, schema from a newer version, ...).
class StoreError : public Error {
public:
    using Error::Error;
};

}  // namespace dateline
