// RevisionWalk: the commits `git log` shows for a LogQuery, in the order
// git 2.39 prints them when no ordering option is given. Like git, it keeps
// a queue ordered by committer date (newest first, ties in insertion
// order). With negative revisions it first computes the whole limited list
// (so late-found uninteresting commits still hide earlier ones), and with
// path limits it applies git's default history simplification (or
// --full-history). It keeps one small node per visited commit and never
// loads blobs. The walker thread of the git source drives it.
// Covered by tests/sources/git_rev_walk_test.cc, which compares it with
// `git log --format=%H` on generated repositories.
#pragma once

#include <git2.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sources/git_log_options.h"
#include "sources/git_revisions.h"
#include "util/error.h"

namespace leakscan::git {

struct WalkedCommit {
  git_oid id;
  // Parents after history simplification. git diffs a commit against
  // these: none for a root commit, several for a merge.
  std::vector<git_oid> parents;
};

// Inputs of the walk besides the query: resolved starting commits and
// the path limits relative to the repository root.
struct WalkInput {
  std::vector<StartCommit> starts;
  // Repository-root relative pathspecs. Empty with `prune` set means the
  // limits cover the whole tree.
  std::vector<std::string> pathspec;
  bool prune = false;  // True when the query had path limits.
};

class RevisionWalk {
 public:
  // Prepares the walk over `repo`, which must outlive the walk and must not
  // be used by other threads meanwhile. Fails when an --author/--committer
  // pattern is not a valid regular expression.
  [[nodiscard]] static Result<std::unique_ptr<RevisionWalk>> Create(
      git_repository* repo, const LogQuery& query, WalkInput input,
      const std::atomic<bool>* cancelled);
  ~RevisionWalk();
  RevisionWalk(const RevisionWalk&) = delete;
  RevisionWalk& operator=(const RevisionWalk&) = delete;

  // Returns the next commit git log would print, or nullopt at the end or
  // after cancellation. Unreadable commits are logged with their id and
  // treated as having no parents.
  std::optional<WalkedCommit> Next();

 private:
  class Impl;
  explicit RevisionWalk(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace leakscan::git
