// TOML reader: parses Gitleaks TOML config text with toml++ into a
// ConfigNode tree (config_node.h). First step of loading a TOML config.
// Covered by tests/config/config_decode_test.cc.
#pragma once

#include <string_view>

#include "config/config_node.h"
#include "util/error.h"

namespace leakscan {

// Parses `text` as TOML 1.0. A syntax error is returned as
// "While parsing config: toml: line L, column C: <reason>".
[[nodiscard]] Result<ConfigNode> ParseTomlText(std::string_view text);

}  // namespace leakscan
