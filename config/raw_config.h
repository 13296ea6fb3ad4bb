// RawConfig: a config file decoded into typed fields but not yet
// translated: patterns are still text, nothing is validated and [extend] is
// not applied. Built by config_decode.h, consumed by translate.h. Field
// names follow the config keys.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace leakscan {

struct RawAllowlist {
  std::string description;
  std::string condition;
  std::vector<std::string> commits;
  std::vector<std::string> paths;
  std::string regex_target;
  std::vector<std::string> regexes;
  std::vector<std::string> stopwords;
  std::vector<std::string> target_rules;  // Honoured for global allowlists only.
};

struct RawRequired {
  std::string id;
  std::optional<int> within_lines;
  std::optional<int> within_columns;
};

struct RawExample {
  std::string text;
  std::string secret;
};

struct RawRule {
  std::string id;
  std::string description;
  std::string path;
  std::string regex;
  int secret_group = 0;
  double entropy = 0;
  std::vector<std::string> keywords;
  std::vector<std::string> tags;
  bool skip_report = false;
  std::optional<RawAllowlist> allowlist;  // Deprecated [rules.allowlist] table.
  std::vector<RawAllowlist> allowlists;
  std::vector<RawRequired> required;
  std::vector<RawExample> examples;
  std::vector<std::string> negative_examples;
};

struct RawExtend {
  std::string path;
  std::string url;  // Accepted and ignored, as in Gitleaks.
  bool use_default = false;
  std::vector<std::string> disabled_rules;
};

struct RawConfig {
  std::string title;
  std::string description;
  std::string min_version;
  RawExtend extend;
  std::vector<RawRule> rules;
  std::optional<RawAllowlist> allowlist;  // Deprecated [allowlist] table.
  std::vector<RawAllowlist> allowlists;
};

}  // namespace leakscan
