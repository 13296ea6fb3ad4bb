#include "config/config_node.h"

namespace leakscan {

const ConfigNode* ConfigNode::Find(std::string_view lower_key) const {
  if (kind != Kind::kTable) return nullptr;
  const ConfigNode* found = nullptr;
  for (const auto& [key, value] : fields) {
    if (key == lower_key) found = &value;
  }
  if (found != nullptr && found->kind == Kind::kNull) return nullptr;
  return found;
}

std::string_view KindName(ConfigNode::Kind kind) {
  switch (kind) {
    case ConfigNode::Kind::kNull:
      return "null";
    case ConfigNode::Kind::kString:
      return "string";
    case ConfigNode::Kind::kInteger:
      return "integer";
    case ConfigNode::Kind::kFloat:
      return "float";
    case ConfigNode::Kind::kBool:
      return "boolean";
    case ConfigNode::Kind::kList:
      return "list";
    case ConfigNode::Kind::kTable:
      return "table";
  }
  return "unknown";
}

}  // namespace leakscan
