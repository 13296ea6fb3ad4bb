#include "config/extend.h"

#include <algorithm>
#include <set>

#include "config/config_source.h"
#include "config/translate.h"
#include "util/log.h"

namespace leakscan {
namespace {

void MergeRule(Rule extending, Rule* base) {
  if (!extending.description.empty()) base->description = std::move(extending.description);
  if (extending.entropy != 0) base->entropy = extending.entropy;
  if (extending.secret_group != 0) base->secret_group = extending.secret_group;
  if (extending.regex) {
    base->regex = std::move(extending.regex);
    base->compiled_regex = std::move(extending.compiled_regex);
  }
  if (extending.path) {
    base->path = std::move(extending.path);
    base->compiled_path = std::move(extending.compiled_path);
  }
  base->tags.insert(base->tags.end(), extending.tags.begin(), extending.tags.end());
  base->keywords.insert(base->keywords.end(), extending.keywords.begin(), extending.keywords.end());
  for (Allowlist& allowlist : extending.allowlists) {
    base->allowlists.push_back(std::move(allowlist));
  }
}

Result<Config> LoadBase(const RawExtend& extend, int depth, const LoadContext& context) {
  if (extend.use_default) {
    Result<ConfigNode> root = ReadDefaultConfig(context);
    Result<Config> base = root ? BuildConfig(*root, depth, "default", context)
                               : Result<Config>(std::unexpected(root.error()));
    if (!base) {
      return MakeError("failed to load extended default config, err: " + base.error().message);
    }
    log::Debug("extending config with default config");
    return base;
  }
  Result<ConfigNode> root = ReadConfigFile(extend.path);
  Result<Config> base = root ? BuildConfig(*root, depth, extend.path, context)
                             : Result<Config>(std::unexpected(root.error()));
  if (!base) return MakeError("failed to load extended config, err: " + base.error().message);
  log::Debug("extending config with " + extend.path);
  return base;
}

}  // namespace

Status ApplyExtend(const RawExtend& extend, int depth, const LoadContext& context, Config* config) {
  if (!extend.path.empty() && extend.use_default) {
    return MakeError("unable to load config due to extend.path and extend.useDefault being set");
  }
  if (!extend.use_default && extend.path.empty()) return Ok();
  Result<Config> base = LoadBase(extend, depth + 1, context);
  if (!base) return std::unexpected(base.error());
  MergeExtendedConfig(extend, std::move(*base), config);
  return Ok();
}

void MergeExtendedConfig(const RawExtend& extend, Config base, Config* config) {
  const std::string config_name = extend.path.empty() ? "default" : extend.path;
  const std::set<std::string> disabled(extend.disabled_rules.begin(), extend.disabled_rules.end());
  for (const std::string& id : extend.disabled_rules) {
    if (!base.rules.contains(id)) {
      log::Warn("Disabled rule doesn't exist in extended config.",
                {{"rule-id", id}, {"config", config_name}});
    }
  }

  for (auto& [id, base_rule] : base.rules) {
    if (disabled.contains(id)) {
      log::Debug("Ignoring rule from extended config.", {{"rule-id", id}, {"config", config_name}});
      continue;
    }
    auto existing = config->rules.find(id);
    if (existing == config->rules.end()) {
      config->keywords.insert(base_rule.keywords.begin(), base_rule.keywords.end());
      config->rule_order.push_back(id);
      config->rules.emplace(id, std::move(base_rule));
      continue;
    }
    MergeRule(std::move(existing->second), &base_rule);
    config->keywords.insert(base_rule.keywords.begin(), base_rule.keywords.end());
    existing->second = std::move(base_rule);
  }

  for (Allowlist& allowlist : base.allowlists) config->allowlists.push_back(std::move(allowlist));
  std::sort(config->rule_order.begin(), config->rule_order.end());
}

}  // namespace leakscan
