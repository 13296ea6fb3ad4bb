#include "scanner/allowlist_check.h"

#include <gtest/gtest.h>

#include "tests/scanner/engine_test_util.h"

namespace leakscan {
namespace {

using testing::CompileAllowlist;
using testing::MakeFragment;

// Allowlists built here are not in a config, so stopword checks fall back
// to the config module's linear check.
bool Allowed(const Fragment& fragment, const FindingTargets& targets,
             const std::vector<Allowlist>& allowlists) {
  static const StopwordIndex kEmptyIndex{Config{}};
  return FindingAllowed(fragment, targets, allowlists, kEmptyIndex);
}

Allowlist PathList(std::vector<std::string> paths,
                   AllowlistCondition condition = AllowlistCondition::kOr) {
  Allowlist allowlist;
  allowlist.paths = std::move(paths);
  allowlist.condition = condition;
  return CompileAllowlist(allowlist);
}

TEST(AllowlistCheckTest, PathOrCommitAllowsFragment) {
  Allowlist commits;
  commits.commits = {"abc123"};
  std::vector<Allowlist> lists = {PathList({"^vendor/"}), commits};
  EXPECT_TRUE(CommitOrPathAllowed(MakeFragment("x", "vendor/a.go"), lists));
  EXPECT_TRUE(CommitOrPathAllowed(MakeFragment("x", "src/a.go", "ABC123"), lists));
  EXPECT_FALSE(CommitOrPathAllowed(MakeFragment("x", "src/a.go", "abc12"), lists));
}

TEST(AllowlistCheckTest, NoPathAndNoCommitSkipsCheck) {
  std::vector<Allowlist> lists = {PathList({".*"})};
  EXPECT_FALSE(CommitOrPathAllowed(MakeFragment("x"), lists));
}

TEST(AllowlistCheckTest, WindowsPathAlsoMatches) {
  std::vector<Allowlist> lists = {PathList({R"((^|\\)ignoreme\\)"})};
  Fragment fragment = MakeFragment("x", "ignoreme/a.txt");
  EXPECT_FALSE(CommitOrPathAllowed(fragment, lists));
  fragment.windows_path = "ignoreme\\a.txt";
  EXPECT_TRUE(CommitOrPathAllowed(fragment, lists));
}

TEST(AllowlistCheckTest, AndListWithContentChecksWaitsForFindings) {
  Allowlist allowlist = PathList({"^node_modules/"}, AllowlistCondition::kAnd);
  allowlist.stopwords = {"mock"};
  std::vector<Allowlist> lists = {allowlist};
  Fragment fragment = MakeFragment("x", "node_modules/c.txt");
  EXPECT_FALSE(CommitOrPathAllowed(fragment, lists));
  EXPECT_TRUE(Allowed(fragment, {"mockSecret", "m", "l"}, lists));
  EXPECT_FALSE(Allowed(fragment, {"realSecret", "m", "l"}, lists));
  EXPECT_FALSE(Allowed(MakeFragment("x", "src/c.txt"), {"mockSecret", "m", "l"}, lists));
}

TEST(AllowlistCheckTest, AndListOfCommitAndPathNeedsBoth) {
  Allowlist allowlist = PathList({"package-lock.json"}, AllowlistCondition::kAnd);
  allowlist.commits = {"c1"};
  std::vector<Allowlist> lists = {allowlist};
  EXPECT_TRUE(CommitOrPathAllowed(MakeFragment("x", "package-lock.json", "c1"), lists));
  EXPECT_FALSE(CommitOrPathAllowed(MakeFragment("x", "package.json", "c1"), lists));
}

TEST(AllowlistCheckTest, RegexTargetSelectsText) {
  Allowlist allowlist;
  allowlist.regexes = {"please-ignore"};
  allowlist = CompileAllowlist(allowlist);
  Fragment fragment = MakeFragment("x", "a.txt");
  FindingTargets targets{"secret", "match please-ignore", "line"};
  allowlist.regex_target = RegexTarget::kSecret;
  EXPECT_FALSE(Allowed(fragment, targets, {allowlist}));
  allowlist.regex_target = RegexTarget::kMatch;
  EXPECT_TRUE(Allowed(fragment, targets, {allowlist}));
  allowlist.regex_target = RegexTarget::kLine;
  EXPECT_FALSE(Allowed(fragment, targets, {allowlist}));
  targets.line = "\nline please-ignore";
  EXPECT_TRUE(Allowed(fragment, targets, {allowlist}));
}

TEST(AllowlistCheckTest, StopwordsLookAtLowerCasedSecret) {
  Allowlist allowlist;
  allowlist.stopwords = {"summer"};
  allowlist.regex_target = RegexTarget::kMatch;
  EXPECT_TRUE(Allowed(MakeFragment("x"), {"Summer2024!", "x", "x"}, {allowlist}));
  EXPECT_FALSE(Allowed(MakeFragment("x"), {"Winter2024!", "Summer", "x"}, {allowlist}));
}

TEST(AllowlistCheckTest, JoinedPatternsShareLeadingFlags) {
  Allowlist allowlist;
  allowlist.regexes = {"(?i)^dummy$", "^TEST-[0-9]+$"};
  allowlist = CompileAllowlist(allowlist);
  Fragment fragment = MakeFragment("x");
  for (std::string_view secret : {"DUMMY", "dummy", "TEST-12", "test-12"}) {
    EXPECT_TRUE(Allowed(fragment, {secret, secret, secret}, {allowlist})) << secret;
  }
  EXPECT_FALSE(Allowed(fragment, {"TEST-X", "TEST-X", "TEST-X"}, {allowlist}));
}

TEST(AllowlistCheckTest, EmptyTargetNeverMatchesRegex) {
  Allowlist allowlist;
  allowlist.regexes = {".*"};
  allowlist = CompileAllowlist(allowlist);
  EXPECT_FALSE(Allowed(MakeFragment("x"), {"", "m", "l"}, {allowlist}));
  EXPECT_TRUE(Allowed(MakeFragment("x"), {"s", "m", "l"}, {allowlist}));
}

TEST(StopwordIndexTest, FindsStopwordsOfConfigAllowlists) {
  Config config;
  Allowlist global;
  global.stopwords = {"example", "sample"};
  config.allowlists.push_back(global);
  Rule rule;
  Allowlist rule_list;
  rule_list.stopwords = {"\xC3\xA9t\xC3\xA9"};
  rule.allowlists.push_back(rule_list);
  config.rules["r"] = rule;
  StopwordIndex index(config);
  EXPECT_TRUE(index.Contains(config.allowlists[0], "myEXAMPLEkey"));
  EXPECT_FALSE(index.Contains(config.allowlists[0], "myExampl3key"));
  EXPECT_FALSE(index.Contains(config.allowlists[0], ""));
  EXPECT_TRUE(index.Contains(config.rules["r"].allowlists[0], "\xC3\x89T\xC3\x89-2024"));
  EXPECT_TRUE(FindingAllowed(MakeFragment("x"), {"SAMPLE1", "m", "l"}, config.allowlists, index));
}

}  // namespace
}  // namespace leakscan
