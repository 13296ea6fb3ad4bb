// Config translation: turns one decoded config file (RawConfig) into a
// Config, Gitleaks' "translate" step. Per file it checks minVersion, builds
// rules and allowlists, checks [[rules.required]] ids, and applies [extend]
// (extend.h). For the top-level file it then validates every merged rule
// and attaches targetRules allowlists. Called by loader.cc and, one level
// deeper each time, by extend.cc.
// Covered by tests/config/translate_test.cc and config_conformance_test.cc.
#pragma once

#include <string_view>

#include "config/config.h"
#include "config/config_node.h"
#include "config/load_context.h"
#include "config/raw_config.h"
#include "util/error.h"

namespace leakscan {

// Nesting levels: 0 is the config the user gave, 1 a config it extends, 2 a
// config that one extends. An [extend] table at level 2 is ignored.
inline constexpr int kMaxExtendDepth = 2;

// Translates `raw` at nesting level `depth`. `config_path` names the file
// in log messages ("" for text, "default" for the default config).
[[nodiscard]] Result<Config> TranslateConfig(const RawConfig& raw, int depth,
                                             std::string_view config_path,
                                             const LoadContext& context);

// Decodes `root` (config_decode.h) and translates it.
[[nodiscard]] Result<Config> BuildConfig(const ConfigNode& root, int depth,
                                         std::string_view config_path, const LoadContext& context);

}  // namespace leakscan
