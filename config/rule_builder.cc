#include "config/rule_builder.h"

#include <re2/re2.h>

#include "config/allowlist.h"
#include "config/regex_compile.h"
#include "config/text_case.h"

namespace leakscan {
namespace {

std::string RuleName(const std::string& id) {
  return TrimAsciiSpace(id).empty() ? "rule with no id" : "rule " + id;
}

// Compiles an optional rule pattern; `label` names it in the error.
Status CompilePattern(const std::string& pattern, const std::string& id, std::string_view label,
                      std::optional<std::string>* source,
                      std::shared_ptr<const re2::RE2>* compiled) {
  if (pattern.empty()) return Ok();
  Result<std::shared_ptr<const re2::RE2>> regex = CompileRegex(pattern);
  if (!regex) {
    return MakeError(RuleName(id) + ": " + std::string(label) + regex.error().message);
  }
  *source = pattern;
  *compiled = std::move(*regex);
  return Ok();
}

Status BuildRuleAllowlists(const RawRule& raw, Rule* rule) {
  std::vector<RawAllowlist> allowlists = raw.allowlists;
  if (raw.allowlist) {
    if (!allowlists.empty()) {
      return MakeError(raw.id +
                       ": [rules.allowlist] is deprecated, it cannot be used alongside "
                       "[[rules.allowlist]]");
    }
    allowlists.push_back(*raw.allowlist);
  }
  for (const RawAllowlist& entry : allowlists) {
    Result<Allowlist> allowlist = BuildAllowlist(entry);
    if (!allowlist) {
      return MakeError(raw.id + ": [[rules.allowlists]] " + allowlist.error().message);
    }
    allowlist->target_rules.clear();
    rule->allowlists.push_back(std::move(*allowlist));
  }
  return Ok();
}

Status BuildRequired(const RawRule& raw, Rule* rule) {
  for (const RawRequired& entry : raw.required) {
    if (entry.id.empty()) return MakeError(raw.id + ": [[rules.required]] rule ID is empty");
    rule->required.push_back({entry.id, entry.within_lines, entry.within_columns});
  }
  return Ok();
}

}  // namespace

Result<Rule> BuildRule(const RawRule& raw) {
  Rule rule;
  rule.id = raw.id;
  rule.description = raw.description;
  rule.secret_group = raw.secret_group;
  rule.entropy = raw.entropy;
  rule.tags = raw.tags;
  rule.skip_report = raw.skip_report;
  for (const std::string& keyword : raw.keywords) rule.keywords.push_back(ToLowerUnicode(keyword));
  for (const RawExample& example : raw.examples) {
    rule.examples.push_back({example.text, example.secret});
  }
  rule.negative_examples = raw.negative_examples;

  Status status = CompilePattern(raw.path, raw.id, "path: ", &rule.path, &rule.compiled_path);
  if (status) status = CompilePattern(raw.regex, raw.id, "", &rule.regex, &rule.compiled_regex);
  if (status) status = BuildRuleAllowlists(raw, &rule);
  if (status) status = BuildRequired(raw, &rule);
  if (!status) return std::unexpected(status.error());
  return rule;
}

Status ValidateRule(const Rule& rule) {
  if (TrimAsciiSpace(rule.id).empty()) {
    std::string message = "rule |id| is missing or empty";
    if (!rule.description.empty()) message += ", description: " + rule.description;
    if (rule.regex) message += ", regex: " + *rule.regex;
    if (rule.path) message += ", path: " + *rule.path;
    return MakeError(message);
  }
  if (!rule.regex && !rule.path) {
    return MakeError(rule.id +
                     ": both |regex| and |path| are empty, this rule will have no effect");
  }
  if (rule.compiled_regex != nullptr) {
    int groups = rule.compiled_regex->NumberOfCapturingGroups();
    if (rule.secret_group > groups) {
      return MakeError(rule.id + ": invalid regex secret group " +
                       std::to_string(rule.secret_group) + ", max regex secret group " +
                       std::to_string(groups));
    }
  }
  return Ok();
}

}  // namespace leakscan
