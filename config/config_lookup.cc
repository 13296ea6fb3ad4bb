// ResolveConfig (declared in loader.h): the config lookup order of the
// Gitleaks CLI, from the --config flag down to the default config.

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "config/config_source.h"
#include "config/loader.h"
#include "config/translate.h"
#include "util/log.h"
#include "util/path_clean.h"

namespace leakscan {
namespace {

// Extensions Gitleaks' config library tries, in order, for a ".gitleaks"
// file in the source directory before the bare name.
constexpr std::string_view kSourceConfigExtensions[] = {"json",       "toml",   "yaml", "yml",
                                                        "properties", "props",  "prop", "hcl",
                                                        "tfvars",     "dotenv", "env",  "ini"};

std::string EnvValue(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

std::string LowerFirst(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(text[0]));
  return text;
}

Error Unreadable(const std::string& reason) {
  return Error{"unable to load gitleaks config, err: " + reason};
}

Result<Config> LoadDefault(const LoadContext& context) {
  Result<ConfigNode> root = ReadDefaultConfig(context);
  if (!root) return std::unexpected(Unreadable(root.error().message));
  return BuildConfig(*root, 0, "default", context);
}

bool IsRegularOrOther(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && !S_ISDIR(info.st_mode);
}

// Returns the first ".gitleaks.<ext>" (then ".gitleaks") that exists in
// `source` and is not a directory, or "" when there is none.
std::string FindSourceConfig(const std::string& source) {
  for (std::string_view extension : kSourceConfigExtensions) {
    std::string candidate = JoinPath(source, ".gitleaks." + std::string(extension));
    if (IsRegularOrOther(candidate)) return candidate;
  }
  std::string bare = JoinPath(source, ".gitleaks");
  return IsRegularOrOther(bare) ? bare : "";
}

Result<Config> LoadFromSourceDirectory(const std::string& source, const LoadContext& context) {
  std::string found = FindSourceConfig(source);
  if (found.empty()) {
    std::error_code error;
    std::string absolute = std::filesystem::absolute(source, error).lexically_normal().string();
    return std::unexpected(
        Unreadable("Config File \".gitleaks\" Not Found in \"[" + absolute + "]\""));
  }
  Result<ConfigNode> root = ReadTomlConfigFile(found);
  if (!root) return std::unexpected(Unreadable(root.error().message));
  return BuildConfig(*root, 0, found, context);
}

Result<Config> LoadFromSource(const std::string& source, const LoadContext& context,
                              std::string* origin) {
  struct stat info {};
  if (stat(source.c_str(), &info) != 0) {
    return MakeError("stat " + source + ": " + LowerFirst(std::strerror(errno)));
  }
  const std::string local = JoinPath(source, ".gitleaks.toml");
  *origin = "default";
  if (!S_ISDIR(info.st_mode)) {
    log::Debug("unable to load gitleaks config from " + local + " since --source=" + source +
               " is a file, using default config");
    return LoadDefault(context);
  }
  struct stat local_info {};
  if (stat(local.c_str(), &local_info) != 0 && errno == ENOENT) {
    log::Debug("no gitleaks config found in path " + local + ", using default gitleaks config");
    return LoadDefault(context);
  }
  log::Debug("using existing gitleaks config " + local + " from `(--source)/.gitleaks.toml`");
  *origin = "source";
  return LoadFromSourceDirectory(source, context);
}

Result<Config> LoadByLookupOrder(const std::string& config_flag, const std::string& source,
                                 const LoadContext& context, std::string* origin) {
  if (!config_flag.empty()) {
    log::Debug("using gitleaks config " + config_flag + " from `--config`");
    *origin = "--config";
    return LoadConfigFile(config_flag, context);
  }
  if (std::string path = EnvValue("GITLEAKS_CONFIG"); !path.empty()) {
    log::Debug("using gitleaks config from GITLEAKS_CONFIG env var: " + path);
    *origin = "GITLEAKS_CONFIG";
    return LoadConfigFile(path, context);
  }
  if (std::string text = EnvValue("GITLEAKS_CONFIG_TOML"); !text.empty()) {
    *origin = "GITLEAKS_CONFIG_TOML";
    Result<ConfigNode> root = ParseConfigText(text, ConfigFormat::kToml);
    if (!root) {
      return MakeError("unable to load gitleaks config from GITLEAKS_CONFIG_TOML env var, err: " +
                       root.error().message);
    }
    log::Debug("using gitleaks config from GITLEAKS_CONFIG_TOML env var content");
    return BuildConfig(*root, 0, "", context);
  }
  return LoadFromSource(source, context, origin);
}

}  // namespace

Result<ResolvedConfig> ResolveConfig(const std::string& config_flag, const std::string& source,
                                     const LoadContext& context) {
  ResolvedConfig resolved;
  resolved.remembered_path = config_flag.empty() ? JoinPath(source, ".gitleaks.toml") : config_flag;
  Result<Config> config = LoadByLookupOrder(config_flag, source, context, &resolved.origin);
  if (!config) return std::unexpected(config.error());
  resolved.config = std::move(*config);
  return resolved;
}

}  // namespace leakscan
