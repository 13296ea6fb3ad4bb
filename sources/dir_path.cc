#include "sources/dir_path.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <vector>

namespace leakscan {
namespace {

constexpr int kMaxSymlinks = 255;

// Splits a path on "/" into its non-empty elements.
std::vector<std::string_view> SplitElements(std::string_view path) {
  std::vector<std::string_view> elements;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) elements.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return elements;
}

std::string JoinElements(bool rooted, const std::vector<std::string>& elements) {
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += '/';
    out += elements[i];
  }
  return out.empty() ? "." : out;
}

std::string ErrnoText(int error) {
  std::string text = std::strerror(error);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(text[0]));
  return text;
}

}  // namespace

std::string_view BaseName(std::string_view path) {
  if (path.empty()) return ".";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path == "/") return path;
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

Result<std::string> ResolveSymlinks(std::string_view path) {
  bool rooted = !path.empty() && path.front() == '/';
  std::vector<std::string> resolved;  // Elements already resolved.
  std::deque<std::string> pending;    // Elements still to resolve.
  for (std::string_view element : SplitElements(path)) pending.emplace_back(element);
  int links_followed = 0;

  while (!pending.empty()) {
    std::string element = std::move(pending.front());
    pending.pop_front();
    if (element == ".") continue;
    if (element == "..") {
      // The resolved prefix contains no links, so dropping its last element
      // is the same as going to the parent directory.
      if (!resolved.empty() && resolved.back() != "..") {
        resolved.pop_back();
      } else if (!rooted) {
        resolved.push_back("..");
      }
      continue;
    }

    resolved.push_back(element);
    std::string current = JoinElements(rooted, resolved);
    struct stat info;
    if (lstat(current.c_str(), &info) != 0) {
      return MakeError("lstat " + current + ": " + ErrnoText(errno));
    }
    if (!S_ISLNK(info.st_mode)) {
      if (!S_ISDIR(info.st_mode) && !pending.empty()) {
        return MakeError("resolve " + std::string(path) + ": " + current + " is not a directory");
      }
      continue;
    }

    if (++links_followed > kMaxSymlinks) {
      return MakeError("resolve " + std::string(path) + ": more than " +
                       std::to_string(kMaxSymlinks) + " symbolic links (a link loop?)");
    }
    std::vector<char> target(static_cast<size_t>(info.st_size > 0 ? info.st_size : 4096) + 1);
    ssize_t length = readlink(current.c_str(), target.data(), target.size());
    if (length < 0) return MakeError("readlink " + current + ": " + ErrnoText(errno));
    std::string_view link(target.data(), static_cast<size_t>(length));

    // The link's target replaces the link element: from the root for an
    // absolute target, relative to the link's directory otherwise.
    resolved.pop_back();
    if (!link.empty() && link.front() == '/') {
      rooted = true;
      resolved.clear();
    }
    std::vector<std::string_view> link_elements = SplitElements(link);
    for (auto it = link_elements.rbegin(); it != link_elements.rend(); ++it) {
      pending.emplace_front(*it);
    }
  }
  return CleanPath(JoinElements(rooted, resolved));
}

}  // namespace leakscan
