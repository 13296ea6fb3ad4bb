#include "sources/dir_path.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "tests/sources/source_test_util.h"

namespace leakscan {
namespace {

using testing::TempDir;

TEST(CleanPathTest, MatchesGoFilepathClean) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "."},
      {".", "."},
      {"./repo/a.txt", "repo/a.txt"},
      {"a//b/./c/..", "a/b"},
      {"a/b/", "a/b"},
      {"/..", "/"},
      {"/../x", "/x"},
      {"../../x", "../../x"},
      {"a/../../b", "../b"},
      {"..", ".."},
      {"/", "/"},
      {"//abs//dir/", "/abs/dir"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(CleanPath(input), expected) << "input: " << input;
  }
}

TEST(JoinPathTest, CleansTheJoinedPath) {
  EXPECT_EQ(JoinPath(".", "a.txt"), "a.txt");
  EXPECT_EQ(JoinPath("./repo", "a.txt"), "repo/a.txt");
  EXPECT_EQ(JoinPath("/abs/dir/", "a.txt"), "/abs/dir/a.txt");
  EXPECT_EQ(JoinPath("../testdata/repos/nogit", "main.go"), "../testdata/repos/nogit/main.go");
  EXPECT_EQ(JoinPath("", "./x"), "x");
}

TEST(BaseNameTest, ReturnsLastElement) {
  EXPECT_EQ(BaseName("dir/file.tar.gz"), "file.tar.gz");
  EXPECT_EQ(BaseName("file"), "file");
  EXPECT_EQ(BaseName("dir/sub/"), "sub");
  EXPECT_EQ(BaseName(""), ".");
  EXPECT_EQ(BaseName("///"), "/");
}

TEST(ResolveSymlinksTest, FollowsAbsoluteAndRelativeLinks) {
  TempDir dir;
  dir.WriteFile("source/id", "key");
  dir.MakeSymlink("../source/id", "links/relative");
  dir.MakeSymlink(dir.Path("source/id"), "links/absolute");
  dir.MakeSymlink("relative", "links/chain");

  EXPECT_EQ(ResolveSymlinks(dir.Path("links/relative")).value(), dir.Path("source/id"));
  EXPECT_EQ(ResolveSymlinks(dir.Path("links/absolute")).value(), dir.Path("source/id"));
  EXPECT_EQ(ResolveSymlinks(dir.Path("links/chain")).value(), dir.Path("source/id"));
}

TEST(ResolveSymlinksTest, KeepsRelativeInputRelative) {
  TempDir dir;
  dir.WriteFile("repo/source_file/id", "key");
  dir.MakeSymlink("../source_file/id", "repo/file_symlink/link");
  dir.MakeDir("cases");
  std::string previous = std::filesystem::current_path().string();
  ASSERT_EQ(chdir(dir.Path("cases").c_str()), 0);

  auto resolved = ResolveSymlinks("../repo/file_symlink/link");

  ASSERT_EQ(chdir(previous.c_str()), 0);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_EQ(*resolved, "../repo/source_file/id");
}

TEST(ResolveSymlinksTest, FollowsLinkedFolderInTheMiddle) {
  TempDir dir;
  dir.WriteFile("real/sub/file", "x");
  dir.MakeSymlink("real", "alias");
  EXPECT_EQ(ResolveSymlinks(dir.Path("alias/sub/file")).value(), dir.Path("real/sub/file"));
}

TEST(ResolveSymlinksTest, DanglingLinkFailsNamingThePath) {
  TempDir dir;
  dir.MakeSymlink("missing", "dangling");
  auto resolved = ResolveSymlinks(dir.Path("dangling"));
  ASSERT_FALSE(resolved.has_value());
  EXPECT_NE(resolved.error().message.find(dir.Path("missing")), std::string::npos)
      << resolved.error().message;
  EXPECT_NE(resolved.error().message.find("no such file or directory"), std::string::npos);
}

TEST(ResolveSymlinksTest, LoopFails) {
  TempDir dir;
  dir.MakeSymlink("b", "a");
  dir.MakeSymlink("a", "b");
  auto resolved = ResolveSymlinks(dir.Path("a"));
  ASSERT_FALSE(resolved.has_value());
  EXPECT_NE(resolved.error().message.find("symbolic links"), std::string::npos)
      << resolved.error().message;
}

TEST(ResolveSymlinksTest, FileInTheMiddleFails) {
  TempDir dir;
  dir.WriteFile("file", "x");
  auto resolved = ResolveSymlinks(dir.Path("file/child"));
  ASSERT_FALSE(resolved.has_value());
  EXPECT_NE(resolved.error().message.find("not a directory"), std::string::npos);
}

}  // namespace
}  // namespace leakscan
