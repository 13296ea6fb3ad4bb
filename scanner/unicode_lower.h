// Lower-casing as Go's strings.ToLower does it: Unicode simple lower-case
// mapping per code point, invalid UTF-8 bytes replaced by U+FFFD, ASCII
// fast path. Used for the keyword prefilter, stopwords and generic-rule
// de-duplication. Covered by tests/scanner/unicode_lower_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Returns the simple lower-case mapping of one code point.
char32_t ToLowerRune(char32_t rune);

// Writes the lower-cased `text` into *out (cleared first, capacity kept).
void ToLowerInto(std::string_view text, std::string* out);

// Returns the lower-cased copy of `text`.
std::string ToLower(std::string_view text);

}  // namespace leakscan
