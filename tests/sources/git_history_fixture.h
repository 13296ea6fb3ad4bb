// A generated repository with the cases the git source must reproduce.
// It has adds, edits with several hunks, deletion-only hunks, files without a
// final newline, CRLF, non-ASCII, tab and space paths, binary and
// archive-named files, renames with edits, pure renames, deletions, mode
// and type changes, a submodule pointer, symlinks, a merge with an edit of
// its own, a branch with a skewed committer date, equal commit dates,
// annotated and lightweight tags, a commit reachable only from a tag, a
// remote-tracking ref, a stash, a notes ref, an empty commit, a mailmap
// and commit messages with tabs, indentation and blank runs.
#pragma once

#include <memory>
#include <string>

#include "tests/sources/git_test_repo.h"

namespace leakscan::testing {

// Base commit time of the fixture (2023-11-14T22:13:20Z).
constexpr int64_t kFixtureTime = 1700000000;

// Builds the repository. Commit ids are the same on every run because
// contents, identities and dates are fixed.
std::unique_ptr<TestRepo> BuildHistoryFixture();

}  // namespace leakscan::testing
