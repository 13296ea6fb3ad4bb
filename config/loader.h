// Config loader: the public entry points that find, read, decode, extend
// and validate a Gitleaks-compatible config (TOML, or YAML for *.yaml and
// *.yml files) and return the ready Config, regexes compiled. The CLI calls
// ResolveConfig once at start-up; tests and the `rules` command call the
// Load* functions directly.
//
//   Result<ResolvedConfig> resolved = ResolveConfig(flags.config, source);
//   if (!resolved) { /* ClassifyConfigError returns how to report it */ }
//
// Covered by tests/config/loader_test.cc, config_lookup_test.cc and
// config_conformance_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "config/config.h"
#include "config/load_context.h"
#include "util/error.h"

namespace leakscan {

// Loads the config file at `path`: TOML, or YAML when the extension is
// .yaml/.yml. A file that cannot be read or parsed gives
// "unable to load gitleaks config, err: <reason>"; decoding and validation
// errors are returned unwrapped (e.g. "rule |id| is missing or empty").
[[nodiscard]] Result<Config> LoadConfigFile(const std::string& path,
                                            const LoadContext& context = {});

// Loads a config from its text; errors as for LoadConfigFile.
[[nodiscard]] Result<Config> LoadConfigText(std::string_view text, ConfigFormat format,
                                            const LoadContext& context = {});

// Loads the default config: `context.default_text` when set, else the
// built-in rule pack (rules/builtin_rules.h).
[[nodiscard]] Result<Config> LoadDefaultConfig(const LoadContext& context = {});

struct ResolvedConfig {
  Config config;
  // The path the detector skips as "the config file": the --config value
  // as given, else "SOURCE/.gitleaks.toml" joined and cleaned, even when
  // the config came from an environment variable or the default.
  std::string remembered_path;
  // Source of the config: "--config", "GITLEAKS_CONFIG",
  // "GITLEAKS_CONFIG_TOML", "source" (a .gitleaks file in the source
  // directory) or "default".
  std::string origin;
};

// Finds and loads the config the way Gitleaks does; the first that applies
// wins: `config_flag`; the file named by $GITLEAKS_CONFIG; the TOML text in
// $GITLEAKS_CONFIG_TOML; SOURCE/.gitleaks.toml when `source` is a directory
// containing it (quirk: a .gitleaks.json there is read first, as TOML); the
// default config. Logs the same debug lines as Gitleaks. A failed stat of
// `source` gives Go's message, e.g. "stat foo: no such file or directory".
[[nodiscard]] Result<ResolvedConfig> ResolveConfig(const std::string& config_flag,
                                                   const std::string& source,
                                                   const LoadContext& context = {});

// Kind of a config error, which decides how the CLI reports it before
// exiting, as Gitleaks does:
//   kLookup:       finding or reading the config failed; log the message
//                  itself as fatal, exit 1.
//   kInvalidRegex: a pattern does not compile; Gitleaks panics, so exit 2
//                  (log as for kInvalid).
//   kInvalid:      decoding or validation failed; log fatal
//                  "Failed to load config" with error=<message>, exit 1.
enum class ConfigErrorKind { kLookup, kInvalidRegex, kInvalid };
ConfigErrorKind ClassifyConfigError(const Error& error);

}  // namespace leakscan
