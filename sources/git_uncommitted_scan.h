// Uncommitted changes: the staged diff (index against HEAD, or against the
// empty tree before the first commit) for --staged, or the unstaged diff
// (work tree against the index) for --pre-commit, limited to the scanned
// folder like the "." pathspec Gitleaks passes to git diff. Fragments
// carry an empty commit with the zero date. Used by ScanGit and covered by
// tests/sources/git_differential_test.cc and the staged conformance group.
#pragma once

#include "sources/git_repo_location.h"
#include "sources/git_source.h"
#include "util/error.h"

namespace leakscan::git {

[[nodiscard]] Status ScanUncommitted(RepoLocation& location, const GitScanOptions& options,
                                     const FragmentHandler& handler);

}  // namespace leakscan::git
