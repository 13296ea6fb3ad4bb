// The scan driver: what git, dir and stdin have in common. It resolves
// the config, builds the Detector and the acceptance step, runs one
// source over worker threads, logs the summary, writes the report,
// uploads to Port when asked, and picks the exit code.
// Covered end to end by tests/e2e/.
#pragma once

#include "cli/options.h"

namespace leakscan {

// Runs a git, dir or stdin scan and returns the process exit code.
int RunScan(const Invocation& invocation);

}  // namespace leakscan
