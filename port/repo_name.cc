#include "port/repo_name.h"

#include <git2.h>

namespace leakscan {
namespace {

// Keeps libgit2 initialised for the lifetime of the object.
class LibGit2Session {
 public:
  LibGit2Session() { git_libgit2_init(); }
  ~LibGit2Session() { git_libgit2_shutdown(); }
  LibGit2Session(const LibGit2Session&) = delete;
  LibGit2Session& operator=(const LibGit2Session&) = delete;
};

// Returns the path part of a remote URL: after "scheme://host" for URLs,
// after the first ':' for scp-like "user@host:path", else the text itself.
std::string_view RemotePath(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    size_t path = url.find('/', scheme + 3);
    return path == std::string_view::npos ? std::string_view() : url.substr(path);
  }
  size_t colon = url.find(':');
  size_t slash = url.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
    return url.substr(colon + 1);
  }
  return url;
}

}  // namespace

std::optional<std::string> RepoFromRemoteUrl(std::string_view remote_url) {
  std::string_view path = RemotePath(remote_url);
  while (path.ends_with('/')) path.remove_suffix(1);
  if (path.ends_with(".git")) path.remove_suffix(4);

  size_t name_start = path.rfind('/');
  if (name_start == std::string_view::npos || name_start + 1 == path.size()) return std::nullopt;
  std::string_view name = path.substr(name_start + 1);
  std::string_view rest = path.substr(0, name_start);
  std::string_view owner = rest.substr(rest.rfind('/') + 1);
  if (owner.empty()) return std::nullopt;
  return std::string(owner) + "/" + std::string(name);
}

Result<std::string> RepoFromOrigin(const std::string& path) {
  LibGit2Session session;
  git_repository* repository = nullptr;
  if (git_repository_open_ext(&repository, path.c_str(), 0, nullptr) != 0) {
    return MakeError("cannot tell the repository name: " + path +
                     " is not inside a git repository; set --port-repo or GITHUB_REPOSITORY");
  }
  git_remote* remote = nullptr;
  int status = git_remote_lookup(&remote, repository, "origin");
  std::optional<std::string> repo;
  if (status == 0 && git_remote_url(remote) != nullptr) {
    repo = RepoFromRemoteUrl(git_remote_url(remote));
  }
  git_remote_free(remote);
  git_repository_free(repository);

  if (!repo) {
    return MakeError("cannot tell the repository name: the repository at " + path +
                     " has no origin remote of the form OWNER/NAME; set --port-repo or "
                     "GITHUB_REPOSITORY");
  }
  return *repo;
}

}  // namespace leakscan
