// Config decoder: turns a parsed document (ConfigNode, from TOML or YAML)
// into a RawConfig with lenient coercion (node_coerce.h). Keys match
// case-insensitively and unknown keys are ignored, as in Gitleaks. Second
// step of loading, after the readers and before translate.h.
// Covered by tests/config/config_decode_test.cc.
#pragma once

#include "config/config_node.h"
#include "config/raw_config.h"
#include "util/error.h"

namespace leakscan {

// Decodes a whole config document. A null document is an empty config; a
// value that cannot be coerced is an error naming its field, e.g.
// "invalid rules[0].entropy: expected a number, got string \"high\"".
[[nodiscard]] Result<RawConfig> DecodeConfig(const ConfigNode& root);

}  // namespace leakscan
