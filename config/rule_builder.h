// Rule building and validation. BuildRule turns one decoded [[rules]] entry
// into a Rule while its config file is translated (translate.h);
// ValidateRule checks the final rule once [extend] merging is done.
// Covered by tests/config/rule_builder_test.cc and config_conformance_test.cc.
#pragma once

#include "config/config.h"
#include "config/raw_config.h"
#include "util/error.h"

namespace leakscan {

// Compiles `path` then `regex` (an empty string means unset), lower-cases
// keywords, and builds the rule's allowlists and required entries. Errors:
// "rule <id>: path: invalid regex `...`: <reason>" (or without "path: " for
// the regex), "<id>: [rules.allowlist] is deprecated, it cannot be used
// alongside [[rules.allowlist]]", "<id>: [[rules.allowlists]] <allowlist
// error>", "<id>: [[rules.required]] rule ID is empty".
[[nodiscard]] Result<Rule> BuildRule(const RawRule& raw);

// Rejects a blank id ("rule |id| is missing or empty" followed by whichever
// of ", description: ...", ", regex: ...", ", path: ..." are set), a rule
// with neither regex nor path, and a secretGroup above the regex's number
// of capture groups.
[[nodiscard]] Status ValidateRule(const Rule& rule);

}  // namespace leakscan
