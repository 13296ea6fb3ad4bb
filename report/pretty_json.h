// PrettyJson: a streaming JSON writer that lays values out exactly like
// Go's json.Encoder with SetIndent("", indent) (and json.MarshalIndent):
// one member or element per line, `": "` after keys, `{}` and `[]` for
// empty containers. The JSON, JUnit and SARIF writers build their output
// with it.
//
//   PrettyJson json(&out, " ");
//   json.BeginObject();
//   json.Key("RuleID");
//   json.String(finding.rule_id);
//   json.EndObject();
//
// Covered by tests/report/pretty_json_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leakscan {

class PrettyJson {
 public:
  // Appends to `*out`, indenting each level with `indent`.
  PrettyJson(std::string* out, std::string_view indent);

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();

  // Starts an object member; the next call writes its value.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void Float32(float value);
  void StringArray(const std::vector<std::string>& values);

  // Shorthands for a member with a scalar value.
  void Member(std::string_view key, std::string_view value);
  void Member(std::string_view key, int64_t value);

 private:
  // Writes the separator and indentation that precede a value or key.
  void BeginValue();
  void NewLine(size_t depth);

  std::string* out_;
  std::string indent_;
  std::vector<int> counts_;  // Members or elements written, per open container.
  bool after_key_ = false;
};

}  // namespace leakscan
