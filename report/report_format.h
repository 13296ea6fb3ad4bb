// Choosing the report format from --report-format, --report-path and
// --report-template, with Gitleaks' rules and exact error messages. The
// CLI calls this before the scan starts when --report-path is non-empty.
// The chosen format later selects the writer in report_writer.h.
// Covered by tests/report/report_format_test.cc.
#pragma once

#include <string_view>

#include "util/error.h"

namespace leakscan {

enum class ReportFormat { kJson, kCsv, kJunit, kSarif, kTemplate };

// Returns the format, checking in this order:
// 1. An empty `format_flag` is inferred from the lower-cased extension of
//    `report_path` (.csv, .json, .sarif); any other extension, or none,
//    fails with "Unknown report format: ".
// 2. The format, lower-cased and trimmed, must be csv, json, junit, sarif
//    or template; otherwise "unknown report format <format as given>".
// 3. A non-empty `template_flag` requires the format string to be exactly
//    "template" (case-sensitive, untrimmed); otherwise "Report format must
//    be 'template' if --report-template is specified".
// NOTE: Gitleaks loads the template between checks 2 and 3. With
// `-f " Template"` and an unreadable template it therefore reports the
// template error, while a caller that loads the template after this call
// reports check 3.
[[nodiscard]] Result<ReportFormat> ChooseReportFormat(std::string_view format_flag,
                                                      std::string_view report_path,
                                                      std::string_view template_flag);

}  // namespace leakscan
