#include "scanner/postprocess.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

Finding MakeFinding(std::string rule_id, int line, std::string secret, std::string commit = "") {
  Finding finding;
  finding.rule_id = std::move(rule_id);
  finding.start_line = line;
  finding.secret = std::move(secret);
  finding.match = finding.secret;
  finding.commit = std::move(commit);
  return finding;
}

std::vector<std::string> RuleIds(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const Finding& finding : findings) ids.push_back(finding.rule_id);
  return ids;
}

TEST(PostProcessTest, DropsGenericFindingCoveredBySpecificRule) {
  std::vector<Finding> findings = {MakeFinding("generic-api-key", 3, "AKIA1234"),
                                   MakeFinding("aws-access-key", 3, "xAKIA1234x")};
  PostProcessFindings(&findings, 0);
  EXPECT_EQ(RuleIds(findings), (std::vector<std::string>{"aws-access-key"}));
}

TEST(PostProcessTest, KeepsGenericFindingOnOtherLineOrCommit) {
  std::vector<Finding> findings = {MakeFinding("Generic-Token", 3, "abc"),
                                   MakeFinding("specific", 4, "abc"),
                                   MakeFinding("specific", 3, "abc", "c1")};
  PostProcessFindings(&findings, 0);
  EXPECT_EQ(findings.size(), 3u);
}

TEST(PostProcessTest, KeepsGenericFindingWhenOtherIsGenericToo) {
  std::vector<Finding> findings = {MakeFinding("generic-a", 1, "abc"),
                                   MakeFinding("generic-b", 1, "abc")};
  PostProcessFindings(&findings, 0);
  EXPECT_EQ(findings.size(), 2u);
}

TEST(PostProcessTest, KeepsGenericFindingWhenSecretNotContained) {
  std::vector<Finding> findings = {MakeFinding("generic", 1, "abcd"),
                                   MakeFinding("specific", 1, "abc")};
  PostProcessFindings(&findings, 0);
  EXPECT_EQ(findings.size(), 2u);
}

TEST(PostProcessTest, RedactsAfterDeduplicating) {
  std::vector<Finding> findings = {MakeFinding("generic", 1, "abc"),
                                   MakeFinding("specific", 1, "abcdef")};
  findings[1].required.push_back(MakeFinding("part", 1, "zzz"));
  PostProcessFindings(&findings, 100);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].secret, "REDACTED");
  EXPECT_EQ(findings[0].required[0].secret, "REDACTED");
}

}  // namespace
}  // namespace leakscan
