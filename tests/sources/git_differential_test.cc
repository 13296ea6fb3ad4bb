// Differential tests: ScanGit's fragments must equal those parsed from the
// git CLI's patch output for the same repository and options, including
// their order (commit order of git log, then hunk order).

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>
#include <sstream>

#include "sources/git_source.h"
#include "tests/sources/git_history_fixture.h"
#include "tests/sources/git_log_oracle.h"
#include "tests/sources/git_test_repo.h"

namespace leakscan {
namespace {

using testing::CollectedFragment;
using testing::FragmentCollector;
using testing::OracleOutput;
using testing::TestRepo;

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

uint64_t DistinctShas(const std::vector<CollectedFragment>& fragments) {
  std::set<std::string> shas;
  for (const auto& fragment : fragments) shas.insert(fragment.sha);
  return shas.size();
}

class GitDifferentialTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "UTC", 1);
    repo_ = testing::BuildHistoryFixture().release();
  }
  static void TearDownTestSuite() {
    delete repo_;
    repo_ = nullptr;
  }

  // Runs ScanGit with `log_opts` and compares with `git log -p -U0 <git_args>`.
  void CompareWithGitLog(const std::string& log_opts, const std::string& git_args, int threads) {
    CompareWithGitLogAt(repo_->path(), log_opts, git_args, threads);
  }

  void CompareWithGitLogAt(const std::string& path, const std::string& log_opts,
                           const std::string& git_args, int threads) {
    std::string command = "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -C " +
                          testing::ShellQuote(path) + " log -p -U0";
    for (const std::string& word : SplitWords(git_args)) {
      command += " " + testing::ShellQuote(word);
    }
    int status = 0;
    OracleOutput oracle = testing::ParseGitPatchOutput(testing::RunShell(command, &status));
    ASSERT_EQ(status, 0) << command;
    FragmentCollector collector;
    GitScanOptions options;
    options.repo_path = path;
    options.log_opts = log_opts;
    options.source.threads = threads;
    auto stats = ScanGit(options, collector.Handler());
    ASSERT_TRUE(stats.has_value()) << stats.error().message;
    std::string label = "--log-opts '" + log_opts + "' threads=" + std::to_string(threads);
    testing::ExpectSameFragments(oracle.fragments, collector.Sorted(), label);
    EXPECT_EQ(stats->commits, DistinctShas(oracle.fragments)) << label;
  }

  static TestRepo* repo_;
};

TestRepo* GitDifferentialTest::repo_ = nullptr;

TEST_F(GitDifferentialTest, DefaultScanMatchesGitLog) {
  CompareWithGitLog("", "--full-history --all --diff-filter=tuxdb", 1);
}

TEST_F(GitDifferentialTest, DefaultScanIsTheSameWithFourThreads) {
  CompareWithGitLog("", "--full-history --all --diff-filter=tuxdb", 4);
}

TEST_F(GitDifferentialTest, ShallowCloneMatchesGitLog) {
  // git shows the boundary commits of a shallow clone as root commits.
  TestRepo holder;
  holder.Git("clone -q --depth 3 --no-single-branch file://" + repo_->path() + " shallow");
  std::string clone = holder.path() + "/shallow";
  ASSERT_TRUE(std::filesystem::exists(clone + "/.git/shallow"));
  CompareWithGitLogAt(clone, "", "--full-history --all --diff-filter=tuxdb", 2);
}

TEST_F(GitDifferentialTest, FixtureCoversTheHardCases) {
  OracleOutput oracle = testing::ParseGitPatchOutput(
      repo_->Git("log -p -U0 --full-history --all --diff-filter=tuxdb"));
  std::set<std::string> paths;
  bool deletion_only_hunk = false;
  bool missing_final_newline = false;
  bool crlf = false;
  for (const auto& fragment : oracle.fragments) {
    paths.insert(fragment.path);
    deletion_only_hunk |= fragment.raw.empty();
    missing_final_newline |= !fragment.raw.empty() && fragment.raw.back() != '\n';
    crlf |= fragment.raw.find("\r\n") != std::string::npos;
  }
  EXPECT_TRUE(paths.count("lib/app.py")) << "rename with edits";
  EXPECT_TRUE(paths.count("d\xc3\xafr/na\xc3\xafve \xc3\xa9.txt")) << "non-ASCII path";
  EXPECT_TRUE(paths.count("tab\tname.txt")) << "quoted path";
  EXPECT_TRUE(paths.count("vendor/sub")) << "submodule pointer";
  EXPECT_TRUE(paths.count("topic.txt")) << "commit reachable from a tag only";
  EXPECT_TRUE(paths.count("remote-only.txt")) << "remote-tracking ref";
  EXPECT_FALSE(paths.count("moved/file name.txt")) << "pure rename has no hunk";
  EXPECT_TRUE(deletion_only_hunk);
  EXPECT_TRUE(missing_final_newline);
  EXPECT_TRUE(crlf);
  EXPECT_EQ(oracle.binary_paths.size(), 4u) << "bin.dat twice, pkg.tar.gz, image.zip";
}

struct LogOptsCase {
  std::string log_opts;
};

class GitLogOptsTest : public GitDifferentialTest,
                       public ::testing::WithParamInterface<LogOptsCase> {};

TEST_P(GitLogOptsTest, MatchesGitLog) {
  const std::string& log_opts = GetParam().log_opts;
  CompareWithGitLog(log_opts, log_opts, 2);
}

INSTANTIATE_TEST_SUITE_P(
    Options, GitLogOptsTest,
    ::testing::Values(
        LogOptsCase{"main"}, LogOptsCase{"--all"}, LogOptsCase{"--branches"}, LogOptsCase{"--tags"},
        LogOptsCase{"--remotes"}, LogOptsCase{"side..main"}, LogOptsCase{"main...side"},
        LogOptsCase{"^side main"}, LogOptsCase{"--all --not main"}, LogOptsCase{"main~2.."},
        LogOptsCase{"HEAD~3"}, LogOptsCase{"-n 3 --all"}, LogOptsCase{"--max-count=2 main"},
        LogOptsCase{"-4 --all"}, LogOptsCase{"--skip=1 -n 2 --all"},
        LogOptsCase{"--first-parent main"}, LogOptsCase{"-m main"},
        LogOptsCase{"-m --first-parent main"}, LogOptsCase{"--no-merges --all"},
        LogOptsCase{"--merges --all"}, LogOptsCase{"--since=2023-11-14T22:15:50Z --all"},
        LogOptsCase{"--after=@1700000150 --all"},
        LogOptsCase{"--until=2023-11-14T22:18:20+00:00 --all"},
        LogOptsCase{"--before=2023-11-14T22:16:40Z ^old-topic main"},
        LogOptsCase{"--since=2023-11-14T22:13:30Z side..main"},
        LogOptsCase{"--until=1.year.ago --all"}, LogOptsCase{"--all --diff-filter=A"},
        LogOptsCase{"--all --diff-filter=M"}, LogOptsCase{"--all --diff-filter=R"},
        LogOptsCase{"--all -M90%"}, LogOptsCase{"--all --find-renames=2"},
        LogOptsCase{"--all --no-renames"}, LogOptsCase{"--all -- lib"},
        LogOptsCase{"main -- config/settings.ini"}, LogOptsCase{"main -- config"},
        LogOptsCase{"--full-history --all -- side.txt"}, LogOptsCase{"--all -- side.txt"},
        LogOptsCase{"main -- *.txt"}, LogOptsCase{"--full-history main -- config/settings.ini"},
        LogOptsCase{"--author=Robert --all"}, LogOptsCase{"--author=alice -i --all"},
        LogOptsCase{"--committer=Carol main"}, LogOptsCase{"v1"}, LogOptsCase{"old-topic"},
        LogOptsCase{"lw~1"}, LogOptsCase{"refs/stash"}, LogOptsCase{"-m refs/stash"},
        LogOptsCase{"--full-history --all --diff-filter=tuxdb -p -U0"}));

}  // namespace
}  // namespace leakscan
