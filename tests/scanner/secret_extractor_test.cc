#include "scanner/secret_extractor.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace leakscan
