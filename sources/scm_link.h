// SCM links: the web link of a git finding (GitHub, GitLab, Azure DevOps,
// Gitea/Forgejo, Bitbucket), built from the repository's remote URL as
// Gitleaks does. The scan driver resolves the remote once per scan
// (RemoteUrl, ResolveRemote) and calls BuildLink for each finding with a
// commit. Covered by tests/sources/scm_link_test.cc and the scm_link
// conformance group.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scanner/finding.h"
#include "util/error.h"

namespace leakscan {

enum class ScmPlatform { kUnknown, kNone, kGitHub, kGitLab, kAzureDevOps, kGitea, kBitbucket };

// Parses a --platform value (case-insensitive): "" and "unknown" mean
// detect from the remote host, "none" disables links. Fails with
// "invalid scm platform value: <value>".
[[nodiscard]] Result<ScmPlatform> ParsePlatform(std::string_view flag);

struct ScmRemote {
  ScmPlatform platform = ScmPlatform::kNone;
  std::string base_url;  // E.g. "https://github.com/acme/widgets".
};

// Normalises a remote URL into a link base: an scp-style address
// "git@HOST:[port/]PATH[.git]" becomes "https://HOST/PATH", a trailing
// ".git" and any user-info are removed. With `forced` kUnknown the
// platform comes from the host name. An unknown host gives kNone and the
// info log "Unknown SCM platform. Use --platform to include links in
// findings.".
ScmRemote ResolveRemote(std::string_view remote_url, ScmPlatform forced);

// Returns the URL of the remote `git ls-remote --get-url` would use for
// the repository containing `repo_path`: the current branch's configured
// remote, else the only remote, else "origin". Returns nullopt when there
// is no such remote or no repository. Reads the config through libgit2
// (url.<base>.insteadOf rewriting applies).
std::optional<std::string> RemoteUrl(const std::string& repo_path);

// Returns the finding's web link, or "" when the platform is kNone or
// kUnknown or the finding has no commit. Inside archives ("outer!inner")
// the link points at the outer file without a line anchor.
std::string BuildLink(const ScmRemote& remote, const Finding& finding);

}  // namespace leakscan
