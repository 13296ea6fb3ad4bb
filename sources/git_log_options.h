// LogQuery: what `git log -p -U0 <--log-opts>` would show, as data. The
// parser accepts the subset of git log options that select commits and
// shape the patch (ranges, ref groups, date and count limits, merge
// handling, rename detection, --diff-filter, path limits) and rejects
// every other option instead of ignoring it. The revision walk and the
// diff step read the result. Revisions stay text until the walk resolves
// them in the repository.
// Covered by tests/sources/git_log_options_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace leakscan::git {

// One revision word or ref group, in command-line order (the order breaks
// ties between commits with equal dates, as in git).
struct RevisionArg {
  enum class Kind { kRevision, kAllRefs, kBranches, kTags, kRemotes };
  Kind kind = Kind::kRevision;
  std::string text;      // kRevision: the word as written ("A..B", "^A", "v1").
  bool negated = false;  // Given after --not.
};

// The change classes of --diff-filter ("A", "C", "D", "M", "R", "T", "U",
// "X", "B"). Upper-case letters select, lower-case letters exclude.
class DiffFilter {
 public:
  // Parses the letters after "--diff-filter=". Fails on an unknown letter.
  [[nodiscard]] static Result<DiffFilter> Parse(std::string_view letters);
  // True when a file pair of git status letter `status` ('A', 'M', ...)
  // is shown.
  bool Allows(char status) const;

 private:
  uint32_t allowed_ = ~0u;  // Bit (letter - 'A') set when shown.
};

enum class RenameMode { kByConfig, kOff, kOn };

struct LogQuery {
  std::vector<RevisionArg> revisions;  // Empty: HEAD.
  std::vector<std::string> paths;      // Path limits, relative to the scanned folder.
  std::optional<int64_t> since;        // Committer-date limits, Unix seconds.
  std::optional<int64_t> until;
  int64_t max_count = -1;  // -1: no limit.
  int64_t skip = 0;
  bool first_parent = false;
  bool no_merges = false;
  bool merges_only = false;
  bool full_history = false;
  bool merge_diffs = false;  // -m: diff merges against their parents.
  bool show_notes = true;    // git log shows notes unless --no-notes.
  DiffFilter diff_filter;
  RenameMode renames = RenameMode::kByConfig;
  int rename_threshold = 50;  // Percent, used with RenameMode::kOn.
  // --author / --committer patterns (POSIX basic regular expressions
  // matched against "Name <email>"). A commit must match one of each kind.
  std::vector<std::string> author_patterns;
  std::vector<std::string> committer_patterns;
  bool ignore_case = false;  // -i / --regexp-ignore-case.
};

// Returns the query of Gitleaks' default command line:
// --full-history --all --diff-filter=tuxdb.
LogQuery DefaultLogQuery();

// Splits --log-opts on single spaces, as Gitleaks does: no quote
// processing, and consecutive spaces produce empty words.
std::vector<std::string> SplitLogOptions(std::string_view log_opts);

// Returns the words entirely wrapped in matching single or double quotes,
// which reach git with the quotes still on.
std::vector<std::string> QuotedWords(const std::vector<std::string>& words);

// Parses the words of --log-opts. `now` (Unix seconds) anchors relative
// dates. Fails with "unsupported log option: <word>" for anything outside
// the supported subset and with a message naming the value for a bad
// number, date or filter.
[[nodiscard]] Result<LogQuery> ParseLogOptions(const std::vector<std::string>& words, int64_t now);

}  // namespace leakscan::git
