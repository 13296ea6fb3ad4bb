#include "cli/console.h"

#include <cstdio>
#include <string>

namespace leakscan {
namespace {

// Appends "<integer>.<fraction>" with trailing zeros of the fraction
// removed, for a value given in units of 10^-digits.
void AppendFixed(std::string* out, uint64_t value, int digits) {
  uint64_t scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  *out += std::to_string(value / scale);
  uint64_t fraction = value % scale;
  if (fraction == 0) return;
  std::string text = std::to_string(fraction);
  text.insert(0, static_cast<size_t>(digits) - text.size(), '0');
  while (!text.empty() && text.back() == '0') text.pop_back();
  *out += '.';
  *out += text;
}

}  // namespace

std::string HumanBytes(uint64_t bytes) {
  if (bytes == 0) return "0";
  float value = static_cast<float>(bytes);
  const char* unit = "bytes";
  if (bytes >= 1000000000ULL) {
    value = static_cast<float>(bytes) / 1e9f;
    unit = "GB";
  } else if (bytes >= 1000000ULL) {
    value = static_cast<float>(bytes) / 1e6f;
    unit = "MB";
  } else if (bytes >= 1000ULL) {
    value = static_cast<float>(bytes) / 1e3f;
    unit = "KB";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(value));
  std::string text = buffer;
  if (text.size() > 3 && text.compare(text.size() - 3, 3, ".00") == 0) text.resize(text.size() - 3);
  return text + " " + unit;
}

std::string GoDurationString(int64_t ns) {
  if (ns == 0) return "0s";
  std::string out;
  uint64_t u = ns < 0 ? static_cast<uint64_t>(-ns) : static_cast<uint64_t>(ns);
  if (ns < 0) out += '-';
  if (u < 1000) {
    out += std::to_string(u) + "ns";
  } else if (u < 1000000) {
    AppendFixed(&out, u, 3);
    out += "\u00b5s";
  } else if (u < 1000000000) {
    AppendFixed(&out, u, 6);
    out += "ms";
  } else {
    uint64_t hours = u / 3600000000000ULL;
    uint64_t rest = u % 3600000000000ULL;
    uint64_t minutes = rest / 60000000000ULL;
    uint64_t seconds_ns = rest % 60000000000ULL;
    if (hours > 0) out += std::to_string(hours) + "h";
    if (hours > 0 || minutes > 0) out += std::to_string(minutes) + "m";
    AppendFixed(&out, seconds_ns, 9);
    out += "s";
  }
  return out;
}

std::string HumanDuration(std::chrono::nanoseconds duration) {
  int64_t ns = duration.count();
  // Largest scale among 100s, 10s, 1s, 100ms, ... that does not exceed
  // the duration; then round to a hundredth of that scale.
  int64_t scale = 100000000000LL;
  while (scale > 0 && scale > ns) scale /= 10;
  int64_t unit = scale / 100;
  if (unit > 0) {
    int64_t remainder = ns % unit;
    ns -= remainder;
    if (remainder * 2 >= unit) ns += unit;
  }
  return GoDurationString(ns);
}

}  // namespace leakscan
