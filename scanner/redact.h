// Redaction (--redact[=P]): masks the secret in a finding's Secret, Match
// and Line. P >= 100 replaces it by "REDACTED"; 0 < P < 100 keeps the first
// round_half_even(len * (100 - P) / 100) bytes followed by "...". Runs on
// each finding before it is accepted, so reports and verbose output only
// see masked values. Covered by tests/scanner/redact_test.cc and the redact
// conformance group.
#pragma once

#include <string>
#include <string_view>

#include "scanner/finding.h"

namespace leakscan {

// Returns the masked form of `secret` at `percent` (values above 100 count
// as 100, which leaves "..."). An empty secret stays empty.
std::string RedactSecret(std::string_view secret, int percent);

// Masks finding.secret in Line and Match and replaces Secret. Does nothing
// when percent <= 0. With an empty secret and percent >= 100 "REDACTED" is
// inserted around every character of Match and Line, as Gitleaks does.
void Redact(Finding& finding, int percent);

// Replaces every occurrence of `from` in `text` by `to`. An empty `from`
// inserts `to` before every UTF-8 character and at the end (Go semantics).
std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to);

}  // namespace leakscan
