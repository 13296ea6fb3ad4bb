#include "util/log.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

namespace leakscan::log {
namespace {

std::atomic<Level> g_level{Level::kInfo};
std::atomic<bool> g_color{true};
std::mutex g_mutex;
std::string* g_capture = nullptr;

constexpr std::string_view kLevelNames[] = {"TRC", "DBG", "INF", "WRN", "ERR", "FTL"};

bool NeedsQuoting(std::string_view value) {
  for (unsigned char c : value) {
    if (c < 0x20 || c > 0x7e || c == ' ' || c == '\\' || c == '"') return true;
  }
  return false;
}

// Quotes like Go's strconv.Quote for the byte ranges log fields contain.
std::string Quote(std::string_view value) {
  std::string out = "\"";
  for (unsigned char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string Colored(std::string_view text, std::string_view code, bool color) {
  if (!color) return std::string(text);
  return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
}

std::string LevelColor(Level level) {
  switch (level) {
    case Level::kTrace:
      return "34";
    case Level::kInfo:
      return "32";
    case Level::kWarn:
      return "33";
    case Level::kError:
    case Level::kFatal:
      return "31";
    default:
      return "";
  }
}

std::string CurrentTime() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  int hour = local.tm_hour % 12;
  if (hour == 0) hour = 12;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%d:%02d%s", hour, local.tm_min,
                local.tm_hour < 12 ? "AM" : "PM");
  return buffer;
}

}  // namespace

bool ParseLevel(std::string_view text, Level* level) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "trace")
    *level = Level::kTrace;
  else if (lower == "debug")
    *level = Level::kDebug;
  else if (lower == "info")
    *level = Level::kInfo;
  else if (lower == "warn")
    *level = Level::kWarn;
  else if (lower == "err" || lower == "error")
    *level = Level::kError;
  else if (lower == "fatal")
    *level = Level::kFatal;
  else
    return false;
  return true;
}

void SetLevel(Level level) { g_level = level; }
Level GetLevel() { return g_level; }
void SetColor(bool enabled) { g_color = enabled; }
bool Enabled(Level level) { return level >= g_level.load(); }

std::string Format(Level level, std::string_view time, std::string_view message, Fields fields,
                   bool color) {
  std::stable_sort(fields.begin(), fields.end(), [](const Field& a, const Field& b) {
    if ((a.first == "error") != (b.first == "error")) return a.first == "error";
    return a.first < b.first;
  });
  std::string line = Colored(time, "90", color);
  std::string level_code = LevelColor(level);
  std::string_view name = kLevelNames[static_cast<int>(level)];
  line += ' ';
  line += level_code.empty() ? std::string(name) : Colored(name, level_code, color);
  if (!message.empty()) {
    line += ' ';
    line += level >= Level::kInfo ? Colored(message, "1", color) : std::string(message);
  }
  for (const auto& [key, raw] : fields) {
    std::string value = NeedsQuoting(raw) ? Quote(raw) : raw;
    if (key == "error" && color) value = "\x1b[31m\x1b[1m" + value + "\x1b[0m\x1b[0m";
    line += ' ';
    line += Colored(key + "=", "36", color);
    line += value;
  }
  return line;
}

void Write(Level level, std::string_view message, Fields fields) {
  if (!Enabled(level)) return;
  bool color = g_color.load() && std::getenv("NO_COLOR") == nullptr;
  std::string line = Format(level, CurrentTime(), message, std::move(fields), color) + "\n";
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_capture != nullptr) {
    *g_capture += line;
  } else {
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
}

void CaptureForTest(std::string* sink) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_capture = sink;
}

}  // namespace leakscan::log
