// The `json` report format: the accepted findings as a JSON array,
// byte-identical to Gitleaks' report (one-space indentation, Go escaping,
// a final newline; `[]` plus newline when there are no findings).
// Covered by tests/report/json_writer_test.cc and report_conformance_test.cc.
#pragma once

#include <string>
#include <vector>

#include "scanner/finding.h"

namespace leakscan {

// Appends the report for `findings` to `*out`.
void WriteJson(const std::vector<Finding>& findings, std::string* out);

}  // namespace leakscan
