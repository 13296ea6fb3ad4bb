// Lexical path helpers with the results of Go's path/filepath on Unix,
// because Gitleaks prints and compares config paths in that form (e.g. the
// remembered path "SOURCE/.gitleaks.toml") and reports walked paths.
// Covered by tests/config/path_clean_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Returns the shortest equivalent of `path`: repeated slashes collapsed,
// "." elements removed, "dir/.." pairs removed, ".." at the root dropped;
// "" becomes ".".
std::string CleanPath(std::string_view path);

// Joins `dir` and `name` with "/" and cleans the result. Empty parts are
// skipped; two empty parts give "".
std::string JoinPath(std::string_view dir, std::string_view name);

}  // namespace leakscan
