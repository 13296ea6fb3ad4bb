#include "config/allowlist.h"

#include <re2/re2.h>

#include <algorithm>

#include "config/regex_compile.h"
#include "config/text_case.h"

namespace leakscan {
namespace {

Result<AllowlistCondition> ParseCondition(const std::string& condition) {
  std::string upper = condition;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; });
  if (upper == "AND" || upper == "&&") return AllowlistCondition::kAnd;
  if (upper.empty() || upper == "OR" || upper == "||") return AllowlistCondition::kOr;
  return MakeError("unknown allowlist |condition| '" + condition + "' (expected 'and', 'or')");
}

// The target is case-sensitive, unlike the condition.
Result<RegexTarget> ParseRegexTarget(const std::string& target) {
  if (target.empty() || target == "secret") return RegexTarget::kSecret;
  if (target == "match") return RegexTarget::kMatch;
  if (target == "line") return RegexTarget::kLine;
  return MakeError("unknown allowlist |regexTarget| '" + target + "' (expected 'match', 'line')");
}

// Compiles each pattern on its own, so an invalid one is reported by itself
// rather than inside the joined expression.
Status CheckPatterns(const std::vector<std::string>& patterns, std::string_view key) {
  for (const std::string& pattern : patterns) {
    Result<std::shared_ptr<const re2::RE2>> compiled = CompileRegex(pattern);
    if (!compiled) return MakeError(std::string(key) + ": " + compiled.error().message);
  }
  return Ok();
}

void RemoveDuplicates(std::vector<std::string>& values) {
  std::vector<std::string> unique;
  for (std::string& value : values) {
    if (std::find(unique.begin(), unique.end(), value) == unique.end()) {
      unique.push_back(std::move(value));
    }
  }
  values = std::move(unique);
}

Result<std::shared_ptr<const re2::RE2>> CompileJoined(const std::vector<std::string>& patterns,
                                                      std::string_view key) {
  if (patterns.empty()) return nullptr;
  Result<std::shared_ptr<const re2::RE2>> compiled = CompileRegex(JoinRegexOr(patterns));
  if (!compiled) return MakeError(std::string(key) + ": " + compiled.error().message);
  return compiled;
}

bool AsciiLowerEquals(char text, char lower_pattern) {
  char lowered = (text >= 'A' && text <= 'Z') ? static_cast<char>(text + 32) : text;
  return lowered == lower_pattern;
}

// Whether ASCII `text`, lower-cased, contains `lower_needle`.
bool ContainsIgnoringAsciiCase(std::string_view text, std::string_view lower_needle) {
  auto found = std::search(text.begin(), text.end(), lower_needle.begin(), lower_needle.end(),
                           AsciiLowerEquals);
  return found != text.end() || lower_needle.empty();
}

}  // namespace

Result<Allowlist> BuildAllowlist(const RawAllowlist& raw) {
  Result<AllowlistCondition> condition = ParseCondition(raw.condition);
  if (!condition) return std::unexpected(condition.error());
  Result<RegexTarget> target = ParseRegexTarget(raw.regex_target);
  if (!target) return std::unexpected(target.error());
  Status patterns = CheckPatterns(raw.regexes, "regexes");
  if (patterns) patterns = CheckPatterns(raw.paths, "paths");
  if (!patterns) return std::unexpected(patterns.error());

  Allowlist allowlist;
  allowlist.description = raw.description;
  allowlist.condition = *condition;
  allowlist.commits = raw.commits;
  allowlist.paths = raw.paths;
  allowlist.regexes = raw.regexes;
  allowlist.regex_target = *target;
  allowlist.stopwords = raw.stopwords;
  allowlist.target_rules = raw.target_rules;
  if (Status valid = ValidateAllowlist(allowlist); !valid) return std::unexpected(valid.error());
  return allowlist;
}

Status ValidateAllowlist(Allowlist& allowlist) {
  if (allowlist.commits.empty() && allowlist.paths.empty() && allowlist.regexes.empty() &&
      allowlist.stopwords.empty()) {
    return MakeError("must contain at least one check for: commits, paths, regexes, or stopwords");
  }
  for (std::string& commit : allowlist.commits) {
    commit = std::string(TrimAsciiSpace(ToLowerUnicode(commit)));
  }
  RemoveDuplicates(allowlist.commits);
  for (std::string& stopword : allowlist.stopwords) stopword = ToLowerUnicode(stopword);
  RemoveDuplicates(allowlist.stopwords);

  Result<std::shared_ptr<const re2::RE2>> path_regex = CompileJoined(allowlist.paths, "paths");
  if (!path_regex) return std::unexpected(path_regex.error());
  Result<std::shared_ptr<const re2::RE2>> regex_regex = CompileJoined(allowlist.regexes, "regexes");
  if (!regex_regex) return std::unexpected(regex_regex.error());
  allowlist.path_regex = std::move(*path_regex);
  allowlist.regex_regex = std::move(*regex_regex);
  return Ok();
}

bool CommitAllowed(const Allowlist& allowlist, std::string_view commit) {
  if (commit.empty()) return false;
  if (IsAscii(commit)) {
    return std::any_of(allowlist.commits.begin(), allowlist.commits.end(),
                       [&](const std::string& c) { return EqualsIgnoringAsciiCase(c, commit); });
  }
  std::string lowered = ToLowerUnicode(commit);
  return std::find(allowlist.commits.begin(), allowlist.commits.end(), lowered) !=
         allowlist.commits.end();
}

bool PathAllowed(const Allowlist& allowlist, std::string_view path) {
  if (path.empty() || allowlist.path_regex == nullptr) return false;
  return RE2::PartialMatch(path, *allowlist.path_regex);
}

bool RegexAllowed(const Allowlist& allowlist, std::string_view target) {
  if (target.empty() || allowlist.regex_regex == nullptr) return false;
  return RE2::PartialMatch(target, *allowlist.regex_regex);
}

bool StopwordAllowed(const Allowlist& allowlist, std::string_view secret) {
  if (secret.empty() || allowlist.stopwords.empty()) return false;
  if (IsAscii(secret)) {
    return std::any_of(
        allowlist.stopwords.begin(), allowlist.stopwords.end(),
        [&](const std::string& stopword) { return ContainsIgnoringAsciiCase(secret, stopword); });
  }
  std::string lowered = ToLowerUnicode(secret);
  return std::any_of(
      allowlist.stopwords.begin(), allowlist.stopwords.end(),
      [&](const std::string& stopword) { return lowered.find(stopword) != std::string::npos; });
}

}  // namespace leakscan
