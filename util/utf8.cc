#include "util/utf8.h"

namespace leakscan::utf8 {
namespace {

bool InRange(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

}  // namespace

DecodedRune DecodeRune(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {kReplacementChar, 0};
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  size_t available = text.size() - pos;
  unsigned char first = bytes[0];
  if (first < 0x80) return {first, 1};

  // The allowed range of the second byte depends on the first byte; this
  // rejects overlong forms, surrogates and values above U+10FFFF.
  int length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  char32_t value = 0;
  if (InRange(first, 0xC2, 0xDF)) {
    length = 2;
    value = first & 0x1F;
  } else if (InRange(first, 0xE0, 0xEF)) {
    length = 3;
    value = first & 0x0F;
    if (first == 0xE0) second_low = 0xA0;
    if (first == 0xED) second_high = 0x9F;
  } else if (InRange(first, 0xF0, 0xF4)) {
    length = 4;
    value = first & 0x07;
    if (first == 0xF0) second_low = 0x90;
    if (first == 0xF4) second_high = 0x8F;
  } else {
    return {kReplacementChar, 1};
  }
  if (available < static_cast<size_t>(length)) return {kReplacementChar, 1};
  if (!InRange(bytes[1], second_low, second_high)) return {kReplacementChar, 1};
  value = (value << 6) | (bytes[1] & 0x3F);
  for (int i = 2; i < length; ++i) {
    if (!InRange(bytes[i], 0x80, 0xBF)) return {kReplacementChar, 1};
    value = (value << 6) | (bytes[i] & 0x3F);
  }
  return {value, length};
}

void AppendRune(char32_t rune, std::string* out) {
  if ((rune >= 0xD800 && rune <= 0xDFFF) || rune > 0x10FFFF) rune = kReplacementChar;
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

}  // namespace leakscan::utf8
