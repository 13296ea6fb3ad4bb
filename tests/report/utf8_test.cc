#include "report/utf8.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

struct DecodeCase {
  std::string input;
  char32_t rune;
  int size;
};

TEST(DecodeRuneTest, DecodesValidAndInvalidSequencesLikeGo) {
  const DecodeCase cases[] = {
      {"a", U'a', 1},
      {"\xc3\xa9", U'\u00e9', 2},
      {"\xe2\x82\xac", U'\u20ac', 3},
      {"\xf0\x9f\x98\x80", U'\U0001F600', 4},
      {"\xef\xbf\xbd", kReplacementRune, 3},      // A real U+FFFD is valid.
      {"\x80", kReplacementRune, 1},              // Stray continuation byte.
      {"\xc0\x80", kReplacementRune, 1},          // Overlong NUL.
      {"\xe0\x80\x80", kReplacementRune, 1},      // Overlong three-byte form.
      {"\xed\xa0\x80", kReplacementRune, 1},      // UTF-16 surrogate.
      {"\xe2\x82", kReplacementRune, 1},          // Truncated sequence.
      {"\xf4\x90\x80\x80", kReplacementRune, 1},  // Above U+10FFFF.
      {"\xff", kReplacementRune, 1},
  };
  for (const DecodeCase& c : cases) {
    DecodedRune decoded = DecodeRune(c.input);
    EXPECT_EQ(decoded.rune, c.rune) << "input bytes: " << c.input.size();
    EXPECT_EQ(decoded.size, c.size) << "input bytes: " << c.input.size();
  }
}

TEST(DecodeRuneTest, EmptyInputConsumesNothing) { EXPECT_EQ(DecodeRune("").size, 0); }

TEST(IsUnicodeSpaceTest, MatchesGoUnicodeIsSpace) {
  for (char32_t space :
       {U' ', U'\t', U'\n', U'\v', U'\f', U'\r', U'\u0085', U'\u00a0', U'\u1680', U'\u2000',
        U'\u200a', U'\u2028', U'\u2029', U'\u202f', U'\u205f', U'\u3000'}) {
    EXPECT_TRUE(IsUnicodeSpace(space)) << static_cast<uint32_t>(space);
  }
  for (char32_t other : {U'a', U'\0', U'\u200b', U'\u180e', U'\ufeff', kReplacementRune}) {
    EXPECT_FALSE(IsUnicodeSpace(other)) << static_cast<uint32_t>(other);
  }
}

TEST(TrimUnicodeSpaceTest, TrimsAsciiAndUnicodeSpace) {
  EXPECT_EQ(TrimUnicodeSpace("  a b \n"), "a b");
  EXPECT_EQ(TrimUnicodeSpace("\xc2\xa0x\xe3\x80\x80"), "x");
  EXPECT_EQ(TrimUnicodeSpace("\t\r\n"), "");
  EXPECT_EQ(TrimUnicodeSpace(""), "");
}

TEST(TrimUnicodeSpaceTest, KeepsInvalidBytesAtEitherEnd) {
  EXPECT_EQ(TrimUnicodeSpace(" x\xc2"), "x\xc2");
  EXPECT_EQ(TrimUnicodeSpace("\x80x "), "\x80x");
  EXPECT_EQ(TrimUnicodeSpace("x\x80\x80\x80\x80 "), "x\x80\x80\x80\x80");
}

TEST(AppendUtf8Test, EncodesEachLength) {
  std::string out;
  for (char32_t rune : {U'a', U'\u00e9', U'\u20ac', U'\U0001F600'}) AppendUtf8(rune, &out);
  EXPECT_EQ(out, "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

}  // namespace
}  // namespace leakscan
