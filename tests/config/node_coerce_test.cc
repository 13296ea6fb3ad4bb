#include "config/node_coerce.h"

#include <gtest/gtest.h>

#include <cmath>

namespace leakscan {
namespace {

using Kind = ConfigNode::Kind;

ConfigNode Text(std::string text) {
  ConfigNode node(Kind::kString);
  node.text = std::move(text);
  return node;
}

ConfigNode Integer(int64_t value) {
  ConfigNode node(Kind::kInteger);
  node.integer = value;
  return node;
}

ConfigNode Float(double value) {
  ConfigNode node(Kind::kFloat);
  node.number = value;
  return node;
}

ConfigNode Bool(bool value) {
  ConfigNode node(Kind::kBool);
  node.boolean = value;
  return node;
}

ConfigNode Table(std::vector<std::pair<std::string, ConfigNode>> fields) {
  ConfigNode node(Kind::kTable);
  node.fields = std::move(fields);
  return node;
}

ConfigNode List(std::vector<ConfigNode> items) {
  ConfigNode node(Kind::kList);
  node.items = std::move(items);
  return node;
}

TEST(CoerceString, FormatsScalarsLikeGo) {
  EXPECT_EQ(*CoerceString(Text("abc"), "f"), "abc");
  EXPECT_EQ(*CoerceString(Integer(-42), "f"), "-42");
  EXPECT_EQ(*CoerceString(Float(3.5), "f"), "3.5");
  EXPECT_EQ(*CoerceString(Float(999), "f"), "999");
  EXPECT_EQ(*CoerceString(Bool(true), "f"), "1");
  EXPECT_EQ(*CoerceString(Bool(false), "f"), "0");
}

TEST(CoerceString, KeepsYamlTextAsWritten) {
  ConfigNode node = Float(1.5);
  node.text = "1.50";
  EXPECT_EQ(*CoerceString(node, "f"), "1.50");
}

TEST(CoerceString, RejectsTablesNamingTheField) {
  Result<std::string> result = CoerceString(Table({{"a", Text("b")}}), "rules[1].id");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "invalid rules[1].id: expected a string, got table");
}

TEST(CoerceInteger, ParsesStringsWithGoBasePrefixes) {
  EXPECT_EQ(*CoerceInteger(Text("12"), "f"), 12);
  EXPECT_EQ(*CoerceInteger(Text("-3"), "f"), -3);
  EXPECT_EQ(*CoerceInteger(Text("0x1f"), "f"), 31);
  EXPECT_EQ(*CoerceInteger(Text("0o17"), "f"), 15);
  EXPECT_EQ(*CoerceInteger(Text("017"), "f"), 15);
  EXPECT_EQ(*CoerceInteger(Text("0b101"), "f"), 5);
  EXPECT_EQ(*CoerceInteger(Text("1_000"), "f"), 1000);
  EXPECT_EQ(*CoerceInteger(Text(""), "f"), 0);
}

TEST(CoerceInteger, TruncatesFloatsAndConvertsBooleans) {
  EXPECT_EQ(*CoerceInteger(Float(2.9), "f"), 2);
  EXPECT_EQ(*CoerceInteger(Bool(true), "f"), 1);
}

TEST(CoerceInteger, RejectsMalformedStrings) {
  for (std::string bad : {"abc", "1.5", "08", "_1", "1__0", "0x", " 1"}) {
    Result<int64_t> result = CoerceInteger(Text(bad), "rules[0].secretGroup");
    ASSERT_FALSE(result.has_value()) << bad;
    EXPECT_EQ(result.error().message,
              "invalid rules[0].secretGroup: expected an integer, got string \"" + bad + "\"");
  }
}

TEST(CoerceInt, RejectsValuesBeyondInt) {
  EXPECT_FALSE(CoerceInt(Integer(int64_t{1} << 40), "f").has_value());
  EXPECT_EQ(*CoerceInt(Integer(7), "f"), 7);
}

TEST(CoerceFloat, ParsesStringsLikeGo) {
  EXPECT_DOUBLE_EQ(*CoerceFloat(Text("3.5"), "f"), 3.5);
  EXPECT_DOUBLE_EQ(*CoerceFloat(Text("+2"), "f"), 2);
  EXPECT_DOUBLE_EQ(*CoerceFloat(Text("1e3"), "f"), 1000);
  EXPECT_DOUBLE_EQ(*CoerceFloat(Text("0x1p-2"), "f"), 0.25);
  EXPECT_DOUBLE_EQ(*CoerceFloat(Text(""), "f"), 0);
  EXPECT_TRUE(std::isinf(*CoerceFloat(Text("-Inf"), "f")));
  EXPECT_DOUBLE_EQ(*CoerceFloat(Integer(4), "f"), 4);
}

TEST(CoerceFloat, RejectsWords) {
  Result<double> result = CoerceFloat(Text("high"), "rules[0].entropy");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message,
            "invalid rules[0].entropy: expected a number, got string \"high\"");
}

TEST(CoerceBool, AcceptsGoParseBoolSpellings) {
  for (std::string yes : {"1", "t", "T", "true", "TRUE", "True"}) {
    EXPECT_TRUE(*CoerceBool(Text(yes), "f")) << yes;
  }
  for (std::string no : {"0", "f", "F", "false", "FALSE", "False", ""}) {
    EXPECT_FALSE(*CoerceBool(Text(no), "f")) << no;
  }
  EXPECT_TRUE(*CoerceBool(Integer(2), "f"));
  EXPECT_FALSE(CoerceBool(Text("yes"), "f").has_value());
}

TEST(CoerceStringList, SplitsCommaSeparatedStringsWithoutTrimming) {
  EXPECT_EQ(*CoerceStringList(Text("a, b,c"), "f"), (std::vector<std::string>{"a", " b", "c"}));
  EXPECT_TRUE(CoerceStringList(Text(""), "f")->empty());
}

TEST(CoerceStringList, LiftsSingleScalarsAndCoercesElements) {
  EXPECT_EQ(*CoerceStringList(Integer(5), "f"), (std::vector<std::string>{"5"}));
  EXPECT_EQ(*CoerceStringList(List({Text("x"), Integer(1), ConfigNode()}), "f"),
            (std::vector<std::string>{"x", "1", ""}));
}

TEST(CoerceStringList, NamesTheBadElement) {
  Result<std::vector<std::string>> result =
      CoerceStringList(List({Text("x"), Table({{"a", Text("b")}})}), "rules[0].tags");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, "invalid rules[0].tags[1]: expected a string, got table");
}

TEST(CoerceTableList, LiftsOneTableAndDropsAnEmptyOne) {
  ConfigNode table = Table({{"regexes", Text("x")}});
  Result<std::vector<const ConfigNode*>> one = CoerceTableList(table, "f");
  ASSERT_TRUE(one.has_value());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0], &table);
  EXPECT_TRUE(CoerceTableList(Table({}), "f")->empty());
}

TEST(CoerceTableList, KeepsEmptyTablesInsideLists) {
  Result<std::vector<const ConfigNode*>> result =
      CoerceTableList(List({Table({}), ConfigNode()}), "f");
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[1]->kind, Kind::kTable);
}

TEST(CoerceTableList, RejectsScalarElements) {
  Result<std::vector<const ConfigNode*>> result =
      CoerceTableList(List({Text("oops")}), "rules[0].allowlists");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message,
            "invalid rules[0].allowlists[0]: expected a table, got string \"oops\"");
}

TEST(FormatGoFloat, UsesShortestFixedNotation) {
  EXPECT_EQ(FormatGoFloat(0.1), "0.1");
  EXPECT_EQ(FormatGoFloat(1e21), "1000000000000000000000");
  EXPECT_EQ(FormatGoFloat(-2.5), "-2.5");
}

}  // namespace
}  // namespace leakscan
