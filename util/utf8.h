// UTF-8 helpers with Go's decoding rules: every byte that does not start a
// valid, shortest-form sequence decodes as U+FFFD with width 1. The keyword
// prefilter, entropy, find-all iteration and redaction all count code
// points this way, so results match Gitleaks on invalid UTF-8 too.
// Shared by the detector and the report writers.
// Covered by tests/scanner/utf8_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace leakscan::utf8 {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodedRune {
  char32_t rune = 0;
  int width = 0;  // Bytes consumed; 0 only at the end of the text.
};

// Decodes the code point starting at text[pos] (Go utf8.DecodeRuneInString).
DecodedRune DecodeRune(std::string_view text, size_t pos);

// Appends the UTF-8 form of `rune`; surrogates and values above U+10FFFF are
// written as U+FFFD (Go utf8.EncodeRune).
void AppendRune(char32_t rune, std::string* out);

}  // namespace leakscan::utf8
