#include "config/yaml_reader.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <regex>

#include "config/text_case.h"

namespace leakscan {
namespace {

constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";

bool IsCoreBool(const std::string& text, bool* value) {
  if (text == "true" || text == "True" || text == "TRUE") {
    *value = true;
    return true;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    *value = false;
    return true;
  }
  return false;
}

bool IsCoreInteger(const std::string& text, int64_t* value) {
  static const std::regex kDecimal("[-+]?[0-9]+");
  static const std::regex kOctal("0o[0-7]+");
  static const std::regex kHex("0x[0-9a-fA-F]+");
  const char* end = text.data() + text.size();
  if (std::regex_match(text, kDecimal)) {
    const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
    return std::from_chars(begin, end, *value).ptr == end;
  }
  if (std::regex_match(text, kOctal)) {
    return std::from_chars(text.data() + 2, end, *value, 8).ptr == end;
  }
  if (std::regex_match(text, kHex)) {
    return std::from_chars(text.data() + 2, end, *value, 16).ptr == end;
  }
  return false;
}

bool IsCoreFloat(const std::string& text, double* value) {
  static const std::regex kNumber("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  static const std::regex kInfinity("[-+]?\\.(inf|Inf|INF)");
  static const std::regex kNan("\\.(nan|NaN|NAN)");
  if (std::regex_match(text, kNumber)) {
    const char* begin = text.data() + (text[0] == '+' ? 1 : 0);
    const char* end = text.data() + text.size();
    return std::from_chars(begin, end, *value).ptr == end;
  }
  if (std::regex_match(text, kInfinity)) {
    *value = text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (std::regex_match(text, kNan)) {
    *value = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  return false;
}

ConfigNode ConvertScalar(const YAML::Node& node) {
  ConfigNode out;
  out.kind = ConfigNode::Kind::kString;
  out.text = node.Scalar();
  const std::string& tag = node.Tag();
  if (tag == "!" || tag == kStringTag) return out;
  if (IsCoreBool(out.text, &out.boolean)) {
    out.kind = ConfigNode::Kind::kBool;
  } else if (IsCoreInteger(out.text, &out.integer)) {
    out.kind = ConfigNode::Kind::kInteger;
  } else if (IsCoreFloat(out.text, &out.number)) {
    out.kind = ConfigNode::Kind::kFloat;
  }
  return out;
}

Result<ConfigNode> Convert(const YAML::Node& node) {
  ConfigNode out;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return ConvertScalar(node);
    case YAML::NodeType::Sequence:
      out.kind = ConfigNode::Kind::kList;
      for (const YAML::Node& item : node) {
        Result<ConfigNode> converted = Convert(item);
        if (!converted) return converted;
        out.items.push_back(std::move(*converted));
      }
      return out;
    case YAML::NodeType::Map:
      out.kind = ConfigNode::Kind::kTable;
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) {
          return MakeError("While parsing config: yaml: line " +
                           std::to_string(entry.first.Mark().line + 1) +
                           ": a mapping key must be a scalar");
        }
        Result<ConfigNode> converted = Convert(entry.second);
        if (!converted) return converted;
        out.fields.emplace_back(ToLowerUnicode(entry.first.Scalar()), std::move(*converted));
      }
      return out;
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return out;
  }
  return out;
}

}  // namespace

Result<ConfigNode> ParseYamlText(std::string_view text) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    return MakeError("While parsing config: yaml: line " + std::to_string(error.mark.line + 1) +
                     ", column " + std::to_string(error.mark.column + 1) + ": " + error.msg);
  }
  Result<ConfigNode> converted = Convert(root);
  if (converted && converted->kind == ConfigNode::Kind::kNull) {
    converted->kind = ConfigNode::Kind::kTable;
  }
  return converted;
}

}  // namespace leakscan
