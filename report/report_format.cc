#include "report/report_format.h"

#include <optional>
#include <string>

#include "report/utf8.h"

namespace leakscan {
namespace {

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The extension of the last path element, from its last dot (Go's
// filepath.Ext): "a/b.tar.JSON" gives ".JSON", "dir.json/report" gives "".
std::string_view PathExtension(std::string_view path) {
  for (size_t i = path.size(); i > 0; --i) {
    char c = path[i - 1];
    if (c == '/') break;
    if (c == '.') return path.substr(i - 1);
  }
  return {};
}

std::optional<ReportFormat> FormatFromExtension(std::string_view report_path) {
  std::string extension = AsciiLower(PathExtension(report_path));
  if (extension == ".csv") return ReportFormat::kCsv;
  if (extension == ".json") return ReportFormat::kJson;
  if (extension == ".sarif") return ReportFormat::kSarif;
  return std::nullopt;
}

std::optional<ReportFormat> FormatFromName(std::string_view name) {
  // Only ASCII letters can lower-case to these names, so ASCII lowering
  // matches Go's strings.ToLower here.
  std::string normalized = AsciiLower(TrimUnicodeSpace(name));
  if (normalized == "csv") return ReportFormat::kCsv;
  if (normalized == "json") return ReportFormat::kJson;
  if (normalized == "junit") return ReportFormat::kJunit;
  if (normalized == "sarif") return ReportFormat::kSarif;
  if (normalized == "template") return ReportFormat::kTemplate;
  return std::nullopt;
}

std::string_view ExtensionFormatName(ReportFormat format) {
  switch (format) {
    case ReportFormat::kCsv:
      return "csv";
    case ReportFormat::kSarif:
      return "sarif";
    default:
      return "json";
  }
}

}  // namespace

Result<ReportFormat> ChooseReportFormat(std::string_view format_flag, std::string_view report_path,
                                        std::string_view template_flag) {
  std::string format_name(format_flag);
  if (format_name.empty()) {
    std::optional<ReportFormat> inferred = FormatFromExtension(report_path);
    if (!inferred) return MakeError("Unknown report format: ");
    format_name = ExtensionFormatName(*inferred);
  }

  std::optional<ReportFormat> format = FormatFromName(format_name);
  if (!format) return MakeError("unknown report format " + format_name);

  if (!template_flag.empty() && format_name != "template") {
    return MakeError("Report format must be 'template' if --report-template is specified");
  }
  return *format;
}

}  // namespace leakscan
