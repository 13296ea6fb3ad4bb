// YAML configs: the same schema and rules as TOML, so a YAML config and its
// TOML twin must load to the same Config.
#include <gtest/gtest.h>

#include "config/loader.h"
#include "config/yaml_reader.h"
#include "tests/config/test_files.h"

namespace leakscan {
namespace {

constexpr std::string_view kToml = R"(
title = "twin"
minVersion = "v8.20.0"
[[rules]]
id = "demo-token"
description = "Demo token"
regex = '''tok_([a-z0-9]{8})'''
secretGroup = 1
entropy = 2.5
keywords = ["TOK_"]
tags = ["demo", "token"]
[[rules.allowlists]]
condition = "AND"
regexTarget = "line"
regexes = ['''example''']
stopwords = ["Dummy"]
[[rules]]
id = "demo-part"
regex = '''part'''
skipReport = true
[[rules]]
id = "demo-combined"
regex = '''combined'''
[[rules.required]]
id = "demo-part"
withinLines = 2
[[allowlists]]
paths = ['''(?i)\.lock$''']
)";

constexpr std::string_view kYaml = R"(
title: twin
minVersion: v8.20.0
rules:
  - id: demo-token
    description: Demo token
    regex: 'tok_([a-z0-9]{8})'
    secretGroup: 1
    entropy: 2.5
    keywords: [TOK_]
    tags: [demo, token]
    allowlists:
      - condition: AND
        regexTarget: line
        regexes: [example]
        stopwords: [Dummy]
  - id: demo-part
    regex: part
    skipReport: true
  - id: demo-combined
    regex: combined
    required:
      - id: demo-part
        withinLines: 2
allowlists:
  - paths: ['(?i)\.lock$']
)";

void ExpectSameAllowlist(const Allowlist& a, const Allowlist& b) {
  EXPECT_EQ(a.condition, b.condition);
  EXPECT_EQ(a.regex_target, b.regex_target);
  EXPECT_EQ(a.commits, b.commits);
  EXPECT_EQ(a.paths, b.paths);
  EXPECT_EQ(a.regexes, b.regexes);
  EXPECT_EQ(a.stopwords, b.stopwords);
}

TEST(YamlConfig, LoadsLikeItsTomlTwin) {
  Result<Config> toml = LoadConfigText(kToml, ConfigFormat::kToml);
  Result<Config> yaml = LoadConfigText(kYaml, ConfigFormat::kYaml);
  ASSERT_TRUE(toml.has_value()) << toml.error().message;
  ASSERT_TRUE(yaml.has_value()) << yaml.error().message;
  EXPECT_EQ(yaml->title, toml->title);
  EXPECT_EQ(yaml->min_version, toml->min_version);
  EXPECT_EQ(yaml->rule_order, toml->rule_order);
  EXPECT_EQ(yaml->keywords, toml->keywords);
  ASSERT_EQ(yaml->rules.size(), toml->rules.size());
  for (const auto& [id, expected] : toml->rules) {
    SCOPED_TRACE(id);
    const Rule& actual = yaml->rules.at(id);
    EXPECT_EQ(actual.description, expected.description);
    EXPECT_EQ(actual.regex, expected.regex);
    EXPECT_EQ(actual.secret_group, expected.secret_group);
    EXPECT_DOUBLE_EQ(actual.entropy, expected.entropy);
    EXPECT_EQ(actual.keywords, expected.keywords);
    EXPECT_EQ(actual.tags, expected.tags);
    EXPECT_EQ(actual.skip_report, expected.skip_report);
    ASSERT_EQ(actual.required.size(), expected.required.size());
    for (size_t i = 0; i < actual.required.size(); ++i) {
      EXPECT_EQ(actual.required[i].id, expected.required[i].id);
      EXPECT_EQ(actual.required[i].within_lines, expected.required[i].within_lines);
    }
    ASSERT_EQ(actual.allowlists.size(), expected.allowlists.size());
    for (size_t i = 0; i < actual.allowlists.size(); ++i) {
      ExpectSameAllowlist(actual.allowlists[i], expected.allowlists[i]);
    }
  }
  ASSERT_EQ(yaml->allowlists.size(), 1u);
  ExpectSameAllowlist(yaml->allowlists[0], toml->allowlists[0]);
}

TEST(YamlConfig, ReadsRulePackExamples) {
  Result<Config> config = LoadConfigText(R"(
rules:
  - id: demo
    regex: 'demo_[0-9]+'
    examples:
      - text: 'key = demo_123'
        secret: demo_123
      - 'plain demo_9'
    negative_examples:
      - 'demo_x'
)",
                                         ConfigFormat::kYaml);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const Rule& rule = config->rules.at("demo");
  ASSERT_EQ(rule.examples.size(), 2u);
  EXPECT_EQ(rule.examples[0].text, "key = demo_123");
  EXPECT_EQ(rule.examples[0].secret, "demo_123");
  EXPECT_EQ(rule.examples[1].text, "plain demo_9");
  EXPECT_EQ(rule.examples[1].secret, "");
  EXPECT_EQ(rule.negative_examples, std::vector<std::string>{"demo_x"});
}

TEST(YamlConfig, TypesPlainScalarsAndKeepsQuotedOnesAsText) {
  Result<ConfigNode> root = ParseYamlText("a: true\nb: 'true'\nc: 12\nd: 1.50\ne: ~\nf: text\n");
  ASSERT_TRUE(root.has_value()) << root.error().message;
  EXPECT_EQ(root->Find("a")->kind, ConfigNode::Kind::kBool);
  EXPECT_EQ(root->Find("b")->kind, ConfigNode::Kind::kString);
  EXPECT_EQ(root->Find("c")->kind, ConfigNode::Kind::kInteger);
  EXPECT_EQ(root->Find("c")->integer, 12);
  EXPECT_EQ(root->Find("d")->kind, ConfigNode::Kind::kFloat);
  EXPECT_EQ(root->Find("d")->text, "1.50");
  EXPECT_EQ(root->Find("e"), nullptr);
  EXPECT_EQ(root->Find("f")->text, "text");
}

TEST(YamlConfig, KeepsNumericLookingDescriptionsAsWritten) {
  Result<Config> config = LoadConfigText("rules:\n  - id: r\n    regex: x\n    description: 1.50\n",
                                         ConfigFormat::kYaml);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->rules.at("r").description, "1.50");
}

TEST(YamlConfig, ReportsSyntaxErrors) {
  Result<Config> config = LoadConfigText("rules: [\n  - id: x\n", ConfigFormat::kYaml);
  ASSERT_FALSE(config.has_value());
  EXPECT_TRUE(config.error().message.starts_with(
      "unable to load gitleaks config, err: While parsing config: yaml: line "))
      << config.error().message;
}

TEST(YamlConfig, ValidatesLikeToml) {
  Result<Config> config =
      LoadConfigText("rules:\n  - description: no id\n    regex: x\n", ConfigFormat::kYaml);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message, "rule |id| is missing or empty, description: no id, regex: x");
}

TEST(YamlConfig, FileExtensionSelectsTheFormat) {
  testing::TempDir dir;
  std::string yaml = dir.Write("rules.YML", std::string(kYaml));
  std::string toml = dir.Write("rules.toml", std::string(kToml));
  Result<Config> from_yaml = LoadConfigFile(yaml);
  Result<Config> from_toml = LoadConfigFile(toml);
  ASSERT_TRUE(from_yaml.has_value()) << from_yaml.error().message;
  ASSERT_TRUE(from_toml.has_value()) << from_toml.error().message;
  EXPECT_EQ(from_yaml->rule_order, from_toml->rule_order);
}

}  // namespace
}  // namespace leakscan
