#include "report/json_encoder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace leakscan {
namespace {

std::string Encode(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

std::string Encode(float value) {
  std::string out;
  AppendJsonFloat32(value, &out);
  return out;
}

TEST(JsonStringTest, PlainTextIsQuotedUnchanged) {
  EXPECT_EQ(Encode("abc XYZ 123 /~"), "\"abc XYZ 123 /~\"");
  EXPECT_EQ(Encode(""), "\"\"");
}

TEST(JsonStringTest, QuoteAndBackslashAreEscaped) {
  EXPECT_EQ(Encode("a\"b\\c"), "\"a\\\"b\\\\c\"");
}

TEST(JsonStringTest, ControlCharactersUseShortOrUnicodeEscapes) {
  EXPECT_EQ(Encode("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(Encode(std::string_view("\x00\x01\x1b\x1f", 4)), "\"\\u0000\\u0001\\u001b\\u001f\"");
}

TEST(JsonStringTest, HtmlCharactersAreEscaped) {
  EXPECT_EQ(Encode("<a href=x&y>"), "\"\\u003ca href=x\\u0026y\\u003e\"");
}

TEST(JsonStringTest, LineAndParagraphSeparatorsAreEscaped) {
  EXPECT_EQ(Encode("a\xe2\x80\xa8"
                   "b\xe2\x80\xa9"),
            "\"a\\u2028b\\u2029\"");
}

TEST(JsonStringTest, EachInvalidByteBecomesReplacementEscape) {
  EXPECT_EQ(Encode("a\xff"
                   "b"),
            "\"a\\ufffdb\"");
  EXPECT_EQ(Encode("\xe2\x82"), "\"\\ufffd\\ufffd\"");
  EXPECT_EQ(Encode("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");
}

TEST(JsonStringTest, ValidNonAsciiAndDeleteAreLiteral) {
  EXPECT_EQ(Encode("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f\xef\xbf\xbd"),
            "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f\xef\xbf\xbd\"");
}

TEST(JsonFloat32Test, UsesShortestRoundTripPlainNotation) {
  EXPECT_EQ(Encode(0.0F), "0");
  EXPECT_EQ(Encode(1.0F), "1");
  EXPECT_EQ(Encode(0.5F), "0.5");
  EXPECT_EQ(Encode(3.5F), "3.5");
  EXPECT_EQ(Encode(static_cast<float>(4.321928094887363)), "4.321928");
  EXPECT_EQ(Encode(static_cast<float>(2.807354922057604)), "2.807355");
  EXPECT_EQ(Encode(123456789.0F), "123456790");
  EXPECT_EQ(Encode(1e20F), "100000000000000000000");
  EXPECT_EQ(Encode(1e-6F), "0.000001");
  EXPECT_EQ(Encode(-2.25F), "-2.25");
}

TEST(JsonFloat32Test, UsesExponentFormOutsidePlainRange) {
  EXPECT_EQ(Encode(1e-7F), "1e-7");
  EXPECT_EQ(Encode(1.5e-10F), "1.5e-10");
  EXPECT_EQ(Encode(1e21F), "1e+21");
  EXPECT_EQ(Encode(3.4028235e38F), "3.4028235e+38");
}

TEST(JsonFloat32Test, NonFiniteValuesAreWrittenAsZero) {
  EXPECT_EQ(Encode(std::numeric_limits<float>::quiet_NaN()), "0");
  EXPECT_EQ(Encode(std::numeric_limits<float>::infinity()), "0");
}

}  // namespace
}  // namespace leakscan
