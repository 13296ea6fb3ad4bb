// minVersion check: each config file may name the oldest Gitleaks version
// it works with. leakscan compares it with the Gitleaks version it is
// compatible with and warns when the config requires a newer one. Called
// by translate.cc for every config file, inherited ones included.
// Covered by tests/config/min_version_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/error.h"

namespace leakscan {

// The Gitleaks release whose behaviour leakscan reproduces.
inline constexpr std::string_view kGitleaksCompatibleVersion = "8.30.0";

struct SemanticVersion {
  uint64_t major = 0;
  uint64_t minor = 0;
  uint64_t patch = 0;
  std::string prerelease;  // Without the leading '-'; empty for a release.
};

// Parses "1", "1.2", "1.2.3", each with an optional leading "v", optional
// "-prerelease" and ignored "+build" parts (the lenient form Gitleaks'
// semver library accepts). Error: "Invalid Semantic Version".
[[nodiscard]] Result<SemanticVersion> ParseSemanticVersion(std::string_view text);

// Returns <0, 0 or >0 by semantic version precedence (build data ignored).
int CompareVersions(const SemanticVersion& a, const SemanticVersion& b);

// Checks `min_version` of the config at `config_path` (used in messages
// only): empty logs a debug line, unparseable returns
// "invalid minVersion '<value>': <reason>", newer than
// kGitleaksCompatibleVersion logs the warning "config requires a newer
// Gitleaks version..." with fields required, current and "config path".
[[nodiscard]] Status CheckMinVersion(std::string_view min_version, std::string_view config_path);

}  // namespace leakscan
