// Process exit codes of leakscan. Values shared with Gitleaks keep CI
// scripts written for Gitleaks working; kPortUploadFailed is ours.
#pragma once

namespace leakscan {

inline constexpr int kExitOk = 0;
inline constexpr int kExitLeaksDefault = 1;  // Default of --exit-code.
inline constexpr int kExitError = 1;         // Fatal errors, bad flags, partial scans.
inline constexpr int kExitInvalidRegex = 2;  // A config regex does not compile.
inline constexpr int kExitUnknownFlag = 126;

}  // namespace leakscan
