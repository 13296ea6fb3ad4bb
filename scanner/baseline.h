// Baseline: the findings of an earlier report (--baseline-path). The
// FindingSink drops a finding that equals a baseline entry, so only new
// leaks are reported. Gitleaks reads only its JSON report; leakscan also
// reads its CSV and SARIF reports, detected by content, and compares only
// the fields those formats carry (see docs/differences-from-gitleaks.md).
// Covered by tests/scanner/baseline_test.cc and the baseline conformance
// group.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scanner/finding.h"
#include "util/error.h"

namespace leakscan {

enum class BaselineFormat { kJson, kCsv, kSarif };

// Bits naming the finding fields a baseline entry compares. RuleID and
// StartLine are always compared.
enum BaselineField : uint32_t {
  kBaselineDescription = 1u << 0,
  kBaselineEndLine = 1u << 1,
  kBaselineStartColumn = 1u << 2,
  kBaselineEndColumn = 1u << 3,
  kBaselineFile = 1u << 4,
  kBaselineCommit = 1u << 5,
  kBaselineAuthor = 1u << 6,
  kBaselineEmail = 1u << 7,
  kBaselineDate = 1u << 8,
  kBaselineMessage = 1u << 9,
  kBaselineEntropy = 1u << 10,
  kBaselineMatch = 1u << 11,   // Skipped when the current scan redacts.
  kBaselineSecret = 1u << 12,  // Skipped when the current scan redacts.
};

// Every field Gitleaks compares; a JSON baseline entry compares all of them.
inline constexpr uint32_t kBaselineAllFields = (1u << 13) - 1;

struct BaselineEntry {
  Finding finding;
  uint32_t fields = kBaselineAllFields;
  // SARIF carries SymlinkFile when set, else File, in one "uri"; the entry's
  // `finding.file` is then compared with that choice.
  bool file_is_uri = false;
};

class Baseline {
 public:
  Baseline() = default;

  // Reads a baseline file. Errors: "could not open <path>" and "the format
  // of the file <path> is not supported", the latter followed by the reason
  // for CSV and SARIF files. An empty file is an empty baseline.
  [[nodiscard]] static Result<Baseline> Load(const std::string& path);

  // Parses baseline text; `path` only names the file in errors.
  [[nodiscard]] static Result<Baseline> Parse(std::string_view content, const std::string& path);

  // Builds a baseline from entries (tests, other callers).
  static Baseline FromEntries(std::vector<BaselineEntry> entries, BaselineFormat format);

  // Returns true when some entry equals `finding` on the entry's fields.
  // With `redacting` (the current scan redacts) Match and Secret are not
  // compared.
  bool Contains(const Finding& finding, bool redacting) const;

  size_t size() const { return entries_.size(); }
  BaselineFormat format() const { return format_; }

 private:
  std::vector<BaselineEntry> entries_;
  BaselineFormat format_ = BaselineFormat::kJson;
  // Entry indices by "RuleID\nStartLine".
  std::unordered_map<std::string, std::vector<size_t>> index_;
};

}  // namespace leakscan
