// Opening the repository a scan path belongs to, the way `git -C PATH`
// finds it (the path itself or any parent folder), and the scanned
// folder's position inside the work tree. Used by ScanGit and RemoteUrl.
// Covered by tests/sources/git_source_test.cc.
#pragma once

#include <string>

#include "sources/git_handle.h"
#include "util/error.h"

namespace leakscan::git {

struct RepoLocation {
  RepositoryPtr repo;
  std::string git_dir;  // For opening more handles (one per worker thread).
  // The scanned folder relative to the work tree root, "/"-separated, ""
  // for the root (and for bare repositories).
  std::string folder_prefix;
  bool bare = false;
};

// Opens the repository containing `path`. Fails with one line naming the
// path when it cannot be read, is not a folder, or no repository is found.
[[nodiscard]] Result<RepoLocation> OpenRepository(const std::string& path);

// Joins `prefix` and a path relative to the scanned folder into a
// repository-root relative path, resolving "." and ".." lexically. Returns
// "" for the root itself.
std::string RootRelativePath(const std::string& prefix, const std::string& path);

}  // namespace leakscan::git
