#include "sources/git_identity_filter.h"

#include <cstdio>
#include <utility>

#include "sources/git_handle.h"

namespace leakscan::git {
namespace {

// Formats an identity the way git's header line carries it.
std::string IdentityLine(const git_signature* signature) {
  int offset = signature->when.offset;
  char sign = offset < 0 ? '-' : '+';
  if (offset < 0) offset = -offset;
  char zone[16];
  std::snprintf(zone, sizeof(zone), "%c%02d%02d", sign, offset / 60, offset % 60);
  return std::string(signature->name) + " <" + signature->email + "> " +
         std::to_string(signature->when.time) + " " + zone;
}

}  // namespace

void IdentityFilter::RegexDeleter::operator()(regex_t* regex) const {
  regfree(regex);
  delete regex;
}

Status IdentityFilter::Compile(const std::vector<std::string>& patterns, bool ignore_case,
                               std::string_view option, std::vector<RegexPtr>* out) {
  int flags = REG_NOSUB | REG_NEWLINE | (ignore_case ? REG_ICASE : 0);
  for (const std::string& pattern : patterns) {
    auto compiled = std::make_unique<regex_t>();
    if (regcomp(compiled.get(), pattern.c_str(), flags) != 0) {
      return MakeError("invalid regular expression '" + pattern + "' for " + std::string(option));
    }
    out->push_back(RegexPtr(compiled.release()));
  }
  return Ok();
}

bool IdentityFilter::AnyMatches(const std::vector<RegexPtr>& patterns, const std::string& line) {
  for (const auto& pattern : patterns) {
    if (regexec(pattern.get(), line.c_str(), 0, nullptr, 0) == 0) return true;
  }
  return false;
}

Result<IdentityFilter> IdentityFilter::Create(git_repository* repo, const LogQuery& query) {
  IdentityFilter filter;
  if (auto status = Compile(query.author_patterns, query.ignore_case, "--author", &filter.authors_);
      !status) {
    return std::unexpected(status.error());
  }
  if (auto status =
          Compile(query.committer_patterns, query.ignore_case, "--committer", &filter.committers_);
      !status) {
    return std::unexpected(status.error());
  }
  git_mailmap* mailmap = nullptr;
  if (!filter.empty() && git_mailmap_from_repository(&mailmap, repo) == 0) {
    filter.mailmap_.reset(mailmap);
  }
  return filter;
}

bool IdentityFilter::Matches(git_repository* repo, const git_oid& id) const {
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repo, &id) != 0) return false;
  CommitPtr owner(commit);
  if (!authors_.empty()) {
    git_signature* author = nullptr;
    if (git_commit_author_with_mailmap(&author, commit, mailmap_.get()) != 0) return false;
    SignaturePtr author_owner(author);
    if (!AnyMatches(authors_, IdentityLine(author))) return false;
  }
  if (!committers_.empty()) {
    git_signature* committer = nullptr;
    if (git_commit_committer_with_mailmap(&committer, commit, mailmap_.get()) != 0) return false;
    SignaturePtr committer_owner(committer);
    if (!AnyMatches(committers_, IdentityLine(committer))) return false;
  }
  return true;
}

}  // namespace leakscan::git
