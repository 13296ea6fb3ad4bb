#include "report/xml_escape.h"

#include "report/utf8.h"

namespace leakscan {
namespace {

// Returns the entity for an ASCII byte that must be escaped, or nullptr.
const char* AsciiEntity(char c) {
  switch (c) {
    case '"':
      return "&#34;";
    case '\'':
      return "&#39;";
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '\t':
      return "&#x9;";
    case '\n':
      return "&#xA;";
    case '\r':
      return "&#xD;";
    default:
      return nullptr;
  }
}

// The XML 1.0 Char production (tab, LF and CR are handled as entities).
bool IsXmlChar(char32_t rune) {
  return (rune >= 0x20 && rune <= 0xD7FF) || (rune >= 0xE000 && rune <= 0xFFFD) ||
         (rune >= 0x10000 && rune <= 0x10FFFF);
}

}  // namespace

void AppendXmlEscaped(std::string_view text, std::string* out) {
  size_t copied_up_to = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (const char* entity = AsciiEntity(text[i]); entity != nullptr) {
      out->append(text.substr(copied_up_to, i - copied_up_to));
      out->append(entity);
      copied_up_to = ++i;
      continue;
    }
    DecodedRune decoded = DecodeRune(text.substr(i));
    bool invalid = decoded.rune == kReplacementRune && decoded.size == 1;
    if (!invalid && IsXmlChar(decoded.rune)) {
      i += decoded.size;
      continue;
    }
    out->append(text.substr(copied_up_to, i - copied_up_to));
    AppendUtf8(kReplacementRune, out);
    i += decoded.size;
    copied_up_to = i;
  }
  out->append(text.substr(copied_up_to));
}

}  // namespace leakscan
