// Allowlist building and checks. The loader builds every rule and global
// allowlist here (BuildAllowlist). The Detector calls the checks below to
// decide whether a fragment or finding is allowed; combining them (OR/AND,
// regex target) is the Detector's job, and each function runs one check.
// Covered by tests/config/allowlist_test.cc and the `allowlist` and
// `default_allowlist` conformance groups (config_conformance_test.cc).
#pragma once

#include <string_view>

#include "config/config.h"
#include "config/raw_config.h"
#include "util/error.h"

namespace leakscan {

// Builds an allowlist from decoded keys: resolves `condition` (OR, ||, AND,
// &&, empty = OR; any case) and `regexTarget` (secret, match, line, empty =
// secret), compiles every pattern, then validates (ValidateAllowlist).
// Errors are Gitleaks' allowlist messages without the "[[allowlists]]"
// prefix the caller adds, e.g. "unknown allowlist |condition| 'xor'
// (expected 'and', 'or')"; an invalid pattern gives
// "regexes: invalid regex `(`: missing ): (" (or "paths: ...").
// `target_rules` is copied as is.
[[nodiscard]] Result<Allowlist> BuildAllowlist(const RawAllowlist& raw);

// Rejects an allowlist with no commits, paths, regexes or stopwords. Then
// trims and lower-cases commits, lower-cases stopwords and removes
// duplicates of both, keeping the first occurrence. Finally compiles the
// joined `paths` and `regexes` into path_regex and regex_regex.
[[nodiscard]] Status ValidateAllowlist(Allowlist& allowlist);

// Whether `commit` equals one of the allowlist's commits, ignoring case.
// An empty commit is never allowed.
bool CommitAllowed(const Allowlist& allowlist, std::string_view commit);

// Whether the joined path pattern matches anywhere in `path`. An empty path
// is never allowed.
bool PathAllowed(const Allowlist& allowlist, std::string_view path);

// Whether the joined regex pattern matches anywhere in `target`, which is
// the secret, match or line that regex_target selects. An empty target is
// never allowed.
bool RegexAllowed(const Allowlist& allowlist, std::string_view target);

// Whether the lower-cased `secret` contains any stopword. An empty secret is
// never allowed.
bool StopwordAllowed(const Allowlist& allowlist, std::string_view secret);

}  // namespace leakscan
