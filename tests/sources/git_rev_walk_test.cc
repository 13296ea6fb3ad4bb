// RevisionWalk against `git log --format=%H`: the same commits in the same
// order, including merges and commits without changes, on the history
// fixture and on a generated history with skewed and equal commit dates.

#include "sources/git_rev_walk.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <ctime>
#include <sstream>

#include "sources/git_handle.h"
#include "sources/git_repo_location.h"
#include "sources/git_revisions.h"
#include "tests/sources/git_history_fixture.h"
#include "tests/sources/git_test_repo.h"

namespace leakscan::git {
namespace {

using leakscan::testing::ShellQuote;
using leakscan::testing::TestRepo;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> GitLogIds(const TestRepo& repo, const std::string& log_opts) {
  std::string arguments = "log --format=%H";
  std::istringstream in(log_opts);
  for (std::string word; in >> word;) arguments += " " + ShellQuote(word);
  return Lines(repo.Git(arguments));
}

Result<std::vector<std::string>> WalkIds(const std::string& repo_path,
                                         const std::string& log_opts) {
  LibrarySession session;
  auto location = OpenRepository(repo_path);
  if (!location) return std::unexpected(location.error());
  auto query = ParseLogOptions(SplitLogOptions(log_opts), std::time(nullptr));
  if (!query) return std::unexpected(query.error());
  auto revisions = ResolveRevisions(location->repo.get(), query->revisions, repo_path, repo_path);
  if (!revisions) return std::unexpected(revisions.error());
  WalkInput input;
  input.starts = revisions->commits;
  std::vector<std::string> paths = query->paths;
  paths.insert(paths.end(), revisions->paths.begin(), revisions->paths.end());
  input.prune = !paths.empty();
  for (const std::string& path : paths) input.pathspec.push_back(RootRelativePath("", path));
  auto walk = RevisionWalk::Create(location->repo.get(), *query, std::move(input), nullptr);
  if (!walk) return std::unexpected(walk.error());
  std::vector<std::string> ids;
  while (auto commit = (*walk)->Next()) ids.push_back(OidHex(commit->id));
  return ids;
}

void ExpectSameWalk(const TestRepo& repo, const std::string& log_opts) {
  auto walked = WalkIds(repo.path(), log_opts);
  ASSERT_TRUE(walked.has_value()) << log_opts << ": " << walked.error().message;
  EXPECT_EQ(*walked, GitLogIds(repo, log_opts)) << "log options: " << log_opts;
}

// A history of three branches with merges whose commit dates jump
// backwards and repeat, built from a fixed pseudo-random sequence.
std::unique_ptr<TestRepo> BuildSkewedHistory() {
  auto repo = std::make_unique<TestRepo>();
  uint32_t state = 12345;
  auto next = [&state](uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 16) % bound;
  };
  const int64_t base = 1600000000;
  const char* branches[] = {"main", "b1", "b2"};
  repo->Write("f0.txt", "start\n");
  repo->CommitAll("start\n", base);
  repo->Git("branch b1");
  repo->Git("branch b2");
  for (int i = 1; i <= 36; ++i) {
    const char* branch = branches[next(3)];
    repo->Git(std::string("checkout -q ") + branch);
    int64_t date = base + i * 100 - static_cast<int64_t>(next(4)) * 150;
    if (i % 7 == 0 && std::string(branch) != "b2") {
      // "-s ours" keeps merges free of conflicts because only the graph matters.
      repo->Git("merge -q --no-ff --no-commit -s ours b2",
                TestRepo::DateEnvironment(date, date, "M <m@x>"));
      repo->Commit("merge " + std::to_string(i) + "\n", date);
      continue;
    }
    std::string file = "f" + std::to_string(next(3)) + ".txt";
    repo->Write(file, "change " + std::to_string(i) + "\n");
    repo->CommitAll("commit " + std::to_string(i) + "\n", date);
  }
  repo->Git("checkout -q main");
  return repo;
}

class RevisionWalkTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setenv("TZ", "UTC", 1);
    fixture_ = leakscan::testing::BuildHistoryFixture().release();
    skewed_ = BuildSkewedHistory().release();
  }
  static void TearDownTestSuite() {
    delete fixture_;
    delete skewed_;
  }
  static TestRepo* fixture_;
  static TestRepo* skewed_;
};

TestRepo* RevisionWalkTest::fixture_ = nullptr;
TestRepo* RevisionWalkTest::skewed_ = nullptr;

TEST_F(RevisionWalkTest, FixtureOrderMatchesGitLog) {
  for (const char* log_opts :
       {"--all", "--full-history --all", "main", "--branches", "--tags", "side..main",
        "main...side", "--all --not side", "--first-parent main", "--no-merges --all", "-n 4 --all",
        "--all -- lib", "main -- config", "--full-history main -- config", "--all -- side.txt",
        "--full-history --all -- side.txt", "refs/stash", "main nonl.txt"}) {
    ExpectSameWalk(*fixture_, log_opts);
  }
}

TEST_F(RevisionWalkTest, SkewedHistoryOrderMatchesGitLog) {
  for (const char* log_opts :
       {"--all", "main", "b1", "--all --not b1", "b1...b2", "b2..main", "^b1 ^b2 main",
        "--since=@1600001500 --all", "--since=@1600001500 b1..main", "--until=@1600002000 --all",
        "--first-parent main", "--no-merges --all", "--merges --all", "-n 7 --skip=2 --all",
        "--all -- f1.txt", "main -- f2.txt", "--full-history main -- f2.txt",
        "--full-history b1..main -- f0.txt", "b1..main -- f1.txt"}) {
    ExpectSameWalk(*skewed_, log_opts);
  }
}

TEST_F(RevisionWalkTest, UnknownRevisionIsAnError) {
  auto walked = WalkIds(fixture_->path(), "no-such-branch");
  ASSERT_FALSE(walked);
  EXPECT_EQ(walked.error().message, "bad revision 'no-such-branch' in " + fixture_->path());
  auto range = WalkIds(fixture_->path(), "main..nope");
  ASSERT_FALSE(range);
  EXPECT_EQ(range.error().message, "bad revision 'main..nope' in " + fixture_->path());
}

TEST_F(RevisionWalkTest, InvalidAuthorPatternIsAnError) {
  auto walked = WalkIds(fixture_->path(), "--author=a\\(b --all");
  ASSERT_FALSE(walked);
  EXPECT_NE(walked.error().message.find("for --author"), std::string::npos);
}

TEST(RevisionWalk, EmptyRepositoryHasNoCommitsForAllRefs) {
  TestRepo repo;
  auto walked = WalkIds(repo.path(), "--all");
  ASSERT_TRUE(walked.has_value()) << walked.error().message;
  EXPECT_TRUE(walked->empty());
  auto head = WalkIds(repo.path(), "--since=1.day.ago");
  ASSERT_FALSE(head) << "HEAD has no commit yet";
  EXPECT_EQ(head.error().message, "bad revision 'HEAD' in " + repo.path());
}

}  // namespace
}  // namespace leakscan::git
