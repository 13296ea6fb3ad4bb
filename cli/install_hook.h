// `leakscan install-hook [--force] [repo]`: writes a plain git pre-commit
// hook that scans the staged changes and blocks the commit on leaks. An
// existing hook that leakscan did not write is kept unless --force.
// Covered by tests/e2e/pre_commit_test.sh.
#pragma once

#include <string>

#include "cli/options.h"

namespace leakscan {

// The marker line that identifies a hook written by leakscan.
inline constexpr const char kHookMarker[] = "# leakscan-managed-hook";

int RunInstallHook(const Invocation& invocation);

// Returns the hook script that runs the binary at `binary_path`.
std::string PreCommitHookScript(const std::string& binary_path);

}  // namespace leakscan
