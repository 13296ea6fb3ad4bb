#include "report/utf8.h"

namespace leakscan {
namespace {

// Ranges of the second byte of a multi-byte sequence that Go accepts for a
// given leading byte; the third and fourth bytes are always 0x80-0xBF.
struct SecondByteRange {
  unsigned char low;
  unsigned char high;
};

SecondByteRange SecondByteRangeFor(unsigned char lead) {
  if (lead == 0xE0) return {0xA0, 0xBF};  // Excludes overlong forms.
  if (lead == 0xED) return {0x80, 0x9F};  // Excludes UTF-16 surrogates.
  if (lead == 0xF0) return {0x90, 0xBF};  // Excludes overlong forms.
  if (lead == 0xF4) return {0x80, 0x8F};  // Excludes values above U+10FFFF.
  return {0x80, 0xBF};
}

bool IsContinuation(unsigned char byte) { return byte >= 0x80 && byte <= 0xBF; }

}  // namespace

DecodedRune DecodeRune(std::string_view text) {
  if (text.empty()) return {kReplacementRune, 0};
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  unsigned char lead = bytes[0];
  if (lead < 0x80) return {lead, 1};

  int size = 0;
  char32_t rune = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2;
    rune = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3;
    rune = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4;
    rune = lead & 0x07;
  } else {
    return {kReplacementRune, 1};
  }
  if (text.size() < static_cast<size_t>(size)) return {kReplacementRune, 1};

  SecondByteRange second = SecondByteRangeFor(lead);
  if (bytes[1] < second.low || bytes[1] > second.high) return {kReplacementRune, 1};
  rune = (rune << 6) | (bytes[1] & 0x3F);
  for (int i = 2; i < size; ++i) {
    if (!IsContinuation(bytes[i])) return {kReplacementRune, 1};
    rune = (rune << 6) | (bytes[i] & 0x3F);
  }
  return {rune, size};
}

bool IsUnicodeSpace(char32_t rune) {
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

std::string_view TrimUnicodeSpace(std::string_view text) {
  while (!text.empty()) {
    DecodedRune first = DecodeRune(text);
    if (!IsUnicodeSpace(first.rune)) break;
    text.remove_prefix(first.size);
  }
  while (!text.empty()) {
    // Step back to the start of the last rune: at most 3 continuation bytes.
    size_t start = text.size() - 1;
    while (start > 0 && text.size() - start < 4 &&
           IsContinuation(static_cast<unsigned char>(text[start]))) {
      --start;
    }
    DecodedRune last = DecodeRune(text.substr(start));
    if (static_cast<size_t>(last.size) != text.size() - start) {
      // The tail is not one valid rune, so its final byte decodes on its own.
      last = DecodeRune(text.substr(text.size() - 1));
      start = text.size() - 1;
    }
    if (!IsUnicodeSpace(last.rune)) break;
    text.remove_suffix(text.size() - start);
  }
  return text;
}

void AppendUtf8(char32_t rune, std::string* out) {
  if (rune < 0x80) {
    out->push_back(static_cast<char>(rune));
  } else if (rune < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (rune >> 6)));
    out->push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else if (rune < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (rune >> 12)));
    out->push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (rune >> 18)));
    out->push_back(static_cast<char>(0x80 | ((rune >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  }
}

}  // namespace leakscan
