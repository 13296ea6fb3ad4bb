// Log: the console logger. Lines follow Gitleaks' layout
// ("9:05PM WRN message key=value") on stderr, filtered by level. Only
// metadata goes into fields; callers must never pass secret bytes.
// Covered by tests/util/log_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace leakscan::log {

enum class Level { kTrace = 0, kDebug, kInfo, kWarn, kError, kFatal };

using Field = std::pair<std::string, std::string>;
using Fields = std::vector<Field>;

// Parses a --log-level value (case-insensitive; "err" and "error" both
// mean kError). Returns false for an unknown value.
bool ParseLevel(std::string_view text, Level* level);

void SetLevel(Level level);
Level GetLevel();
void SetColor(bool enabled);
bool Enabled(Level level);

// Writes one log line; fields named "error" are printed first, the rest
// sorted by key, as Gitleaks does. Thread-safe.
void Write(Level level, std::string_view message, Fields fields = {});

inline void Trace(std::string_view m, Fields f = {}) { Write(Level::kTrace, m, std::move(f)); }
inline void Debug(std::string_view m, Fields f = {}) { Write(Level::kDebug, m, std::move(f)); }
inline void Info(std::string_view m, Fields f = {}) { Write(Level::kInfo, m, std::move(f)); }
inline void Warn(std::string_view m, Fields f = {}) { Write(Level::kWarn, m, std::move(f)); }
inline void Err(std::string_view m, Fields f = {}) { Write(Level::kError, m, std::move(f)); }

// Formats one line without the trailing newline (exposed for tests).
std::string Format(Level level, std::string_view time, std::string_view message, Fields fields,
                   bool color);

// Redirects output into a string (tests) or back to stderr (nullptr).
void CaptureForTest(std::string* sink);

}  // namespace leakscan::log
