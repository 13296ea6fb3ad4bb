#include "port/sarif_document.h"

#include <gtest/gtest.h>

#include "port_test_support.h"

namespace leakscan {
namespace {

using port_test::TestFindings;
using port_test::TestSarif;
using port_test::TestSecret;

PreparedSarif PrepareOrFail(const std::string& sarif, bool include_secret = false) {
  Result<PreparedSarif> prepared = PrepareSarif(sarif, include_secret);
  EXPECT_TRUE(prepared.has_value()) << prepared.error().message;
  return prepared ? std::move(*prepared) : PreparedSarif{};
}

TEST(PrepareSarif, SerializesEveryResultAndRule) {
  PreparedSarif prepared = PrepareOrFail(TestSarif(TestFindings(12), SarifStyle::kGitleaks));
  ASSERT_EQ(prepared.runs.size(), 1u);
  EXPECT_EQ(prepared.result_count, 12u);
  EXPECT_EQ(prepared.runs[0].results.size(), 12u);
  EXPECT_EQ(prepared.runs[0].rules.size(), 6u);
  EXPECT_EQ(prepared.runs[0].rules[5], R"({"id":"unused-rule","shortDescription":)"
                                       R"({"text":"A rule no finding uses"}})");
}

TEST(PrepareSarif, MapsResultsToRulesById) {
  PreparedSarif prepared = PrepareOrFail(TestSarif(TestFindings(7), SarifStyle::kGitleaks));
  const PreparedRun& run = prepared.runs[0];
  for (size_t i = 0; i < run.results.size(); ++i) {
    ASSERT_EQ(run.rules_of_result[i].size(), 1u) << "result " << i;
    EXPECT_EQ(run.rules_of_result[i][0], i % 5) << "result " << i;
  }
}

TEST(PrepareSarif, RedactsEverySecretByDefault) {
  PreparedSarif prepared = PrepareOrFail(TestSarif(TestFindings(20), SarifStyle::kEnriched));
  for (int i = 0; i < 20; ++i) {
    const std::string& result = prepared.runs[0].results[i];
    EXPECT_EQ(result.find(TestSecret(i)), std::string::npos) << result;
    EXPECT_NE(result.find(R"("snippet":{"text":"REDACTED"})"), std::string::npos) << result;
    EXPECT_NE(result.find(R"("commitMessage":"add token REDACTED")"), std::string::npos) << result;
  }
}

TEST(PrepareSarif, KeepsSecretsWhenIncluded) {
  PreparedSarif prepared =
      PrepareOrFail(TestSarif(TestFindings(3), SarifStyle::kGitleaks), /*include_secret=*/true);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NE(prepared.runs[0].results[i].find(R"("snippet":{"text":")" + TestSecret(i) + "\"}"),
              std::string::npos);
  }
}

TEST(PrepareSarif, DropsRuleIndexButKeepsRuleId) {
  std::string sarif = TestSarif(TestFindings(3), SarifStyle::kEnriched);
  ASSERT_NE(sarif.find("\"ruleIndex\""), std::string::npos);
  PreparedSarif prepared = PrepareOrFail(sarif);
  for (const std::string& result : prepared.runs[0].results) {
    EXPECT_EQ(result.find("ruleIndex"), std::string::npos) << result;
    EXPECT_NE(result.find(R"("ruleId":"rule-)"), std::string::npos) << result;
  }
}

TEST(PrepareSarif, NamesRuleOfResultWithOnlyRuleIndex) {
  PreparedSarif prepared = PrepareOrFail(R"({"runs": [{
      "tool": {"driver": {"rules": [{"id": "first"}, {"id": "second"}]}},
      "results": [{"ruleIndex": 1, "message": {"text": "m"}}]}]})");
  EXPECT_EQ(prepared.runs[0].results[0], R"({"ruleId":"second","message":{"text":"m"}})");
  EXPECT_EQ(prepared.runs[0].rules_of_result[0], std::vector<size_t>{1});
}

TEST(PrepareSarif, PreparesEachRunSeparately) {
  PreparedSarif prepared = PrepareOrFail(R"({"version": "2.1.0", "runs": [
      {"tool": {"driver": {"name": "a"}}, "results": [{"ruleId": "x"}]},
      {"tool": {"driver": {"name": "b"}}, "results": [{"ruleId": "y"}, {"ruleId": "z"}]}]})");
  ASSERT_EQ(prepared.runs.size(), 2u);
  EXPECT_EQ(prepared.result_count, 3u);
  EXPECT_EQ(prepared.runs[1].results.size(), 2u);
  EXPECT_NE(prepared.runs[1].envelope[0].text.find(R"("name":"b")"), std::string::npos);
}

TEST(PrepareSarif, RejectsInvalidJson) {
  Result<PreparedSarif> prepared = PrepareSarif("{\"runs\": [", false);
  ASSERT_FALSE(prepared.has_value());
  EXPECT_TRUE(prepared.error().message.starts_with("invalid SARIF: not valid JSON"))
      << prepared.error().message;
}

TEST(PrepareSarif, RejectsDocumentWithoutRuns) {
  Result<PreparedSarif> prepared = PrepareSarif(R"({"version": "2.1.0"})", false);
  ASSERT_FALSE(prepared.has_value());
  EXPECT_EQ(prepared.error().message, "invalid SARIF: the document has no \"runs\" array");
}

TEST(PrepareSarif, RejectsRunWithoutResults) {
  Result<PreparedSarif> prepared = PrepareSarif(R"({"runs": [{"tool": {}}]})", false);
  ASSERT_FALSE(prepared.has_value());
  EXPECT_EQ(prepared.error().message, "invalid SARIF: runs[0].results is missing or not an array");
}

TEST(PrepareSarif, RejectsResultThatIsNotAnObject) {
  Result<PreparedSarif> prepared = PrepareSarif(R"({"runs": [{"results": [{}, 3]}]})", false);
  ASSERT_FALSE(prepared.has_value());
  EXPECT_EQ(prepared.error().message, "invalid SARIF: runs[0].results[1] is not an object");
}

TEST(PrepareSarif, RejectsRunPropertiesThatAreNotAnObject) {
  Result<PreparedSarif> prepared =
      PrepareSarif(R"({"runs": [{"results": [], "properties": 1}]})", false);
  ASSERT_FALSE(prepared.has_value());
  EXPECT_EQ(prepared.error().message, "invalid SARIF: runs[0].properties is not an object");
}

}  // namespace
}  // namespace leakscan
