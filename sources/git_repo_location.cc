#include "sources/git_repo_location.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace leakscan::git {
namespace fs = std::filesystem;

Result<RepoLocation> OpenRepository(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    return MakeError("failed to read repository path " + path + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(info.st_mode)) {
    return MakeError("failed to read repository path " + path + ": not a directory");
  }

  git_repository* repo = nullptr;
  int status = git_repository_open_ext(&repo, path.c_str(), 0, nullptr);
  std::error_code exists_error;
  if (status == GIT_EOWNER ||
      (status == GIT_ENOTFOUND && fs::exists(fs::path(path) / ".git", exists_error))) {
    // libgit2 refuses repositories owned by another user, like git does.
    return MakeError("repository " + path +
                     " is owned by another user; trust it with: git config --global --add "
                     "safe.directory " +
                     path);
  }
  if (status == GIT_ENOTFOUND) {
    return MakeError("not a git repository (or any of the parent directories): " + path);
  }
  if (status != 0)
    return MakeError("failed to open git repository " + path + ": " + LastErrorText());

  RepoLocation location;
  location.repo.reset(repo);
  location.git_dir = git_repository_path(repo);
  location.bare = git_repository_is_bare(repo) != 0;
  const char* workdir = git_repository_workdir(repo);
  if (workdir != nullptr) {
    std::error_code error;
    fs::path root = fs::canonical(workdir, error);
    fs::path folder = fs::canonical(path, error);
    fs::path relative = folder.lexically_relative(root);
    std::string text = relative.generic_string();
    if (!error && !text.empty() && text != "." && text.rfind("..", 0) != 0) {
      location.folder_prefix = text;
    }
  }
  return location;
}

std::string RootRelativePath(const std::string& prefix, const std::string& path) {
  fs::path joined = prefix.empty() ? fs::path(path) : fs::path(prefix) / path;
  std::string normal = joined.lexically_normal().generic_string();
  while (!normal.empty() && normal.back() == '/') normal.pop_back();
  return normal == "." ? "" : normal;
}

}  // namespace leakscan::git
