// Revision resolution: turns the revision words and ref groups of a
// LogQuery into the starting commits of the walk, in the order git adds
// them to its pending list (that order breaks ties between equal commit
// dates). Used by RevisionWalk::Create.
// Covered by tests/sources/git_rev_walk_test.cc.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "sources/git_log_options.h"
#include "util/error.h"

namespace leakscan::git {

struct StartCommit {
  git_oid id;
  // True for "^A", the A of "A..B", the merge bases of "A...B" and
  // anything after --not: the walk hides these commits and their history.
  bool uninteresting = false;
};

struct ResolvedRevisions {
  std::vector<StartCommit> commits;
  // Words that are not revisions but name an existing path under the
  // scanned folder. git treats such words as path limits.
  std::vector<std::string> paths;
};

// Resolves `revisions` in `repo`. An empty list means HEAD. Ref groups
// (--all, --branches, --tags, --remotes) visit refs sorted by name and
// skip refs that do not lead to a commit, and --all ends with HEAD and the
// HEADs of linked worktrees. `folder` is the scanned folder, used to
// recognise path words. Fails with "bad revision '<word>' in <repo_label>"
// when a word is neither a revision nor an existing path.
[[nodiscard]] Result<ResolvedRevisions> ResolveRevisions(git_repository* repo,
                                                         const std::vector<RevisionArg>& revisions,
                                                         const std::string& folder,
                                                         const std::string& repo_label);

}  // namespace leakscan::git
