// Fragment: a piece of text handed from a source (git hunk, file chunk,
// stdin chunk, archive member) to the Detector, with where it came from.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace leakscan {

// Commit metadata copied into every finding of a git history scan.
struct CommitInfo {
  std::string sha;      // Full lower-case hex id.
  std::string author;   // Author name.
  std::string email;    // Author email.
  std::string date;     // Author date, UTC, "2006-01-02T15:04:05Z".
  std::string message;  // Normalised message (title, blank line, body).
};

struct Fragment {
  // The text to scan. Owned by the source and valid only while the
  // fragment is being handled.
  std::string_view raw;
  std::string file_path;     // "/"-separated; empty for stdin.
  std::string windows_path;  // Same path with "\" separators, or empty.
  std::string symlink_file;  // The link path when reached via a symlink.
  // Number added to 0-based line indices: the hunk's new-file start in git
  // mode, 1 + preceding newlines in dir mode, 0 for library-level scans.
  int start_line = 0;
  // Commit of a history scan; null for dir and stdin. Diff scans
  // (--staged, --pre-commit) carry an empty sha and the zero date
  // "0001-01-01T00:00:00Z", as Gitleaks reports them.
  std::shared_ptr<const CommitInfo> commit;
  // Position of this fragment in the source's deterministic order, used to
  // sort findings so output does not depend on the thread count.
  uint64_t order_major = 0;
  uint64_t order_minor = 0;
};

}  // namespace leakscan
