#include "sources/scm_link.h"

#include <cctype>

#include "sources/git_handle.h"
#include "sources/git_repo_location.h"
#include "util/log.h"

namespace leakscan {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string_view TrimAsciiSpace(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsHostChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-';
}

// Rewrites "git@HOST:[NNNNN/]PATH" to "https://HOST/PATH". Returns
// nullopt when `url` is not in that form.
std::optional<std::string> ScpToHttps(std::string_view url) {
  constexpr std::string_view kUser = "git@";
  if (url.substr(0, kUser.size()) != kUser) return std::nullopt;
  std::string_view rest = url.substr(kUser.size());
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view host = rest.substr(0, colon);
  for (char c : host) {
    if (!IsHostChar(c)) return std::nullopt;
  }
  std::string_view path = rest.substr(colon + 1);
  size_t digits = 0;
  while (digits < path.size() && std::isdigit(static_cast<unsigned char>(path[digits]))) ++digits;
  if (digits >= 1 && digits <= 5 && digits < path.size() && path[digits] == '/') {
    path.remove_prefix(digits + 1);
  }
  if (path.empty()) return std::nullopt;
  return "https://" + std::string(host) + "/" + std::string(path);
}

struct ParsedUrl {
  std::string base;  // Without user-info.
  std::string host;  // Lower-cased, without port.
};

ParsedUrl ParseUrl(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return ParsedUrl{std::string(url), ""};
  std::string_view scheme = url.substr(0, scheme_end);
  std::string_view rest = url.substr(scheme_end + 3);
  size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view tail =
      authority_end == std::string_view::npos ? std::string_view() : rest.substr(authority_end);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else if (size_t colon = host.find(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  return ParsedUrl{std::string(scheme) + "://" + std::string(authority) + std::string(tail),
                   Lower(host)};
}

ScmPlatform PlatformForHost(std::string_view host) {
  if (host == "github.com") return ScmPlatform::kGitHub;
  if (host == "gitlab.com") return ScmPlatform::kGitLab;
  if (host == "dev.azure.com" || host == "visualstudio.com") return ScmPlatform::kAzureDevOps;
  if (host == "gitea.com" || host == "code.forgejo.org" || host == "codeberg.org") {
    return ScmPlatform::kGitea;
  }
  if (host == "bitbucket.org") return ScmPlatform::kBitbucket;
  return ScmPlatform::kNone;
}

// Escapes the two characters Gitleaks escapes in link paths.
std::string EscapeLinkPath(std::string_view path) {
  std::string escaped;
  for (char c : path) {
    if (c == ' ') {
      escaped += "%20";
    } else if (c == '%') {
      escaped += "%25";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

// Returns the lower-cased extension of the last path element, with its dot.
std::string Extension(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  return dot == std::string_view::npos ? "" : Lower(base.substr(dot));
}

std::string LineAnchor(std::string_view start_prefix, std::string_view end_prefix,
                       const Finding& finding) {
  std::string anchor;
  if (finding.start_line != 0)
    anchor += std::string(start_prefix) + std::to_string(finding.start_line);
  if (finding.end_line != finding.start_line) {
    anchor += std::string(end_prefix) + std::to_string(finding.end_line);
  }
  return anchor;
}

std::optional<std::string> RemoteNameFor(git_repository* repo) {
  git::ConfigPtr config;
  git_config* snapshot = nullptr;
  if (git_repository_config_snapshot(&snapshot, repo) == 0) config.reset(snapshot);
  // HEAD names the current branch even before its first commit.
  git_reference* head = nullptr;
  if (config && git_reference_lookup(&head, repo, "HEAD") == 0) {
    git::ReferencePtr owner(head);
    const char* target = git_reference_symbolic_target(head);
    constexpr std::string_view kBranchPrefix = "refs/heads/";
    if (target != nullptr &&
        std::string_view(target).substr(0, kBranchPrefix.size()) == kBranchPrefix) {
      std::string key = "branch." + std::string(target + kBranchPrefix.size()) + ".remote";
      const char* name = nullptr;
      if (git_config_get_string(&name, config.get(), key.c_str()) == 0) return std::string(name);
    }
  }
  git_strarray remotes{};
  if (git_remote_list(&remotes, repo) != 0) return std::nullopt;
  std::optional<std::string> chosen;
  if (remotes.count == 1) chosen = remotes.strings[0];
  for (size_t i = 0; !chosen && i < remotes.count; ++i) {
    if (std::string_view(remotes.strings[i]) == "origin") chosen = "origin";
  }
  git_strarray_dispose(&remotes);
  return chosen;
}

}  // namespace

Result<ScmPlatform> ParsePlatform(std::string_view flag) {
  std::string value = Lower(flag);
  if (value.empty() || value == "unknown") return ScmPlatform::kUnknown;
  if (value == "none") return ScmPlatform::kNone;
  if (value == "github") return ScmPlatform::kGitHub;
  if (value == "gitlab") return ScmPlatform::kGitLab;
  if (value == "azuredevops") return ScmPlatform::kAzureDevOps;
  if (value == "gitea") return ScmPlatform::kGitea;
  if (value == "bitbucket") return ScmPlatform::kBitbucket;
  return MakeError("invalid scm platform value: " + std::string(flag));
}

ScmRemote ResolveRemote(std::string_view remote_url, ScmPlatform forced) {
  std::string_view trimmed = TrimAsciiSpace(remote_url);
  std::string url = ScpToHttps(trimmed).value_or(std::string(trimmed));
  if (EndsWith(url, ".git")) url.resize(url.size() - 4);
  ParsedUrl parsed = ParseUrl(url);

  ScmRemote remote{forced, parsed.base};
  if (forced != ScmPlatform::kUnknown) return remote;
  remote.platform = PlatformForHost(parsed.host);
  if (remote.platform == ScmPlatform::kNone) {
    log::Info("Unknown SCM platform. Use --platform to include links in findings.",
              {{"host", parsed.host}});
  }
  return remote;
}

std::optional<std::string> RemoteUrl(const std::string& repo_path) {
  git::LibrarySession session;
  auto location = git::OpenRepository(repo_path);
  if (!location) return std::nullopt;
  std::optional<std::string> name = RemoteNameFor(location->repo.get());
  if (!name) return std::nullopt;
  git_remote* remote = nullptr;
  if (git_remote_lookup(&remote, location->repo.get(), name->c_str()) != 0) return std::nullopt;
  git::RemotePtr owner(remote);
  const char* url = git_remote_url(remote);
  if (url == nullptr) return std::nullopt;
  return std::string(url);
}

std::string BuildLink(const ScmRemote& remote, const Finding& finding) {
  if (finding.commit.empty()) return "";
  size_t bang = finding.file.find('!');
  bool inner = bang != std::string::npos;
  std::string path = EscapeLinkPath(std::string_view(finding.file).substr(0, bang));
  std::string extension = Extension(path);
  bool plain_text_view = extension == ".md" || extension == ".ipynb";
  const std::string& base = remote.base_url;
  const std::string& commit = finding.commit;

  switch (remote.platform) {
    case ScmPlatform::kGitHub: {
      std::string link = base + "/blob/" + commit + "/" + path;
      if (inner) return link;
      return link + (plain_text_view ? "?plain=1" : "") + LineAnchor("#L", "-L", finding);
    }
    case ScmPlatform::kGitLab: {
      std::string link = base + "/blob/" + commit + "/" + path;
      if (inner) return link;
      return link + LineAnchor("#L", "-", finding);
    }
    case ScmPlatform::kAzureDevOps: {
      std::string link = base + "/commit/" + commit + "?path=/" + path;
      if (inner) return link;
      return link + LineAnchor("&line=", "&lineEnd=", finding) +
             "&lineStartColumn=1&lineEndColumn=10000000&type=2&lineStyle=plain&_a=files";
    }
    case ScmPlatform::kGitea: {
      std::string link = base + "/src/commit/" + commit + "/" + path;
      if (inner) return link;
      return link + (plain_text_view ? "?display=source" : "") + LineAnchor("#L", "-L", finding);
    }
    case ScmPlatform::kBitbucket: {
      std::string link = base + "/src/" + commit + "/" + path;
      if (inner) return link;
      return link + LineAnchor("#lines-", ":", finding);
    }
    case ScmPlatform::kUnknown:
    case ScmPlatform::kNone:
      return "";
  }
  return "";
}

}  // namespace leakscan
