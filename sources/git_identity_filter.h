// IdentityFilter: the --author and --committer limits of a log query.
// Like git log (log.mailmap defaults to true since git 2.23), it matches
// the mailmap-resolved identity line "Name <email> <unix-time> <zone>"
// against POSIX basic regular expressions. Patterns of one kind are
// alternatives. When both kinds are given, a commit must match both.
// Used by RevisionWalk and covered by tests/sources/git_rev_walk_test.cc.
#pragma once

#include <git2.h>
#include <regex.h>

#include <memory>
#include <string>
#include <vector>

#include "sources/git_log_options.h"
#include "util/error.h"

namespace leakscan::git {

class IdentityFilter {
 public:
  // Compiles the query's patterns. Fails naming the invalid pattern.
  [[nodiscard]] static Result<IdentityFilter> Create(git_repository* repo, const LogQuery& query);

  bool empty() const { return authors_.empty() && committers_.empty(); }

  // Returns true when the commit passes the filter. An unreadable commit
  // never passes.
  bool Matches(git_repository* repo, const git_oid& id) const;

 private:
  struct RegexDeleter {
    void operator()(regex_t* regex) const;
  };
  using RegexPtr = std::unique_ptr<regex_t, RegexDeleter>;

  IdentityFilter() = default;
  static Status Compile(const std::vector<std::string>& patterns, bool ignore_case,
                        std::string_view option, std::vector<RegexPtr>* out);
  static bool AnyMatches(const std::vector<RegexPtr>& patterns, const std::string& line);

  std::vector<RegexPtr> authors_;
  std::vector<RegexPtr> committers_;
  std::unique_ptr<git_mailmap, void (*)(git_mailmap*)> mailmap_{nullptr, git_mailmap_free};
};

}  // namespace leakscan::git
