#include "scanner/regex_matcher.h"

#include "util/utf8.h"

namespace leakscan {
namespace internal {

bool NextMatch(const re2::RE2& regex, std::string_view text, size_t* pos, long* previous_end,
               MatchRange* match, bool* accept) {
  if (*pos > text.size()) return false;
  re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece found;
  if (!regex.Match(whole, *pos, text.size(), re2::RE2::UNANCHORED, &found, 1)) return false;
  match->start = static_cast<size_t>(found.data() - whole.data());
  match->end = match->start + found.size();
  *accept = true;
  if (match->end == *pos) {
    // An empty match directly after the previous match is not reported,
    // and the search moves on by one character either way.
    if (static_cast<long>(match->start) == *previous_end) *accept = false;
    int width = utf8::DecodeRune(text, *pos).width;
    *pos += width > 0 ? static_cast<size_t>(width) : 1;
  } else {
    *pos = match->end;
  }
  *previous_end = static_cast<long>(match->end);
  return true;
}

}  // namespace internal

std::vector<MatchRange> FindAllMatches(const re2::RE2& regex, std::string_view text) {
  std::vector<MatchRange> matches;
  ForEachMatch(regex, text, [&](MatchRange match) {
    matches.push_back(match);
    return true;
  });
  return matches;
}

// RE2 runs its submatch engines unanchored on short texts, trying every
// start position. Finding the match on the DFA first and then extracting
// groups anchored at both ends is much faster. The groups are the same,
// because the leftmost-first match is also the first-priority match among
// those with its start and end; RE2 itself takes this route on long texts.
bool FirstSubmatch(const re2::RE2& regex, std::string_view text,
                   std::vector<std::string_view>* groups) {
  groups->clear();
  re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece found;
  if (!regex.Match(whole, 0, text.size(), re2::RE2::UNANCHORED, &found, 1)) return false;
  size_t start = static_cast<size_t>(found.data() - whole.data());
  size_t end = start + found.size();

  int group_count = regex.NumberOfCapturingGroups() + 1;
  thread_local std::vector<re2::StringPiece> pieces;
  pieces.assign(static_cast<size_t>(group_count), re2::StringPiece());
  if (!regex.Match(whole, start, end, re2::RE2::ANCHOR_BOTH, pieces.data(), group_count)) {
    return false;
  }
  for (const re2::StringPiece& piece : pieces) {
    groups->emplace_back(piece.data() == nullptr ? std::string_view()
                                                 : std::string_view(piece.data(), piece.size()));
  }
  return true;
}

}  // namespace leakscan
