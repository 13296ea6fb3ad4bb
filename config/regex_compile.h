// Regex compilation for config patterns (rule regex and path, allowlist
// paths and regexes). Every pattern is compiled as written with RE2, the
// engine of the official Gitleaks binaries: UTF-8, Perl classes, no
// rewriting. Used by rule_builder.cc and allowlist.cc.
// Covered by tests/config/allowlist_test.cc and rule_builder_test.cc.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "util/error.h"

namespace re2 {
class RE2;
}

namespace leakscan {

// Memory budget of one compiled pattern. Generous because rule patterns
// such as "[A-Za-z0-9]{50,1000}" exceed RE2's 8 MiB default.
inline constexpr int64_t kRegexMaxMemory = int64_t{64} << 20;

// Compiles `pattern`, or returns "invalid regex `<pattern>`: <RE2 reason>"
// (newlines in the pattern are shown as \n so the message stays one line).
[[nodiscard]] Result<std::shared_ptr<const re2::RE2>> CompileRegex(const std::string& pattern);

// Joins patterns into "(?:p1|p2|...)" exactly as Gitleaks does. The join is
// literal, so an inline flag such as "(?i)" at the top level of one pattern
// stays active for the patterns after it.
std::string JoinRegexOr(const std::vector<std::string>& patterns);

}  // namespace leakscan
