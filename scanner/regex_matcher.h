// Regex matching with Go's semantics on top of RE2. The find-all loop
// follows regexp.FindAllStringIndex: matches do not overlap, empty matches
// advance one UTF-8 sequence and are dropped right after a match. The
// first-submatch lookup serves secret groups, with non-participating
// groups empty. Covered by tests/scanner/regex_matcher_test.cc.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace leakscan {

struct MatchRange {
  size_t start = 0;
  size_t end = 0;
};

// Calls on_match(MatchRange) for every match of `regex` in `text`, in order.
// `on_match` returns false to stop early.
template <typename OnMatch>
void ForEachMatch(const re2::RE2& regex, std::string_view text, OnMatch&& on_match);

// Returns all matches (convenience for tests and cold paths).
std::vector<MatchRange> FindAllMatches(const re2::RE2& regex, std::string_view text);

// Finds the leftmost match in `text` and stores the text of every group,
// index 0 being the whole match, into *groups. Returns false on no match.
bool FirstSubmatch(const re2::RE2& regex, std::string_view text,
                   std::vector<std::string_view>* groups);

namespace internal {

// One step of the find-all loop: searches from *pos, updates *pos and
// *previous_end, and reports whether a match to deliver was found.
// Returns false when the search is over.
bool NextMatch(const re2::RE2& regex, std::string_view text, size_t* pos, long* previous_end,
               MatchRange* match, bool* accept);

}  // namespace internal

template <typename OnMatch>
void ForEachMatch(const re2::RE2& regex, std::string_view text, OnMatch&& on_match) {
  size_t pos = 0;
  long previous_end = -1;
  MatchRange match;
  bool accept = false;
  while (internal::NextMatch(regex, text, &pos, &previous_end, &match, &accept)) {
    if (accept && !on_match(match)) return;
  }
}

}  // namespace leakscan
