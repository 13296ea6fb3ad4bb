// The test oracle for the git source. It parses the text output of
// `git log -p -U0 ...` and `git diff -U0 ...` into the fragments Gitleaks
// builds from it: one per hunk of a non-deleted, non-binary file, with the
// added lines, the new path and the hunk's new start line. Commit metadata
// comes from the medium-format header.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tests/sources/git_test_repo.h"

namespace leakscan::testing {

struct OracleOutput {
  std::vector<std::string> commits;          // Every "commit" header, in output order.
  std::vector<CollectedFragment> fragments;  // In output order, order fields unset.
  std::vector<std::string> binary_paths;     // New paths of binary files.
};

OracleOutput ParseGitPatchOutput(std::string_view output);

// Compares fragment sequences (path, start line, text, commit metadata)
// and reports the first difference with both sides.
void ExpectSameFragments(const std::vector<CollectedFragment>& expected,
                         const std::vector<CollectedFragment>& actual, const std::string& label);

// Unquotes a path git printed in C style ("\"a\\303\\251\"").
std::string UnquoteGitPath(std::string_view path);

}  // namespace leakscan::testing
