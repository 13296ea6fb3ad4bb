#include "sources/git_log_options.h"

#include <gtest/gtest.h>

namespace leakscan::git {
namespace {

constexpr int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z

Result<LogQuery> Parse(std::string_view log_opts) {
  return ParseLogOptions(SplitLogOptions(log_opts), kNow);
}

TEST(SplitLogOptions, SplitsOnSingleSpaces) {
  EXPECT_EQ(SplitLogOptions("--all  -n 2"), (std::vector<std::string>{"--all", "", "-n", "2"}));
  EXPECT_EQ(SplitLogOptions("main"), (std::vector<std::string>{"main"}));
}

TEST(QuotedWords, FindsWordsWrappedInMatchingQuotes) {
  EXPECT_EQ(QuotedWords({"\"main\"", "'x'", "\"mixed'", "plain", "\""}),
            (std::vector<std::string>{"\"main\"", "'x'"}));
}

TEST(DefaultLogQuery, IsFullHistoryOfAllRefsWithoutDeletions) {
  LogQuery query = DefaultLogQuery();
  EXPECT_TRUE(query.full_history);
  ASSERT_EQ(query.revisions.size(), 1u);
  EXPECT_EQ(query.revisions[0].kind, RevisionArg::Kind::kAllRefs);
  EXPECT_TRUE(query.diff_filter.Allows('A'));
  EXPECT_TRUE(query.diff_filter.Allows('M'));
  EXPECT_TRUE(query.diff_filter.Allows('R'));
  EXPECT_TRUE(query.diff_filter.Allows('C'));
  EXPECT_FALSE(query.diff_filter.Allows('D'));
  EXPECT_FALSE(query.diff_filter.Allows('T'));
  EXPECT_FALSE(query.diff_filter.Allows('U'));
}

TEST(ParseLogOptions, KeepsRevisionsAndRefGroupsInOrder) {
  auto query = Parse("main --tags ^v1 A..B --not --branches");
  ASSERT_TRUE(query) << query.error().message;
  ASSERT_EQ(query->revisions.size(), 5u);
  EXPECT_EQ(query->revisions[0].text, "main");
  EXPECT_EQ(query->revisions[1].kind, RevisionArg::Kind::kTags);
  EXPECT_EQ(query->revisions[2].text, "^v1");
  EXPECT_EQ(query->revisions[3].text, "A..B");
  EXPECT_FALSE(query->revisions[3].negated);
  EXPECT_EQ(query->revisions[4].kind, RevisionArg::Kind::kBranches);
  EXPECT_TRUE(query->revisions[4].negated);
}

TEST(ParseLogOptions, ReadsCountsInEveryForm) {
  EXPECT_EQ(Parse("-n 3")->max_count, 3);
  EXPECT_EQ(Parse("-n3")->max_count, 3);
  EXPECT_EQ(Parse("-7")->max_count, 7);
  EXPECT_EQ(Parse("--max-count=2")->max_count, 2);
  EXPECT_EQ(Parse("--max-count 4")->max_count, 4);
  EXPECT_EQ(Parse("--skip=5")->skip, 5);
}

TEST(ParseLogOptions, RejectsBadCounts) {
  auto query = Parse("-n x");
  ASSERT_FALSE(query);
  EXPECT_EQ(query.error().message, "invalid number 'x' for -n");
  EXPECT_FALSE(Parse("-n"));
}

TEST(ParseLogOptions, ReadsDateLimits) {
  auto query = Parse("--since=2023-11-14T22:00:00Z --until=@1700000100");
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_EQ(query->since, 1700000000 - 800);
  EXPECT_EQ(query->until, 1700000100);
  EXPECT_EQ(Parse("--after 2.days.ago")->since, kNow - 2 * 86400);
  EXPECT_EQ(Parse("--before=yesterday")->until, kNow - 86400);
}

TEST(ParseLogOptions, RejectsUnreadableDates) {
  auto query = Parse("--since=last-tuesday-ish");
  ASSERT_FALSE(query);
  EXPECT_NE(query.error().message.find("invalid date 'last-tuesday-ish' for --since"),
            std::string::npos);
}

TEST(ParseLogOptions, ReadsMergeAndHistoryFlags) {
  auto query = Parse("--first-parent --no-merges --full-history -m -p -U0 --no-color");
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_TRUE(query->first_parent);
  EXPECT_TRUE(query->no_merges);
  EXPECT_TRUE(query->full_history);
  EXPECT_TRUE(query->merge_diffs);
  EXPECT_TRUE(Parse("--merges")->merges_only);
}

TEST(ParseLogOptions, ReadsRenameSettings) {
  EXPECT_EQ(Parse("--no-renames")->renames, RenameMode::kOff);
  EXPECT_EQ(Parse("-M")->rename_threshold, 50);
  EXPECT_EQ(Parse("-M90%")->rename_threshold, 90);
  EXPECT_EQ(Parse("-M9")->rename_threshold, 90);
  EXPECT_EQ(Parse("--find-renames=75")->rename_threshold, 75);
  EXPECT_EQ(Parse("-M5")->renames, RenameMode::kOn);
  EXPECT_FALSE(Parse("-Mx"));
}

TEST(ParseLogOptions, ReadsPathsAfterSeparator) {
  auto query = Parse("main -- src --weird-name");
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_EQ(query->paths, (std::vector<std::string>{"src", "--weird-name"}));
  ASSERT_EQ(query->revisions.size(), 1u);
}

TEST(ParseLogOptions, ReadsIdentityPatterns) {
  auto query = Parse("--author=Alice --author Bob --committer=Carol -i");
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_EQ(query->author_patterns, (std::vector<std::string>{"Alice", "Bob"}));
  EXPECT_EQ(query->committer_patterns, (std::vector<std::string>{"Carol"}));
  EXPECT_TRUE(query->ignore_case);
}

TEST(ParseLogOptions, RejectsUnsupportedOptions) {
  for (const char* word : {"--reverse", "--topo-order", "-U3", "--cc", "--stat", "--graph"}) {
    auto query = Parse(std::string("--all ") + word);
    ASSERT_FALSE(query) << word;
    EXPECT_EQ(query.error().message, std::string("unsupported log option: ") + word);
  }
}

TEST(ParseLogOptions, TreatsEmptyWordsAsRevisions) {
  auto query = Parse("--all  main");
  ASSERT_TRUE(query) << query.error().message;
  ASSERT_EQ(query->revisions.size(), 3u);
  EXPECT_EQ(query->revisions[1].text, "");
}

TEST(DiffFilter, SelectsUpperCaseAndExcludesLowerCase) {
  auto only_added = DiffFilter::Parse("A");
  ASSERT_TRUE(only_added);
  EXPECT_TRUE(only_added->Allows('A'));
  EXPECT_FALSE(only_added->Allows('M'));
  auto no_deletes = DiffFilter::Parse("d");
  ASSERT_TRUE(no_deletes);
  EXPECT_TRUE(no_deletes->Allows('M'));
  EXPECT_FALSE(no_deletes->Allows('D'));
  auto mixed = DiffFilter::Parse("AMm");
  ASSERT_TRUE(mixed);
  EXPECT_TRUE(mixed->Allows('A'));
  EXPECT_FALSE(mixed->Allows('M'));
}

TEST(DiffFilter, RejectsUnknownLetters) {
  auto filter = DiffFilter::Parse("Aq");
  ASSERT_FALSE(filter);
  EXPECT_EQ(filter.error().message, "unknown change class 'q' in --diff-filter=Aq");
}

}  // namespace
}  // namespace leakscan::git
