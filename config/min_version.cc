#include "config/min_version.h"

#include <charconv>
#include <regex>
#include <vector>

#include "util/log.h"

namespace leakscan {
namespace {

std::vector<std::string_view> SplitDots(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool IsNumeric(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

bool ParseNumber(const std::string& text, uint64_t* value) {
  if (text.empty()) return true;
  const char* end = text.data() + text.size();
  return std::from_chars(text.data(), end, *value).ptr == end;
}

// Compares prerelease strings by semantic versioning rules. A release ranks
// above any prerelease. Identifiers compare numerically when both are
// numbers, else as text, and a number ranks below text.
int ComparePrerelease(std::string_view a, std::string_view b) {
  if (a == b) return 0;
  if (a.empty()) return 1;
  if (b.empty()) return -1;
  std::vector<std::string_view> left = SplitDots(a);
  std::vector<std::string_view> right = SplitDots(b);
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    bool left_numeric = IsNumeric(left[i]);
    bool right_numeric = IsNumeric(right[i]);
    if (left_numeric && right_numeric) {
      if (left[i].size() != right[i].size()) return left[i].size() < right[i].size() ? -1 : 1;
    } else if (left_numeric != right_numeric) {
      return left_numeric ? -1 : 1;
    }
    if (int order = left[i].compare(right[i]); order != 0) return order < 0 ? -1 : 1;
  }
  if (left.size() == right.size()) return 0;
  return left.size() < right.size() ? -1 : 1;
}

}  // namespace

Result<SemanticVersion> ParseSemanticVersion(std::string_view text) {
  static const std::regex kPattern(
      "v?([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?"
      "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?"
      "(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");
  std::match_results<std::string_view::const_iterator> match;
  SemanticVersion version;
  if (!std::regex_match(text.begin(), text.end(), match, kPattern) ||
      !ParseNumber(match[1].str(), &version.major) ||
      !ParseNumber(match[2].str(), &version.minor) ||
      !ParseNumber(match[3].str(), &version.patch)) {
    return MakeError("Invalid Semantic Version");
  }
  version.prerelease = match[4].str();
  return version;
}

int CompareVersions(const SemanticVersion& a, const SemanticVersion& b) {
  if (a.major != b.major) return a.major < b.major ? -1 : 1;
  if (a.minor != b.minor) return a.minor < b.minor ? -1 : 1;
  if (a.patch != b.patch) return a.patch < b.patch ? -1 : 1;
  return ComparePrerelease(a.prerelease, b.prerelease);
}

Status CheckMinVersion(std::string_view min_version, std::string_view config_path) {
  if (min_version.empty()) {
    log::Debug("config has no minVersion, skipping the version check",
               {{"config path", std::string(config_path)}});
    return Ok();
  }
  Result<SemanticVersion> required = ParseSemanticVersion(min_version);
  if (!required) {
    return MakeError("invalid minVersion '" + std::string(min_version) +
                     "': " + required.error().message);
  }
  Result<SemanticVersion> current = ParseSemanticVersion(kGitleaksCompatibleVersion);
  if (current && CompareVersions(*required, *current) > 0) {
    log::Warn("config requires a newer Gitleaks version...",
              {{"required", std::string(min_version)},
               {"current", std::string(kGitleaksCompatibleVersion)},
               {"config path", std::string(config_path)}});
  }
  return Ok();
}

}  // namespace leakscan
