#include "config/text_case.h"

#include <locale.h>
#include <wctype.h>

#include <cstdint>

namespace leakscan {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

// The C.UTF-8 locale gives towlower_l the Unicode simple case mappings
// whatever the process locale is; glibc has it built in since 2.35.
locale_t Utf8Locale() {
  static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  return locale;
}

char32_t LowerRune(char32_t rune) {
  locale_t locale = Utf8Locale();
  if (locale == static_cast<locale_t>(0)) return rune;
  return static_cast<char32_t>(towlower_l(static_cast<wint_t>(rune), locale));
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Decodes the UTF-8 sequence at the start of `text` by Go's rules: overlong
// forms, surrogates and values above U+10FFFF are invalid. Returns the code
// point and its length, or U+FFFD and length 1 for an invalid byte.
std::pair<char32_t, size_t> DecodeRune(std::string_view text) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  auto continuation = [&](size_t i) { return i < text.size() && (byte(i) & 0xC0) == 0x80; };
  const uint8_t lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF && continuation(1)) {
    return {static_cast<char32_t>(((lead & 0x1F) << 6) | (byte(1) & 0x3F)), 2};
  }
  if (lead >= 0xE0 && lead <= 0xEF && continuation(1) && continuation(2)) {
    char32_t rune = ((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    if (rune >= 0x800 && (rune < 0xD800 || rune > 0xDFFF)) return {rune, 3};
  }
  if (lead >= 0xF0 && lead <= 0xF4 && continuation(1) && continuation(2) && continuation(3)) {
    char32_t rune = ((lead & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
                    (byte(3) & 0x3F);
    if (rune >= 0x10000 && rune <= 0x10FFFF) return {rune, 4};
  }
  return {kReplacementCharacter, 1};
}

void AppendRune(std::string& out, char32_t rune) {
  if (rune < 0x80) {
    out.push_back(static_cast<char>(rune));
  } else if (rune < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (rune >> 6)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else if (rune < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (rune >> 12)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (rune >> 18)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
  }
}

}  // namespace

std::string ToLowerUnicode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<uint8_t>(text[i]) < 0x80) {
      out.push_back(AsciiLower(text[i]));
      ++i;
      continue;
    }
    auto [rune, length] = DecodeRune(text.substr(i));
    AppendRune(out, LowerRune(rune));
    i += length;
  }
  return out;
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  }
  return true;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

std::string_view TrimAsciiSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

}  // namespace leakscan
