#include "config/loader.h"

#include "config/config_source.h"
#include "config/translate.h"

namespace leakscan {

// Marks errors that happened before the config text was parsed.
constexpr std::string_view kUnreadableConfig = "unable to load gitleaks config";

Result<Config> LoadConfigFile(const std::string& path, const LoadContext& context) {
  Result<ConfigNode> root = ReadConfigFile(path);
  if (!root) {
    return MakeError(std::string(kUnreadableConfig) + ", err: " + root.error().message);
  }
  return BuildConfig(*root, 0, path, context);
}

Result<Config> LoadConfigText(std::string_view text, ConfigFormat format,
                              const LoadContext& context) {
  Result<ConfigNode> root = ParseConfigText(text, format);
  if (!root) {
    return MakeError(std::string(kUnreadableConfig) + ", err: " + root.error().message);
  }
  return BuildConfig(*root, 0, "", context);
}

Result<Config> LoadDefaultConfig(const LoadContext& context) {
  Result<ConfigNode> root = ReadDefaultConfig(context);
  if (!root) {
    return MakeError(std::string(kUnreadableConfig) + ", err: " + root.error().message);
  }
  return BuildConfig(*root, 0, "default", context);
}

ConfigErrorKind ClassifyConfigError(const Error& error) {
  const std::string& message = error.message;
  if (message.starts_with(kUnreadableConfig) || message.starts_with("stat ")) {
    return ConfigErrorKind::kLookup;
  }
  if (message.find("invalid regex `") != std::string::npos) return ConfigErrorKind::kInvalidRegex;
  return ConfigErrorKind::kInvalid;
}

}  // namespace leakscan
