// IgnoreSet: the fingerprints listed in .gitleaksignore files. The
// FindingSink drops a finding whose "FILE:RULEID:STARTLINE" or full
// "COMMIT:FILE:RULEID:STARTLINE" fingerprint is in the set.
// Covered by tests/scanner/gitleaks_ignore_test.cc and the gitleaksignore
// conformance group.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "util/error.h"

namespace leakscan {

class IgnoreSet {
 public:
  // Adds the entries of one .gitleaksignore file. Each line is trimmed;
  // blank lines and lines starting with '#' are skipped. Backslashes in the
  // file part of 3-part and 4-part entries become '/'. Other entries are
  // stored verbatim after the warning "Invalid .gitleaksignore entry".
  // Fails only when the file cannot be read.
  [[nodiscard]] Status LoadFile(const std::string& path);

  // Loads, when they exist and are not directories: `ignore_path` itself,
  // `ignore_path`/.gitleaksignore and `source`/.gitleaksignore (the
  // --gitleaks-ignore-path value and the scan source; pass "" as source for
  // stdin). Fails on the first file that exists but cannot be read.
  [[nodiscard]] Status LoadForScan(const std::string& ignore_path, const std::string& source);

  // Adds one line of a .gitleaksignore file (trimmed, comments skipped).
  void AddLine(std::string_view line);

  bool Contains(std::string_view fingerprint) const;
  const std::set<std::string>& entries() const { return entries_; }

 private:
  std::set<std::string> entries_;
};

// Joins two paths and cleans the result lexically, as Go's filepath.Join
// does ("." + ".gitleaksignore" is ".gitleaksignore").
std::string JoinCleanPath(std::string_view directory, std::string_view name);

}  // namespace leakscan
