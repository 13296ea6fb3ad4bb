#include "port/json_writer.h"

#include <gtest/gtest.h>

#include "port_test_support.h"

namespace leakscan {
namespace {

std::string Compact(const std::string& json, const JsonStringFilter* filter = nullptr) {
  simdjson::dom::parser parser;
  std::string out;
  AppendJson(port_test::ParseJson(parser, json), &out, filter);
  return out;
}

TEST(JsonWriter, EscapesStringsLikeReportEncoder) {
  EXPECT_EQ(Compact(R"(["a\"b\\c\n\t\u0001", "<é&>"])"),
            R"(["a\"b\\c\n\t\u0001","\u003cé\u0026\u003e"])");
}

TEST(JsonWriter, CompactsWhileKeepingMemberOrder) {
  EXPECT_EQ(Compact(R"({ "z": 1, "a": [true, false, null], "m": {"k": "v"} })"),
            R"({"z":1,"a":[true,false,null],"m":{"k":"v"}})");
}

TEST(JsonWriter, KeepsDuplicateKeys) {
  EXPECT_EQ(Compact(R"({"a": 1, "a": 2})"), R"({"a":1,"a":2})");
}

TEST(JsonWriter, WritesNumbersThatRoundTrip) {
  EXPECT_EQ(Compact(R"([0, -7, 18446744073709551615, 4.321928, 1e-7])"),
            R"([0,-7,18446744073709551615,4.321928,1e-07])");
}

TEST(JsonWriter, EscapesKeys) { EXPECT_EQ(Compact(R"({"a\"b": "c"})"), R"({"a\"b":"c"})"); }

// Records the keys the writer reports for each string value.
class KeyRecorder : public JsonStringFilter {
 public:
  void AppendString(std::string_view parent_key, std::string_view key, std::string_view value,
                    std::string* out) const override {
    seen += std::string(parent_key) + "/" + std::string(key) + "=" + std::string(value) + ";";
    AppendJsonString(value, out);
  }
  mutable std::string seen;
};

TEST(JsonWriter, PassesMemberAndParentKeysToFilter) {
  KeyRecorder recorder;
  std::string out =
      Compact(R"({"snippet": {"text": "s"}, "tags": ["x", "y"], "top": "t"})", &recorder);
  EXPECT_EQ(recorder.seen, "snippet/text=s;/tags=x;/tags=y;/top=t;");
  EXPECT_EQ(out, R"({"snippet":{"text":"s"},"tags":["x","y"],"top":"t"})");
}

}  // namespace
}  // namespace leakscan
