// Conformance cases of the `report` group: each case's findings are
// written in its format and compared byte for byte with the expected file
// (CRLF converted to LF). Template cases belong to the template engine's
// own tests and are listed below so that no case is skipped silently.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "report/csv_writer.h"
#include "report/json_writer.h"
#include "report/junit_writer.h"
#include "sarif/sarif_writer.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

// Cases with format "template" or "template-load" exercise the Go
// text/template engine in report/template and are run by its tests.
bool IsTemplateCase(std::string_view format) {
  return format == "template" || format == "template-load";
}

std::string ReadFileWithLf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::string lf;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    lf.push_back(text[i]);
  }
  return lf;
}

std::vector<Finding> CaseFindings(simdjson::dom::element test_case) {
  std::vector<Finding> findings;
  for (simdjson::dom::object object : test_case["findings"].get_array()) {
    findings.push_back(conformance::FindingFromJson(object));
  }
  return findings;
}

std::vector<SarifRule> CaseRules(simdjson::dom::element test_case) {
  std::vector<SarifRule> rules;
  simdjson::dom::array array;
  if (test_case["rules"].get(array) != simdjson::SUCCESS) return rules;
  for (simdjson::dom::object rule : array) {
    rules.push_back({std::string(std::string_view(rule["RuleID"])),
                     std::string(std::string_view(rule["Description"]))});
  }
  return rules;
}

std::string Render(std::string_view format, simdjson::dom::element test_case) {
  std::vector<Finding> findings = CaseFindings(test_case);
  std::string out;
  if (format == "json") WriteJson(findings, &out);
  if (format == "csv") WriteCsv(findings, &out);
  if (format == "junit") WriteJunit(findings, &out);
  if (format == "sarif") {
    SarifOptions options;
    options.style = SarifStyle::kGitleaks;
    WriteSarif(findings, CaseRules(test_case), options, &out);
  }
  return out;
}

bool GetBool(simdjson::dom::element test_case, std::string_view key) {
  bool value = false;
  return test_case[key].get(value) == simdjson::SUCCESS && value;
}

TEST(ReportConformanceTest, EveryNonTemplateCaseMatchesGitleaksOutput) {
  LEAKSCAN_REQUIRE_SHARED();
  conformance::CasesWorkingDir working_dir;
  auto cases = conformance::LoadGroup("report");
  std::set<std::string> run_ids;
  std::set<std::string> template_ids;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    std::string id{std::string_view(test_case["id"])};
    std::string_view format = test_case["format"];
    if (IsTemplateCase(format)) {
      template_ids.insert(id);
      continue;
    }
    ASSERT_TRUE(format == "json" || format == "csv" || format == "junit" || format == "sarif")
        << id << ": unexpected format " << format;
    run_ids.insert(id);
    std::string output = Render(format, test_case);

    std::string_view expected_file;
    if (test_case["expected_file"].get(expected_file) == simdjson::SUCCESS) {
      EXPECT_EQ(output, ReadFileWithLf(std::string(expected_file))) << id;
    } else if (GetBool(test_case, "expected_empty_output")) {
      EXPECT_EQ(output, "") << id;
    } else {
      ASSERT_TRUE(GetBool(test_case, "expected_non_empty_output")) << id << ": nothing to check";
      EXPECT_NE(output, "") << id;
    }
  }
  EXPECT_EQ(run_ids.size(), 8U);
  EXPECT_EQ(template_ids, (std::set<std::string>{
                              "report/007-template-markdown",
                              "report/008-template-jsonextra",
                              "report/009-template-env-is-blocked",
                              "report/010-template-expandenv-is-blocked",
                              "report/011-template-gethostbyname-is-blocked",
                              "report/012-template-now-is-allowed-benign",
                          }));
}

}  // namespace
}  // namespace leakscan
