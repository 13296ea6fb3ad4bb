// The `csv` report format, byte-identical to Gitleaks' report: a header
// row and one row per finding, quoted like Go's encoding/csv, with `\n`
// line ends. Quirks kept on purpose: no findings produce no output at all
// (not even the header), and the trailing Link column is present if and
// only if the first finding has a link.
// Covered by tests/report/csv_writer_test.cc and report_conformance_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/finding.h"

namespace leakscan {

// Appends the report for `findings` to `*out`.
void WriteCsv(const std::vector<Finding>& findings, std::string* out);

// Appends one CSV field, quoted when Go's encoding/csv would quote it: it
// contains `,` `"` CR or LF, starts with a Unicode space, or is exactly
// `\.`. Embedded quotes are doubled; empty fields are never quoted.
void AppendCsvField(std::string_view field, std::string* out);

}  // namespace leakscan
