// [extend]: path resolution, depth limit, merge rules and what is checked
// when.
#include "config/extend.h"

#include <gtest/gtest.h>

#include <set>

#include "config/loader.h"
#include "tests/config/test_files.h"

namespace leakscan {
namespace {

using testing::TempDir;

TEST(Extend, ResolvesPathAgainstTheWorkingDirectory) {
  TempDir dir;
  dir.Write("base.toml", "[[rules]]\nid = \"base\"\nregex = \"b\"\n");
  std::string top = dir.Write("sub/top.toml", "[extend]\npath = \"base.toml\"\n");
  {
    testing::ScopedWorkingDir cwd(dir.path());
    Result<Config> config = LoadConfigFile(top);
    ASSERT_TRUE(config.has_value()) << config.error().message;
    EXPECT_TRUE(config->rules.contains("base"));
  }
  testing::ScopedWorkingDir cwd(dir.path() + "/sub");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "failed to load extended config, err: open base.toml: no such file or directory");
}

TEST(Extend, IgnoresExtendBeyondTwoLevels) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("l2.toml",
            "[extend]\npath = \"missing.toml\"\n[[rules]]\nid = \"l2\"\nregex = \"x\"\n");
  dir.Write("l1.toml", "[extend]\npath = \"l2.toml\"\n[[rules]]\nid = \"l1\"\nregex = \"x\"\n");
  std::string top = dir.Write(
      "top.toml", "[extend]\npath = \"l1.toml\"\n[[rules]]\nid = \"top\"\nregex = \"x\"\n");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->rule_order, (std::vector<std::string>{"l1", "l2", "top"}));
}

TEST(Extend, MergesARuleDefinedOnBothLevels) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml", R"(
[[rules]]
id = "shared"
description = "base description"
regex = '''(a)(b)'''
secretGroup = 1
entropy = 3.0
keywords = ["Base"]
tags = ["a"]
skipReport = true
[[rules.allowlists]]
regexes = ["from-base"]
[[rules]]
id = "part"
regex = "p"
)");
  std::string top = dir.Write("top.toml", R"(
[extend]
path = "base.toml"
[[rules]]
id = "shared"
keywords = ["Top"]
tags = ["b", "a"]
skipReport = false
[[rules.allowlists]]
regexes = ["from-top"]
[[rules.required]]
id = "helper"
[[rules]]
id = "helper"
regex = "h"
)");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const Rule& rule = config->rules.at("shared");
  EXPECT_EQ(rule.description, "base description");
  EXPECT_EQ(rule.regex, "(a)(b)");
  EXPECT_EQ(rule.secret_group, 1);
  EXPECT_DOUBLE_EQ(rule.entropy, 3.0);
  EXPECT_EQ(rule.keywords, (std::vector<std::string>{"base", "top"}));
  EXPECT_EQ(rule.tags, (std::vector<std::string>{"a", "b", "a"}));
  EXPECT_TRUE(rule.skip_report);
  EXPECT_TRUE(rule.required.empty());
  ASSERT_EQ(rule.allowlists.size(), 2u);
  EXPECT_EQ(rule.allowlists[0].regexes, std::vector<std::string>{"from-base"});
  EXPECT_EQ(rule.allowlists[1].regexes, std::vector<std::string>{"from-top"});
  EXPECT_TRUE(config->keywords.contains("base"));
  EXPECT_TRUE(config->keywords.contains("top"));
}

TEST(Extend, AddsTheKeywordsOfNewAndInheritedRules) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml", "[[rules]]\nid = \"old\"\nregex = \"o\"\nkeywords = [\"AWS\"]\n");
  std::string top = dir.Write("top.toml",
                              "[extend]\npath = \"base.toml\"\n[[rules]]\nid = \"new\"\n"
                              "regex = \"n\"\nkeywords = [\"CMS\"]\n");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->keywords, (std::set<std::string>{"aws", "cms"}));
}

TEST(Extend, OverridesNonEmptyValues) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml",
            "[[rules]]\nid = \"r\"\ndescription = \"old\"\nregex = \"old\"\nentropy = 2.0\n");
  std::string top = dir.Write("top.toml",
                              "[extend]\npath = \"base.toml\"\n[[rules]]\nid = \"r\"\n"
                              "description = \"new\"\nregex = \"(n)(e)(w)\"\npath = \"p\"\n"
                              "entropy = 4.5\nsecretGroup = 3\n");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const Rule& rule = config->rules.at("r");
  EXPECT_EQ(rule.description, "new");
  EXPECT_EQ(rule.regex, "(n)(e)(w)");
  EXPECT_EQ(rule.path, "p");
  EXPECT_DOUBLE_EQ(rule.entropy, 4.5);
  EXPECT_EQ(rule.secret_group, 3);
  ASSERT_NE(rule.compiled_path, nullptr);
}

TEST(Extend, DropsDisabledRulesAndWarnsAboutUnknownOnes) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml",
            "[[rules]]\nid = \"keep\"\nregex = \"k\"\n[[rules]]\nid = \"drop\"\nregex = \"d\"\n");
  std::string top = dir.Write(
      "top.toml", "[extend]\npath = \"base.toml\"\ndisabledRules = [\"drop\", \"ghost\"]\n");
  testing::ScopedLogCapture capture;
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_TRUE(config->rules.contains("keep"));
  EXPECT_FALSE(config->rules.contains("drop"));
  EXPECT_EQ(config->rule_order, std::vector<std::string>{"keep"});
  EXPECT_NE(
      capture.text().find(
          "WRN Disabled rule doesn't exist in extended config. config=base.toml rule-id=ghost"),
      std::string::npos)
      << capture.text();
  EXPECT_EQ(capture.text().find("rule-id=drop"), std::string::npos) << capture.text();
}

TEST(Extend, PutsOwnGlobalAllowlistsFirstAndSortsTheRuleOrder) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml",
            "[[rules]]\nid = \"m\"\nregex = \"m\"\n[[allowlists]]\nregexes = [\"base\"]\n");
  std::string top =
      dir.Write("top.toml",
                "[extend]\npath = \"base.toml\"\n[[rules]]\nid = \"z\"\nregex = \"z\"\n"
                "[[rules]]\nid = \"a\"\nregex = \"a\"\n"
                "[[allowlists]]\nregexes = [\"top\"]\n");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->rule_order, (std::vector<std::string>{"a", "m", "z"}));
  ASSERT_EQ(config->allowlists.size(), 2u);
  EXPECT_EQ(config->allowlists[0].regexes, std::vector<std::string>{"top"});
  EXPECT_EQ(config->allowlists[1].regexes, std::vector<std::string>{"base"});
}

TEST(Extend, UsesTheContextDefaultForUseDefault) {
  LoadContext context{"[[rules]]\nid = \"builtin\"\nregex = \"b\"\n", ConfigFormat::kToml};
  testing::ScopedLogCapture capture;
  Result<Config> config = LoadConfigText(
      "[extend]\nuseDefault = true\ndisabledRules = [\"nope\"]\n", ConfigFormat::kToml, context);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_TRUE(config->rules.contains("builtin"));
  EXPECT_NE(capture.text().find("config=default rule-id=nope"), std::string::npos)
      << capture.text();
}

TEST(Extend, RejectsPathTogetherWithUseDefault) {
  Result<Config> config =
      LoadConfigText("[extend]\nuseDefault = true\npath = \"x.toml\"\n", ConfigFormat::kToml);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "unable to load config due to extend.path and extend.useDefault being set");
}

TEST(Extend, DropsTargetedAllowlistsOfInheritedConfigs) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml",
            "[[rules]]\nid = \"r\"\nregex = \"r\"\n"
            "[[allowlists]]\ntargetRules = [\"r\", \"ghost\"]\nregexes = [\"x\"]\n");
  std::string top = dir.Write("top.toml", "[extend]\npath = \"base.toml\"\n");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_TRUE(config->rules.at("r").allowlists.empty());
  EXPECT_TRUE(config->allowlists.empty());
}

TEST(Extend, TargetsInheritedRulesFromTheTopLevel) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml", "[[rules]]\nid = \"r\"\nregex = \"r\"\n");
  std::string top = dir.Write(
      "top.toml",
      "[extend]\npath = \"base.toml\"\n[[allowlists]]\ntargetRules = [\"r\"]\nregexes = [\"x\"]\n");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->rules.at("r").allowlists.size(), 1u);
}

TEST(Extend, ValidatesInheritedRulesOnlyAfterMerging) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml", "[[rules]]\nid = \"r\"\nregex = \"(x)\"\nsecretGroup = 3\n");
  std::string fixed =
      dir.Write("fixed.toml",
                "[extend]\npath = \"base.toml\"\n[[rules]]\nid = \"r\"\nregex = \"(a)(b)(c)\"\n");
  Result<Config> config = LoadConfigFile(fixed);
  ASSERT_TRUE(config.has_value()) << config.error().message;

  std::string broken = dir.Write("broken.toml", "[extend]\npath = \"base.toml\"\n");
  config = LoadConfigFile(broken);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message, "r: invalid regex secret group 3, max regex secret group 1");
}

TEST(Extend, WrapsErrorsOfTheInheritedConfig) {
  TempDir dir;
  testing::ScopedWorkingDir cwd(dir.path());
  dir.Write("base.toml", "[[rules]]\nid = \"c\"\nregex = \"c\"\n[[rules.required]]\nid = \"q\"\n");
  std::string top = dir.Write("top.toml", "[extend]\npath = \"base.toml\"\n");
  Result<Config> config = LoadConfigFile(top);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "failed to load extended config, err: c: [[rules.required]] rule ID 'q' does not "
            "exist");

  LoadContext broken_default{"[[rules]]\nid = \"x\"\nregex = \"(\"\n", ConfigFormat::kToml};
  config = LoadConfigText("[extend]\nuseDefault = true\n", ConfigFormat::kToml, broken_default);
  ASSERT_FALSE(config.has_value());
  EXPECT_TRUE(config.error().message.starts_with(
      "failed to load extended default config, err: rule x: invalid regex `(`"))
      << config.error().message;
  EXPECT_EQ(ClassifyConfigError(config.error()), ConfigErrorKind::kInvalidRegex);
}

}  // namespace
}  // namespace leakscan
