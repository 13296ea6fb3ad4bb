// The stable per-finding fingerprint that the enriched SARIF style puts in
// partialFingerprints under "leakscan/v1", so that GitHub code scanning can
// match a result across runs. Nothing in it is derived from the secret, so
// an upload never carries a hash that could confirm a guessed secret.
// Covered by tests/sarif/result_fingerprint_test.cc.
#pragma once

#include <string>

#include "scanner/finding.h"

namespace leakscan {

inline constexpr char kResultFingerprintKey[] = "leakscan/v1";

// Returns the lower-case hex SHA-256 of the rule id, File, Commit,
// StartLine, StartColumn, EndLine and EndColumn, each followed by a NUL
// byte.
std::string ResultFingerprint(const Finding& finding);

}  // namespace leakscan
