// Config sources: reading config text from a file, a string, or the
// built-in default (LoadContext::default_text, else the embedded rule pack)
// and parsing it into a ConfigNode. First step of every load in loader.cc
// and of [extend] in extend.cc. Errors here are the raw reasons; callers
// add Gitleaks' wrapping ("unable to load gitleaks config, err: ...").
// Covered by tests/config/loader_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "config/config_node.h"
#include "config/load_context.h"
#include "util/error.h"

namespace leakscan {

// YAML for a path ending in .yaml or .yml (any case), else TOML.
ConfigFormat FormatForPath(std::string_view path);

[[nodiscard]] Result<ConfigNode> ParseConfigText(std::string_view text, ConfigFormat format);

// Reads and parses the file at `path` in the format FormatForPath gives.
// A missing file gives "open <path>: no such file or directory", like Go.
[[nodiscard]] Result<ConfigNode> ReadConfigFile(const std::string& path);

// Reads `path` and parses it as TOML whatever its name, as Gitleaks does for
// the config it finds in a scanned directory.
[[nodiscard]] Result<ConfigNode> ReadTomlConfigFile(const std::string& path);

// Parses the default config: `context.default_text` when set, else the
// embedded rule pack. The pack's files are merged in file-name order, with
// their rules and global allowlists concatenated. Title, description and
// minVersion come from the first file that sets them.
[[nodiscard]] Result<ConfigNode> ReadDefaultConfig(const LoadContext& context);

}  // namespace leakscan
