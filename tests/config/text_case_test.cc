#include "config/text_case.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(ToLowerUnicode, LowersAscii) { EXPECT_EQ(ToLowerUnicode("AKIA Key_9"), "akia key_9"); }

TEST(ToLowerUnicode, LowersNonAsciiLetters) {
  EXPECT_EQ(ToLowerUnicode("\xC3\x89T\xC3\x89"), "\xC3\xA9t\xC3\xA9");  // ÉTÉ -> été
  EXPECT_EQ(ToLowerUnicode("\xCE\xA3"), "\xCF\x83");                    // Σ -> σ
}

TEST(ToLowerUnicode, MapsKelvinSignToAsciiK) {
  EXPECT_EQ(ToLowerUnicode("\xE2\x84\xAA"), "k");  // U+212A, as Go's unicode.ToLower.
}

TEST(ToLowerUnicode, ReplacesInvalidBytesLikeGo) {
  EXPECT_EQ(ToLowerUnicode("A\xFF"), "a\xEF\xBF\xBD");
  EXPECT_EQ(ToLowerUnicode("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // Overlong "/".
  EXPECT_EQ(ToLowerUnicode("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // Surrogate.
}

TEST(ToLowerUnicode, KeepsFourByteCharacters) {
  EXPECT_EQ(ToLowerUnicode("\xF0\x9F\x94\x91X"), "\xF0\x9F\x94\x91x");
}

TEST(IsAscii, DetectsHighBytes) {
  EXPECT_TRUE(IsAscii("plain text"));
  EXPECT_FALSE(IsAscii("caf\xC3\xA9"));
}

TEST(EqualsIgnoringAsciiCase, ComparesLengthAndLetters) {
  EXPECT_TRUE(EqualsIgnoringAsciiCase("CommitA", "commita"));
  EXPECT_FALSE(EqualsIgnoringAsciiCase("commit", "commits"));
  EXPECT_FALSE(EqualsIgnoringAsciiCase("commitA", "commitB"));
}

TEST(TrimAsciiSpace, TrimsBothEnds) {
  EXPECT_EQ(TrimAsciiSpace(" \tabc \r\n"), "abc");
  EXPECT_EQ(TrimAsciiSpace("   "), "");
  EXPECT_EQ(TrimAsciiSpace("a b"), "a b");
}

}  // namespace
}  // namespace leakscan
