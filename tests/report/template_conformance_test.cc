// Runs the template cases of the report conformance group: rendering the
// upstream templates byte for byte, and rejecting the functions Gitleaks
// removes (env, expandenv, getHostByName) at parse time.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/template/template.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string WithoutCarriageReturns(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

std::string Text(simdjson::dom::element element, std::string_view key) {
  return std::string(std::string_view(element[key]));
}

void RunRender(simdjson::dom::element test_case) {
  std::string template_text = ReadFile(Text(test_case, "template"));
  ASSERT_FALSE(template_text.empty());
  std::vector<Finding> findings;
  for (simdjson::dom::object object : test_case["findings"].get_array()) {
    findings.push_back(conformance::FindingFromJson(object));
  }
  auto parsed = ParseTemplate(template_text, "custom");
  ASSERT_TRUE(parsed) << parsed.error().message;
  std::string out;
  Status status = ExecuteTemplate(*parsed, findings, &out);
  ASSERT_TRUE(status) << status.error().message;
  EXPECT_EQ(out, WithoutCarriageReturns(ReadFile(Text(test_case, "expected_file"))));
}

void RunLoad(simdjson::dom::element test_case) {
  auto parsed = ParseTemplate(Text(test_case, "template_text"), "custom");
  std::string_view expected;
  if (test_case["expected_error_contains"].get(expected) != simdjson::SUCCESS) {
    EXPECT_TRUE(parsed) << parsed.error().message;
    return;
  }
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find(expected), std::string::npos) << parsed.error().message;
}

TEST(TemplateConformanceTest, ReportTemplateCases) {
  LEAKSCAN_REQUIRE_SHARED();
  conformance::CasesWorkingDir working_dir;
  auto group = conformance::LoadGroup("report");
  int rendered = 0;
  int loaded = 0;
  for (simdjson::dom::element test_case : group->root.get_array()) {
    std::string format = Text(test_case, "format");
    SCOPED_TRACE(Text(test_case, "id"));
    if (format == "template") {
      RunRender(test_case);
      ++rendered;
    } else if (format == "template-load") {
      RunLoad(test_case);
      ++loaded;
    }
  }
  EXPECT_EQ(rendered, 2);
  EXPECT_EQ(loaded, 4);
}

}  // namespace
}  // namespace leakscan
