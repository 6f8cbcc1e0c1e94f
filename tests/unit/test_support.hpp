// Helpers shared by unit tests: paths to the source tree and to ../shared.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace dateline::test {

inline std::filesystem::path source_dir() { return DATELINE_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return DATELINE_SHARED_DIR; }

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace dateline::test
