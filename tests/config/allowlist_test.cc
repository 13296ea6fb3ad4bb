#include "config/allowlist.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

RawAllowlist WithRegexes(std::vector<std::string> regexes) {
  RawAllowlist raw;
  raw.regexes = std::move(regexes);
  return raw;
}

TEST(BuildAllowlist, ResolvesConditionsInAnyCase) {
  for (std::string condition : {"", "or", "OR", "||"}) {
    RawAllowlist raw = WithRegexes({"x"});
    raw.condition = condition;
    Result<Allowlist> allowlist = BuildAllowlist(raw);
    ASSERT_TRUE(allowlist.has_value()) << condition;
    EXPECT_EQ(allowlist->condition, AllowlistCondition::kOr) << condition;
  }
  for (std::string condition : {"and", "And", "&&"}) {
    RawAllowlist raw = WithRegexes({"x"});
    raw.condition = condition;
    Result<Allowlist> allowlist = BuildAllowlist(raw);
    ASSERT_TRUE(allowlist.has_value()) << condition;
    EXPECT_EQ(allowlist->condition, AllowlistCondition::kAnd) << condition;
  }
}

TEST(BuildAllowlist, RejectsUnknownCondition) {
  RawAllowlist raw = WithRegexes({"x"});
  raw.condition = "xor";
  Result<Allowlist> allowlist = BuildAllowlist(raw);
  ASSERT_FALSE(allowlist.has_value());
  EXPECT_EQ(allowlist.error().message,
            "unknown allowlist |condition| 'xor' (expected 'and', 'or')");
}

TEST(BuildAllowlist, ResolvesRegexTargetCaseSensitively) {
  RawAllowlist raw = WithRegexes({"x"});
  raw.regex_target = "secret";
  EXPECT_EQ(BuildAllowlist(raw)->regex_target, RegexTarget::kSecret);
  raw.regex_target = "match";
  EXPECT_EQ(BuildAllowlist(raw)->regex_target, RegexTarget::kMatch);
  raw.regex_target = "line";
  EXPECT_EQ(BuildAllowlist(raw)->regex_target, RegexTarget::kLine);
  raw.regex_target = "Line";
  Result<Allowlist> rejected = BuildAllowlist(raw);
  ASSERT_FALSE(rejected.has_value());
  EXPECT_EQ(rejected.error().message,
            "unknown allowlist |regexTarget| 'Line' (expected 'match', 'line')");
}

TEST(BuildAllowlist, RejectsAnAllowlistWithoutChecks) {
  RawAllowlist raw;
  raw.description = "only a description";
  Result<Allowlist> allowlist = BuildAllowlist(raw);
  ASSERT_FALSE(allowlist.has_value());
  EXPECT_EQ(allowlist.error().message,
            "must contain at least one check for: commits, paths, regexes, or stopwords");
}

TEST(BuildAllowlist, NormalisesCommitsAndStopwords) {
  RawAllowlist raw;
  raw.commits = {" ABC123 ", "abc123", "Def"};
  raw.stopwords = {"Fake", "FAKE", "\xC3\x89TAPE"};
  Result<Allowlist> allowlist = BuildAllowlist(raw);
  ASSERT_TRUE(allowlist.has_value()) << allowlist.error().message;
  EXPECT_EQ(allowlist->commits, (std::vector<std::string>{"abc123", "def"}));
  EXPECT_EQ(allowlist->stopwords, (std::vector<std::string>{"fake", "\xC3\xA9tape"}));
}

TEST(BuildAllowlist, ReportsTheInvalidPattern) {
  Result<Allowlist> allowlist = BuildAllowlist(WithRegexes({"ok", "(unclosed"}));
  ASSERT_FALSE(allowlist.has_value());
  EXPECT_TRUE(allowlist.error().message.starts_with("regexes: invalid regex `(unclosed`: "))
      << allowlist.error().message;
  RawAllowlist raw;
  raw.paths = {"[z-a]"};
  allowlist = BuildAllowlist(raw);
  ASSERT_FALSE(allowlist.has_value());
  EXPECT_TRUE(allowlist.error().message.starts_with("paths: invalid regex `[z-a]`: "))
      << allowlist.error().message;
}

TEST(BuildAllowlist, CompilesOnlyTheListsThatAreSet) {
  Result<Allowlist> allowlist = BuildAllowlist(WithRegexes({"a", "b"}));
  ASSERT_TRUE(allowlist.has_value());
  EXPECT_NE(allowlist->regex_regex, nullptr);
  EXPECT_EQ(allowlist->path_regex, nullptr);
}

// The inline (?i) of the first pattern leaks into the second one, because
// the patterns are joined inside a single group.
TEST(RegexAllowed, JoinedPatternsShareALeadingCaseFlag) {
  Result<Allowlist> allowlist = BuildAllowlist(WithRegexes({"(?i)^dummy$", "^TEST-[0-9]+$"}));
  ASSERT_TRUE(allowlist.has_value());
  EXPECT_TRUE(RegexAllowed(*allowlist, "DUMMY"));
  EXPECT_TRUE(RegexAllowed(*allowlist, "dummy"));
  EXPECT_TRUE(RegexAllowed(*allowlist, "TEST-12"));
  EXPECT_TRUE(RegexAllowed(*allowlist, "test-12"));
  EXPECT_FALSE(RegexAllowed(*allowlist, "TEST-X"));
}

TEST(RegexAllowed, SearchesAnywhereAndNeverAllowsEmptyTargets) {
  Result<Allowlist> allowlist = BuildAllowlist(WithRegexes({"ab+c"}));
  ASSERT_TRUE(allowlist.has_value());
  EXPECT_TRUE(RegexAllowed(*allowlist, "xxabbbcxx"));
  EXPECT_FALSE(RegexAllowed(*allowlist, "ac"));
  Result<Allowlist> everything = BuildAllowlist(WithRegexes({".*"}));
  ASSERT_TRUE(everything.has_value());
  EXPECT_FALSE(RegexAllowed(*everything, ""));
}

TEST(PathAllowed, MatchesJoinedPathPatterns) {
  RawAllowlist raw;
  raw.paths = {"\\.lock$", "^vendor/"};
  Result<Allowlist> allowlist = BuildAllowlist(raw);
  ASSERT_TRUE(allowlist.has_value());
  EXPECT_TRUE(PathAllowed(*allowlist, "web/yarn.lock"));
  EXPECT_TRUE(PathAllowed(*allowlist, "vendor/lib.go"));
  EXPECT_FALSE(PathAllowed(*allowlist, "src/vendor/lib.go"));
  EXPECT_FALSE(PathAllowed(*allowlist, ""));
}

TEST(CommitAllowed, ComparesWholeShasIgnoringCase) {
  RawAllowlist raw;
  raw.commits = {"ABCDEF1234"};
  Result<Allowlist> allowlist = BuildAllowlist(raw);
  ASSERT_TRUE(allowlist.has_value());
  EXPECT_TRUE(CommitAllowed(*allowlist, "abcdef1234"));
  EXPECT_TRUE(CommitAllowed(*allowlist, "ABCDEF1234"));
  EXPECT_FALSE(CommitAllowed(*allowlist, "abcdef"));
  EXPECT_FALSE(CommitAllowed(*allowlist, ""));
}

TEST(StopwordAllowed, FindsStopwordsInTheLowerCasedSecret) {
  RawAllowlist raw;
  raw.stopwords = {"Example", "\xC3\xA9t\xC3\xA9"};
  Result<Allowlist> allowlist = BuildAllowlist(raw);
  ASSERT_TRUE(allowlist.has_value());
  EXPECT_TRUE(StopwordAllowed(*allowlist, "MY_EXAMPLE_KEY"));
  EXPECT_TRUE(StopwordAllowed(*allowlist, "key-\xC3\x89T\xC3\x89-1"));
  EXPECT_FALSE(StopwordAllowed(*allowlist, "exampl"));
  EXPECT_FALSE(StopwordAllowed(*allowlist, ""));
}

}  // namespace
}  // namespace leakscan
