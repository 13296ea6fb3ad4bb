// Loads Gitleaks' own default config (the reference copy of
// config/gitleaks.toml from 8.30) and checks that every rule and allowlist
// pattern compiles with RE2 and that the rule set is complete.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <fstream>
#include <sstream>

#include "config/loader.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

std::string ReferenceConfigPath() {
  return *conformance::SharedDir() + "/reference/gitleaks-default.toml";
}

TEST(GitleaksDefaultConfig, LoadsAll222Rules) {
  LEAKSCAN_REQUIRE_SHARED();
  Result<Config> config = LoadConfigFile(ReferenceConfigPath());
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->title, "gitleaks config");
  EXPECT_EQ(config->min_version, "v8.25.0");
  EXPECT_EQ(config->rules.size(), 222u);
  EXPECT_EQ(config->rule_order.size(), 222u);
  EXPECT_EQ(config->allowlists.size(), 1u);
}

TEST(GitleaksDefaultConfig, EveryPatternCompiles) {
  LEAKSCAN_REQUIRE_SHARED();
  Result<Config> config = LoadConfigFile(ReferenceConfigPath());
  ASSERT_TRUE(config.has_value()) << config.error().message;
  for (const auto& [id, rule] : config->rules) {
    SCOPED_TRACE(id);
    EXPECT_TRUE(rule.regex.has_value() || rule.path.has_value());
    if (rule.regex) {
      ASSERT_NE(rule.compiled_regex, nullptr);
      EXPECT_TRUE(rule.compiled_regex->ok());
      EXPECT_LE(rule.secret_group, rule.compiled_regex->NumberOfCapturingGroups());
    }
    if (rule.path) {
      ASSERT_NE(rule.compiled_path, nullptr);
      EXPECT_TRUE(rule.compiled_path->ok());
    }
    for (const Allowlist& allowlist : rule.allowlists) {
      EXPECT_EQ(allowlist.paths.empty(), allowlist.path_regex == nullptr);
      EXPECT_EQ(allowlist.regexes.empty(), allowlist.regex_regex == nullptr);
    }
  }
  const Allowlist& global = config->allowlists.front();
  ASSERT_NE(global.path_regex, nullptr);
  ASSERT_NE(global.regex_regex, nullptr);
  EXPECT_TRUE(global.path_regex->ok());
  EXPECT_TRUE(global.regex_regex->ok());
}

TEST(GitleaksDefaultConfig, KeywordsAreLowerCaseUnion) {
  LEAKSCAN_REQUIRE_SHARED();
  Result<Config> config = LoadConfigFile(ReferenceConfigPath());
  ASSERT_TRUE(config.has_value()) << config.error().message;
  size_t rules_with_keywords = 0;
  for (const auto& [id, rule] : config->rules) {
    if (!rule.keywords.empty()) ++rules_with_keywords;
    for (const std::string& keyword : rule.keywords) {
      EXPECT_TRUE(config->keywords.contains(keyword)) << id << ": " << keyword;
      for (char c : keyword) EXPECT_FALSE(c >= 'A' && c <= 'Z') << id << ": " << keyword;
    }
  }
  EXPECT_GT(rules_with_keywords, 200u);
}

TEST(GitleaksDefaultConfig, RuleOrderIsFileOrder) {
  LEAKSCAN_REQUIRE_SHARED();
  Result<Config> config = LoadConfigFile(ReferenceConfigPath());
  ASSERT_TRUE(config.has_value()) << config.error().message;
  std::ifstream in(ReferenceConfigPath());
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  re2::StringPiece input(content);
  std::string id;
  std::vector<std::string> file_order;
  while (RE2::FindAndConsume(&input, R"re((?m)^id = "([^"]+)")re", &id)) file_order.push_back(id);
  EXPECT_EQ(config->rule_order, file_order);
}

}  // namespace
}  // namespace leakscan
