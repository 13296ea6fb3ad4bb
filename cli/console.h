// Console output of the scan commands that is not a log line or a
// finding: the banner and the end-of-scan summary numbers, formatted as
// Gitleaks prints them. Covered by tests/cli/console_test.cc.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace leakscan {

// The ASCII banner written to stderr before a scan unless --no-banner.
inline constexpr const char kBanner[] =
    "\n    \u25cb\n    \u2502\u2572\n    \u2502 \u25cb\n    \u25cb \u2591\n    \u2591    "
    "gitleaks\n\n";

// Formats a byte count as "0", "999 bytes", "1.54 KB", "2.50 MB", "1 GB".
std::string HumanBytes(uint64_t bytes);

// Formats a duration like Go's time.Duration.String() after rounding to
// three significant digits: "1.23s", "45.7ms", "2m30s", "5.5µs".
std::string HumanDuration(std::chrono::nanoseconds duration);

// Formats a duration in Go notation without rounding.
std::string GoDurationString(int64_t nanoseconds);

}  // namespace leakscan
