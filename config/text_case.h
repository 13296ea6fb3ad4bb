// Case helpers with the semantics of Go's strings.ToLower, which Gitleaks
// applies to keywords, allowlist commits and stopwords. The loader uses them
// to normalise a config, and the allowlist checks use them on fragment data.
// Covered by tests/config/text_case_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Returns `text` with every code point replaced by its Unicode simple
// lower-case mapping. As in Go, each invalid UTF-8 byte becomes U+FFFD.
std::string ToLowerUnicode(std::string_view text);

bool IsAscii(std::string_view text);

// Returns whether `a` and `b` are equal after ASCII lower-casing.
bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b);

// Returns `text` without leading and trailing ASCII whitespace.
std::string_view TrimAsciiSpace(std::string_view text);

}  // namespace leakscan
