#include "scanner/gitleaks_ignore.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/log.h"

namespace leakscan {
namespace {

// Returns the byte length of the Unicode space character at the start of
// `text` (the set Go's unicode.IsSpace accepts), or 0.
size_t SpaceLength(std::string_view text) {
  if (text.empty()) return 0;
  unsigned char c = text[0];
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  if (c < 0x80 || text.size() < 2) return 0;
  unsigned char c1 = text[1];
  if (c == 0xC2 && (c1 == 0x85 || c1 == 0xA0)) return 2;  // NEL, NO-BREAK SPACE
  if (text.size() < 3) return 0;
  unsigned char c2 = text[2];
  if (c == 0xE1 && c1 == 0x9A && c2 == 0x80) return 3;  // U+1680
  if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)) {
    return 3;  // U+2000..U+200A, U+2028, U+2029, U+202F
  }
  if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // U+3000
  return 0;
}

// Returns the byte length of the Unicode space character ending `text`.
size_t TrailingSpaceLength(std::string_view text) {
  for (size_t length = 1; length <= 3 && length <= text.size(); ++length) {
    std::string_view tail = text.substr(text.size() - length);
    if (SpaceLength(tail) == length) return length;
  }
  return 0;
}

std::string_view TrimUnicodeSpace(std::string_view text) {
  while (size_t n = SpaceLength(text)) text.remove_prefix(n);
  while (size_t n = TrailingSpaceLength(text)) text.remove_suffix(n);
  return text;
}

bool IsNonDirectory(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && !S_ISDIR(info.st_mode);
}

// Formats an OS error the way Go prints it ("open x: permission denied").
std::string OpenError(const std::string& path, int error_number) {
  std::string reason = std::strerror(error_number);
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
  return "open " + path + ": " + reason;
}

}  // namespace

std::string JoinCleanPath(std::string_view directory, std::string_view name) {
  std::string joined(directory);
  if (!joined.empty() && !name.empty()) joined += '/';
  joined += name;
  if (joined.empty()) return "";

  bool rooted = joined[0] == '/';
  std::vector<std::string_view> parts;
  std::string_view rest(joined);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (part == ".." && rooted) {
      continue;  // "/.." is "/".
    } else {
      parts.push_back(part);
    }
  }
  std::string cleaned = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) cleaned += '/';
    cleaned += parts[i];
  }
  return cleaned.empty() ? "." : cleaned;
}

void IgnoreSet::AddLine(std::string_view raw_line) {
  std::string_view line = TrimUnicodeSpace(raw_line);
  if (line.empty() || line.front() == '#') return;

  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t colon = line.find(':', start);
    parts.emplace_back(line.substr(start, colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (parts.size() == 3 || parts.size() == 4) {
    std::string& file = parts[parts.size() - 3];
    std::replace(file.begin(), file.end(), '\\', '/');
  } else {
    log::Warn("Invalid .gitleaksignore entry", {{"fingerprint", std::string(line)}});
  }
  std::string entry;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) entry += ':';
    entry += parts[i];
  }
  entries_.insert(std::move(entry));
}

Status IgnoreSet::LoadFile(const std::string& path) {
  log::Debug("found .gitleaksignore file", {{"path", path}});
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(OpenError(path, errno));
  // NOTE: Gitleaks stops silently at a line longer than 64 KiB; every line
  // is read here.
  std::string line;
  while (std::getline(in, line)) AddLine(line);
  if (in.bad()) return MakeError("read " + path + ": " + std::strerror(errno));
  return Ok();
}

Status IgnoreSet::LoadForScan(const std::string& ignore_path, const std::string& source) {
  const std::string candidates[] = {
      ignore_path,
      JoinCleanPath(ignore_path, ".gitleaksignore"),
      JoinCleanPath(source, ".gitleaksignore"),
  };
  for (const std::string& path : candidates) {
    if (path.empty() || !IsNonDirectory(path)) continue;
    if (Status status = LoadFile(path); !status) return status;
  }
  return Ok();
}

bool IgnoreSet::Contains(std::string_view fingerprint) const {
  return entries_.find(std::string(fingerprint)) != entries_.end();
}

}  // namespace leakscan
