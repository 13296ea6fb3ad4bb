#include "report/template/go_time.h"

#include <time.h>

#include <chrono>
#include <cstdio>

namespace leakscan::template_internal {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};

struct Civil {
  int64_t year;
  int month;  // 1..12
  int day;
  int weekday;   // 0 = Sunday
  int year_day;  // 1..366
  int hour;
  int minute;
  int second;
};

// Converts days since 1970-01-01 to a civil date (Howard Hinnant's
// days_from_civil inverse).
void CivilFromDays(int64_t days, int64_t* year, int* month, int* day) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2 ? 1 : 0);
}

Civil ToCivil(const TimeValue& time) {
  int64_t local = time.unix_seconds + time.offset_seconds;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t seconds = local - days * 86400;
  Civil civil{};
  CivilFromDays(days, &civil.year, &civil.month, &civil.day);
  civil.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday.
  static constexpr int kCumulative[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  bool leap = (civil.year % 4 == 0 && civil.year % 100 != 0) || civil.year % 400 == 0;
  civil.year_day = kCumulative[civil.month - 1] + civil.day + (leap && civil.month > 2 ? 1 : 0);
  civil.hour = static_cast<int>(seconds / 3600);
  civil.minute = static_cast<int>(seconds / 60 % 60);
  civil.second = static_cast<int>(seconds % 60);
  return civil;
}

std::string Padded(int64_t value, int width, char fill = '0') {
  bool negative = value < 0;
  std::string digits = std::to_string(negative ? -value : value);
  if (static_cast<int>(digits.size()) < width) {
    digits.insert(0, static_cast<size_t>(width) - digits.size(), fill);
  }
  return negative ? "-" + digits : digits;
}

// Appends the zone offset as [+-]hh[:]mm[[:]ss] for the numeric layouts.
std::string Offset(int offset, bool colons, bool with_minutes, bool with_seconds) {
  std::string text = offset < 0 ? "-" : "+";
  int magnitude = offset < 0 ? -offset : offset;
  text += Padded(magnitude / 3600, 2);
  if (with_minutes) {
    if (colons) text += ':';
    text += Padded(magnitude / 60 % 60, 2);
  }
  if (with_seconds) {
    if (colons) text += ':';
    text += Padded(magnitude % 60, 2);
  }
  return text;
}

std::string Fraction(int32_t nanoseconds, size_t digits, bool trim, char separator) {
  std::string text = Padded(nanoseconds, 9).substr(0, digits);
  if (trim) {
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (text.empty()) return "";
  }
  return std::string(1, separator) + text;
}

bool StartsWith(std::string_view text, size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// Formats the layout element starting at `layout[*i]` and advances past
// it; copies one literal byte when no element starts there.
void FormatElement(std::string_view layout, size_t* i, const TimeValue& time, const Civil& c,
                   std::string* out) {
  auto take = [&](std::string_view element, const std::string& text) {
    if (!StartsWith(layout, *i, element)) return false;
    // "Jan" and "Mon" followed by a lower-case letter are plain words.
    size_t after = *i + element.size();
    bool word = (element == "Jan" || element == "Mon") && after < layout.size() &&
                layout[after] >= 'a' && layout[after] <= 'z';
    if (word) return false;
    *out += text;
    *i += element.size();
    return true;
  };
  int offset = time.offset_seconds;
  std::string zulu = offset == 0 ? "Z" : "";
  bool done =
      take("January", kMonths[c.month - 1]) ||
      take("Jan", std::string(kMonths[c.month - 1]).substr(0, 3)) ||
      take("Monday", kDays[c.weekday]) || take("Mon", std::string(kDays[c.weekday]).substr(0, 3)) ||
      take("MST", time.zone_name.empty() ? Offset(offset, false, true, false) : time.zone_name) ||
      take("2006", Padded(c.year, 4)) || take("002", Padded(c.year_day, 3)) ||
      take("01", Padded(c.month, 2)) || take("02", Padded(c.day, 2)) ||
      take("03", Padded(c.hour % 12 == 0 ? 12 : c.hour % 12, 2)) ||
      take("04", Padded(c.minute, 2)) || take("05", Padded(c.second, 2)) ||
      take("06", Padded(c.year % 100, 2)) || take("15", Padded(c.hour, 2)) ||
      take("__2", Padded(c.year_day, 3, ' ')) || take("_2006", "_" + Padded(c.year, 4)) ||
      take("_2", Padded(c.day, 2, ' ')) || take("1", std::to_string(c.month)) ||
      take("2", std::to_string(c.day)) ||
      take("3", std::to_string(c.hour % 12 == 0 ? 12 : c.hour % 12)) ||
      take("4", std::to_string(c.minute)) || take("5", std::to_string(c.second)) ||
      take("PM", c.hour >= 12 ? "PM" : "AM") || take("pm", c.hour >= 12 ? "pm" : "am") ||
      take("-070000", Offset(offset, false, true, true)) ||
      take("-07:00:00", Offset(offset, true, true, true)) ||
      take("-0700", Offset(offset, false, true, false)) ||
      take("-07:00", Offset(offset, true, true, false)) ||
      take("-07", Offset(offset, false, false, false)) ||
      take("Z070000", offset == 0 ? zulu : Offset(offset, false, true, true)) ||
      take("Z07:00:00", offset == 0 ? zulu : Offset(offset, true, true, true)) ||
      take("Z0700", offset == 0 ? zulu : Offset(offset, false, true, false)) ||
      take("Z07:00", offset == 0 ? zulu : Offset(offset, true, true, false)) ||
      take("Z07", offset == 0 ? zulu : Offset(offset, false, false, false));
  if (done) return;

  char c0 = layout[*i];
  if ((c0 == '.' || c0 == ',') && *i + 1 < layout.size() &&
      (layout[*i + 1] == '0' || layout[*i + 1] == '9')) {
    char digit = layout[*i + 1];
    size_t end = *i + 1;
    while (end < layout.size() && layout[end] == digit) ++end;
    if (end >= layout.size() || layout[end] < '0' || layout[end] > '9') {
      *out += Fraction(time.nanoseconds, std::min<size_t>(end - *i - 1, 9), digit == '9', c0);
      *i = end;
      return;
    }
  }
  *out += c0;
  ++*i;
}

TimeValue WithZone(const TimeValue& time, bool local) {
  TimeValue result = time;
  if (!local) {
    result.offset_seconds = 0;
    result.zone_name = "UTC";
    return result;
  }
  time_t seconds = static_cast<time_t>(time.unix_seconds);
  struct tm parts {};
  localtime_r(&seconds, &parts);
  result.offset_seconds = static_cast<int32_t>(parts.tm_gmtoff);
  result.zone_name = parts.tm_zone != nullptr ? parts.tm_zone : "";
  return result;
}

}  // namespace

TimeValue Now() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  TimeValue time;
  time.unix_seconds = nanoseconds / 1000000000;
  time.nanoseconds = static_cast<int32_t>(nanoseconds % 1000000000);
  return WithZone(time, true);
}

TimeValue InUtc(const TimeValue& time) { return WithZone(time, false); }
TimeValue InLocal(const TimeValue& time) { return WithZone(time, true); }

TimeValue FromUnix(int64_t seconds) {
  TimeValue time;
  time.unix_seconds = seconds;
  return WithZone(time, true);
}

std::string FormatTime(const TimeValue& time, std::string_view layout) {
  Civil civil = ToCivil(time);
  std::string out;
  size_t i = 0;
  while (i < layout.size()) FormatElement(layout, &i, time, civil, &out);
  return out;
}

std::string FormatTimeDefault(const TimeValue& time) {
  return FormatTime(time, "2006-01-02 15:04:05.999999999 -0700 MST");
}

}  // namespace leakscan::template_internal
