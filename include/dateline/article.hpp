// Article: one news story as it enters the pipeline.
#pragma once

#include "dateline/span.hpp"

#include <optional>
#include <string>

namespace dateline {

/// A news article. `text` is UTF-8; every byte offset elsewhere points into it.
/// Only `text` is required; `id` is filled from the content hash when absent.
struct Article {
    std::string id;
    std::string url;
    std::string title;
    std::string source;
    std::optional<Date> published;  // the document creation time (DCT)
    std::string language = "en";
    std::string text;
    std::string origin;  // where it came from, for messages: "file.jsonl:12"
};

/// A stable hex hash of the text (FNV-1a 64), used as id when none is given.
std::string content_hash(std::string_view text);

}  // namespace dateline
