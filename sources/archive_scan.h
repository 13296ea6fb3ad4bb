// ScanFile: reads one top-level file (a walked file or a git blob) the way
// Gitleaks' file reader does. A name that looks like an archive or a
// compressed file (LooksLikeArchive) is extracted or decompressed when
// --max-archive-depth allows it, recursively, with members reported as
// "outer!inner"; any other file, member or decompressed stream goes to
// ScanText. Extraction streams every member and is capped by an
// ArchiveBudget. Nested zip, 7z and rar members are copied to an unlinked
// temporary file first, because libarchive needs random access for them.
// Covered by tests/sources/archive_scan_test.cc and the archives
// conformance group.
#pragma once

#include <cstdint>

#include "config/config.h"
#include "scanner/fragment.h"
#include "sources/archive_budget.h"
#include "sources/archive_reader.h"
#include "sources/source.h"
#include "util/error.h"

namespace leakscan {

struct FileScanSettings {
  const SourceOptions* options = nullptr;  // Depth limit, cancellation.
  const Config* config = nullptr;          // Global allowlist paths for first-level members.
  const FragmentHandler* handler = nullptr;
  ArchiveLimits limits;
};

// Scans `input` (an fd or memory) of `size` bytes. `origin` supplies the
// reported path (file_path), symlink_file, commit and order_major of every
// fragment; fragments get order_minor 0, 1, 2, ... across all members.
// `depth` is the archive depth of the file itself (0 for a walked file).
// Unreadable files, members and archives are logged and skipped. Returns
// an error only when the scan was cancelled.
[[nodiscard]] Status ScanFile(const ArchiveInput& input, uint64_t size, Fragment origin, int depth,
                              const FileScanSettings& settings);

}  // namespace leakscan
