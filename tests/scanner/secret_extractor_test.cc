#include "scanner/secret_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/loader.h"
#include "scanner/regex_matcher.h"

namespace leakscan {
namespace {

TEST(SecretExtractorTest, WholeMatchWithoutGroups) {
  re2::RE2 regex("AKIA[A-Z0-9]{4}");
  EXPECT_EQ(ExtractSecret(regex, 0, "AKIAABCD"), "AKIAABCD");
  // A secret group on a regex without groups is ignored.
  EXPECT_EQ(ExtractSecret(regex, 1, "AKIAABCD"), "AKIAABCD");
}

TEST(SecretExtractorTest, FirstNonEmptyGroupByDefault) {
  re2::RE2 regex("(x)?key=(\\w+)");
  EXPECT_EQ(ExtractSecret(regex, 0, "key=abc"), "abc");
}

TEST(SecretExtractorTest, ExplicitGroupMayBeEmpty) {
  re2::RE2 regex("(x)?key=(\\w+)");
  EXPECT_EQ(ExtractSecret(regex, 1, "key=abc"), "");
  EXPECT_EQ(ExtractSecret(regex, 2, "key=abc"), "abc");
}

TEST(SecretExtractorTest, GroupBeyondRegexDropsFinding) {
  re2::RE2 regex("key=(\\w+)");
  EXPECT_EQ(ExtractSecret(regex, 2, "key=abc"), std::nullopt);
}

TEST(SecretExtractorTest, AllGroupsEmptyKeepsMatch) {
  re2::RE2 regex("key=(x*)");
  EXPECT_EQ(ExtractSecret(regex, 0, "key="), "key=");
}

TEST(SecretExtractorTest, ReRunsOnMatchAlone) {
  // In context the match starts after "a"; alone, "^" matches at its start
  // and the first alternative's group wins.
  re2::RE2 regex("(?:^(b+)|a(b+)c?)");
  EXPECT_EQ(ExtractSecret(regex, 2, "bbb"), "");
  EXPECT_EQ(ExtractSecret(regex, 0, "bbb"), "bbb");
}

TEST(SecretExtractorTest, TrimNewlinesKeepsCarriageReturns) {
  EXPECT_EQ(TrimNewlines("\n\nabc\r\n"), "abc\r");
  EXPECT_EQ(TrimNewlines("\n\n"), "");
  EXPECT_EQ(TrimNewlines("a\nb"), "a\nb");
}

// Gitleaks' secret computed with RE2's own unanchored submatch search on
// the match alone.
std::string ReferenceSecret(const re2::RE2& regex, int secret_group, const std::string& match) {
  int count = regex.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(count));
  if (count < 2 ||
      !regex.Match(match, 0, match.size(), re2::RE2::UNANCHORED, groups.data(), count)) {
    return match;
  }
  if (secret_group > 0) return std::string(groups[static_cast<size_t>(secret_group)]);
  for (int i = 1; i < count; ++i) {
    if (!groups[static_cast<size_t>(i)].empty()) return std::string(groups[static_cast<size_t>(i)]);
  }
  return match;
}

// Runs every built-in rule over every rule example and checks that the
// two-step search (DFA for the match, then anchored groups) finds the same
// secret as a plain RE2 submatch search.
TEST(SecretExtractorTest, MatchesPlainSearchOnRuleExamples) {
  Result<Config> config = LoadDefaultConfig();
  ASSERT_TRUE(config.has_value()) << config.error().message;
  std::string corpus;
  for (const auto& [id, rule] : config->rules) {
    for (const RuleExample& example : rule.examples) corpus += example.text + "\n";
    for (const std::string& negative : rule.negative_examples) corpus += negative + "\n";
  }
  size_t compared = 0;
  for (const auto& [id, rule] : config->rules) {
    if (!rule.compiled_regex) continue;
    for (MatchRange range : FindAllMatches(*rule.compiled_regex, corpus)) {
      std::string match(TrimNewlines(corpus.substr(range.start, range.end - range.start)));
      std::optional<std::string_view> secret =
          ExtractSecret(*rule.compiled_regex, rule.secret_group, match);
      ASSERT_TRUE(secret.has_value()) << id;
      EXPECT_EQ(std::string(*secret),
                ReferenceSecret(*rule.compiled_regex, rule.secret_group, match))
          << id << " on " << match;
      ++compared;
    }
  }
  EXPECT_GT(compared, 100u);
}

}  // namespace
}  // namespace leakscan
