// UTF-8 helpers shared by the report writers and the verbose printer. They
// decode text the way Go's unicode/utf8 package does, because Gitleaks'
// byte-exact output depends on it: every byte of an invalid sequence
// (overlong forms, surrogates, values above U+10FFFF, truncated sequences)
// decodes to U+FFFD with width 1.
// Covered by tests/report/utf8_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

inline constexpr char32_t kReplacementRune = 0xFFFD;

struct DecodedRune {
  char32_t rune = kReplacementRune;
  int size = 0;  // Bytes consumed; 0 only for empty input.
};

// Decodes the first rune of `text`; invalid bytes give {U+FFFD, 1}.
DecodedRune DecodeRune(std::string_view text);

// Reports whether `rune` is white space in Go's unicode.IsSpace sense
// (ASCII \t \n \v \f \r and space, U+0085, U+00A0 and the Unicode Zs,
// Zl and Zp characters).
bool IsUnicodeSpace(char32_t rune);

// Returns `text` without leading and trailing Unicode white space, like
// Go's strings.TrimSpace.
std::string_view TrimUnicodeSpace(std::string_view text);

// Appends the UTF-8 encoding of `rune` (which must be a valid scalar).
void AppendUtf8(char32_t rune, std::string* out);

}  // namespace leakscan
