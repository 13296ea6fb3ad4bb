#include "config/config_decode.h"

#include <gtest/gtest.h>

#include "config/toml_reader.h"

namespace leakscan {
namespace {

Result<RawConfig> DecodeToml(std::string_view text) {
  Result<ConfigNode> root = ParseTomlText(text);
  if (!root) return std::unexpected(root.error());
  return DecodeConfig(*root);
}

TEST(DecodeConfig, MatchesKeysIgnoringCase) {
  Result<RawConfig> config = DecodeToml(R"(
TITLE = "t"
MinVersion = "v8.0.0"
[[RULES]]
ID = "a"
SecretGroup = 2
secretgroup_unrelated = 9
SKIPREPORT = true
[[RULES.AllowLists]]
RegexTarget = "line"
StopWords = ["x"]
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->title, "t");
  EXPECT_EQ(config->min_version, "v8.0.0");
  ASSERT_EQ(config->rules.size(), 1u);
  EXPECT_EQ(config->rules[0].id, "a");
  EXPECT_EQ(config->rules[0].secret_group, 2);
  EXPECT_TRUE(config->rules[0].skip_report);
  ASSERT_EQ(config->rules[0].allowlists.size(), 1u);
  EXPECT_EQ(config->rules[0].allowlists[0].regex_target, "line");
  EXPECT_EQ(config->rules[0].allowlists[0].stopwords, std::vector<std::string>{"x"});
}

TEST(DecodeConfig, CoercesValuesLeniently) {
  Result<RawConfig> config = DecodeToml(R"(
[[rules]]
id = 42
entropy = "3.5"
secretGroup = "1"
keywords = "Foo,bar"
tags = "single"
skipReport = "true"
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const RawRule& rule = config->rules[0];
  EXPECT_EQ(rule.id, "42");
  EXPECT_DOUBLE_EQ(rule.entropy, 3.5);
  EXPECT_EQ(rule.secret_group, 1);
  EXPECT_EQ(rule.keywords, (std::vector<std::string>{"Foo", "bar"}));
  EXPECT_EQ(rule.tags, std::vector<std::string>{"single"});
  EXPECT_TRUE(rule.skip_report);
}

TEST(DecodeConfig, ReadsExtendRequiredAndLegacyTables) {
  Result<RawConfig> config = DecodeToml(R"(
[extend]
useDefault = true
disabledRules = ["x", "y"]
url = "ignored"
[allowlist]
paths = ['''\.md$''']
targetRules = ["r"]
[[rules]]
id = "r"
regex = "a"
[rules.allowlist]
commits = ["abc"]
[[rules.required]]
id = "q"
withinLines = 3
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_TRUE(config->extend.use_default);
  EXPECT_EQ(config->extend.disabled_rules, (std::vector<std::string>{"x", "y"}));
  ASSERT_TRUE(config->allowlist.has_value());
  EXPECT_EQ(config->allowlist->target_rules, std::vector<std::string>{"r"});
  const RawRule& rule = config->rules[0];
  ASSERT_TRUE(rule.allowlist.has_value());
  EXPECT_EQ(rule.allowlist->commits, std::vector<std::string>{"abc"});
  ASSERT_EQ(rule.required.size(), 1u);
  EXPECT_EQ(rule.required[0].id, "q");
  EXPECT_EQ(rule.required[0].within_lines, 3);
  EXPECT_FALSE(rule.required[0].within_columns.has_value());
}

TEST(DecodeConfig, TreatsASingleAllowlistsTableAsAList) {
  Result<RawConfig> config = DecodeToml(R"(
[allowlists]
regexes = ["x"]
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_FALSE(config->allowlist.has_value());
  ASSERT_EQ(config->allowlists.size(), 1u);
  EXPECT_EQ(config->allowlists[0].regexes, std::vector<std::string>{"x"});
}

TEST(DecodeConfig, ReportsTheFieldThatCannotBeCoerced) {
  Result<RawConfig> config = DecodeToml(R"(
[[rules]]
id = "a"
[[rules]]
id = "b"
entropy = "high"
)");
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "invalid rules[1].entropy: expected a number, got string \"high\"");
}

TEST(DecodeConfig, RejectsAScalarExtend) {
  Result<RawConfig> config = DecodeToml("extend = \"x\"\n");
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message, "invalid extend: expected a table, got string \"x\"");
}

TEST(ParseTomlText, ReportsSyntaxErrorsWithTheirLine) {
  Result<ConfigNode> root = ParseTomlText("title = \"ok\"\n[[rules]\n");
  ASSERT_FALSE(root.has_value());
  EXPECT_TRUE(root.error().message.starts_with("While parsing config: toml: line 2"))
      << root.error().message;
}

}  // namespace
}  // namespace leakscan
