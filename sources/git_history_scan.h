// History scan: one walker thread lists commits in git log order
// (RevisionWalk) and hands them through a bounded queue to worker threads,
// each with its own libgit2 repository handle, which diff every commit
// against its parents and emit the fragments. Used by ScanGit and covered by
// tests/sources/git_differential_test.cc and git_source_test.cc.
#pragma once

#include <cstdint>

#include "sources/git_log_options.h"
#include "sources/git_repo_location.h"
#include "sources/git_rev_walk.h"
#include "sources/git_source.h"
#include "util/error.h"

namespace leakscan::git {

// Scans the history selected by `query` and `walk_input` and returns how
// many commits produced at least one fragment.
[[nodiscard]] Result<uint64_t> ScanHistory(RepoLocation& location, const LogQuery& query,
                                           WalkInput walk_input, const GitScanOptions& options,
                                           const FragmentHandler& handler);

}  // namespace leakscan::git
