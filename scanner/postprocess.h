// Per-fragment post-processing of the Detector's findings: generic-rule
// de-duplication (a finding of a rule whose id contains "generic" is
// dropped when a non-generic rule found a secret containing it on the same
// line of the same commit), then redaction. Covered by
// tests/scanner/postprocess_test.cc.
#pragma once

#include <vector>

#include "scanner/finding.h"

namespace leakscan {

// Removes generic duplicates from *findings (keeping order) and redacts
// the rest at `redact_percent` (0: off). Required findings attached to
// composite findings are redacted too.
void PostProcessFindings(std::vector<Finding>* findings, int redact_percent);

}  // namespace leakscan
