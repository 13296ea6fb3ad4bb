// The `junit` report format, byte-identical to Gitleaks' report: one
// testsuite named "gitleaks" with one failed testcase per finding, whose
// failure text is the finding as tab-indented JSON. Tab indentation, no
// newline after the closing tag.
// Covered by tests/report/junit_writer_test.cc and report_conformance_test.cc.
#pragma once

#include <string>
#include <vector>

#include "scanner/finding.h"

namespace leakscan {

// Appends the report for `findings` to `*out`.
void WriteJunit(const std::vector<Finding>& findings, std::string* out);

}  // namespace leakscan
