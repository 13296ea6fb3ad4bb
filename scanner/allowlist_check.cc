#include "scanner/allowlist_check.h"

#include "config/allowlist.h"
#include "scanner/unicode_lower.h"

namespace leakscan {
namespace {

std::string_view CommitSha(const Fragment& fragment) {
  return fragment.commit ? std::string_view(fragment.commit->sha) : std::string_view();
}

// Paths are tried with '/' separators and, when the fragment has one, in
// the Windows form with backslashes.
bool PathHit(const Allowlist& allowlist, const Fragment& fragment) {
  return PathAllowed(allowlist, fragment.file_path) ||
         (!fragment.windows_path.empty() && PathAllowed(allowlist, fragment.windows_path));
}

}  // namespace

StopwordIndex::StopwordIndex(const Config& config) {
  for (const Allowlist& allowlist : config.allowlists) Add(allowlist);
  for (const auto& [id, rule] : config.rules) {
    for (const Allowlist& allowlist : rule.allowlists) Add(allowlist);
  }
}

void StopwordIndex::Add(const Allowlist& allowlist) {
  if (allowlist.stopwords.empty()) return;
  filters_.emplace(&allowlist, std::make_unique<KeywordFilter>(allowlist.stopwords));
}

bool StopwordIndex::Contains(const Allowlist& allowlist, std::string_view secret) const {
  if (secret.empty() || allowlist.stopwords.empty()) return false;
  auto it = filters_.find(&allowlist);
  if (it == filters_.end()) return StopwordAllowed(allowlist, secret);
  thread_local std::string lowered;
  ToLowerInto(secret, &lowered);
  return it->second->ContainsAny(lowered);
}

bool CommitOrPathAllowed(const Fragment& fragment, const std::vector<Allowlist>& allowlists) {
  std::string_view commit = CommitSha(fragment);
  if (fragment.file_path.empty() && commit.empty()) return false;
  for (const Allowlist& allowlist : allowlists) {
    bool commit_hit = CommitAllowed(allowlist, commit);
    bool path_hit = PathHit(allowlist, fragment);
    if (allowlist.condition == AllowlistCondition::kOr) {
      if (commit_hit || path_hit) return true;
      continue;
    }
    // AND allowlists with content checks are decided per finding.
    if (!allowlist.regexes.empty() || !allowlist.stopwords.empty()) continue;
    bool all_hit = true;
    if (!allowlist.commits.empty()) all_hit = all_hit && commit_hit;
    if (!allowlist.paths.empty()) all_hit = all_hit && path_hit;
    if (all_hit) return true;
  }
  return false;
}

bool FindingAllowed(const Fragment& fragment, const FindingTargets& targets,
                    const std::vector<Allowlist>& allowlists, const StopwordIndex& stopwords) {
  if (allowlists.empty()) return false;
  for (const Allowlist& allowlist : allowlists) {
    std::string_view target = targets.secret;
    if (allowlist.regex_target == RegexTarget::kMatch) target = targets.match;
    if (allowlist.regex_target == RegexTarget::kLine) target = targets.line;
    bool regex_hit = RegexAllowed(allowlist, target);
    bool stopword_hit = stopwords.Contains(allowlist, targets.secret);
    if (allowlist.condition == AllowlistCondition::kOr) {
      if (regex_hit || stopword_hit) return true;
      continue;
    }
    bool all_hit = true;
    if (!allowlist.commits.empty()) {
      all_hit = all_hit && CommitAllowed(allowlist, CommitSha(fragment));
    }
    if (!allowlist.paths.empty()) all_hit = all_hit && PathHit(allowlist, fragment);
    if (!allowlist.regexes.empty()) all_hit = all_hit && regex_hit;
    if (!allowlist.stopwords.empty()) all_hit = all_hit && stopword_hit;
    if (all_hit) return true;
  }
  return false;
}

}  // namespace leakscan
