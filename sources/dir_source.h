// ScanDirectory: dir mode (`leakscan dir PATH`). Walks a directory or
// reads a single file (WalkDirectory), and reads the walked files on
// `threads` worker threads (ScanFile: archives, binary sniffing, chunking).
// Fragments carry order_major = the file's position in walk order and
// order_minor = the chunk's position within the file, so sorted findings
// do not depend on the thread count.
// Pipeline position: dir source -> Detector -> FindingSink -> reports.
// Covered by tests/sources/dir_source_test.cc and the dir and archives
// conformance groups.
#pragma once

#include <string>

#include "config/config.h"
#include "sources/archive_budget.h"
#include "sources/source.h"
#include "util/error.h"

namespace leakscan {

struct DirScanOptions {
  std::string path = ".";
  bool follow_symlinks = false;
  SourceOptions source;
  const Config* config = nullptr;  // Global allowlist paths; may be null.
  ArchiveLimits archive_limits;
};

// Scans every file below `options.path`, calling `handler` from worker
// threads. Unreadable entries are logged and skipped, and a missing path
// is logged but not an error. Returns "context canceled" when
// options.source.cancelled was set before or during the scan.
[[nodiscard]] Status ScanDirectory(const DirScanOptions& options, const FragmentHandler& handler);

}  // namespace leakscan
