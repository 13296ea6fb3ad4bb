// Retry policy of the Port upload: which responses are worth another attempt
// and how long to wait before it (the server's Retry-After, capped, or
// exponential backoff with full jitter). Pure functions, so tests need no
// clock. Covered by tests/port/retry_policy_test.cc.
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string_view>

namespace leakscan {

// A Retry-After longer than this is shortened to it.
inline constexpr std::chrono::seconds kMaxRetryAfter{60};
// Backoff before attempt n+1 is drawn from [0, min(kBackoffCap, kBackoffBase * 2^(n-1))].
inline constexpr std::chrono::milliseconds kBackoffBase{1000};
inline constexpr std::chrono::milliseconds kBackoffCap{30000};

// True for the transient HTTP statuses: 408, 429, 500, 502, 503 and 504.
// Other 4xx responses (and 413, which the caller handles by splitting) are
// final.
bool IsRetryableStatus(long status);

// Parses a Retry-After value: delay-seconds ("120") or an HTTP date, which
// is turned into seconds after `now` (0 for a date in the past). Returns
// nullopt for anything else.
std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value, std::time_t now);

// Returns the full-jitter backoff before the attempt after `attempt`
// (1-based); `unit_random` is a uniform random number in [0, 1).
std::chrono::milliseconds BackoffDelay(int attempt, double unit_random);

// Returns the wait before the attempt after `attempt`: the parsed
// Retry-After capped at kMaxRetryAfter when the server sent a valid one,
// else BackoffDelay.
std::chrono::milliseconds RetryDelay(int attempt, std::string_view retry_after, std::time_t now,
                                     double unit_random);

}  // namespace leakscan
