#include "scanner/allowlist_check.h"

#include <re2/re2.h>

#include <string>

#include "scanner/unicode_lower.h"

namespace leakscan {
namespace {

std::string_view CommitSha(const Fragment& fragment) {
  return fragment.commit ? std::string_view(fragment.commit->sha) : std::string_view();
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + ('a' - 'A'));
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + ('a' - 'A'));
    if (x != y) return false;
  }
  return true;
}

bool SearchMatches(const re2::RE2& regex, std::string_view text) {
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), regex);
}

}  // namespace

bool AllowlistCommitHit(const Allowlist& allowlist, std::string_view commit) {
  if (commit.empty()) return false;
  for (const std::string& allowed : allowlist.commits) {
    if (EqualsIgnoringAsciiCase(allowed, commit)) return true;
  }
  return false;
}

bool AllowlistPathHit(const Allowlist& allowlist, const Fragment& fragment) {
  if (!allowlist.path_regex) return false;
  if (!fragment.file_path.empty() && SearchMatches(*allowlist.path_regex, fragment.file_path)) {
    return true;
  }
  return !fragment.windows_path.empty() &&
         SearchMatches(*allowlist.path_regex, fragment.windows_path);
}

bool AllowlistRegexHit(const Allowlist& allowlist, std::string_view target) {
  return allowlist.regex_regex && !target.empty() && SearchMatches(*allowlist.regex_regex, target);
}

bool AllowlistStopwordHit(const Allowlist& allowlist, std::string_view lower_secret) {
  if (lower_secret.empty()) return false;
  for (const std::string& stopword : allowlist.stopwords) {
    if (lower_secret.find(stopword) != std::string_view::npos) return true;
  }
  return false;
}

bool CommitOrPathAllowed(const Fragment& fragment, const std::vector<Allowlist>& allowlists) {
  std::string_view commit = CommitSha(fragment);
  if (fragment.file_path.empty() && commit.empty()) return false;
  for (const Allowlist& allowlist : allowlists) {
    bool commit_hit = AllowlistCommitHit(allowlist, commit);
    bool path_hit = AllowlistPathHit(allowlist, fragment);
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
                    const std::vector<Allowlist>& allowlists) {
  if (allowlists.empty()) return false;
  thread_local std::string lower_secret;
  ToLowerInto(targets.secret, &lower_secret);
  for (const Allowlist& allowlist : allowlists) {
    std::string_view target = targets.secret;
    if (allowlist.regex_target == RegexTarget::kMatch) target = targets.match;
    if (allowlist.regex_target == RegexTarget::kLine) target = targets.line;
    bool regex_hit = AllowlistRegexHit(allowlist, target);
    bool stopword_hit = AllowlistStopwordHit(allowlist, lower_secret);
    if (allowlist.condition == AllowlistCondition::kOr) {
      if (regex_hit || stopword_hit) return true;
      continue;
    }
    bool all_hit = true;
    if (!allowlist.commits.empty()) {
      all_hit = all_hit && AllowlistCommitHit(allowlist, CommitSha(fragment));
    }
    if (!allowlist.paths.empty()) all_hit = all_hit && AllowlistPathHit(allowlist, fragment);
    if (!allowlist.regexes.empty()) all_hit = all_hit && regex_hit;
    if (!allowlist.stopwords.empty()) all_hit = all_hit && stopword_hit;
    if (all_hit) return true;
  }
  return false;
}

}  // namespace leakscan
