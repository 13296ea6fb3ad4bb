// `leakscan rules`: lists the rules of the active config (the built-in
// pack unless --config is given) as a table, or prints them as a Gitleaks
// TOML config with --format toml. Covered by tests/cli/rules_command_test.cc.
#pragma once

#include <string>

#include "cli/options.h"
#include "config/config.h"

namespace leakscan {

int RunRulesCommand(const Invocation& invocation);

// Renders a config as Gitleaks TOML (rules, allowlists, required rules).
std::string ConfigToToml(const Config& config);

// Renders "id  description  keywords" lines, one per rule in id order.
std::string RulesTable(const Config& config);

}  // namespace leakscan
