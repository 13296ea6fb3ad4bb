// Translation of one config file: rule order, duplicate ids, required
// rules, global and targeted allowlists, minVersion.
#include "config/translate.h"

#include <gtest/gtest.h>

#include "config/loader.h"
#include "tests/config/test_files.h"

namespace leakscan {
namespace {

Result<Config> Load(std::string_view toml) { return LoadConfigText(toml, ConfigFormat::kToml); }

TEST(TranslateConfig, KeepsFileOrderAndRepeatsDuplicateIds) {
  Result<Config> config = Load(R"(
[[rules]]
id = "b"
regex = "first"
[[rules]]
id = "a"
regex = "x"
[[rules]]
id = "b"
regex = "second"
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->rule_order, (std::vector<std::string>{"b", "a", "b"}));
  ASSERT_EQ(config->rules.size(), 2u);
  EXPECT_EQ(config->rules.at("b").regex, "second");
}

TEST(TranslateConfig, CollectsTheKeywordsOfEveryRule) {
  Result<Config> config = Load(R"(
[[rules]]
id = "a"
regex = "x"
keywords = ["Alpha", "beta"]
[[rules]]
id = "b"
regex = "y"
keywords = ["BETA", "gamma"]
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->keywords, (std::set<std::string>{"alpha", "beta", "gamma"}));
}

TEST(TranslateConfig, RequiresRequiredRulesInTheSameFile) {
  Result<Config> config = Load(R"(
[[rules]]
id = "combo"
regex = "x"
[[rules.required]]
id = "missing"
)");
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message, "combo: [[rules.required]] rule ID 'missing' does not exist");
}

TEST(TranslateConfig, KeepsRequiredEntries) {
  Result<Config> config = Load(R"(
[[rules]]
id = "part"
regex = "p"
skipReport = true
[[rules]]
id = "combo"
regex = "x"
[[rules.required]]
id = "part"
withinLines = 1
withinColumns = 20
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const Rule& combo = config->rules.at("combo");
  ASSERT_EQ(combo.required.size(), 1u);
  EXPECT_EQ(combo.required[0].id, "part");
  EXPECT_EQ(combo.required[0].within_lines, 1);
  EXPECT_EQ(combo.required[0].within_columns, 20);
  EXPECT_TRUE(config->rules.at("part").skip_report);
}

TEST(TranslateConfig, AppendsTargetedAllowlistsAfterTheRulesOwn) {
  Result<Config> config = Load(R"(
[[rules]]
id = "a"
regex = "x"
[[rules.allowlists]]
regexes = ["own"]
[[rules]]
id = "b"
regex = "y"
[[allowlists]]
regexes = ["global"]
[[allowlists]]
targetRules = ["a", "b"]
regexes = ["targeted"]
)");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  ASSERT_EQ(config->allowlists.size(), 1u);
  EXPECT_EQ(config->allowlists[0].regexes, std::vector<std::string>{"global"});
  const Rule& a = config->rules.at("a");
  ASSERT_EQ(a.allowlists.size(), 2u);
  EXPECT_EQ(a.allowlists[0].regexes, std::vector<std::string>{"own"});
  EXPECT_EQ(a.allowlists[1].regexes, std::vector<std::string>{"targeted"});
  ASSERT_EQ(config->rules.at("b").allowlists.size(), 1u);
}

TEST(TranslateConfig, ReportsRuleErrorsBeforeTargetErrors) {
  Result<Config> config = Load(R"(
[[rules]]
id = "a"
[[allowlists]]
targetRules = ["nope"]
regexes = ["x"]
)");
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message,
            "a: both |regex| and |path| are empty, this rule will have no effect");
}

TEST(TranslateConfig, RejectsAnUnparseableMinVersion) {
  Result<Config> config = Load("minVersion = \"eight\"\n");
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(config.error().message, "invalid minVersion 'eight': Invalid Semantic Version");
}

TEST(TranslateConfig, WarnsWhenTheConfigNeedsANewerVersion) {
  testing::TempDir dir;
  std::string path = dir.Write("new.toml", "minVersion = \"v9.1.0\"\n");
  testing::ScopedLogCapture capture;
  Result<Config> config = LoadConfigFile(path);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_NE(capture.text().find("WRN config requires a newer Gitleaks version... config path=" +
                                path + " current=8.30.0 required=v9.1.0"),
            std::string::npos)
      << capture.text();
}

TEST(TranslateConfig, LoadsAnEmptyConfig) {
  Result<Config> config = Load("");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_TRUE(config->rules.empty());
  EXPECT_TRUE(config->allowlists.empty());
}

}  // namespace
}  // namespace leakscan
