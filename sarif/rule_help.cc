#include "sarif/rule_help.h"

namespace leakscan {
namespace {

constexpr char kRemediation[] =
    "If this is a real credential, revoke or rotate it where it was issued, then remove it from "
    "the code and, if it was committed, from the git history.";
constexpr char kFalsePositive[] =
    "If it is not a secret, add the finding's fingerprint to .gitleaksignore or add an allowlist "
    "to the rule.";

}  // namespace

std::string RuleSummary(const SarifRule& rule) {
  if (!rule.description.empty()) return rule.description;
  return "Possible secret matched by rule " + rule.id + ".";
}

std::string RuleHelpText(const SarifRule& rule) {
  return RuleSummary(rule) + "\n\nRule " + rule.id + " matched text that looks like a secret. " +
         kRemediation + " " + kFalsePositive;
}

std::string RuleHelpMarkdown(const SarifRule& rule) {
  return "**" + RuleSummary(rule) + "**\n\nRule `" + rule.id +
         "` matched text that looks like a secret.\n\n- " + kRemediation + "\n- " + kFalsePositive;
}

}  // namespace leakscan
