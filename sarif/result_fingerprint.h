// The stable per-finding fingerprint that the enriched SARIF style puts in
// partialFingerprints under "leakscan/v1", so that GitHub code scanning can
// match a result across runs. It never contains the secret itself.
// Covered by tests/sarif/result_fingerprint_test.cc.
#pragma once

#include <string>

#include "scanner/finding.h"

namespace leakscan {

inline constexpr char kResultFingerprintKey[] = "leakscan/v1";

// Returns the lower-case hex SHA-256 of the rule id, File, Commit, the hex
// SHA-256 of the Secret and StartLine, each followed by a NUL byte. The
// Secret is hashed as reported, so a redacted report hashes the redacted
// text.
std::string ResultFingerprint(const Finding& finding);

}  // namespace leakscan
