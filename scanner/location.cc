#include "scanner/location.h"

#include <algorithm>
#include <cstring>

namespace leakscan {

void FindNewlines(std::string_view raw, std::vector<size_t>* offsets) {
  offsets->clear();
  const char* begin = raw.data();
  const char* end = begin + raw.size();
  for (const char* p = begin; p < end;) {
    const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (hit == nullptr) break;
    const char* newline = static_cast<const char*>(hit);
    offsets->push_back(static_cast<size_t>(newline - begin));
    p = newline + 1;
  }
}

// Line j spans (p_j, n_j] where n_j is the j-th newline and p_j the one
// before it (0 for the first line). Gitleaks walks every line, and a later
// line overwrites the end fields. Each condition holds on one line at most,
// so the two binary searches below find those lines and apply the same
// precedence.
Location ComputeLocation(std::span<const size_t> newlines, std::string_view raw, size_t start,
                         size_t end) {
  const size_t virtual_newline[] = {raw.size()};
  if (newlines.empty()) newlines = virtual_newline;
  size_t count = newlines.size();
  auto previous = [&](size_t j) { return j == 0 ? size_t{0} : newlines[j - 1]; };

  // Start line: p_j <= start < n_j.
  size_t start_j = static_cast<size_t>(std::upper_bound(newlines.begin(), newlines.end(), start) -
                                       newlines.begin());
  bool start_found = start_j < count;
  // End line: p_j < end <= n_j.
  size_t end_j = static_cast<size_t>(std::lower_bound(newlines.begin(), newlines.end(), end) -
                                     newlines.begin());
  bool end_found = end_j < count && previous(end_j) < end;

  Location location;
  if (!start_found) {
    // The match starts on an unterminated last line.
    size_t last = newlines[count - 1];
    location.start_line = location.end_line = static_cast<int>(count);
    location.start_column = static_cast<int>(start - last) + 1;
    location.end_column = static_cast<int>(end) - static_cast<int>(last);
    location.line_start = 0;
    size_t stop = end;
    while (stop < raw.size() && raw[stop] != '\n' && raw[stop] != '\r') ++stop;
    location.line_end = stop;
    return location;
  }

  location.start_line = static_cast<int>(start_j);
  location.start_column = static_cast<int>(start - previous(start_j)) + 1;
  location.line_start = previous(start_j);
  location.end_line = static_cast<int>(start_j);
  location.line_end = newlines[start_j];
  if (end_found) {
    location.end_column = static_cast<int>(end - previous(end_j));
    if (end_j >= start_j) {
      location.end_line = static_cast<int>(end_j);
      location.line_end = newlines[end_j];
    }
  }
  return location;
}

Location LocateMatch(std::span<const size_t> newlines, std::string_view raw, size_t start,
                     size_t end) {
  Location location = ComputeLocation(newlines, raw, start, end);
  location.line_end = std::max(location.line_end, end);
  return location;
}

}  // namespace leakscan
