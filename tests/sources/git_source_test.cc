// ScanGit beyond history order: errors, uncommitted changes (compared
// with `git diff`), scanning from a subfolder, archives in history,
// cancellation and the quoted --log-opts warning.

#include "sources/git_source.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <set>

#include "tests/sources/git_log_oracle.h"
#include "tests/sources/git_test_repo.h"
#include "util/log.h"

namespace leakscan {
namespace {

using testing::CollectedFragment;
using testing::FragmentCollector;
using testing::TestRepo;

constexpr int64_t kTime = 1700000000;

Result<GitScanStats> Scan(const GitScanOptions& options, FragmentCollector* collector) {
  return ScanGit(options, collector->Handler());
}

GitScanOptions OptionsFor(const std::string& path) {
  GitScanOptions options;
  options.repo_path = path;
  options.source.threads = 2;
  return options;
}

// A repository with one commit and both staged and unstaged changes.
void PrepareUncommittedChanges(const TestRepo& repo) {
  repo.Write("keep.txt", "one\ntwo\nthree\n");
  repo.Write("sub/inner.txt", "inner one\n");
  repo.Write("gone.txt", "to be deleted\n");
  std::string big;
  for (int i = 0; i < 30; ++i) big += "row " + std::to_string(i) + "\n";
  repo.Write("old-name.txt", big);
  repo.CommitAll("base\n", kTime);

  repo.Write("keep.txt", "one\nTWO staged\nthree\n");
  repo.Write("sub/inner.txt", "inner one\ninner staged\n");
  repo.Write("sub/new.txt", "brand new staged\nno newline");
  repo.Remove("gone.txt");
  repo.Remove("old-name.txt");
  repo.Write("new-name.txt", big + "renamed and extended\n");
  repo.Write("blob.bin", std::string("\0\1\2", 3));
  repo.Git("add -A");

  repo.Write("keep.txt", "one\nTWO staged\nthree\nfour unstaged\n");
  repo.Write("sub/inner.txt", "inner one\ninner staged\ninner unstaged\n");
  repo.Write("untracked.txt", "never scanned\n");
}

void ExpectMatchesGitDiff(const std::string& folder, const std::string& diff_args, bool staged,
                          bool pre_commit) {
  int status = 0;
  std::string output = testing::RunShell(
      "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -C " + testing::ShellQuote(folder) +
          " diff -U0 --no-ext-diff " + diff_args + " .",
      &status);
  ASSERT_EQ(status, 0);
  testing::OracleOutput oracle = testing::ParseGitPatchOutput(output);
  ASSERT_FALSE(oracle.fragments.empty());

  FragmentCollector collector;
  GitScanOptions options = OptionsFor(folder);
  options.staged = staged;
  options.pre_commit = pre_commit;
  auto stats = Scan(options, &collector);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  EXPECT_EQ(stats->commits, 0u);
  std::vector<CollectedFragment> actual = collector.Sorted();
  for (CollectedFragment& fragment : actual) {
    EXPECT_EQ(fragment.date, "0001-01-01T00:00:00Z");
    fragment.date.clear();
  }
  testing::ExpectSameFragments(oracle.fragments, actual, "git diff " + diff_args);
}

TEST(ScanGit, StagedScanMatchesGitDiffStaged) {
  TestRepo repo;
  PrepareUncommittedChanges(repo);
  ExpectMatchesGitDiff(repo.path(), "--staged", true, false);
}

TEST(ScanGit, StagedWinsOverPreCommit) {
  TestRepo repo;
  PrepareUncommittedChanges(repo);
  ExpectMatchesGitDiff(repo.path(), "--staged", true, true);
}

TEST(ScanGit, StagedScanOfASubfolderIsLimitedToIt) {
  TestRepo repo;
  PrepareUncommittedChanges(repo);
  ExpectMatchesGitDiff(repo.path() + "/sub", "--staged", true, false);
}

TEST(ScanGit, PreCommitScanMatchesGitDiff) {
  TestRepo repo;
  PrepareUncommittedChanges(repo);
  ExpectMatchesGitDiff(repo.path(), "", false, true);
}

TEST(ScanGit, StagedScanWorksBeforeTheFirstCommit) {
  TestRepo repo;
  repo.Write("first.txt", "first file\n");
  repo.Git("add -A");
  ExpectMatchesGitDiff(repo.path(), "--staged", true, false);
}

TEST(ScanGit, SubfolderHistoryCoversWholeRepository) {
  TestRepo repo;
  repo.Write("top.txt", "top\n");
  repo.Write("sub/low.txt", "low\n");
  repo.CommitAll("both\n", kTime);
  FragmentCollector collector;
  auto stats = Scan(OptionsFor(repo.path() + "/sub"), &collector);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  std::set<std::string> paths;
  for (const auto& fragment : collector.Sorted()) paths.insert(fragment.path);
  EXPECT_EQ(paths, (std::set<std::string>{"sub/low.txt", "top.txt"}));
  EXPECT_EQ(stats->commits, 1u);
}

TEST(ScanGit, PathLimitsAreFolderRelative) {
  TestRepo repo;
  repo.Write("top.txt", "top\n");
  repo.Write("sub/low.txt", "low\n");
  repo.CommitAll("both\n", kTime);
  FragmentCollector collector;
  GitScanOptions options = OptionsFor(repo.path() + "/sub");
  options.log_opts = "HEAD -- low.txt";
  auto stats = Scan(options, &collector);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  std::vector<CollectedFragment> fragments = collector.Sorted();
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].path, "sub/low.txt");
}

TEST(ScanGit, ScansArchivesWhenDepthAllows) {
  TestRepo repo;
  repo.Write("member/secret.txt", "archived line one\narchived line two\n");
  int status = 0;
  testing::RunShell(
      "cd " + testing::ShellQuote(repo.path()) + " && tar czf pack.tar.gz member && rm -r member",
      &status);
  ASSERT_EQ(status, 0);
  std::string sha = repo.CommitAll("add an archive\n", kTime);

  FragmentCollector shallow;
  ASSERT_TRUE(Scan(OptionsFor(repo.path()), &shallow).has_value());
  EXPECT_TRUE(shallow.Sorted().empty()) << "depth 0 skips archives";

  FragmentCollector deep;
  GitScanOptions options = OptionsFor(repo.path());
  options.source.max_archive_depth = 1;
  auto stats = Scan(options, &deep);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  std::vector<CollectedFragment> fragments = deep.Sorted();
  ASSERT_FALSE(fragments.empty());
  EXPECT_EQ(fragments[0].path, "pack.tar.gz!member/secret.txt");
  EXPECT_EQ(fragments[0].sha, sha);
  EXPECT_NE(fragments[0].raw.find("archived line two"), std::string::npos);
  EXPECT_EQ(stats->commits, 1u);
}

TEST(ScanGit, FailsOutsideARepository) {
  std::string folder = std::filesystem::temp_directory_path() / "leakscan-no-repo-XXXXXX";
  ASSERT_NE(mkdtemp(folder.data()), nullptr);
  FragmentCollector collector;
  auto stats = Scan(OptionsFor(folder), &collector);
  std::filesystem::remove_all(folder);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().message,
            "not a git repository (or any of the parent directories): " + folder);
}

TEST(ScanGit, FailsForAMissingPath) {
  FragmentCollector collector;
  auto stats = Scan(OptionsFor("/nonexistent/leakscan"), &collector);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().message,
            "failed to read repository path /nonexistent/leakscan: No such file or directory");
}

TEST(ScanGit, FailsForBadLogOptions) {
  TestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.CommitAll("a\n", kTime);
  FragmentCollector collector;
  GitScanOptions options = OptionsFor(repo.path());
  options.log_opts = "--all --graph";
  auto unsupported = Scan(options, &collector);
  ASSERT_FALSE(unsupported);
  EXPECT_EQ(unsupported.error().message, "unsupported log option: --graph");
  options.log_opts = "--all  main";
  auto empty_word = Scan(options, &collector);
  ASSERT_FALSE(empty_word);
  EXPECT_EQ(empty_word.error().message, "bad revision '' in " + repo.path());
  EXPECT_TRUE(collector.Sorted().empty());
}

TEST(ScanGit, WarnsAboutQuotedLogOptions) {
  TestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.CommitAll("a\n", kTime);
  FragmentCollector collector;
  GitScanOptions options = OptionsFor(repo.path());
  options.log_opts = "\"main\"";
  std::string captured;
  log::CaptureForTest(&captured);
  auto stats = Scan(options, &collector);
  log::CaptureForTest(nullptr);
  ASSERT_FALSE(stats) << "the quotes reach the revision parser";
  EXPECT_NE(captured.find("the following `--log-opts` values may not work as expected: "
                          "[\"main\"]\n\tsee https://github.com/gitleaks/gitleaks/issues/1153 "
                          "for more information"),
            std::string::npos)
      << captured;
}

TEST(ScanGit, StopsWhenCancelled) {
  TestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.CommitAll("a\n", kTime);
  std::atomic<bool> cancelled{true};
  FragmentCollector collector;
  GitScanOptions options = OptionsFor(repo.path());
  options.source.cancelled = &cancelled;
  auto stats = Scan(options, &collector);
  ASSERT_FALSE(stats);
  EXPECT_EQ(stats.error().message, "context canceled");
  EXPECT_TRUE(collector.Sorted().empty());
}

TEST(ScanGit, CountsOnlyCommitsWithFragments) {
  TestRepo repo;
  repo.Write("a.txt", "a\n");
  repo.CommitAll("a\n", kTime);
  repo.CommitAll("empty\n", kTime + 10);
  repo.Remove("a.txt");
  repo.CommitAll("delete\n", kTime + 20);
  repo.Write("b.txt", "b\n");
  repo.CommitAll("b\n", kTime + 30);
  FragmentCollector collector;
  auto stats = Scan(OptionsFor(repo.path()), &collector);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  EXPECT_EQ(stats->commits, 2u);
  EXPECT_EQ(collector.Sorted().size(), 2u);
}

}  // namespace
}  // namespace leakscan
