// Built-in rule pack: the YAML files under rules/, embedded into the binary
// at build time by rules/embed_rules.cmake. The config loader merges them
// (in file-name order) into the default config used when no user config is
// found and for [extend] useDefault.
#pragma once

#include <span>
#include <string_view>

namespace leakscan {

struct BuiltinRuleFile {
  std::string_view name;  // File name, e.g. "aws.yaml".
  std::string_view yaml;  // Full file contents.
};

// Returns every embedded rule file, sorted by name.
std::span<const BuiltinRuleFile> BuiltinRuleFiles();

}  // namespace leakscan
