#include "config/rule_builder.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace leakscan {
namespace {

RawRule Simple(std::string id, std::string regex) {
  RawRule raw;
  raw.id = std::move(id);
  raw.regex = std::move(regex);
  return raw;
}

RawAllowlist RegexAllowlist(std::string regex) {
  RawAllowlist raw;
  raw.regexes = {std::move(regex)};
  return raw;
}

TEST(BuildRule, CompilesPatternsAndLowersKeywords) {
  RawRule raw = Simple("demo", "tok_([0-9]+)");
  raw.path = "\\.env$";
  raw.keywords = {"TOK_", "Demo"};
  Result<Rule> rule = BuildRule(raw);
  ASSERT_TRUE(rule.has_value()) << rule.error().message;
  EXPECT_EQ(rule->keywords, (std::vector<std::string>{"tok_", "demo"}));
  ASSERT_NE(rule->compiled_regex, nullptr);
  EXPECT_EQ(rule->compiled_regex->NumberOfCapturingGroups(), 1);
  ASSERT_NE(rule->compiled_path, nullptr);
  EXPECT_EQ(rule->path, "\\.env$");
}

TEST(BuildRule, TreatsEmptyPatternsAsUnset) {
  Result<Rule> rule = BuildRule(Simple("demo", ""));
  ASSERT_TRUE(rule.has_value());
  EXPECT_FALSE(rule->regex.has_value());
  EXPECT_FALSE(rule->path.has_value());
  EXPECT_EQ(rule->compiled_regex, nullptr);
}

TEST(BuildRule, NamesTheRuleAndPatternOfAnInvalidRegex) {
  Result<Rule> rule = BuildRule(Simple("aws-key", "("));
  ASSERT_FALSE(rule.has_value());
  EXPECT_TRUE(rule.error().message.starts_with("rule aws-key: invalid regex `(`: missing )"))
      << rule.error().message;

  RawRule raw = Simple("aws-key", "ok");
  raw.path = "a{2,1}";
  rule = BuildRule(raw);
  ASSERT_FALSE(rule.has_value());
  EXPECT_TRUE(rule.error().message.starts_with("rule aws-key: path: invalid regex `a{2,1}`: "))
      << rule.error().message;

  rule = BuildRule(Simple("", "\\"));
  ASSERT_FALSE(rule.has_value());
  EXPECT_TRUE(rule.error().message.starts_with("rule with no id: invalid regex `\\`"))
      << rule.error().message;
}

TEST(BuildRule, RejectsBothAllowlistForms) {
  RawRule raw = Simple("example", "x");
  raw.allowlist = RegexAllowlist("1");
  raw.allowlists.push_back(RegexAllowlist("2"));
  Result<Rule> rule = BuildRule(raw);
  ASSERT_FALSE(rule.has_value());
  EXPECT_EQ(rule.error().message,
            "example: [rules.allowlist] is deprecated, it cannot be used alongside "
            "[[rules.allowlist]]");
}

TEST(BuildRule, PrefixesAllowlistErrorsWithTheRule) {
  RawRule raw = Simple("example", "x");
  raw.allowlists.push_back(RegexAllowlist("1"));
  raw.allowlists.back().condition = "nand";
  Result<Rule> rule = BuildRule(raw);
  ASSERT_FALSE(rule.has_value());
  EXPECT_EQ(rule.error().message,
            "example: [[rules.allowlists]] unknown allowlist |condition| 'nand' (expected 'and', "
            "'or')");
}

TEST(BuildRule, IgnoresTargetRulesOnRuleAllowlists) {
  RawRule raw = Simple("example", "x");
  raw.allowlist = RegexAllowlist("1");
  raw.allowlist->target_rules = {"other"};
  Result<Rule> rule = BuildRule(raw);
  ASSERT_TRUE(rule.has_value()) << rule.error().message;
  ASSERT_EQ(rule->allowlists.size(), 1u);
  EXPECT_TRUE(rule->allowlists[0].target_rules.empty());
}

TEST(BuildRule, RejectsARequiredEntryWithoutId) {
  RawRule raw = Simple("combo", "x");
  raw.required.push_back(RawRequired{"", 1, std::nullopt});
  Result<Rule> rule = BuildRule(raw);
  ASSERT_FALSE(rule.has_value());
  EXPECT_EQ(rule.error().message, "combo: [[rules.required]] rule ID is empty");
}

TEST(ValidateRule, ListsTheContextOfARuleWithoutId) {
  RawRule raw = Simple("  ", "a(b)");
  raw.description = "Demo";
  raw.path = "p";
  Result<Rule> rule = BuildRule(raw);
  ASSERT_TRUE(rule.has_value());
  Status status = ValidateRule(*rule);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message,
            "rule |id| is missing or empty, description: Demo, regex: a(b), path: p");
}

TEST(ValidateRule, RejectsARuleWithNeitherRegexNorPath) {
  Result<Rule> rule = BuildRule(Simple("empty", ""));
  ASSERT_TRUE(rule.has_value());
  Status status = ValidateRule(*rule);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message,
            "empty: both |regex| and |path| are empty, this rule will have no effect");
}

TEST(ValidateRule, RejectsASecretGroupBeyondTheCaptureGroups) {
  RawRule raw = Simple("grouped", "(a)(b)");
  raw.secret_group = 2;
  Result<Rule> rule = BuildRule(raw);
  ASSERT_TRUE(rule.has_value());
  EXPECT_TRUE(ValidateRule(*rule).has_value());
  rule->secret_group = 3;
  Status status = ValidateRule(*rule);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message,
            "grouped: invalid regex secret group 3, max regex secret group 2");
}

TEST(ValidateRule, AcceptsAPathOnlyRule) {
  RawRule raw = Simple("keys", "");
  raw.path = "id_rsa$";
  Result<Rule> rule = BuildRule(raw);
  ASSERT_TRUE(rule.has_value());
  EXPECT_TRUE(ValidateRule(*rule).has_value());
}

}  // namespace
}  // namespace leakscan
