// Diff to fragments: turns one libgit2 diff (a commit against a parent,
// the index against HEAD, or the work tree against the index) into the
// fragments Gitleaks builds from `git log -p -U0` / `git diff -U0`
// output: one fragment per hunk holding the hunk's added lines, under the
// new path, starting at the hunk's new start line. Deleted files give
// nothing. Binary files give nothing unless their name looks like an
// archive, in which case the blob goes to ScanBlob.
// Used by the git source workers and covered by
// tests/sources/git_differential_test.cc.
#pragma once

#include <git2.h>

#include <cstdint>
#include <memory>
#include <string>

#include "config/config.h"
#include "scanner/fragment.h"
#include "sources/git_log_options.h"
#include "sources/source.h"

namespace leakscan::git {

// Source of an archive's bytes when its diff is binary.
enum class ArchiveBlob {
  kNewSide,  // The new blob of the delta (history and --staged scans).
  kIndex,    // The index entry of the new path (--pre-commit, as Gitleaks).
};

struct DiffScanSettings {
  DiffFilter filter;  // Change classes to keep (--diff-filter).
  ArchiveBlob archive_blob = ArchiveBlob::kNewSide;
  git_index* index = nullptr;  // Needed for ArchiveBlob::kIndex.
  SourceOptions source;
  const Config* config = nullptr;
};

// The position of a commit's fragments in the scan order, and how many
// were handed over.
struct FragmentCursor {
  std::shared_ptr<const CommitInfo> commit;
  uint64_t order_major = 0;
  uint64_t next_minor = 0;
  uint64_t emitted = 0;
};

// Hands the fragments of every delta of `diff` to `handler`, in delta
// order. `buffer` is reused between hunks to avoid per-hunk allocations.
// Unreadable blobs are logged and skipped. Cancellation stops the loop
// between deltas.
void EmitDiffFragments(git_repository* repo, git_diff* diff, const DiffScanSettings& settings,
                       FragmentCursor* cursor, const FragmentHandler& handler, std::string* buffer);

// Returns the libgit2 flags shared by every diff of a scan: zero context,
// git's default indent heuristic and diff.algorithm from the config.
uint32_t BaseDiffFlags(git_repository* repo);

}  // namespace leakscan::git
