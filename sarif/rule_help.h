// Rule texts for the enriched SARIF style: GitHub code scanning requires a
// non-empty shortDescription, a fullDescription and a help object for
// every rule, while Gitleaks rules carry only an optional one-line
// description.
// Covered by tests/sarif/sarif_writer_test.cc.
#pragma once

#include <string>

#include "sarif/sarif_writer.h"

namespace leakscan {

// Returns the rule's description, or a generic sentence naming the rule id
// when the description is empty.
std::string RuleSummary(const SarifRule& rule);

// Returns what to do about a finding of this rule, as plain text and as
// GitHub Markdown.
std::string RuleHelpText(const SarifRule& rule);
std::string RuleHelpMarkdown(const SarifRule& rule);

}  // namespace leakscan
