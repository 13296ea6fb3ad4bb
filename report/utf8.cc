#include "report/utf8.h"

#include "util/utf8.h"

namespace leakscan {
namespace {

bool IsContinuation(unsigned char byte) { return byte >= 0x80 && byte <= 0xBF; }

}  // namespace

DecodedRune DecodeRune(std::string_view text) {
  if (text.empty()) return {kReplacementRune, 0};
  utf8::DecodedRune decoded = utf8::DecodeRune(text, 0);
  return {decoded.rune, decoded.width};
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

void AppendUtf8(char32_t rune, std::string* out) { utf8::AppendRune(rune, out); }

}  // namespace leakscan
