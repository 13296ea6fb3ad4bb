// Secret extraction: the rule regex runs again on the trimmed match text
// alone (no surrounding context) and the secret is taken from its groups:
// `secretGroup` when set, else the first non-empty group, else the whole
// match. Covered by tests/scanner/secret_extractor_test.cc.
#pragma once

#include <re2/re2.h>

#include <optional>
#include <string_view>

namespace leakscan {

// Returns the secret within `match`, or nullopt when `secret_group` is
// larger than the number of groups the regex has (the finding is dropped).
std::optional<std::string_view> ExtractSecret(const re2::RE2& regex, int secret_group,
                                              std::string_view match);

// Removes leading and trailing '\n' bytes (only LF; '\r' stays).
std::string_view TrimNewlines(std::string_view text);

}  // namespace leakscan
