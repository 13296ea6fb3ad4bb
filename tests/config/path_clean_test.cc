#include "util/path_clean.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(CleanPath, MatchesGoFilepathClean) {
  EXPECT_EQ(CleanPath(""), ".");
  EXPECT_EQ(CleanPath("."), ".");
  EXPECT_EQ(CleanPath("a//b/./c/"), "a/b/c");
  EXPECT_EQ(CleanPath("a/b/../c"), "a/c");
  EXPECT_EQ(CleanPath("a/.."), ".");
  EXPECT_EQ(CleanPath("../a"), "../a");
  EXPECT_EQ(CleanPath("../../a/../b"), "../../b");
  EXPECT_EQ(CleanPath("/../a"), "/a");
  EXPECT_EQ(CleanPath("/"), "/");
  EXPECT_EQ(CleanPath("//x//"), "/x");
}

TEST(JoinPath, JoinsAndCleans) {
  EXPECT_EQ(JoinPath(".", ".gitleaks.toml"), ".gitleaks.toml");
  EXPECT_EQ(JoinPath("./repo/", ".gitleaks.toml"), "repo/.gitleaks.toml");
  EXPECT_EQ(JoinPath("/tmp/x", ".gitleaks.toml"), "/tmp/x/.gitleaks.toml");
  EXPECT_EQ(JoinPath("", ".gitleaks.toml"), ".gitleaks.toml");
  EXPECT_EQ(JoinPath("", ""), "");
}

}  // namespace
}  // namespace leakscan
