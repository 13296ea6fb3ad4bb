#include "scanner/unicode_lower.h"

#include <algorithm>
#include <iterator>

#include "util/utf8.h"

namespace leakscan {
namespace {

// A run of code points first..last (every `stride`-th one) whose lower-case
// form is the code point plus `delta`.
struct LowerRange {
  char32_t first;
  char32_t last;
  int stride;
  int delta;
};

constexpr LowerRange kLowerRanges[] = {
#include "scanner/unicode_lower_table.inc"
};

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

char32_t ToLowerRune(char32_t rune) {
  if (rune < 0x80) return (rune >= 'A' && rune <= 'Z') ? rune + ('a' - 'A') : rune;
  auto after =
      std::upper_bound(std::begin(kLowerRanges), std::end(kLowerRanges), rune,
                       [](char32_t value, const LowerRange& r) { return value < r.first; });
  if (after == std::begin(kLowerRanges)) return rune;
  const LowerRange& range = *std::prev(after);
  if (rune > range.last || (rune - range.first) % range.stride != 0) return rune;
  return static_cast<char32_t>(static_cast<int>(rune) + range.delta);
}

void ToLowerInto(std::string_view text, std::string* out) {
  out->clear();
  if (IsAscii(text)) {
    out->resize(text.size());
    std::transform(text.begin(), text.end(), out->begin(), [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
    });
    return;
  }
  out->reserve(text.size() + text.size() / 4);
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out->push_back((byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte + ('a' - 'A'))
                                                  : static_cast<char>(byte));
      ++pos;
      continue;
    }
    utf8::DecodedRune decoded = utf8::DecodeRune(text, pos);
    utf8::AppendRune(ToLowerRune(decoded.rune), out);
    pos += decoded.width;
  }
}

std::string ToLower(std::string_view text) {
  std::string out;
  ToLowerInto(text, &out);
  return out;
}

}  // namespace leakscan
