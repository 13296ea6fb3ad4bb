// Config: the in-memory rule set after loading, [extend] merging and
// validation. Built by config/loader.h from TOML or YAML; read by the
// Detector, report writers (rule order, descriptions) and the CLI.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace leakscan {

enum class AllowlistCondition { kOr, kAnd };
enum class RegexTarget { kSecret, kMatch, kLine };

struct Allowlist {
  std::string description;
  AllowlistCondition condition = AllowlistCondition::kOr;
  std::vector<std::string> commits;  // Trimmed, lower-cased, de-duplicated.
  std::vector<std::string> paths;    // Regex sources, in file order.
  std::vector<std::string> regexes;  // Regex sources, in file order.
  RegexTarget regex_target = RegexTarget::kSecret;
  std::vector<std::string> stopwords;     // Lower-cased, de-duplicated.
  std::vector<std::string> target_rules;  // Global allowlists only.
  // The sources joined as "(?:p1|p2|...)" and compiled; null when empty.
  std::shared_ptr<const re2::RE2> path_regex;
  std::shared_ptr<const re2::RE2> regex_regex;
};

struct RequiredRule {
  std::string id;
  std::optional<int> within_lines;
  std::optional<int> within_columns;
};

// A string a built-in rule must match, and the secret it must extract.
struct RuleExample {
  std::string text;
  std::string secret;  // Empty: not checked.
};

struct Rule {
  std::string id;
  std::string description;
  std::optional<std::string> regex;  // Source; nullopt when unset or empty.
  std::optional<std::string> path;   // Source; nullopt when unset or empty.
  int secret_group = 0;
  double entropy = 0;
  std::vector<std::string> keywords;  // Lower-cased.
  std::vector<std::string> tags;
  bool skip_report = false;
  std::vector<Allowlist> allowlists;
  std::vector<RequiredRule> required;
  std::shared_ptr<const re2::RE2> compiled_regex;
  std::shared_ptr<const re2::RE2> compiled_path;
  // Rule-pack data; empty for rules loaded from Gitleaks TOML.
  std::vector<RuleExample> examples;
  std::vector<std::string> negative_examples;
};

struct Config {
  std::string title;
  std::string description;
  std::string min_version;
  std::map<std::string, Rule> rules;    // By id.
  std::vector<std::string> rule_order;  // SARIF order (see Gitleaks quirks).
  std::vector<Allowlist> allowlists;    // Global, without targetRules ones.
  std::set<std::string> keywords;       // Union of all rule keywords.
};

}  // namespace leakscan
