#include "util/utf8.h"

#include <gtest/gtest.h>

#include "scanner/unicode_lower.h"

namespace leakscan {
namespace {

using utf8::DecodeRune;
using utf8::kReplacementChar;

TEST(Utf8Test, DecodesAsciiAndMultibyte) {
  EXPECT_EQ(DecodeRune("a", 0).rune, U'a');
  EXPECT_EQ(DecodeRune("a", 0).width, 1);
  EXPECT_EQ(DecodeRune("\xC3\xA9", 0).rune, U'\u00E9');
  EXPECT_EQ(DecodeRune("\xC3\xA9", 0).width, 2);
  EXPECT_EQ(DecodeRune("\xE2\x82\xAC", 0).rune, U'\u20AC');
  EXPECT_EQ(DecodeRune("\xF0\x9F\x98\x80", 0).rune, U'\U0001F600');
  EXPECT_EQ(DecodeRune("\xF0\x9F\x98\x80", 0).width, 4);
}

TEST(Utf8Test, InvalidBytesDecodeOneAtATime) {
  // Overlong, surrogate, above U+10FFFF, truncated and stray continuation.
  for (std::string_view bad :
       {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80"}) {
    utf8::DecodedRune decoded = DecodeRune(bad, 0);
    EXPECT_EQ(decoded.rune, kReplacementChar) << "input size " << bad.size();
    EXPECT_EQ(decoded.width, 1) << "input size " << bad.size();
  }
}

TEST(Utf8Test, EndOfTextHasWidthZero) { EXPECT_EQ(DecodeRune("ab", 2).width, 0); }

TEST(Utf8Test, AppendRuneReplacesSurrogates) {
  std::string out;
  utf8::AppendRune(0xD800, &out);
  EXPECT_EQ(out, "\xEF\xBF\xBD");
  out.clear();
  utf8::AppendRune(U'\u00E9', &out);
  EXPECT_EQ(out, "\xC3\xA9");
}

TEST(UnicodeLowerTest, LowersAsciiOnly) { EXPECT_EQ(ToLower("AbC-09_Z"), "abc-09_z"); }

TEST(UnicodeLowerTest, UsesSimpleMappings) {
  EXPECT_EQ(ToLower("\xC3\x80\xC3\x89"), "\xC3\xA0\xC3\xA9");  // ÀÉ -> àé
  EXPECT_EQ(ToLower("\xCE\xA3"), "\xCF\x83");                  // Σ -> σ
  EXPECT_EQ(ToLower("\xC4\xB0"), "i");                         // İ -> i (one code point)
  EXPECT_EQ(ToLower("\xE2\x84\xAA"), "k");                     // Kelvin sign -> k
  EXPECT_EQ(ToLowerRune(U'\u0101'), U'\u0101');                // already lower
  EXPECT_EQ(ToLowerRune(U'\u0100'), U'\u0101');                // stride-2 range
}

TEST(UnicodeLowerTest, ReplacesInvalidBytes) {
  EXPECT_EQ(ToLower("A\xFF\xC3\xA9"), "a\xEF\xBF\xBD\xC3\xA9");
}

}  // namespace
}  // namespace leakscan
