#include "scanner/decoders.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(DecodersTest, PercentDecodesPrintableBytes) {
  EXPECT_EQ(DecodePercent("%73%65cret"), "secret");
  EXPECT_EQ(DecodePercent("a%2"), "a%2");
  EXPECT_EQ(DecodePercent("%41"), "A");
  EXPECT_EQ(DecodePercent("%zz%41"), "%zzA");
}

TEST(DecodersTest, PercentRejectsControlBytes) { EXPECT_EQ(DecodePercent("%41%00"), ""); }

TEST(DecodersTest, UnicodeCodePoints) {
  EXPECT_EQ(DecodeUnicode("U+0061 U+0062 U+0063"), "abc");
  EXPECT_EQ(DecodeUnicode("U+00e9\t"), "\xC3\xA9");
  EXPECT_EQ(DecodeUnicode("U+D800"), "\xEF\xBF\xBD");
}

TEST(DecodersTest, UnicodeEscapes) {
  EXPECT_EQ(DecodeUnicode(R"(\u0068\u0069)"), "hi");
  EXPECT_EQ(DecodeUnicode(R"(\\u0068\\U0069)"), "hi");
}

TEST(DecodersTest, HexNeedsEvenLengthDigitAndPrintable) {
  EXPECT_EQ(DecodeHex("466973684D6170"), "FishMap");
  EXPECT_EQ(DecodeHex("466"), "");
  EXPECT_EQ(DecodeHex("abcdefabcdefabcdefabcdefabcdefab"), "");
  EXPECT_EQ(DecodeHex("a3d3fa7c"), "");
}

TEST(DecodersTest, Base64StandardPadded) {
  EXPECT_EQ(DecodeBase64("ZGVtby1zZWNyZXQtdmFsdWUtMTIz"), "demo-secret-value-123");
  EXPECT_EQ(DecodeBase64("dGVzdC1zZWNyZXQtdmFsdWU="), "test-secret-value");
}

TEST(DecodersTest, Base64FallsBackToUrlSafe) {
  EXPECT_EQ(DecodeBase64("Z2l0bGVha3M-PmZpbmRzLXNlY3JldHM"), "gitleaks>>finds-secrets");
  EXPECT_EQ(DecodeBase64("bG9uZ2VyLWVuY29kZWQtc2VjcmV0LXRlc3Q"), "longer-encoded-secret-test");
}

TEST(DecodersTest, Base64RejectsWithoutDigitOrSymbol) {
  EXPECT_EQ(DecodeBase64("abcdefghijklmnop"), "");
}

TEST(DecodersTest, Base64RejectsBadPaddingAndBinary) {
  EXPECT_EQ(DecodeBase64("ZGVtbw1=="), "");         // wrong padding length
  EXPECT_EQ(DecodeBase64("AAECAwQFBgcICQ=="), "");  // bytes 0..9 are not printable
}

}  // namespace
}  // namespace leakscan
