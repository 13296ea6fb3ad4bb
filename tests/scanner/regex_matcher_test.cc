#include "scanner/regex_matcher.h"

#include <gtest/gtest.h>

#include <utility>

namespace leakscan {
namespace {

std::vector<std::pair<size_t, size_t>> FindAll(const std::string& pattern, std::string_view text) {
  re2::RE2 regex(pattern);
  std::vector<std::pair<size_t, size_t>> ranges;
  for (MatchRange match : FindAllMatches(regex, text)) ranges.emplace_back(match.start, match.end);
  return ranges;
}

using Ranges = std::vector<std::pair<size_t, size_t>>;

TEST(RegexMatcherTest, FindsNonOverlappingMatches) {
  EXPECT_EQ(FindAll("aa", "aaaaa"), (Ranges{{0, 2}, {2, 4}}));
}

TEST(RegexMatcherTest, EmptyMatchesFollowGoRules) {
  // Go: regexp.MustCompile("a*").FindAllStringIndex("baaac", -1)
  EXPECT_EQ(FindAll("a*", "baaac"), (Ranges{{0, 0}, {1, 4}, {5, 5}}));
}

TEST(RegexMatcherTest, EmptyMatchAdvancesOneCharacter) {
  EXPECT_EQ(FindAll("x*", "\xC3\xA9"), (Ranges{{0, 0}, {2, 2}}));
}

TEST(RegexMatcherTest, AnchorsSeeWholeText) {
  EXPECT_EQ(FindAll("^a", "aa"), (Ranges{{0, 1}}));
  EXPECT_EQ(FindAll(R"(\bfoo)", "xfoo foo"), (Ranges{{5, 8}}));
}

TEST(RegexMatcherTest, UsesLeftmostFirstAlternation) {
  EXPECT_EQ(FindAll("ab|abcd", "abcd"), (Ranges{{0, 2}}));
}

TEST(RegexMatcherTest, StopsWhenCallbackReturnsFalse) {
  re2::RE2 regex("a");
  int calls = 0;
  ForEachMatch(regex, "aaaa", [&](MatchRange) { return ++calls < 2; });
  EXPECT_EQ(calls, 2);
}

TEST(RegexMatcherTest, FirstSubmatchGivesEmptyForSkippedGroups) {
  re2::RE2 regex("(x)?(y+)");
  std::vector<std::string_view> groups;
  ASSERT_TRUE(FirstSubmatch(regex, "--yy--y", &groups));
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0], "yy");
  EXPECT_EQ(groups[1], "");
  EXPECT_EQ(groups[2], "yy");
  EXPECT_FALSE(FirstSubmatch(regex, "zzz", &groups));
}

TEST(RegexMatcherTest, FirstSubmatchKeepsAssertionContext) {
  std::vector<std::string_view> groups;
  re2::RE2 end_anchor("(a+)$|(a)");
  ASSERT_TRUE(FirstSubmatch(end_anchor, "aab", &groups));
  EXPECT_EQ(groups[0], "a");
  EXPECT_EQ(groups[1], "");
  EXPECT_EQ(groups[2], "a");
  re2::RE2 start_anchor("(^b)|(b)");
  ASSERT_TRUE(FirstSubmatch(start_anchor, "ab", &groups));
  EXPECT_EQ(groups[1], "");
  EXPECT_EQ(groups[2], "b");
}

}  // namespace
}  // namespace leakscan
