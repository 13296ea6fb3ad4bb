#include "sources/git_date.h"

#include <charconv>
#include <ctime>
#include <string>
#include <vector>

namespace leakscan::git {
namespace {

struct CalendarDay {
  int year = 0;
  int month = 0;  // 1-12.
  int day = 0;    // 1-31.
};

struct ClockTime {
  int hour = 0;
  int minute = 0;
  int second = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `width` digits at `text[*pos]`.
std::optional<int> ReadDigits(std::string_view text, size_t* pos, size_t width) {
  if (*pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = text[*pos + i];
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  *pos += width;
  return value;
}

// Reads one or two digits (a month, day, hour, ...).
std::optional<int> ReadSmallNumber(std::string_view text, size_t* pos) {
  size_t width = (*pos + 1 < text.size() && IsDigit(text[*pos + 1])) ? 2 : 1;
  return ReadDigits(text, pos, width);
}

std::optional<CalendarDay> ReadDay(std::string_view text, size_t* pos) {
  CalendarDay day;
  auto year = ReadDigits(text, pos, 4);
  if (!year || *pos >= text.size()) return std::nullopt;
  char separator = text[*pos];
  if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
  ++*pos;
  auto month = ReadSmallNumber(text, pos);
  if (!month || *pos >= text.size() || text[*pos] != separator) return std::nullopt;
  ++*pos;
  auto day_of_month = ReadSmallNumber(text, pos);
  if (!day_of_month) return std::nullopt;
  day.year = *year;
  day.month = *month;
  day.day = *day_of_month;
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > 31) return std::nullopt;
  return day;
}

std::optional<ClockTime> ReadTime(std::string_view text, size_t* pos) {
  ClockTime time;
  auto hour = ReadSmallNumber(text, pos);
  if (!hour || *pos >= text.size() || text[*pos] != ':') return std::nullopt;
  ++*pos;
  auto minute = ReadDigits(text, pos, 2);
  if (!minute) return std::nullopt;
  time.hour = *hour;
  time.minute = *minute;
  if (*pos < text.size() && text[*pos] == ':') {
    ++*pos;
    auto second = ReadDigits(text, pos, 2);
    if (!second) return std::nullopt;
    time.second = *second;
    // Fractions of a second are accepted and dropped, as git does.
    if (*pos < text.size() && text[*pos] == '.') {
      ++*pos;
      while (*pos < text.size() && IsDigit(text[*pos])) ++*pos;
    }
  }
  if (time.hour > 23 || time.minute > 59 || time.second > 60) return std::nullopt;
  return time;
}

// Parses a whole zone suffix and returns its offset from UTC in minutes.
std::optional<int> ParseZone(std::string_view zone) {
  if (zone == "Z" || zone == "z") return 0;
  if (zone.size() < 3 || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
  int sign = zone[0] == '-' ? -1 : 1;
  size_t pos = 1;
  auto hours = ReadDigits(zone, &pos, 2);
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (pos < zone.size() && zone[pos] == ':') ++pos;
  if (pos < zone.size()) {
    auto parsed = ReadDigits(zone, &pos, 2);
    if (!parsed) return std::nullopt;
    minutes = *parsed;
  }
  if (pos != zone.size() || *hours > 14 || minutes > 59) return std::nullopt;
  return sign * (*hours * 60 + minutes);
}

int64_t LocalTimeToUnix(std::tm fields) {
  fields.tm_isdst = -1;
  return static_cast<int64_t>(std::mktime(&fields));
}

std::tm LocalFields(int64_t unix_seconds) {
  std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm fields{};
  localtime_r(&time, &fields);
  return fields;
}

std::optional<int64_t> ParseAbsolute(std::string_view text, int64_t now) {
  size_t pos = 0;
  auto day = ReadDay(text, &pos);
  if (!day) return std::nullopt;

  // git keeps the current time of day when only a date is given.
  std::tm fields = LocalFields(now);
  fields.tm_year = day->year - 1900;
  fields.tm_mon = day->month - 1;
  fields.tm_mday = day->day;
  if (pos == text.size()) return LocalTimeToUnix(fields);

  if (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ') ++pos;
  auto time = ReadTime(text, &pos);
  if (!time) return std::nullopt;
  fields.tm_hour = time->hour;
  fields.tm_min = time->minute;
  fields.tm_sec = time->second;
  if (pos == text.size()) return LocalTimeToUnix(fields);

  auto offset_minutes = ParseZone(text.substr(pos));
  if (!offset_minutes) return std::nullopt;
  return static_cast<int64_t>(timegm(&fields)) - int64_t{*offset_minutes} * 60;
}

std::optional<int64_t> ParseUnixTime(std::string_view text) {
  bool explicit_marker = !text.empty() && text[0] == '@';
  std::string_view digits = explicit_marker ? text.substr(1) : text;
  if (digits.empty() || (!explicit_marker && digits.size() < 9)) return std::nullopt;
  int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool separator = i == text.size() || text[i] == '.' || text[i] == '-' || text[i] == '_' ||
                     text[i] == ',' || text[i] == ' ';
    if (!separator) continue;
    if (i > start) words.push_back(text.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

// Returns the unit's length in seconds, or the markers -1 (month) and -2
// (year) for units that move calendar fields instead of seconds.
std::optional<int64_t> UnitSeconds(std::string_view unit) {
  if (unit.size() > 1 && unit.back() == 's') unit.remove_suffix(1);
  if (unit == "second") return 1;
  if (unit == "minute") return 60;
  if (unit == "hour") return 3600;
  if (unit == "day") return 86400;
  if (unit == "week") return 7 * 86400;
  if (unit == "month") return -1;
  if (unit == "year") return -2;
  return std::nullopt;
}

std::optional<int64_t> ParseRelative(std::string_view text, int64_t now) {
  std::vector<std::string_view> words = SplitWords(text);
  if (words.size() == 1 && words[0] == "now") return now;
  if (words.size() == 1 && words[0] == "yesterday") return now - 86400;
  if (!words.empty() && words.back() == "ago") words.pop_back();
  if (words.empty() || words.size() % 2 != 0) return std::nullopt;

  int64_t seconds_back = 0;
  int months_back = 0;
  int years_back = 0;
  for (size_t i = 0; i < words.size(); i += 2) {
    int64_t amount = 0;
    std::string_view number = words[i];
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), amount);
    if (error != std::errc() || end != number.data() + number.size()) return std::nullopt;
    auto unit = UnitSeconds(words[i + 1]);
    if (!unit) return std::nullopt;
    if (*unit == -1) {
      months_back += static_cast<int>(amount);
    } else if (*unit == -2) {
      years_back += static_cast<int>(amount);
    } else {
      seconds_back += amount * *unit;
    }
  }
  if (months_back == 0 && years_back == 0) return now - seconds_back;
  std::tm fields = LocalFields(now - seconds_back);
  fields.tm_mon -= months_back;
  fields.tm_year -= years_back;
  return LocalTimeToUnix(fields);
}

}  // namespace

std::optional<int64_t> ParseApproxDate(std::string_view text, int64_t now) {
  if (auto unix_time = ParseUnixTime(text)) return unix_time;
  if (auto absolute = ParseAbsolute(text, now)) return absolute;
  return ParseRelative(text, now);
}

}  // namespace leakscan::git
