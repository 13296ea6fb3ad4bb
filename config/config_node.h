// ConfigNode: a parsed config document, TOML or YAML, as one format-neutral
// tree. The readers (toml_reader.h, yaml_reader.h) build it and the decoder
// (config_decode.h) turns it into RawConfig, so both formats share every
// coercion and validation rule. Table keys are stored lower-cased because
// Gitleaks matches config keys case-insensitively.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leakscan {

struct ConfigNode {
  enum class Kind { kNull, kString, kInteger, kFloat, kBool, kList, kTable };

  ConfigNode() = default;
  explicit ConfigNode(Kind node_kind) : kind(node_kind) {}

  Kind kind = Kind::kNull;
  // The string value for kString. For YAML scalars of any kind, the text as
  // written; empty for TOML numbers and booleans.
  std::string text;
  int64_t integer = 0;                                     // kInteger.
  double number = 0;                                       // kFloat.
  bool boolean = false;                                    // kBool.
  std::vector<ConfigNode> items;                           // kList.
  std::vector<std::pair<std::string, ConfigNode>> fields;  // kTable, in document order.

  // Returns the value of `lower_key` in a table (the last one when a key
  // repeats), or nullptr when absent, null, or when this is not a table.
  const ConfigNode* Find(std::string_view lower_key) const;

  bool IsScalar() const { return kind != Kind::kList && kind != Kind::kTable; }
};

// Returns "string", "integer", "float", "boolean", "list", "table" or "null".
std::string_view KindName(ConfigNode::Kind kind);

}  // namespace leakscan
