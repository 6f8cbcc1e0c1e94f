// Readers: articles from plain text, JSON Lines, HTML (and TimeML) streams.
#pragma once

#include "dateline/article.hpp"

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

enum class InputFormat { text, jsonl, html, timeml };
std::string_view to_string(InputFormat f);
/// Guesses from the file name's extension (.txt .jsonl .ndjson .html .htm .tml
/// .TE3input), then from the first bytes ("{" -> jsonl, "<" -> html). Text otherwise.
InputFormat detect_format(std::string_view name, std::string_view head);

/// A problem with one article or line: "file.jsonl:3: text is not a string".
/// The reader reports it and goes on with the next article.
struct ReadProblem {
    std::string where;    // "file.jsonl:3"
    std::string message;  // what is wrong and, where useful, what to do
};

struct ReadOptions {
    std::optional<Date> published;       // DCT for articles that carry none
    std::string source;                  // source name for articles that carry none
    std::size_t max_article_bytes = 10 * 1024 * 1024;
};

using ArticleSink = std::function<void(Article&&)>;
using ProblemSink = std::function<void(const ReadProblem&)>;

/// Reads every article of `in` (named `name` in messages) and hands each to
/// `on_article`, in order; problems go to `on_problem`. Streams: memory is one
/// article at a time for JSON Lines. Never throws on malformed content (only
/// std::bad_alloc and the sinks' own exceptions pass through).
void read_articles(std::istream& in, const std::string& name, InputFormat format,
                   const ReadOptions& options, const ArticleSink& on_article,
                   const ProblemSink& on_problem);

/// Cleans up a plain-text article: drops page furniture lines (advertisement
/// markers, "Leave a Reply", cookie notices, share buttons) by blanking them in
/// place so byte offsets of the rest stay the same as in the input.
void blank_page_furniture(std::string& text);

/// Whether `text` is valid UTF-8; on failure `bad_offset` is the first bad byte.
bool valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

}  // namespace dateline
