#include "sources/git_source.h"

#include <ctime>

#include "sources/git_handle.h"
#include "sources/git_history_scan.h"
#include "sources/git_log_options.h"
#include "sources/git_repo_location.h"
#include "sources/git_revisions.h"
#include "sources/git_uncommitted_scan.h"
#include "util/log.h"

namespace leakscan {
namespace {

// Gitleaks passes quoted words to git unchanged and warns about them with
// this text. leakscan keeps the warning so logs stay comparable.
void WarnAboutQuotedWords(const std::vector<std::string>& words) {
  std::vector<std::string> quoted = git::QuotedWords(words);
  if (quoted.empty()) return;
  std::string list;
  for (const std::string& word : quoted) list += (list.empty() ? "" : " ") + word;
  log::Warn("the following `--log-opts` values may not work as expected: [" + list +
            "]\n\tsee https://github.com/gitleaks/gitleaks/issues/1153 for more information");
}

Result<git::LogQuery> BuildQuery(const GitScanOptions& options) {
  if (options.log_opts.empty()) return git::DefaultLogQuery();
  std::vector<std::string> words = git::SplitLogOptions(options.log_opts);
  WarnAboutQuotedWords(words);
  return git::ParseLogOptions(words, static_cast<int64_t>(std::time(nullptr)));
}

// Turns the query's path limits (relative to the scanned folder) into
// repository-root relative pathspecs.
git::WalkInput MakeWalkInput(const git::RepoLocation& location, const git::LogQuery& query,
                             git::ResolvedRevisions revisions) {
  git::WalkInput input;
  input.starts = std::move(revisions.commits);
  std::vector<std::string> paths = query.paths;
  paths.insert(paths.end(), revisions.paths.begin(), revisions.paths.end());
  input.prune = !paths.empty();
  bool whole_tree = false;
  for (const std::string& path : paths) {
    std::string root_relative = git::RootRelativePath(location.folder_prefix, path);
    if (root_relative.empty()) whole_tree = true;
    input.pathspec.push_back(std::move(root_relative));
  }
  if (whole_tree) input.pathspec.clear();
  return input;
}

}  // namespace

Result<GitScanStats> ScanGit(const GitScanOptions& options, const FragmentHandler& handler) {
  git::LibrarySession session;
  auto location = git::OpenRepository(options.repo_path);
  if (!location) return std::unexpected(location.error());

  if (options.staged || options.pre_commit) {
    Status status = git::ScanUncommitted(*location, options, handler);
    if (!status) return std::unexpected(status.error());
    return GitScanStats{};
  }

  auto query = BuildQuery(options);
  if (!query) return std::unexpected(query.error());
  auto revisions = git::ResolveRevisions(location->repo.get(), query->revisions, options.repo_path,
                                         options.repo_path);
  if (!revisions) return std::unexpected(revisions.error());
  git::WalkInput input = MakeWalkInput(*location, *query, std::move(*revisions));
  auto commits = git::ScanHistory(*location, *query, std::move(input), options, handler);
  if (!commits) return std::unexpected(commits.error());
  return GitScanStats{*commits};
}

}  // namespace leakscan
