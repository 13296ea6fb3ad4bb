// The block printed on stdout for each accepted finding with --verbose,
// in Gitleaks' layout. Each line is a label padded to 12 characters, a
// space and a value: Finding, Secret, RuleID, Entropy, Tags, File, Line,
// Commit, Author, Email, Date, Fingerprint, Link and Required, then a
// blank line. Which lines appear depends on File, Commit, Link, tags and
// required findings exactly as in Gitleaks.
// Covered by tests/report/verbose_printer_test.cc.
#pragma once

#include <string>

#include "scanner/finding.h"

namespace leakscan {

enum class VerboseStyle {
  // --no-color: `Finding:` shows the trimmed match and `Secret:` the whole
  // trimmed secret.
  kPlain,
  // Gitleaks' default when stdout is not a terminal: `Finding:` shows the
  // match inside up to 20 bytes of its line on each side and `Secret:` the
  // secret cut to 100 bytes, without escape sequences.
  kContext,
  // kContext with ANSI true-colour escapes (match #f5d445, secret bold
  // italic #f05c07, required secrets #bf9478), for a terminal.
  kColor,
};

// Returns the block for `finding`, ending with the blank line.
std::string FormatVerboseFinding(const Finding& finding, VerboseStyle style);

// Returns the block in kColor style when `color` is true, else kPlain.
std::string FormatVerboseFinding(const Finding& finding, bool color);

}  // namespace leakscan
