// Report output of a scan: validating the report flags before the scan
// (Gitleaks' order and messages), writing the report after it, and the
// optional upload of the SARIF to a Port webhook.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/options.h"
#include "config/config.h"
#include "report/report_format.h"
#include "report/template/template.h"
#include "scanner/finding.h"

namespace leakscan {

struct ReportPlan {
  std::string config_path;  // Remembered config path (not written).
  bool enabled = false;     // --report-path was given.
  ReportFormat format = ReportFormat::kJson;
  std::optional<Template> report_template;
  std::string source_root;  // Absolute; the SARIF SRCROOT base.
};

// Validates --report-path/--report-format/--report-template; returns an
// exit code (0 on success) after logging a fatal line.
int PrepareReport(const ScanFlags& flags, ReportPlan& plan);

// Writes the report to --report-path ("-" is stdout).
int WriteReportStep(const Config& config, const std::vector<Finding>& findings,
                    const ScanFlags& flags, const ReportPlan& plan);

// Uploads the findings as SARIF when a Port webhook URL is configured.
int UploadToPort(const Config& config, const std::vector<Finding>& findings,
                 const Invocation& invocation, const std::string& source_root);

}  // namespace leakscan
