// Runs the conformance groups owned by the detection engine through library
// calls: detect_fragment, rule_allowlist and windows_paths (fragment scans),
// location, redact and decoder. Every case of each group runs; none is
// skipped.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "config/loader.h"
#include "scanner/decoder.h"
#include "scanner/detector.h"
#include "scanner/location.h"
#include "scanner/redact.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

namespace conf = conformance;

std::string GetString(simdjson::dom::element element, std::string_view key) {
  std::string_view value;
  if (element[key].get(value) != simdjson::SUCCESS) return "";
  return std::string(value);
}

int64_t GetInt(simdjson::dom::element element, std::string_view key) {
  int64_t value = 0;
  if (element[key].get(value) != simdjson::SUCCESS) return 0;
  return value;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The reference default config replaces the built-in one here, because
// the cases were produced with Gitleaks' own default rules.
LoadContext ReferenceContext() {
  LoadContext context;
  context.default_text = ReadFile(*conf::SharedDir() + "/reference/gitleaks-default.toml");
  context.default_format = ConfigFormat::kToml;
  return context;
}

Result<Config> LoadCaseConfig(simdjson::dom::element test_case, const LoadContext& context) {
  std::string_view inline_text;
  if (test_case["config_inline"].get(inline_text) == simdjson::SUCCESS) {
    return LoadConfigText(inline_text, ConfigFormat::kToml, context);
  }
  return LoadConfigFile(GetString(test_case, "config"), context);
}

DetectorOptions CaseOptions(simdjson::dom::element test_case) {
  simdjson::dom::element options = test_case["options"];
  DetectorOptions result;
  result.max_decode_depth = static_cast<int>(GetInt(options, "max_decode_depth"));
  result.config_path = GetString(test_case, "config");
  result.baseline_path = GetString(options, "baseline_path");
  return result;
}

Fragment CaseFragment(simdjson::dom::element input, std::string* raw) {
  *raw = GetString(input, "raw");
  Fragment fragment;
  fragment.raw = *raw;
  fragment.file_path = GetString(input, "path");
  fragment.windows_path = GetString(input, "windows_path");
  std::string commit = GetString(input, "commit");
  if (!commit.empty()) {
    auto info = std::make_shared<CommitInfo>();
    info->sha = commit;
    fragment.commit = std::move(info);
  }
  return fragment;
}

// Scans one fragment case; returns a description of the mismatch or "".
std::string RunFragmentCase(simdjson::dom::element test_case, const LoadContext& context) {
  Result<Config> config = LoadCaseConfig(test_case, context);
  if (!config) return "config failed to load: " + config.error().message;
  auto detector =
      Detector::Create(std::make_shared<const Config>(std::move(*config)), CaseOptions(test_case));
  if (!detector) return "detector failed: " + detector.error().message;
  std::string raw;
  Fragment fragment = CaseFragment(test_case["input"], &raw);
  return conf::CompareFindings(test_case, (*detector)->Detect(fragment));
}

void RunFragmentGroup(const std::string& group, size_t expected_cases) {
  conf::CasesWorkingDir working_dir;
  auto cases = conf::LoadGroup(group);
  LoadContext context = ReferenceContext();
  size_t count = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    ++count;
    std::string id = GetString(test_case, "id");
    ASSERT_EQ(GetString(test_case, "mode"), "fragment") << id;
    std::string mismatch = RunFragmentCase(test_case, context);
    EXPECT_EQ(mismatch, "") << id;
  }
  EXPECT_EQ(count, expected_cases);
}

TEST(FragmentConformanceTest, DetectFragmentGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  RunFragmentGroup("detect_fragment", 20);
}

TEST(FragmentConformanceTest, RuleAllowlistGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  RunFragmentGroup("rule_allowlist", 11);
}

TEST(FragmentConformanceTest, WindowsPathsGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  RunFragmentGroup("windows_paths", 11);
}

TEST(FragmentConformanceTest, LocationGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  auto cases = conf::LoadGroup("location");
  size_t count = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    ++count;
    std::string id = GetString(test_case, "id");
    std::vector<size_t> newlines;
    for (simdjson::dom::array pair : test_case["newline_indices"].get_array()) {
      newlines.push_back(static_cast<size_t>(int64_t(pair.at(0))));
    }
    simdjson::dom::array match = test_case["match"].get_array();
    std::string raw = GetString(test_case, "raw");
    Location location = ComputeLocation(newlines, raw, static_cast<size_t>(int64_t(match.at(0))),
                                        static_cast<size_t>(int64_t(match.at(1))));
    simdjson::dom::element expected = test_case["expected"];
    EXPECT_EQ(location.start_line, GetInt(expected, "startLine")) << id;
    EXPECT_EQ(location.start_column, GetInt(expected, "startColumn")) << id;
    EXPECT_EQ(location.end_line, GetInt(expected, "endLine")) << id;
    EXPECT_EQ(location.end_column, GetInt(expected, "endColumn")) << id;
    EXPECT_EQ(static_cast<int64_t>(location.line_start), GetInt(expected, "startLineIndex")) << id;
    EXPECT_EQ(static_cast<int64_t>(location.line_end), GetInt(expected, "endLineIndex")) << id;
  }
  EXPECT_EQ(count, 2u);
}

TEST(FragmentConformanceTest, RedactGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  auto cases = conf::LoadGroup("redact");
  size_t count = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    ++count;
    std::string id = GetString(test_case, "id");
    int percent = static_cast<int>(GetInt(test_case, "percent"));
    simdjson::dom::element finding_json;
    if (test_case["finding"].get(finding_json) != simdjson::SUCCESS) {
      EXPECT_EQ(RedactSecret(GetString(test_case, "secret"), percent),
                GetString(test_case, "expected_masked_secret"))
          << id;
      continue;
    }
    Finding finding;
    finding.match = GetString(finding_json, "Match");
    finding.secret = GetString(finding_json, "Secret");
    finding.line = GetString(finding_json, "Line");
    Redact(finding, percent);
    simdjson::dom::element expected = test_case["expected"];
    EXPECT_EQ(finding.match, GetString(expected, "Match")) << id;
    EXPECT_EQ(finding.secret, GetString(expected, "Secret")) << id;
  }
  EXPECT_EQ(count, 8u);
}

TEST(FragmentConformanceTest, DecoderGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  auto cases = conf::LoadGroup("decoder");
  size_t count = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    ++count;
    EXPECT_EQ(DecodeFully(GetString(test_case, "input")), GetString(test_case, "expected"))
        << GetString(test_case, "id");
  }
  EXPECT_EQ(count, 48u);
}

}  // namespace
}  // namespace leakscan
