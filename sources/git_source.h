// The git source: scans a repository's history (what Gitleaks reads from
// `git log -p -U0 --full-history --all --diff-filter=tuxdb`, or from
// `git log -p -U0 <--log-opts>`) or its uncommitted changes (`git diff
// -U0 --staged .` / `git diff -U0 .`) through libgit2, without running
// git. Each diff hunk becomes one fragment holding its added lines, and
// archives in history go to ScanBlob. Pipeline position: source -> Detector ->
// FindingSink. Covered by tests/sources/git_source_test.cc,
// tests/sources/git_differential_test.cc (against the git CLI) and
// tests/sources/git_conformance_test.cc.
#pragma once

#include <cstdint>
#include <string>

#include "config/config.h"
#include "sources/source.h"
#include "util/error.h"

namespace leakscan {

struct GitScanOptions {
  std::string repo_path = ".";
  // --log-opts, split on single spaces like Gitleaks. Empty means the
  // default history scan. Ignored with `staged` or `pre_commit`.
  std::string log_opts;
  bool staged = false;             // Index against HEAD.
  bool pre_commit = false;         // Work tree against the index (unless `staged`).
  SourceOptions source;            // Threads, archive depth, size limit, cancellation.
  const Config* config = nullptr;  // Passed to ScanBlob for archives in history.
};

struct GitScanStats {
  uint64_t commits = 0;  // Distinct commits that produced at least one fragment.
};

// Scans the repository containing `repo_path` and hands every fragment to
// `handler` (from several threads when `source.threads` > 1; each
// fragment carries order_major = the commit's position in git log order
// and order_minor = its position within the commit). Fails with one line
// naming the object when the path is unreadable or not in a repository, a
// revision is unknown ("bad revision 'X' in PATH"), a log option is not
// supported ("unsupported log option: X"), or the scan was cancelled
// ("context canceled"). Missing or corrupt objects inside the history are
// logged with their id and skipped.
[[nodiscard]] Result<GitScanStats> ScanGit(const GitScanOptions& options,
                                           const FragmentHandler& handler);

}  // namespace leakscan
