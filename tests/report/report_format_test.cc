#include "report/report_format.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

constexpr char kUnknownInferred[] = "Unknown report format: ";
constexpr char kTemplateRequired[] =
    "Report format must be 'template' if --report-template is specified";

struct FormatCase {
  std::string format_flag;
  std::string report_path;
  std::string template_flag;
  ReportFormat expected;
};

struct ErrorCase {
  std::string format_flag;
  std::string report_path;
  std::string template_flag;
  std::string expected_error;
};

TEST(ChooseReportFormatTest, AcceptsKnownFormats) {
  const FormatCase cases[] = {
      {"", "out.json", "", ReportFormat::kJson},
      {"", "OUT.SARIF", "", ReportFormat::kSarif},
      {"", "dir/report.Csv", "", ReportFormat::kCsv},
      {"json", "-", "", ReportFormat::kJson},
      {"JSON", "report.xml", "", ReportFormat::kJson},
      {" junit\t", "report.xml", "", ReportFormat::kJunit},
      {"sarif", "report", "", ReportFormat::kSarif},
      {"csv", "report.json", "", ReportFormat::kCsv},
      {"template", "report.md", "report.tmpl", ReportFormat::kTemplate},
      // The template path is checked when the template is loaded, not here.
      {"template", "report.md", "", ReportFormat::kTemplate},
      {"TEMPLATE", "report.md", "", ReportFormat::kTemplate},
  };
  for (const FormatCase& c : cases) {
    Result<ReportFormat> format = ChooseReportFormat(c.format_flag, c.report_path, c.template_flag);
    ASSERT_TRUE(format.has_value())
        << "-f '" << c.format_flag << "' -r '" << c.report_path << "': " << format.error().message;
    EXPECT_EQ(*format, c.expected) << "-f '" << c.format_flag << "' -r '" << c.report_path << "'";
  }
}

TEST(ChooseReportFormatTest, RejectsWithGitleaksMessages) {
  const ErrorCase cases[] = {
      {"", "report.xml", "", kUnknownInferred},
      {"", "-", "", kUnknownInferred},
      {"", "report", "", kUnknownInferred},
      {"", "dir.json/report", "", kUnknownInferred},
      {"", "report.tmpl", "report.tmpl", kUnknownInferred},
      {"xml", "report.xml", "", "unknown report format xml"},
      {" XML ", "report.xml", "", "unknown report format  XML "},
      {"text", "report.json", "", "unknown report format text"},
      // The inferred format is not "template", and neither is "TEMPLATE".
      {"", "report.json", "report.tmpl", kTemplateRequired},
      {"json", "report.json", "report.tmpl", kTemplateRequired},
      {"TEMPLATE", "report.md", "report.tmpl", kTemplateRequired},
      {" template", "report.md", "report.tmpl", kTemplateRequired},
  };
  for (const ErrorCase& c : cases) {
    Result<ReportFormat> format = ChooseReportFormat(c.format_flag, c.report_path, c.template_flag);
    ASSERT_FALSE(format.has_value()) << "-f '" << c.format_flag << "' -r '" << c.report_path
                                     << "' --report-template '" << c.template_flag << "'";
    EXPECT_EQ(format.error().message, c.expected_error)
        << "-f '" << c.format_flag << "' -r '" << c.report_path << "'";
  }
}

}  // namespace
}  // namespace leakscan
