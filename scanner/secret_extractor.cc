#include "scanner/secret_extractor.h"

#include <vector>

#include "scanner/regex_matcher.h"

namespace leakscan {

std::optional<std::string_view> ExtractSecret(const re2::RE2& regex, int secret_group,
                                              std::string_view match) {
  if (regex.NumberOfCapturingGroups() < 1) return match;
  thread_local std::vector<std::string_view> groups;
  if (!FirstSubmatch(regex, match, &groups)) return match;
  if (secret_group > 0) {
    if (static_cast<size_t>(secret_group) >= groups.size()) return std::nullopt;
    return groups[static_cast<size_t>(secret_group)];
  }
  for (size_t i = 1; i < groups.size(); ++i) {
    if (!groups[i].empty()) return groups[i];
  }
  return match;
}

std::string_view TrimNewlines(std::string_view text) {
  size_t first = text.find_first_not_of('\n');
  if (first == std::string_view::npos) return text.substr(text.size());
  size_t last = text.find_last_not_of('\n');
  return text.substr(first, last - first + 1);
}

}  // namespace leakscan
