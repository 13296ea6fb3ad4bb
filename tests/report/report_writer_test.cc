#include "report/report_writer.h"

#include <gtest/gtest.h>

#include "report/csv_writer.h"
#include "report/json_writer.h"
#include "report/junit_writer.h"
#include "tests/report/sample_findings.h"

#ifdef LEAKSCAN_HAVE_REPORT_TEMPLATE
#include "report/template/template.h"
#endif

namespace leakscan {
namespace {

using testing::DirFinding;
using testing::GitFinding;

Config TwoRuleConfig() {
  Config config;
  Rule aws;
  aws.id = "aws-access-key";
  aws.description = "AWS Access Key";
  Rule demo;
  demo.id = "demo-token";
  demo.description = "Demo token";
  config.rules.emplace(aws.id, aws);
  config.rules.emplace(demo.id, demo);
  config.rule_order = {"demo-token", "aws-access-key", "demo-token"};
  return config;
}

std::string Write(ReportFormat format, const ReportExtras& extras = {}) {
  std::string out;
  Status status = WriteReport(format, {DirFinding(), GitFinding()}, TwoRuleConfig(), extras, &out);
  EXPECT_TRUE(status.has_value()) << status.error().message;
  return out;
}

TEST(WriteReportTest, DispatchesToTheFormatWriters) {
  std::vector<Finding> findings = {DirFinding(), GitFinding()};
  std::string json, csv, junit;
  WriteJson(findings, &json);
  WriteCsv(findings, &csv);
  WriteJunit(findings, &junit);
  EXPECT_EQ(Write(ReportFormat::kJson), json);
  EXPECT_EQ(Write(ReportFormat::kCsv), csv);
  EXPECT_EQ(Write(ReportFormat::kJunit), junit);
}

TEST(WriteReportTest, SarifListsConfigRulesInRuleOrder) {
  ReportExtras extras;
  extras.sarif_style = SarifStyle::kGitleaks;
  std::vector<SarifRule> rules = SarifRulesOf(TwoRuleConfig());
  std::string expected;
  WriteSarif({DirFinding(), GitFinding()}, rules, {SarifStyle::kGitleaks, "", ""}, &expected);
  EXPECT_EQ(Write(ReportFormat::kSarif, extras), expected);
}

TEST(WriteReportTest, SarifStyleAndVersionComeFromExtras) {
  ReportExtras extras;
  extras.sarif_style = SarifStyle::kEnriched;
  extras.tool_version = "9.9.9";
  std::string out = Write(ReportFormat::kSarif, extras);
  EXPECT_NE(out.find("\"version\": \"9.9.9\""), std::string::npos);
  EXPECT_NE(out.find("\"leakscan/v1\""), std::string::npos);
}

TEST(WriteReportTest, TemplateFormatWithoutTemplateFails) {
  std::string out;
  Status status = WriteReport(ReportFormat::kTemplate, {DirFinding()}, TwoRuleConfig(), {}, &out);
  ASSERT_FALSE(status.has_value());
  EXPECT_NE(status.error().message.find("template"), std::string::npos);
  EXPECT_EQ(out, "");
}

#ifdef LEAKSCAN_HAVE_REPORT_TEMPLATE
TEST(WriteReportTest, TemplateFormatRunsTheTemplate) {
  Result<Template> parsed = ParseTemplate("{{ len . }} {{ (index . 1).Commit }}", "custom");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  ReportExtras extras;
  extras.report_template = &*parsed;
  EXPECT_EQ(Write(ReportFormat::kTemplate, extras), "2 0123456789abcdef0123456789abcdef01234567");
}
#endif

TEST(SarifRulesOfTest, KeepsOrderDuplicatesAndDescriptions) {
  Config config = TwoRuleConfig();
  config.rule_order.push_back("not-in-map");
  std::vector<SarifRule> rules = SarifRulesOf(config);
  ASSERT_EQ(rules.size(), 4U);
  EXPECT_EQ(rules[0].id, "demo-token");
  EXPECT_EQ(rules[0].description, "Demo token");
  EXPECT_EQ(rules[1].id, "aws-access-key");
  EXPECT_EQ(rules[1].description, "AWS Access Key");
  EXPECT_EQ(rules[2].id, "demo-token");
  EXPECT_EQ(rules[3].id, "not-in-map");
  EXPECT_EQ(rules[3].description, "");
}

}  // namespace
}  // namespace leakscan
