#include "config/translate.h"

#include <utility>
#include <vector>

#include "config/allowlist.h"
#include "config/config_decode.h"
#include "config/extend.h"
#include "config/min_version.h"
#include "config/rule_builder.h"

namespace leakscan {
namespace {

// A global allowlist with targetRules, waiting to be attached to a rule.
using TargetedAllowlist = std::pair<std::string, Allowlist>;

Status AddRules(const RawConfig& raw, Config* config) {
  for (const RawRule& entry : raw.rules) {
    Result<Rule> rule = BuildRule(entry);
    if (!rule) return std::unexpected(rule.error());
    config->keywords.insert(rule->keywords.begin(), rule->keywords.end());
    // A repeated id replaces the earlier rule but stays twice in the order.
    config->rule_order.push_back(rule->id);
    config->rules[rule->id] = std::move(*rule);
  }
  return Ok();
}

// Required rules must be defined in the same file, before any [extend].
Status CheckRequiredRules(const Config& config) {
  for (const auto& [id, rule] : config.rules) {
    for (const RequiredRule& required : rule.required) {
      if (!config.rules.contains(required.id)) {
        return MakeError(id + ": [[rules.required]] rule ID '" + required.id + "' does not exist");
      }
    }
  }
  return Ok();
}

Status AddGlobalAllowlists(const RawConfig& raw, Config* config,
                           std::vector<TargetedAllowlist>* targeted) {
  std::vector<RawAllowlist> entries = raw.allowlists;
  if (raw.allowlist) {
    if (!entries.empty()) {
      return MakeError("[allowlist] is deprecated, it cannot be used alongside [[allowlists]]");
    }
    entries.push_back(*raw.allowlist);
  }
  for (const RawAllowlist& entry : entries) {
    Result<Allowlist> allowlist = BuildAllowlist(entry);
    if (!allowlist) return MakeError("[[allowlists]] " + allowlist.error().message);
    if (allowlist->target_rules.empty()) {
      config->allowlists.push_back(std::move(*allowlist));
      continue;
    }
    for (const std::string& rule_id : allowlist->target_rules) {
      targeted->emplace_back(rule_id, *allowlist);
    }
  }
  return Ok();
}

// Rules are checked in id order, so with several invalid rules the error
// is always the same one (Gitleaks' order is random).
Status ValidateRules(const Config& config) {
  for (const auto& [id, rule] : config.rules) {
    if (Status valid = ValidateRule(rule); !valid) return valid;
  }
  return Ok();
}

Status AttachTargetedAllowlists(std::vector<TargetedAllowlist> targeted, Config* config) {
  for (auto& [rule_id, allowlist] : targeted) {
    auto rule = config->rules.find(rule_id);
    if (rule == config->rules.end()) {
      return MakeError("[[allowlists]] target rule ID '" + rule_id + "' does not exist");
    }
    rule->second.allowlists.push_back(std::move(allowlist));
  }
  return Ok();
}

}  // namespace

Result<Config> TranslateConfig(const RawConfig& raw, int depth, std::string_view config_path,
                               const LoadContext& context) {
  if (Status version = CheckMinVersion(raw.min_version, config_path); !version) {
    return std::unexpected(version.error());
  }
  Config config;
  config.title = raw.title;
  config.description = raw.description;
  config.min_version = raw.min_version;
  std::vector<TargetedAllowlist> targeted;

  Status status = AddRules(raw, &config);
  if (status) status = CheckRequiredRules(config);
  if (status) status = AddGlobalAllowlists(raw, &config, &targeted);
  if (status && depth < kMaxExtendDepth) status = ApplyExtend(raw.extend, depth, context, &config);
  if (!status) return std::unexpected(status.error());

  // Inherited configs are validated as part of the merged result, and their
  // targetRules allowlists are dropped, as in Gitleaks.
  if (depth == 0) {
    status = ValidateRules(config);
    if (status) status = AttachTargetedAllowlists(std::move(targeted), &config);
    if (!status) return std::unexpected(status.error());
  }
  return config;
}

Result<Config> BuildConfig(const ConfigNode& root, int depth, std::string_view config_path,
                           const LoadContext& context) {
  Result<RawConfig> raw = DecodeConfig(root);
  if (!raw) return std::unexpected(raw.error());
  return TranslateConfig(*raw, depth, config_path, context);
}

}  // namespace leakscan
