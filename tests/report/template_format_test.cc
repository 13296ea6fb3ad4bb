#include <gtest/gtest.h>

#include "report/template/go_format.h"
#include "report/template/go_time.h"

namespace leakscan::template_internal {
namespace {

TEST(GoFormatTest, FloatsUseShortestForm) {
  EXPECT_EQ(FormatGoFloat(4.321928f, true), "4.321928");
  EXPECT_EQ(FormatGoFloat(0, false), "0");
  EXPECT_EQ(FormatGoFloat(0.1, false), "0.1");
  EXPECT_EQ(FormatGoFloat(123456, false), "123456");
  EXPECT_EQ(FormatGoFloat(1e6, false), "1e+06");
  EXPECT_EQ(FormatGoFloat(4294967296.0, false), "4.294967296e+09");
  EXPECT_EQ(FormatGoFloat(0.0001, false), "0.0001");
  EXPECT_EQ(FormatGoFloat(0.00001, false), "1e-05");
  EXPECT_EQ(FormatGoFloat(-2.5, false), "-2.5");
  EXPECT_EQ(FormatGoFloat(0.1f, true), "0.1");
}

TEST(GoFormatTest, SprintSpacesOnlyBetweenNonStrings) {
  EXPECT_EQ(Sprint({Value::Int(1), Value::Int(2), Value::String("a"), Value::Int(3)}), "1 2a3");
  EXPECT_EQ(Sprintln({Value::String("a"), Value::String("b")}), "a b\n");
}

TEST(GoFormatTest, SprintfVerbsAndMarkers) {
  EXPECT_EQ(Sprintf("%05d|%+d|%x|%X|%o|%b|%c|%U",
                    {Value::Int(42), Value::Int(3), Value::Int(255), Value::Int(255), Value::Int(8),
                     Value::Int(5), Value::Int(0x41), Value::Int(0x1F600)}),
            "00042|+3|ff|FF|10|101|A|U+1F600");
  EXPECT_EQ(Sprintf("%6.2f|%e|%g|%.3g", {Value::Float(3.14159), Value::Float(1234.5),
                                         Value::Float(1e21), Value::Float(1234.5678)}),
            "  3.14|1.234500e+03|1e+21|1.23e+03");
  EXPECT_EQ(Sprintf("%s|%10s|%-5s|%.2s", {Value::String("x"), Value::String("right"),
                                          Value::String("l"), Value::String("trunc")}),
            "x|     right|l    |tr");
  EXPECT_EQ(Sprintf("%v %v", {Value::MakeList({Value::Int(1), Value::String("a")}), Value()}),
            "[1 a] <nil>");
  EXPECT_EQ(Sprintf("%z", {Value::Int(1)}), "%!z(int=1)");
  EXPECT_EQ(Sprintf("100%%", {}), "100%");
  EXPECT_EQ(Sprintf("%#q", {Value::String("raw")}), "`raw`");
}

TEST(GoFormatTest, QuoteEscapesNonPrintable) {
  EXPECT_EQ(GoQuote("plain"), "\"plain\"");
  EXPECT_EQ(GoQuote("tab\there"), "\"tab\\there\"");
  EXPECT_EQ(GoQuote("\x7f\xff"), "\"\\x7f\\xff\"");
  EXPECT_EQ(GoQuote("\xE2\x80\xA8"), "\"\\u2028\"");
  EXPECT_EQ(GoQuote("\xF3\xA0\x80\x81"), "\"\\U000e0001\"");
  EXPECT_EQ(GoQuote("日本"), "\"日本\"");
}

TEST(GoTimeTest, FormatsReferenceLayoutElements) {
  TimeValue time;
  time.unix_seconds = 1136214245;  // 2006-01-02T15:04:05Z
  time.nanoseconds = 123450000;
  time.zone_name = "UTC";
  EXPECT_EQ(FormatTime(time, "2006-01-02 15:04:05"), "2006-01-02 15:04:05");
  EXPECT_EQ(FormatTime(time, "Monday January 2 06 3PM pm 002"), "Monday January 2 06 3PM pm 002");
  EXPECT_EQ(FormatTime(time, ".000 .999 .999999999 ,00 MST Z07:00 -0700"),
            ".123 .123 .12345 ,12 UTC Z +0000");
  EXPECT_EQ(FormatTime(time, "Month Jan"), "Month Jan");
  time.offset_seconds = -7 * 3600;
  time.zone_name = "MST";
  EXPECT_EQ(FormatTime(time, "15:04 Z07:00 -07 MST"), "08:04 -07:00 -07 MST");
  EXPECT_EQ(FormatTimeDefault(time), "2006-01-02 08:04:05.12345 -0700 MST");
}

TEST(GoTimeTest, HandlesDatesBeforeEpochAndLeapYears) {
  TimeValue time;
  time.unix_seconds = -86400;
  time.zone_name = "UTC";
  EXPECT_EQ(FormatTime(time, "2006-01-02 Mon"), "1969-12-31 Wed");
  time.unix_seconds = 951782400;  // 2000-02-29
  EXPECT_EQ(FormatTime(time, "2006-01-02 002"), "2000-02-29 060");
}

}  // namespace
}  // namespace leakscan::template_internal
