// WalkDirectory: the producer half of dir mode. It walks a path
// depth-first in byte-wise lexical order of entry names, as Gitleaks (Go's
// filepath.Walk) does, applies the per-entry checks (empty files, size
// limit, symlinks, global allowlist paths) and reports each file to scan.
// It never opens files; ScanDirectory's workers do.
// Covered by tests/sources/dir_walk_test.cc.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "config/config.h"
#include "util/error.h"

namespace leakscan {

struct WalkedFile {
  std::string path;          // Path to open and report: the link target for symlinks.
  std::string symlink_file;  // The link as walked, or empty.
};

struct WalkOptions {
  std::string root = ".";
  bool follow_symlinks = false;
  int max_target_megabytes = 0;  // 0 or less: no limit.
  const Config* config = nullptr;
  const std::atomic<bool>* cancelled = nullptr;
};

// Calls `visit` for every file to scan, in walk order. Entries that cannot
// be read are logged and skipped; a missing root is logged, not an error.
// Reported paths are the root as given for the root itself, and the
// root joined with the relative path and cleaned (Go's filepath.Join) for
// everything below it. Returns an error only when cancelled.
[[nodiscard]] Status WalkDirectory(const WalkOptions& options,
                                   const std::function<void(WalkedFile)>& visit);

}  // namespace leakscan
