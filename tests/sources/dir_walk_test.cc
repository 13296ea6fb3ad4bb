#include "sources/dir_walk.h"

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <sys/stat.h>

#include <memory>
#include <string>
#include <vector>

#include "tests/sources/source_test_util.h"

namespace leakscan {
namespace {

using testing::LogCapture;
using testing::TempDir;

std::vector<WalkedFile> Walk(const WalkOptions& options, Status* status = nullptr) {
  std::vector<WalkedFile> files;
  Status result =
      WalkDirectory(options, [&](WalkedFile file) { files.push_back(std::move(file)); });
  if (status != nullptr) *status = result;
  return files;
}

std::vector<std::string> PathsOf(const std::vector<WalkedFile>& files) {
  std::vector<std::string> paths;
  for (const auto& file : files) paths.push_back(file.path);
  return paths;
}

Config ConfigWithPathAllowlist(const std::string& regex) {
  Config config;
  Allowlist allowlist;
  allowlist.paths = {regex};
  allowlist.path_regex = std::make_shared<RE2>(regex);
  config.allowlists.push_back(allowlist);
  return config;
}

TEST(WalkDirectoryTest, VisitsEntriesInByteOrderDepthFirst) {
  TempDir dir;
  for (const char* name : {"b.txt", "a/z.txt", "a.txt", "A.txt", "a0", "a/b/c.txt"}) {
    dir.WriteFile(name, "x");
  }
  auto paths = PathsOf(Walk({.root = dir.path()}));
  std::vector<std::string> expected;
  for (const char* name : {"A.txt", "a/b/c.txt", "a/z.txt", "a.txt", "a0", "b.txt"}) {
    expected.push_back(dir.Path(name));
  }
  EXPECT_EQ(paths, expected);
}

TEST(WalkDirectoryTest, JoinsCleanedPathsButKeepsFileRootVerbatim) {
  TempDir dir;
  dir.WriteFile("tree/a.txt", "x");
  EXPECT_EQ(PathsOf(Walk({.root = dir.path() + "/./tree/"})),
            std::vector<std::string>{dir.Path("tree/a.txt")});
  std::string file_root = dir.path() + "/./tree/a.txt";
  EXPECT_EQ(PathsOf(Walk({.root = file_root})), std::vector<std::string>{file_root});
}

TEST(WalkDirectoryTest, SkipsEmptyFiles) {
  TempDir dir;
  dir.WriteFile("empty", "");
  dir.WriteFile("full", "x");
  EXPECT_EQ(PathsOf(Walk({.root = dir.path()})), std::vector<std::string>{dir.Path("full")});
}

TEST(WalkDirectoryTest, WarnsAboutFilesOverSizeLimit) {
  TempDir dir;
  dir.WriteFile("at-limit", std::string(1'000'000, 'x'));
  dir.WriteFile("over-limit", std::string(2'500'001, 'x'));
  LogCapture log(log::Level::kWarn);
  auto paths = PathsOf(Walk({.root = dir.path(), .max_target_megabytes = 1}));
  EXPECT_EQ(paths, std::vector<std::string>{dir.Path("at-limit")});
  EXPECT_EQ(log.CountLines("WRN skipping file: too large max_size=1MB, size=2MB path=" +
                           dir.Path("over-limit")),
            1)
      << log.text();
}

TEST(WalkDirectoryTest, GlobalAllowlistPrunesFoldersAndFiles) {
  TempDir dir;
  dir.WriteFile(".git/config", "x");
  dir.WriteFile("sub/.git/HEAD", "x");
  dir.WriteFile("sub/.env.prod", "x");
  dir.WriteFile("sub/main.go", "x");
  dir.WriteFile(".gitignore", "x");
  Config config = ConfigWithPathAllowlist(R"((?:^|/)\.git$|\.env\.prod$)");
  auto paths = PathsOf(Walk({.root = dir.path(), .config = &config}));
  EXPECT_EQ(paths, (std::vector<std::string>{dir.Path(".gitignore"), dir.Path("sub/main.go")}));
}

TEST(WalkDirectoryTest, SkipsSymlinksUnlessFollowing) {
  TempDir dir;
  dir.WriteFile("target.txt", "x");
  dir.MakeSymlink("target.txt", "link.txt");
  EXPECT_EQ(PathsOf(Walk({.root = dir.path()})), std::vector<std::string>{dir.Path("target.txt")});

  auto files = Walk({.root = dir.path(), .follow_symlinks = true});
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, dir.Path("target.txt"));
  EXPECT_EQ(files[0].symlink_file, dir.Path("link.txt"));
  EXPECT_EQ(files[1].path, dir.Path("target.txt"));
  EXPECT_EQ(files[1].symlink_file, "");
}

TEST(WalkDirectoryTest, NeverFollowsFolderSymlinks) {
  TempDir dir;
  dir.WriteFile("real/a.txt", "x");
  dir.MakeSymlink("real", "alias");
  auto paths = PathsOf(Walk({.root = dir.path(), .follow_symlinks = true}));
  EXPECT_EQ(paths, std::vector<std::string>{dir.Path("real/a.txt")});
}

TEST(WalkDirectoryTest, AllowlistMatchesTheLinkPath) {
  TempDir dir;
  dir.WriteFile("sub/target.txt", "x");
  dir.MakeSymlink("sub/target.txt", "secrets.env.prod");
  Config config = ConfigWithPathAllowlist(R"(\.env\.prod$)");
  auto files = Walk({.root = dir.path(), .follow_symlinks = true, .config = &config});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].symlink_file, "");
}

TEST(WalkDirectoryTest, DanglingSymlinkLogsOneLineAndContinues) {
  TempDir dir;
  dir.MakeSymlink("missing.txt", "dangling");
  dir.WriteFile("z.txt", "x");
  LogCapture log;
  auto paths = PathsOf(Walk({.root = dir.path(), .follow_symlinks = true}));
  EXPECT_EQ(paths, std::vector<std::string>{dir.Path("z.txt")});
  EXPECT_EQ(log.CountLines("path=" + dir.Path("dangling")), 1) << log.text();
  EXPECT_EQ(log.CountLines("ERR unable to resolve symlink"), 1) << log.text();
}

TEST(WalkDirectoryTest, SymlinkLoopLogsOneLineAndContinues) {
  TempDir dir;
  dir.MakeSymlink("loop-b", "loop-a");
  dir.MakeSymlink("loop-a", "loop-b");
  dir.WriteFile("z.txt", "x");
  LogCapture log(log::Level::kInfo);
  auto paths = PathsOf(Walk({.root = dir.path(), .follow_symlinks = true}));
  EXPECT_EQ(paths, std::vector<std::string>{dir.Path("z.txt")});
  EXPECT_EQ(log.CountLines("unable to resolve symlink"), 2) << log.text();
  EXPECT_EQ(log.CountLines("path=" + dir.Path("loop-a")), 1) << log.text();
  EXPECT_EQ(log.CountLines("path=" + dir.Path("loop-b")), 1) << log.text();
}

TEST(WalkDirectoryTest, MissingRootWarnsWithoutError) {
  TempDir dir;
  LogCapture log(log::Level::kWarn);
  Status status;
  auto files = Walk({.root = dir.Path("does-not-exist")}, &status);
  EXPECT_TRUE(status.has_value());
  EXPECT_TRUE(files.empty());
  EXPECT_EQ(log.CountLines("WRN skipping error=\"lstat " + dir.Path("does-not-exist") +
                           ": no such file or directory\""),
            1)
      << log.text();
}

TEST(WalkDirectoryTest, UnreadableFolderWarnsAndContinues) {
  TempDir dir;
  dir.WriteFile("locked/secret.txt", "x");
  dir.WriteFile("open/visible.txt", "x");
  ASSERT_EQ(chmod(dir.Path("locked").c_str(), 0), 0);
  std::string failure = testing::RunWithoutPrivileges([&]() -> std::string {
    LogCapture log(log::Level::kWarn);
    auto paths = PathsOf(Walk({.root = dir.path()}));
    if (paths != std::vector<std::string>{dir.Path("open/visible.txt")}) return "wrong files";
    std::string expected =
        "WRN skipping directory error=\"permission denied\" path=" + dir.Path("locked");
    if (log.CountLines(expected) != 1) return "missing warning in: " + log.text();
    return "";
  });
  EXPECT_EQ(failure, "");
}

TEST(WalkDirectoryTest, CancelledWalkFails) {
  TempDir dir;
  dir.WriteFile("a.txt", "x");
  std::atomic<bool> cancelled{true};
  Status status;
  auto files = Walk({.root = dir.path(), .cancelled = &cancelled}, &status);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message, "context canceled");
  EXPECT_TRUE(files.empty());
}

}  // namespace
}  // namespace leakscan
