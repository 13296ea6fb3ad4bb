// LoadContext and ConfigFormat: what every load needs besides the config
// itself, namely the default config used for [extend] useDefault and as
// the fallback. Declared apart from loader.h so the loader's internal steps
// can share it without including the public API.
#pragma once

#include <string>

namespace leakscan {

enum class ConfigFormat { kToml, kYaml };

struct LoadContext {
  // Text of the built-in default config and its format, used for [extend]
  // useDefault and as the fallback config. Empty: use the built-in rule pack
  // from rules/builtin_rules.h.
  std::string default_text;
  ConfigFormat default_format = ConfigFormat::kYaml;
};

}  // namespace leakscan
