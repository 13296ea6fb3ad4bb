// Interrupt handling: SIGINT and SIGTERM stop the process with Gitleaks'
// fatal message and exit status 1, without writing a report.
#pragma once

namespace leakscan {

// Blocks SIGINT/SIGTERM in every thread and starts a thread that waits
// for them. Call before any other thread starts.
void InstallInterruptHandler();

}  // namespace leakscan
