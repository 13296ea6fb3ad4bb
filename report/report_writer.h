// WriteReport: renders the accepted findings in the chosen report format.
// The CLI calls it once after the scan summary (also for partial scans)
// and writes the result to --report-path or stdout.
// Covered by tests/report/report_writer_test.cc.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"
#include "report/report_format.h"
#include "sarif/sarif_writer.h"
#include "scanner/finding.h"
#include "util/error.h"

namespace leakscan {

// A parsed --report-template (report/template/template.h).
class Template;

// Settings that only some formats use.
struct ReportExtras {
  SarifStyle sarif_style = SarifStyle::kEnriched;
  std::string tool_version = LEAKSCAN_VERSION;  // Enriched SARIF only.
  std::string source_root;                      // Enriched SARIF only; see SarifOptions.
  const Template* report_template = nullptr;    // Required for ReportFormat::kTemplate.
};

// Appends the report to `*out`. SARIF lists the rules of `config` in
// rule_order with their descriptions. Fails only for the template format:
// when no template was given, when this build has no template engine, or
// when executing the template fails.
[[nodiscard]] Status WriteReport(ReportFormat format, const std::vector<Finding>& findings,
                                 const Config& config, const ReportExtras& extras,
                                 std::string* out);

// Returns the SARIF rule list of `config`: one entry per id in rule_order
// (duplicates kept), with the rule's description.
std::vector<SarifRule> SarifRulesOf(const Config& config);

}  // namespace leakscan
