// YAML reader: parses a YAML config (the built-in rule pack, or a user
// config named *.yaml / *.yml) with yaml-cpp into a ConfigNode tree
// (config_node.h). The schema is the TOML schema with the same key names.
// Covered by tests/config/yaml_config_test.cc.
#pragma once

#include <string_view>

#include "config/config_node.h"
#include "util/error.h"

namespace leakscan {

// Parses the first YAML document of `text`. Plain scalars are typed by the
// YAML 1.2 core schema (true, 12, 3.5, null), quoted scalars are strings, and
// every scalar keeps its text as written. An empty document is an empty
// table. A syntax error is returned as
// "While parsing config: yaml: line L, column C: <reason>".
[[nodiscard]] Result<ConfigNode> ParseYamlText(std::string_view text);

}  // namespace leakscan
