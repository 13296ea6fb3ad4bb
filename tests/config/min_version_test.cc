#include "config/min_version.h"

#include <gtest/gtest.h>

#include "tests/config/test_files.h"

namespace leakscan {
namespace {

SemanticVersion Parse(std::string_view text) {
  Result<SemanticVersion> version = ParseSemanticVersion(text);
  EXPECT_TRUE(version.has_value()) << text;
  return version.value_or(SemanticVersion{});
}

TEST(ParseSemanticVersion, AcceptsShortFormsAndALeadingV) {
  SemanticVersion full = Parse("v8.25.1");
  EXPECT_EQ(full.major, 8u);
  EXPECT_EQ(full.minor, 25u);
  EXPECT_EQ(full.patch, 1u);
  SemanticVersion major_only = Parse("9");
  EXPECT_EQ(major_only.major, 9u);
  EXPECT_EQ(major_only.minor, 0u);
  SemanticVersion pre = Parse("8.30.0-rc.1+build.5");
  EXPECT_EQ(pre.prerelease, "rc.1");
}

TEST(ParseSemanticVersion, RejectsOtherText) {
  for (std::string_view bad : {"", "v", "eight", "8.x", "8.1.2.3", " 8.1", "8.1-"}) {
    Result<SemanticVersion> version = ParseSemanticVersion(bad);
    ASSERT_FALSE(version.has_value()) << bad;
    EXPECT_EQ(version.error().message, "Invalid Semantic Version");
  }
}

TEST(CompareVersions, OrdersByNumbersThenPrerelease) {
  EXPECT_LT(CompareVersions(Parse("8.25.0"), Parse("8.30.0")), 0);
  EXPECT_GT(CompareVersions(Parse("8.100.0"), Parse("8.30.0")), 0);
  EXPECT_EQ(CompareVersions(Parse("v8.30"), Parse("8.30.0")), 0);
  EXPECT_LT(CompareVersions(Parse("8.30.0-rc1"), Parse("8.30.0")), 0);
  EXPECT_LT(CompareVersions(Parse("1.0.0-alpha"), Parse("1.0.0-alpha.1")), 0);
  EXPECT_LT(CompareVersions(Parse("1.0.0-2"), Parse("1.0.0-10")), 0);
  EXPECT_LT(CompareVersions(Parse("1.0.0-9"), Parse("1.0.0-beta")), 0);
}

TEST(CheckMinVersion, WarnsOnlyForNewerVersions) {
  testing::ScopedLogCapture capture;
  EXPECT_TRUE(CheckMinVersion("v8.25.0", "a.toml").has_value());
  EXPECT_TRUE(CheckMinVersion("8.30.0", "a.toml").has_value());
  EXPECT_TRUE(CheckMinVersion("", "a.toml").has_value());
  EXPECT_EQ(capture.text(), "");
  EXPECT_TRUE(CheckMinVersion("8.31.0", "b.toml").has_value());
  EXPECT_NE(capture.text().find("config requires a newer Gitleaks version... config path=b.toml "
                                "current=8.30.0 required=8.31.0"),
            std::string::npos)
      << capture.text();
}

TEST(CheckMinVersion, RejectsInvalidVersions) {
  Status status = CheckMinVersion("latest", "a.toml");
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message, "invalid minVersion 'latest': Invalid Semantic Version");
}

}  // namespace
}  // namespace leakscan
