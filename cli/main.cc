// leakscan's entry point: parses the command line and runs the command.

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "cli/exit_codes.h"
#include "cli/install_hook.h"
#include "cli/rules_command.h"
#include "cli/scan_driver.h"
#include "cli/signals.h"
#include "port/port_command.h"
#include "util/log.h"

namespace leakscan {
namespace {

int Run(const Invocation& invocation) {
  switch (invocation.command) {
    case Command::kVersion:
      std::fputs(LEAKSCAN_VERSION "\n", stdout);
      return kExitOk;
    case Command::kRules:
      return RunRulesCommand(invocation);
    case Command::kInstallHook:
      return RunInstallHook(invocation);
    case Command::kPortSend:
      return RunPortSend(invocation.port_sarif_path, invocation.port);
    case Command::kGit:
    case Command::kDir:
    case Command::kStdin:
      return RunScan(invocation);
    case Command::kNone:
      break;
  }
  return kExitOk;
}

}  // namespace
}  // namespace leakscan

int main(int argc, char** argv) {
  leakscan::InstallInterruptHandler();
  std::vector<std::string> args(argv + 1, argv + argc);
  leakscan::ParseOutcome parsed = leakscan::ParseCommandLine(args);
  if (parsed.exit_now) {
    std::fputs(parsed.output.c_str(), stdout);
    if (!parsed.error.empty()) std::fprintf(stderr, "Error: %s\n", parsed.error.c_str());
    return parsed.exit_code;
  }
  if (parsed.invocation.flags.no_color) leakscan::log::SetColor(false);
  return leakscan::Run(parsed.invocation);
}
