// split_digits: the tagger's reader of "12/12/2022" and "10:30" tokens (in a header of its own
// so that tests can compare it with a plain reference on random strings).
#pragma once

#include <cstddef>
#include <string_view>

namespace dateline::timex {

/// Splits "12/12/2022" or "10:30" at `sep` into up to 3 numbers; returns how many
/// fields there are (0 if any field is empty, longer than 4 bytes or not all digits, or if
/// there are more than 3). One pass over the bytes (tokens are short: no memchr call).
inline int split_digits(std::string_view s, char sep, int* fields, int* ndigits) {
    const std::size_t n = s.size();
    int count = 0;
    std::size_t start = 0;
    for (;;) {
        std::size_t k = start;
        int v = 0;
        for (; k < n && s[k] != sep; ++k) {
            const unsigned d = static_cast<unsigned char>(s[k]) - static_cast<unsigned>('0');
            if (k - start == 4 || d >= 10) return 0;  // a fifth byte, or no digit
            v = v * 10 + static_cast<int>(d);
        }
        if (count == 3 || k == start) return 0;
        fields[count] = v;
        ndigits[count] = static_cast<int>(k - start);
        ++count;
        if (k == n) return count;
        start = k + 1;
    }
}

}  // namespace dateline::timex
