// Segmenter: sentences and tokens with byte offsets into the article text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace dateline {

/// A half-open byte range [begin, end) of the text.
struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A word, number or punctuation mark: half-open byte range.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Splits text into sentences. A blank line always ends a sentence (headlines,
/// page furniture); a single newline does not (wrapped wire text). ".", "!", "?"
/// end a sentence unless they belong to an abbreviation ("Dec.", "U.N.", "Mr.")
/// or a number. Leading/trailing whitespace is not part of a sentence. Never throws.
std::vector<Sentence> split_sentences(std::string_view text);

/// Tokens of text[begin, end): runs of letters/digits (with inner apostrophes,
/// hyphens, and digit separators like 1,991 or 12.5), each other non-space
/// character alone (a UTF-8 sequence counts as one character).
std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace dateline
