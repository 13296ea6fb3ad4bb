#include "sources/git_uncommitted_scan.h"

#include "sources/git_commit_info.h"
#include "sources/git_diff_fragments.h"

namespace leakscan::git {
namespace {

// Returns HEAD's tree, or null before the first commit.
Result<TreePtr> HeadTree(git_repository* repo, const std::string& label) {
  if (git_repository_head_unborn(repo) == 1) return TreePtr();
  git_object* object = nullptr;
  if (git_revparse_single(&object, repo, "HEAD^{tree}") != 0) {
    return MakeError("failed to read the HEAD tree of " + label + ": " + LastErrorText());
  }
  return TreePtr(reinterpret_cast<git_tree*>(object));
}

}  // namespace

Status ScanUncommitted(RepoLocation& location, const GitScanOptions& options,
                       const FragmentHandler& handler) {
  git_repository* repo = location.repo.get();
  if (location.bare) {
    return MakeError("failed to scan uncommitted changes of " + options.repo_path +
                     ": the repository has no work tree");
  }
  git_index* index = nullptr;
  if (git_repository_index(&index, repo) != 0) {
    return MakeError("failed to read the index of " + options.repo_path + ": " + LastErrorText());
  }
  IndexPtr index_owner(index);

  std::vector<std::string> pathspec;
  if (!location.folder_prefix.empty()) pathspec.push_back(location.folder_prefix);
  std::vector<char*> pathspec_pointers;
  git_diff_options diff_options = GIT_DIFF_OPTIONS_INIT;
  diff_options.context_lines = 0;
  diff_options.interhunk_lines = 0;
  diff_options.flags = BaseDiffFlags(repo) | GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  diff_options.pathspec = MakeStrArray(pathspec, &pathspec_pointers);

  git_diff* diff = nullptr;
  if (options.staged) {
    auto head_tree = HeadTree(repo, options.repo_path);
    if (!head_tree) return std::unexpected(head_tree.error());
    if (git_diff_tree_to_index(&diff, repo, head_tree->get(), index, &diff_options) != 0) {
      return MakeError("failed to diff the index of " + options.repo_path + ": " + LastErrorText());
    }
  } else if (git_diff_index_to_workdir(&diff, repo, index, &diff_options) != 0) {
    return MakeError("failed to diff the work tree of " + options.repo_path + ": " +
                     LastErrorText());
  }
  DiffPtr diff_owner(diff);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  if (git_diff_find_similar(diff, &find) != 0) {
    return MakeError("rename detection failed in " + options.repo_path + ": " + LastErrorText());
  }

  DiffScanSettings settings;
  settings.archive_blob = options.staged ? ArchiveBlob::kNewSide : ArchiveBlob::kIndex;
  settings.index = index;
  settings.source = options.source;
  settings.config = options.config;
  FragmentCursor cursor;
  cursor.commit = UncommittedInfo();
  std::string buffer;
  EmitDiffFragments(repo, diff, settings, &cursor, handler, &buffer);
  if (options.source.cancelled != nullptr && options.source.cancelled->load()) {
    return MakeError("context canceled");
  }
  return Ok();
}

}  // namespace leakscan::git
