#include "port/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <string>

namespace leakscan {
namespace {

std::string_view TrimBlanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsRetryableStatus(long status) {
  switch (status) {
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
      return true;
    default:
      return false;
  }
}

std::optional<std::chrono::seconds> ParseRetryAfter(std::string_view value, std::time_t now) {
  value = TrimBlanks(value);
  if (value.empty()) return std::nullopt;

  if (AllDigits(value)) {
    // Values too long for an int64 are still "a long time": use the cap.
    long long seconds = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (error != std::errc() || end != value.data() + value.size()) return kMaxRetryAfter;
    return std::chrono::seconds(seconds);
  }

  // curl_getdate accepts the three HTTP date formats of RFC 9110.
  std::string date(value);
  std::time_t when = curl_getdate(date.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return std::chrono::seconds(std::max<std::time_t>(0, when - now));
}

std::chrono::milliseconds BackoffDelay(int attempt, double unit_random) {
  int exponent = std::clamp(attempt - 1, 0, 30);
  std::chrono::milliseconds ceiling =
      std::min<std::chrono::milliseconds>(kBackoffCap, kBackoffBase * (1LL << exponent));
  double fraction = std::clamp(unit_random, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<long long>(fraction * ceiling.count()));
}

std::chrono::milliseconds RetryDelay(int attempt, std::string_view retry_after, std::time_t now,
                                     double unit_random) {
  std::optional<std::chrono::seconds> server_delay = ParseRetryAfter(retry_after, now);
  if (server_delay) return std::min<std::chrono::milliseconds>(*server_delay, kMaxRetryAfter);
  return BackoffDelay(attempt, unit_random);
}

}  // namespace leakscan
