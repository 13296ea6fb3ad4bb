#include "report/report_writer.h"

#include "report/csv_writer.h"
#include "report/json_writer.h"
#include "report/junit_writer.h"

#ifdef LEAKSCAN_HAVE_REPORT_TEMPLATE
#include "report/template/template.h"
#endif

namespace leakscan {
namespace {

Status WriteTemplateReport(const std::vector<Finding>& findings, const ReportExtras& extras,
                           std::string* out) {
#ifdef LEAKSCAN_HAVE_REPORT_TEMPLATE
  if (extras.report_template == nullptr) {
    return MakeError("report format template requires a parsed --report-template");
  }
  return ExecuteTemplate(*extras.report_template, findings, out);
#else
  return MakeError(
      "report format template is not available: this build has no template engine "
      "(report/template)");
#endif
}

}  // namespace

std::vector<SarifRule> SarifRulesOf(const Config& config) {
  std::vector<SarifRule> rules;
  rules.reserve(config.rule_order.size());
  for (const std::string& id : config.rule_order) {
    auto rule = config.rules.find(id);
    rules.push_back({id, rule == config.rules.end() ? std::string() : rule->second.description});
  }
  return rules;
}

Status WriteReport(ReportFormat format, const std::vector<Finding>& findings, const Config& config,
                   const ReportExtras& extras, std::string* out) {
  switch (format) {
    case ReportFormat::kJson:
      WriteJson(findings, out);
      return Ok();
    case ReportFormat::kCsv:
      WriteCsv(findings, out);
      return Ok();
    case ReportFormat::kJunit:
      WriteJunit(findings, out);
      return Ok();
    case ReportFormat::kSarif: {
      SarifOptions options;
      options.style = extras.sarif_style;
      options.tool_version = extras.tool_version;
      options.source_root = extras.source_root;
      WriteSarif(findings, SarifRulesOf(config), options, out);
      return Ok();
    }
    case ReportFormat::kTemplate:
      return WriteTemplateReport(findings, extras, out);
  }
  return MakeError("unknown report format value");
}

}  // namespace leakscan
