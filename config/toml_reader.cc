#include "config/toml_reader.h"

#include <toml++/toml.h>

#include <sstream>

#include "config/text_case.h"

namespace leakscan {
namespace {

template <typename T>
std::string FormatValue(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

ConfigNode ConvertScalar(const toml::node& node) {
  ConfigNode out;
  if (const auto* text = node.as_string()) {
    out.kind = ConfigNode::Kind::kString;
    out.text = text->get();
  } else if (const auto* integer = node.as_integer()) {
    out.kind = ConfigNode::Kind::kInteger;
    out.integer = integer->get();
  } else if (const auto* number = node.as_floating_point()) {
    out.kind = ConfigNode::Kind::kFloat;
    out.number = number->get();
  } else if (const auto* boolean = node.as_boolean()) {
    out.kind = ConfigNode::Kind::kBool;
    out.boolean = boolean->get();
  } else if (const auto* date = node.as_date()) {
    out.kind = ConfigNode::Kind::kString;
    out.text = FormatValue(date->get());
  } else if (const auto* time = node.as_time()) {
    out.kind = ConfigNode::Kind::kString;
    out.text = FormatValue(time->get());
  } else if (const auto* date_time = node.as_date_time()) {
    out.kind = ConfigNode::Kind::kString;
    out.text = FormatValue(date_time->get());
  }
  return out;
}

ConfigNode Convert(const toml::node& node) {
  if (const auto* table = node.as_table()) {
    ConfigNode out;
    out.kind = ConfigNode::Kind::kTable;
    for (const auto& [key, value] : *table) {
      out.fields.emplace_back(ToLowerUnicode(key.str()), Convert(value));
    }
    return out;
  }
  if (const auto* array = node.as_array()) {
    ConfigNode out;
    out.kind = ConfigNode::Kind::kList;
    for (const toml::node& item : *array) out.items.push_back(Convert(item));
    return out;
  }
  return ConvertScalar(node);
}

}  // namespace

Result<ConfigNode> ParseTomlText(std::string_view text) {
  try {
    toml::table table = toml::parse(text);
    return Convert(table);
  } catch (const toml::parse_error& error) {
    const toml::source_position& begin = error.source().begin;
    std::ostringstream message;
    message << "While parsing config: toml: line " << begin.line << ", column " << begin.column
            << ": " << error.description();
    return MakeError(message.str());
  }
}

}  // namespace leakscan
