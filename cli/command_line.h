// The command line table: every sub-command and flag of leakscan, which
// also drives --help. Gitleaks' commands and flags keep their names and
// defaults so existing scripts work unchanged.
// Covered by tests/cli/command_line_test.cc.
#pragma once

#include <string>
#include <vector>

#include "cli/options.h"

namespace leakscan {

struct ParseOutcome {
  Invocation invocation;
  bool exit_now = false;  // Help was printed or parsing failed.
  int exit_code = 0;
  std::string output;  // Help text (stdout).
  std::string error;   // One-line error (stderr).
};

// Parses argv (without the program name).
ParseOutcome ParseCommandLine(const std::vector<std::string>& args);

}  // namespace leakscan
