#include "report/pretty_json.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(PrettyJsonTest, EmptyContainersStayOnOneLine) {
  std::string out;
  PrettyJson json(&out, " ");
  json.BeginObject();
  json.Key("a");
  json.BeginArray();
  json.EndArray();
  json.Key("b");
  json.BeginObject();
  json.EndObject();
  json.EndObject();
  EXPECT_EQ(out, "{\n \"a\": [],\n \"b\": {}\n}");
}

TEST(PrettyJsonTest, NestedValuesAreIndentedPerLevel) {
  std::string out;
  PrettyJson json(&out, " ");
  json.BeginArray();
  json.BeginObject();
  json.Member("s", "x<y");
  json.Member("n", 42);
  json.Key("f");
  json.Float32(0.5F);
  json.Key("tags");
  json.StringArray({"a", "b"});
  json.EndObject();
  json.Int(-1);
  json.EndArray();
  EXPECT_EQ(out,
            "[\n"
            " {\n"
            "  \"s\": \"x\\u003cy\",\n"
            "  \"n\": 42,\n"
            "  \"f\": 0.5,\n"
            "  \"tags\": [\n"
            "   \"a\",\n"
            "   \"b\"\n"
            "  ]\n"
            " },\n"
            " -1\n"
            "]");
}

TEST(PrettyJsonTest, TabIndentRepeatsPerLevel) {
  std::string out;
  PrettyJson json(&out, "\t");
  json.BeginObject();
  json.Key("k");
  json.StringArray({"v"});
  json.EndObject();
  EXPECT_EQ(out, "{\n\t\"k\": [\n\t\t\"v\"\n\t]\n}");
}

TEST(PrettyJsonTest, TopLevelScalarHasNoIndent) {
  std::string out;
  PrettyJson json(&out, " ");
  json.String("x");
  EXPECT_EQ(out, "\"x\"");
}

}  // namespace
}  // namespace leakscan
