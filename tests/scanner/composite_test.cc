#include "scanner/composite.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

Finding At(std::string rule_id, int line, int column) {
  Finding finding;
  finding.rule_id = std::move(rule_id);
  finding.start_line = line;
  finding.start_column = column;
  return finding;
}

TEST(CompositeTest, NoLimitsMeansAnywhere) {
  RequiredRule entry{"q", std::nullopt, std::nullopt};
  EXPECT_TRUE(WithinProximity(At("p", 1, 1), At("q", 900, 80), entry));
}

TEST(CompositeTest, LineAndColumnLimitsAreInclusive) {
  RequiredRule entry{"q", 2, 5};
  EXPECT_TRUE(WithinProximity(At("p", 10, 10), At("q", 8, 15), entry));
  EXPECT_FALSE(WithinProximity(At("p", 10, 10), At("q", 7, 10), entry));
  EXPECT_FALSE(WithinProximity(At("p", 10, 10), At("q", 10, 16), entry));
}

TEST(CompositeTest, KeepsPrimaryWithEveryRequiredRule) {
  std::vector<RequiredRule> entries = {{"q", 1, std::nullopt}, {"r", std::nullopt, std::nullopt}};
  std::vector<Finding> q_findings = {At("q", 5, 1), At("q", 50, 1)};
  std::vector<Finding> r_findings = {At("r", 99, 1)};
  std::vector<Finding> primaries = {At("p", 5, 3), At("p", 20, 3)};
  ApplyRequiredFindings(entries, {&q_findings, &r_findings}, &primaries);
  ASSERT_EQ(primaries.size(), 1u);
  EXPECT_EQ(primaries[0].start_line, 5);
  ASSERT_EQ(primaries[0].required.size(), 2u);
  EXPECT_EQ(primaries[0].required[0].rule_id, "q");
  EXPECT_EQ(primaries[0].required[1].rule_id, "r");
}

TEST(CompositeTest, InactiveRequiredRuleDropsPrimary) {
  std::vector<RequiredRule> entries = {{"q", std::nullopt, std::nullopt}};
  std::vector<Finding> primaries = {At("p", 5, 3)};
  ApplyRequiredFindings(entries, {nullptr}, &primaries);
  EXPECT_TRUE(primaries.empty());
}

}  // namespace
}  // namespace leakscan
