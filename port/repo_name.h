// Repository name (OWNER/NAME) for the Port upload's `repo` query parameter
// when neither --port-repo nor GITHUB_REPOSITORY gives one: it is taken from
// the origin remote of the repository in the working directory. Covered by
// tests/port/repo_name_test.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "util/error.h"

namespace leakscan {

// Extracts OWNER/NAME from a remote URL in any of git's forms
// (https://host/owner/name.git, git@host:owner/name, ssh://host/owner/name).
// Returns nullopt when the URL has fewer than two path components.
std::optional<std::string> RepoFromRemoteUrl(std::string_view remote_url);

// Opens the repository containing `path` (searching parent folders) and
// returns OWNER/NAME of its "origin" remote. The error names the path; it
// never contains the remote URL, which may carry credentials.
[[nodiscard]] Result<std::string> RepoFromOrigin(const std::string& path);

}  // namespace leakscan
