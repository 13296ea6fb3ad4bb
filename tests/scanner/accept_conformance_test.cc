// Runs the gitleaksignore and baseline conformance groups against the
// acceptance step.
#include <gtest/gtest.h>

#include <map>

#include "scanner/baseline.h"
#include "scanner/finding_sink.h"
#include "scanner/gitleaks_ignore.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

using conformance::FindingFromJson;

// Cases whose expected result encodes a limit of Gitleaks that leakscan
// removes on purpose: Gitleaks reads only JSON baselines, leakscan also
// reads its CSV and SARIF reports (docs/differences-from-gitleaks.md).
struct Deviation {
  std::string reason;
  bool accepted;               // leakscan loads the file.
  std::string message_suffix;  // Appended to expected_error when rejected.
};
const std::map<std::string, Deviation>& Deviations() {
  static const std::map<std::string, Deviation> deviations = {
      {"baseline/005-load-testdata-baseline-baseline-csv",
       {"CSV baselines are read; this file is still rejected, because its data row has "
        "more fields than its header, and the message names that reason",
        false, ": CSV record 2 has 15 fields, the header has 14"}},
      {"baseline/006-load-testdata-baseline-baseline-sarif",
       {"SARIF baselines are read; this SARIF log has no runs, so it is an empty baseline", true,
        ""}},
  };
  return deviations;
}

std::string Text(simdjson::dom::element element, std::string_view key) {
  return std::string(std::string_view(element[key]));
}

Baseline BaselineFromCase(simdjson::dom::element test_case) {
  std::string json = simdjson::to_string(test_case["baseline"]);
  auto baseline = Baseline::Parse(json, "case baseline");
  EXPECT_TRUE(baseline) << baseline.error().message;
  return baseline ? std::move(*baseline) : Baseline();
}

TEST(AcceptConformanceTest, GitleaksIgnoreGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  conformance::CasesWorkingDir working_dir;
  auto group = conformance::LoadGroup("gitleaksignore");
  size_t ran = 0;
  for (simdjson::dom::element test_case : group->root.get_array()) {
    SCOPED_TRACE(Text(test_case, "id"));
    IgnoreSet ignore;
    ASSERT_TRUE(ignore.LoadFile(Text(test_case, "file")));
    std::set<std::string> expected;
    for (auto entry : test_case["expected_entries"].get_array()) {
      expected.insert(std::string(std::string_view(entry)));
    }
    EXPECT_EQ(ignore.entries(), expected);
    ++ran;
  }
  EXPECT_EQ(ran, 1u);
}

void RunIsNew(simdjson::dom::element test_case) {
  Baseline baseline = BaselineFromCase(test_case);
  Finding finding = FindingFromJson(test_case["finding"].get_object());
  bool redacting = int64_t(test_case["redact"]) > 0;
  bool expected_new = bool(test_case["expected"]);
  EXPECT_EQ(!baseline.Contains(finding, redacting), expected_new);
}

void RunLoad(simdjson::dom::element test_case) {
  std::string id = Text(test_case, "id");
  std::string expected_error = Text(test_case, "expected_error");
  auto baseline = Baseline::Load(Text(test_case, "baseline_path"));
  auto deviation = Deviations().find(id);
  if (deviation == Deviations().end()) {
    ASSERT_FALSE(baseline);
    EXPECT_EQ(baseline.error().message, expected_error);
    return;
  }
  SCOPED_TRACE("deliberate difference: " + deviation->second.reason);
  if (deviation->second.accepted) {
    ASSERT_TRUE(baseline) << baseline.error().message;
    EXPECT_EQ(baseline->size(), 0u);
  } else {
    ASSERT_FALSE(baseline);
    EXPECT_EQ(baseline.error().message, expected_error + deviation->second.message_suffix);
  }
}

void RunFilter(simdjson::dom::element test_case) {
  Baseline baseline = BaselineFromCase(test_case);
  FindingSink sink(nullptr, &baseline, int64_t(test_case["redact"]) > 0);
  std::vector<Finding> findings;
  for (simdjson::dom::object object : test_case["findings"].get_array()) {
    findings.push_back(FindingFromJson(object));
  }
  sink.Accept(std::move(findings), 0, 0);
  EXPECT_EQ(sink.count(), static_cast<size_t>(int64_t(test_case["expected_count"])));
}

TEST(AcceptConformanceTest, BaselineGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  conformance::CasesWorkingDir working_dir;
  auto group = conformance::LoadGroup("baseline");
  std::map<std::string, int> ran;
  for (simdjson::dom::element test_case : group->root.get_array()) {
    std::string check = Text(test_case, "check");
    SCOPED_TRACE(Text(test_case, "id"));
    if (check == "is_new") {
      RunIsNew(test_case);
    } else if (check == "load") {
      RunLoad(test_case);
    } else if (check == "filter") {
      RunFilter(test_case);
    } else {
      ADD_FAILURE() << "unknown baseline check " << check;
    }
    ++ran[check];
  }
  EXPECT_EQ(ran["is_new"], 5);
  EXPECT_EQ(ran["load"], 3);
  EXPECT_EQ(ran["filter"], 2);
}

}  // namespace
}  // namespace leakscan
