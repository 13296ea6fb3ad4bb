// The Load* entry points: read errors, the default config and error
// classification for the CLI.
#include "config/loader.h"

#include <gtest/gtest.h>

#include "tests/config/test_files.h"

namespace leakscan {
namespace {

TEST(LoadConfigFile, WrapsAMissingFileLikeGitleaks) {
  Result<Config> config = LoadConfigFile("/nonexistent/leakscan.toml");
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "unable to load gitleaks config, err: open /nonexistent/leakscan.toml: no such file or "
            "directory");
  EXPECT_EQ(ClassifyConfigError(config.error()), ConfigErrorKind::kLookup);
}

TEST(LoadConfigFile, RejectsADirectory) {
  testing::TempDir dir;
  Result<Config> config = LoadConfigFile(dir.path());
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "unable to load gitleaks config, err: read " + dir.path() + ": is a directory");
}

TEST(LoadConfigFile, WrapsTomlSyntaxErrors) {
  testing::TempDir dir;
  std::string path = dir.Write("bad.toml", "[[rules]\n");
  Result<Config> config = LoadConfigFile(path);
  ASSERT_FALSE(config.has_value());
  EXPECT_TRUE(config.error().message.starts_with(
      "unable to load gitleaks config, err: While parsing config: toml: line 1"))
      << config.error().message;
}

TEST(LoadConfigFile, ReturnsValidationErrorsUnwrapped) {
  testing::TempDir dir;
  std::string path = dir.Write("invalid.toml", "[[rules]]\nid = \"x\"\n");
  Result<Config> config = LoadConfigFile(path);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "x: both |regex| and |path| are empty, this rule will have no effect");
  EXPECT_EQ(ClassifyConfigError(config.error()), ConfigErrorKind::kInvalid);
}

TEST(LoadConfigText, ClassifiesInvalidRegexes) {
  Result<Config> config =
      LoadConfigText("[[rules]]\nid = \"aws-key\"\nregex = \"(\"\n", ConfigFormat::kToml);
  ASSERT_FALSE(config.has_value());
  EXPECT_TRUE(config.error().message.starts_with("rule aws-key: invalid regex `(`: missing )"))
      << config.error().message;
  EXPECT_EQ(ClassifyConfigError(config.error()), ConfigErrorKind::kInvalidRegex);
}

TEST(LoadDefaultConfig, UsesTheContextText) {
  LoadContext context{"title = \"mine\"\n[[rules]]\nid = \"only\"\nregex = \"o\"\n",
                      ConfigFormat::kToml};
  Result<Config> config = LoadDefaultConfig(context);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->title, "mine");
  EXPECT_EQ(config->rule_order, std::vector<std::string>{"only"});
}

TEST(LoadDefaultConfig, LoadsTheBuiltinRulePack) {
  Result<Config> config = LoadDefaultConfig();
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_FALSE(config->rules.empty());
  EXPECT_EQ(config->rule_order.size(), config->rules.size());
  for (const auto& [id, rule] : config->rules) {
    EXPECT_TRUE(rule.compiled_regex != nullptr || rule.compiled_path != nullptr) << id;
  }
}

TEST(ClassifyConfigError, SeparatesLookupFromValidation) {
  EXPECT_EQ(ClassifyConfigError(Error{"stat missing: no such file or directory"}),
            ConfigErrorKind::kLookup);
  EXPECT_EQ(ClassifyConfigError(Error{"unable to load gitleaks config from GITLEAKS_CONFIG_TOML "
                                      "env var, err: x"}),
            ConfigErrorKind::kLookup);
  EXPECT_EQ(ClassifyConfigError(
                Error{"unable to load config due to extend.path and extend.useDefault being set"}),
            ConfigErrorKind::kInvalid);
  EXPECT_EQ(ClassifyConfigError(Error{"rule |id| is missing or empty"}), ConfigErrorKind::kInvalid);
}

}  // namespace
}  // namespace leakscan
