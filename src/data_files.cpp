// DataFiles: the built-in data/ files (compiled in) overlaid with the user's.
#include "dateline/data_files.hpp"

#include "dateline/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace dateline {
namespace detail {
extern const std::pair<std::string_view, std::string_view> k_embedded_files[];
extern const std::size_t k_embedded_file_count;
}  // namespace detail

namespace {

std::string read_whole(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataError(fmt::format("cannot open data file {}", file.string()));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw DataError(fmt::format("cannot read data file {}", file.string()));
    return s.str();
}

}  // namespace

DataFiles DataFiles::builtin() {
    DataFiles files;
    for (std::size_t i = 0; i < detail::k_embedded_file_count; ++i) {
        const auto& [path, content] = detail::k_embedded_files[i];
        files.m_files[std::string(path)] = Entry{std::string(content), "built-in data/" + std::string(path)};
    }
    return files;
}

void DataFiles::add_directory(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw DataError(fmt::format("--data {}: not a directory", dir.string()));
    std::vector<std::filesystem::path> found;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path());
    }
    if (ec) throw DataError(fmt::format("--data {}: {}", dir.string(), ec.message()));
    std::sort(found.begin(), found.end());
    for (const auto& file : found)
        add_file(std::filesystem::relative(file, dir).generic_string(), file);
}

void DataFiles::add_file(const std::string& logical_path, const std::filesystem::path& file) {
    m_files[logical_path] = Entry{read_whole(file), file.string()};
}

void DataFiles::set(const std::string& logical_path, std::string content) {
    m_files[logical_path] = Entry{std::move(content), logical_path};
}

bool DataFiles::has(std::string_view path) const { return m_files.find(path) != m_files.end(); }

const std::string& DataFiles::get(std::string_view path) const {
    auto it = m_files.find(path);
    if (it == m_files.end()) throw DataError(fmt::format("data file {} not found (built-in or --data)", path));
    return it->second.content;
}

std::vector<std::string> DataFiles::list(std::string_view prefix) const {
    std::vector<std::string> out;
    for (auto it = m_files.lower_bound(prefix); it != m_files.end() && it->first.starts_with(prefix); ++it)
        out.push_back(it->first);
    return out;
}

std::string DataFiles::origin(std::string_view path) const {
    auto it = m_files.find(path);
    return it == m_files.end() ? std::string(path) : it->second.origin;
}

}  // namespace dateline
