// ScanBlob: scans bytes that form a whole file (a git blob of an archive,
// an archive member, a decompressed stream) the way dir mode reads a file:
// archive check by name, binary sniffing, chunking at safe boundaries.
// Used by the git source for archives in history and by archive
// extraction for nested members.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "config/config.h"
#include "scanner/fragment.h"
#include "sources/source.h"

namespace leakscan {

struct BlobContext {
  std::string path;  // Reported path, "outer!inner" inside archives.
  std::string symlink_file;
  std::shared_ptr<const CommitInfo> commit;
  int archive_depth = 0;  // Depth of this blob; the top-level file is 0.
  uint64_t order_major = 0;
  const Config* config = nullptr;  // Global allowlist paths for members.
};

void ScanBlob(std::string_view bytes, const BlobContext& context, const SourceOptions& options,
              const FragmentHandler& handler);

}  // namespace leakscan
