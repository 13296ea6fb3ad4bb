#include "cli/report_output.h"

#include <cstdio>
#include <fstream>

#include "cli/exit_codes.h"
#include "port/port_client.h"
#include "report/report_writer.h"
#include "sarif/sarif_writer.h"
#include "util/log.h"

namespace leakscan {
namespace {

int Fatal(std::string_view message, log::Fields fields = {}) {
  log::Write(log::Level::kFatal, message, std::move(fields));
  return kExitError;
}

// Creates and removes the report file to prove it is writable, as
// Gitleaks does before scanning.
bool ProbeWritable(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) return false;
  std::fclose(file);
  std::remove(path.c_str());
  return true;
}

int LoadTemplate(const std::string& path, ReportPlan& plan) {
  if (path.empty()) {
    return Fatal("Invalid report template", {{"error", "template path cannot be empty"}});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fatal("Invalid report template", {{"error", "error reading file: " + path}});
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = ParseTemplate(text, "custom");
  if (!parsed) {
    return Fatal("Invalid report template",
                 {{"error", "error parsing file: " + parsed.error().message}});
  }
  plan.report_template = std::move(*parsed);
  return kExitOk;
}

}  // namespace

int PrepareReport(const ScanFlags& flags, ReportPlan& plan) {
  if (flags.report_path.empty()) return kExitOk;
  plan.enabled = true;
  if (flags.report_path != "-" && !ProbeWritable(flags.report_path)) {
    return Fatal("Report path is not writable: " + flags.report_path);
  }
  auto format = ChooseReportFormat(flags.report_format, flags.report_path, flags.report_template);
  if (!format) return Fatal(format.error().message);
  plan.format = *format;
  if (plan.format == ReportFormat::kTemplate) return LoadTemplate(flags.report_template, plan);
  return kExitOk;
}

int WriteReportStep(const Config& config, const std::vector<Finding>& findings,
                    const ScanFlags& flags, const ReportPlan& plan) {
  if (!plan.enabled) return kExitOk;
  std::string out;
  ReportExtras extras;
  extras.sarif_style =
      flags.sarif_style == "gitleaks" ? SarifStyle::kGitleaks : SarifStyle::kEnriched;
  extras.report_template = plan.report_template ? &*plan.report_template : nullptr;
  extras.source_root = plan.source_root;
  if (Status written = WriteReport(plan.format, findings, config, extras, &out); !written) {
    return Fatal("failed to write report", {{"error", written.error().message}});
  }
  if (flags.report_path == "-") {
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return kExitOk;
  }
  std::ofstream file(flags.report_path, std::ios::binary | std::ios::trunc);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file) return Fatal("failed to write report", {{"path", flags.report_path}});
  return kExitOk;
}

int UploadToPort(const Config& config, const std::vector<Finding>& findings,
                 const Invocation& invocation, const std::string& source_root) {
  if (invocation.port.webhook_url.empty() && invocation.port.dry_run_dir.empty()) return kExitOk;
  std::string sarif;
  SarifOptions options;
  options.style = SarifStyle::kEnriched;
  options.tool_version = LEAKSCAN_VERSION;
  options.source_root = source_root;
  WriteSarif(findings, SarifRulesOf(config), options, &sarif);
  if (Status uploaded = UploadSarif(sarif, invocation.port); !uploaded) {
    log::Err("Port upload failed", {{"error", uploaded.error().message}});
    return kPortUploadFailedExitCode;
  }
  return kExitOk;
}

}  // namespace leakscan
