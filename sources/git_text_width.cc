#include "sources/git_text_width.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace leakscan::git {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Combining marks and format characters that occupy no column.
constexpr Range kZeroWidth[] = {
    {0x00AD, 0x00AD}, {0x0300, 0x036F}, {0x0483, 0x0489},   {0x0591, 0x05BD}, {0x05BF, 0x05BF},
    {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7},   {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0670, 0x0670}, {0x06D6, 0x06DD}, {0x06DF, 0x06E4},   {0x06E7, 0x06E8}, {0x06EA, 0x06ED},
    {0x0900, 0x0902}, {0x093C, 0x093C}, {0x0941, 0x0948},   {0x094D, 0x094D}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1160, 0x11FF},   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},   {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian wide and fullwidth blocks, and the common emoji blocks.
constexpr Range kDoubleWidth[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

bool InRanges(char32_t rune, const Range* begin, const Range* end) {
  const Range* found = std::upper_bound(
      begin, end, rune, [](char32_t r, const Range& range) { return r < range.first; });
  return found != begin && rune <= std::prev(found)->last;
}

// Decodes one UTF-8 sequence at the start of `text` and returns its
// length, or 0 when the bytes are not valid UTF-8.
size_t DecodeRune(std::string_view text, char32_t* rune) {
  if (text.empty()) return 0;
  auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  uint8_t lead = byte(0);
  size_t length = lead < 0x80           ? 1
                  : (lead >> 5) == 0x6  ? 2
                  : (lead >> 4) == 0xE  ? 3
                  : (lead >> 3) == 0x1E ? 4
                                        : 0;
  if (length == 0 || length > text.size()) return 0;
  char32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i) & 0x3F);
  }
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;
  }
  *rune = value;
  return length;
}

int RuneWidth(char32_t rune) {
  if (rune < 32 || (rune >= 0x7F && rune < 0xA0)) return 0;
  if (InRanges(rune, std::begin(kZeroWidth), std::end(kZeroWidth))) return 0;
  if (InRanges(rune, std::begin(kDoubleWidth), std::end(kDoubleWidth))) return 2;
  return 1;
}

// Returns the length of an ANSI "ESC [ digits/; m" sequence at the start of
// `text`, or 0.
size_t AnsiSequenceLength(std::string_view text) {
  if (text.size() < 3 || text[0] != '\033' || text[1] != '[') return 0;
  size_t i = 2;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == ';')) ++i;
  return (i < text.size() && text[i] == 'm') ? i + 1 : 0;
}

bool IsGoSpace(char32_t rune) {
  switch (rune) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return rune >= 0x2000 && rune <= 0x200A;
  }
}

// Length of the white-space rune at the start of `text`, or 0.
size_t LeadingSpaceRune(std::string_view text) {
  char32_t rune = 0;
  size_t length = DecodeRune(text, &rune);
  return (length > 0 && IsGoSpace(rune)) ? length : 0;
}

// Length of the white-space rune at the end of `text`, or 0.
size_t TrailingSpaceRune(std::string_view text) {
  for (size_t length = 1; length <= 4 && length <= text.size(); ++length) {
    uint8_t lead = static_cast<uint8_t>(text[text.size() - length]);
    if ((lead & 0xC0) == 0x80) continue;
    char32_t rune = 0;
    std::string_view tail = text.substr(text.size() - length);
    if (DecodeRune(tail, &rune) != length) return 0;
    return IsGoSpace(rune) ? length : 0;
  }
  return 0;
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (size_t skip = AnsiSequenceLength(text.substr(pos)); skip > 0) {
      pos += skip;
      continue;
    }
    char32_t rune = 0;
    size_t length = DecodeRune(text.substr(pos), &rune);
    if (length == 0) return static_cast<int>(text.size());
    width += RuneWidth(rune);
    pos += length;
  }
  return width;
}

std::string_view LeadingUnicodeSpace(std::string_view text) {
  size_t end = 0;
  while (size_t length = LeadingSpaceRune(text.substr(end))) end += length;
  return text.substr(0, end);
}

std::string_view TrimRightUnicodeSpace(std::string_view text) {
  while (size_t length = TrailingSpaceRune(text)) text.remove_suffix(length);
  return text;
}

std::string_view TrimUnicodeSpace(std::string_view text) {
  text.remove_prefix(LeadingUnicodeSpace(text).size());
  return TrimRightUnicodeSpace(text);
}

}  // namespace leakscan::git
