// Helpers for the detection engine tests: rules, allowlists and configs
// built by hand, with patterns compiled and joined by the config module.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/regex_compile.h"
#include "scanner/detector.h"
#include "scanner/fragment.h"

namespace leakscan::testing {

inline std::shared_ptr<const re2::RE2> CompilePattern(const std::string& pattern) {
  auto regex = CompileRegex(pattern);
  if (!regex) throw std::runtime_error(regex.error().message);
  return *regex;
}

inline Rule MakeRule(const std::string& id, const std::string& regex,
                     std::vector<std::string> keywords = {}) {
  Rule rule;
  rule.id = id;
  rule.description = "Rule " + id;
  if (!regex.empty()) {
    rule.regex = regex;
    rule.compiled_regex = CompilePattern(regex);
  }
  rule.keywords = std::move(keywords);
  return rule;
}

inline void SetRulePath(Rule& rule, const std::string& path) {
  rule.path = path;
  rule.compiled_path = CompilePattern(path);
}

// Compiles the joined path and regex patterns of `allowlist`.
inline Allowlist CompileAllowlist(Allowlist allowlist) {
  if (!allowlist.paths.empty()) allowlist.path_regex = CompilePattern(JoinRegexOr(allowlist.paths));
  if (!allowlist.regexes.empty()) {
    allowlist.regex_regex = CompilePattern(JoinRegexOr(allowlist.regexes));
  }
  return allowlist;
}

inline std::shared_ptr<Config> MakeConfig(std::vector<Rule> rules,
                                          std::vector<Allowlist> allowlists = {}) {
  auto config = std::make_shared<Config>();
  for (Rule& rule : rules) {
    config->rule_order.push_back(rule.id);
    for (const std::string& keyword : rule.keywords) config->keywords.insert(keyword);
    std::string id = rule.id;
    config->rules[id] = std::move(rule);
  }
  config->allowlists = std::move(allowlists);
  return config;
}

inline std::unique_ptr<Detector> MakeDetector(std::shared_ptr<const Config> config,
                                              DetectorOptions options = {}) {
  auto detector = Detector::Create(std::move(config), std::move(options));
  if (!detector) throw std::runtime_error(detector.error().message);
  return std::move(*detector);
}

inline Fragment MakeFragment(std::string_view raw, std::string path = "", std::string commit = "") {
  Fragment fragment;
  fragment.raw = raw;
  fragment.file_path = std::move(path);
  if (!commit.empty()) {
    auto info = std::make_shared<CommitInfo>();
    info->sha = std::move(commit);
    fragment.commit = std::move(info);
  }
  return fragment;
}

}  // namespace leakscan::testing
