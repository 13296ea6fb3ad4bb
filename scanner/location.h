// Location: line/column numbers and the `Line` span of a match, computed
// from byte offsets exactly as Gitleaks does. Columns count from the
// newline byte before the line, so every line but a fragment's first starts
// at column 2 and its `Line` starts with "\n". A match on an unterminated
// last line gets a `Line` from the start of the fragment, and a match
// running into that line keeps EndColumn 0.
// Covered by tests/scanner/location_test.cc.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace leakscan {

struct Location {
  int start_line = 0;  // 0-based line indices within the fragment.
  int end_line = 0;
  int start_column = 0;
  int end_column = 0;
  size_t line_start = 0;  // `Line` = raw[line_start, line_end).
  size_t line_end = 0;
};

// Appends the offset of every '\n' in `raw` to *offsets (cleared first).
void FindNewlines(std::string_view raw, std::vector<size_t>* offsets);

// Locates the match [start, end) of `raw`, whose newline offsets are
// `newlines` (an empty list means one virtual newline at raw.size()).
// Does not apply the final "extend line_end to end" step; see LocateMatch.
Location ComputeLocation(std::span<const size_t> newlines, std::string_view raw, size_t start,
                         size_t end);

// ComputeLocation plus the detector's adjustment: line_end is at least end.
Location LocateMatch(std::span<const size_t> newlines, std::string_view raw, size_t start,
                     size_t end);

}  // namespace leakscan
