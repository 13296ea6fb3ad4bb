#include "util/path_clean.h"

#include <vector>

namespace leakscan {

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path.front() == '/';
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    start = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      parts.push_back(part);
    } else if (!parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (!rooted) {
      parts.push_back(part);
    }
  }
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  if (dir.empty() && name.empty()) return "";
  if (dir.empty()) return CleanPath(name);
  if (name.empty()) return CleanPath(dir);
  return CleanPath(std::string(dir) + "/" + std::string(name));
}

}  // namespace leakscan
