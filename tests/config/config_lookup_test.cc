// ResolveConfig: the lookup order --config, GITLEAKS_CONFIG,
// GITLEAKS_CONFIG_TOML, SOURCE/.gitleaks.toml, default.
#include <gtest/gtest.h>

#include "config/loader.h"
#include "tests/config/test_files.h"
#include "util/log.h"

namespace leakscan {
namespace {

using testing::ScopedEnv;
using testing::TempDir;

std::string RuleToml(const std::string& id) {
  return "[[rules]]\nid = \"" + id + "\"\nregex = \"x\"\n";
}

// A default config that is cheap to load and easy to recognise.
const LoadContext kContext{RuleToml("default-rule"), ConfigFormat::kToml};

// Clears both variables so the tests do not depend on the caller's shell.
class ResolveConfigTest : public ::testing::Test {
 protected:
  ScopedEnv env_{{{"GITLEAKS_CONFIG", std::nullopt}, {"GITLEAKS_CONFIG_TOML", std::nullopt}}};
  TempDir dir_;
};

bool HasRule(const Result<ResolvedConfig>& resolved, const std::string& id) {
  return resolved.has_value() && resolved->config.rules.contains(id);
}

TEST_F(ResolveConfigTest, FlagWinsOverEnvironment) {
  std::string flag = dir_.Write("flag.toml", RuleToml("from-flag"));
  std::string env = dir_.Write("env.toml", RuleToml("from-env"));
  ScopedEnv set({{"GITLEAKS_CONFIG", env}, {"GITLEAKS_CONFIG_TOML", RuleToml("from-text")}});
  Result<ResolvedConfig> resolved = ResolveConfig(flag, dir_.path(), kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_TRUE(HasRule(resolved, "from-flag"));
  EXPECT_EQ(resolved->origin, "--config");
  EXPECT_EQ(resolved->remembered_path, flag);
}

TEST_F(ResolveConfigTest, ConfigPathVariableComesSecond) {
  std::string env = dir_.Write("env.toml", RuleToml("from-env"));
  dir_.Write(".gitleaks.toml", RuleToml("from-source"));
  ScopedEnv set({{"GITLEAKS_CONFIG", env}, {"GITLEAKS_CONFIG_TOML", RuleToml("from-text")}});
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path(), kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_TRUE(HasRule(resolved, "from-env"));
  EXPECT_EQ(resolved->origin, "GITLEAKS_CONFIG");
  EXPECT_EQ(resolved->remembered_path, dir_.path() + "/.gitleaks.toml");
}

TEST_F(ResolveConfigTest, ConfigTextVariableComesThird) {
  dir_.Write(".gitleaks.toml", RuleToml("from-source"));
  ScopedEnv set({{"GITLEAKS_CONFIG", ""}, {"GITLEAKS_CONFIG_TOML", RuleToml("from-text")}});
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path(), kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_TRUE(HasRule(resolved, "from-text"));
  EXPECT_EQ(resolved->origin, "GITLEAKS_CONFIG_TOML");
}

TEST_F(ResolveConfigTest, ReportsInvalidConfigText) {
  ScopedEnv set("GITLEAKS_CONFIG_TOML", "[[rules]\n");
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path(), kContext);
  ASSERT_FALSE(resolved.has_value());
  EXPECT_TRUE(resolved.error().message.starts_with(
      "unable to load gitleaks config from GITLEAKS_CONFIG_TOML env var, err: "))
      << resolved.error().message;
  EXPECT_EQ(ClassifyConfigError(resolved.error()), ConfigErrorKind::kLookup);
}

TEST_F(ResolveConfigTest, UsesTheSourceDirectoryConfig) {
  dir_.Write(".gitleaks.toml", RuleToml("from-source"));
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path() + "/./", kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_TRUE(HasRule(resolved, "from-source"));
  EXPECT_EQ(resolved->origin, "source");
  EXPECT_EQ(resolved->remembered_path, dir_.path() + "/.gitleaks.toml");
}

TEST_F(ResolveConfigTest, ReadsAGitleaksJsonFileFirstAsToml) {
  dir_.Write(".gitleaks.toml", RuleToml("from-toml"));
  dir_.Write(".gitleaks.json", RuleToml("from-json"));
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path(), kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_TRUE(HasRule(resolved, "from-json"));
}

TEST_F(ResolveConfigTest, IgnoresAGitleaksJsonFileWithoutTheTomlFile) {
  dir_.Write(".gitleaks.json", RuleToml("from-json"));
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path(), kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_TRUE(HasRule(resolved, "default-rule"));
  EXPECT_EQ(resolved->origin, "default");
}

TEST_F(ResolveConfigTest, UsesTheDefaultForAFileSource) {
  std::string file = dir_.Write("code.py", "print(1)\n");
  dir_.Write(".gitleaks.toml", RuleToml("from-source"));
  Result<ResolvedConfig> resolved = ResolveConfig("", file, kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_TRUE(HasRule(resolved, "default-rule"));
  EXPECT_EQ(resolved->origin, "default");
  EXPECT_EQ(resolved->remembered_path, file + "/.gitleaks.toml");
}

TEST_F(ResolveConfigTest, ReportsAMissingSourceLikeGo) {
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path() + "/missing", kContext);
  ASSERT_FALSE(resolved.has_value());
  EXPECT_EQ(resolved.error().message,
            "stat " + dir_.path() + "/missing: no such file or directory");
  EXPECT_EQ(ClassifyConfigError(resolved.error()), ConfigErrorKind::kLookup);
}

TEST_F(ResolveConfigTest, RemembersTheCleanedRelativePath) {
  testing::ScopedWorkingDir cwd(dir_.path());
  Result<ResolvedConfig> resolved = ResolveConfig("", ".", kContext);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_EQ(resolved->remembered_path, ".gitleaks.toml");
}

TEST_F(ResolveConfigTest, WrapsAnUnreadableSourceConfig) {
  dir_.Write(".gitleaks.toml", "[[rules]\n");
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path(), kContext);
  ASSERT_FALSE(resolved.has_value());
  EXPECT_TRUE(resolved.error().message.starts_with("unable to load gitleaks config, err: "))
      << resolved.error().message;
}

TEST_F(ResolveConfigTest, LogsTheChosenConfigAtDebugLevel) {
  dir_.Write(".gitleaks.toml", RuleToml("from-source"));
  log::Level previous = log::GetLevel();
  log::SetLevel(log::Level::kDebug);
  testing::ScopedLogCapture capture;
  Result<ResolvedConfig> resolved = ResolveConfig("", dir_.path(), kContext);
  log::SetLevel(previous);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_NE(capture.text().find("DBG using existing gitleaks config " + dir_.path() +
                                "/.gitleaks.toml from `(--source)/.gitleaks.toml`"),
            std::string::npos)
      << capture.text();
}

}  // namespace
}  // namespace leakscan
