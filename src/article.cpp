// Article helpers: the content hash that identifies an article without an id.
#include "dateline/article.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace dateline {

std::string content_hash(std::string_view text) {
    // FNV-1a 64: stable across platforms and runs, enough to tell articles apart.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", h);
}

}  // namespace dateline
