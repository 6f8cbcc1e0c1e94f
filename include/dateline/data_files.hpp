// DataFiles: the knowledge under data/ (word lists, event types, gazetteers).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

/// The data files by relative path ("timex/en.json", "gazetteer/actors.json").
/// The files under data/ are compiled into the library, so the binary works
/// wherever it is started; `add_directory` overlays a user's directory (its
/// files add to or replace the built-in ones of the same path) and `add_file`
/// registers an extra file under a path of the caller's choice.
///
///   DataFiles files = DataFiles::builtin();
///   files.add_directory("my-data");               // throws DataError if missing
///   const std::string& json = files.get("events/types.json");
class DataFiles {
public:
    static DataFiles builtin();

    /// Overlay every regular file below `dir`. Throws DataError if it is not a directory.
    void add_directory(const std::filesystem::path& dir);
    /// Register the content of `file` under `logical_path`. Throws DataError if unreadable.
    void add_file(const std::string& logical_path, const std::filesystem::path& file);
    void set(const std::string& logical_path, std::string content);

    bool has(std::string_view path) const;
    /// The file's content; throws DataError naming the path if absent.
    const std::string& get(std::string_view path) const;
    /// Paths starting with `prefix`, sorted (built-in order then overlays by name).
    std::vector<std::string> list(std::string_view prefix) const;
    /// Where a path's content came from ("built-in" or a file name), for messages.
    std::string origin(std::string_view path) const;

private:
    struct Entry {
        std::string content;
        std::string origin;
    };
    std::map<std::string, Entry, std::less<>> m_files;
};

}  // namespace dateline
