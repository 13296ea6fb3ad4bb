#include "scanner/decoders.h"

#include <array>
#include <cstdint>

#include "util/utf8.h"

namespace leakscan {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsPrintableByte(unsigned char c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x20 && c <= 0x7E);
}

bool IsRegexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// Parses four hex digits at text[pos]; returns -1 when they are not hex.
long ParseHex4(std::string_view text, size_t pos) {
  if (pos + 4 > text.size()) return -1;
  long value = 0;
  for (size_t i = pos; i < pos + 4; ++i) {
    int digit = HexValue(text[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

std::string DecodeCodePoints(std::string_view candidate) {
  std::string out;
  size_t pos = 0;
  while (pos + 6 <= candidate.size() && candidate[pos] == 'U' && candidate[pos + 1] == '+') {
    long value = ParseHex4(candidate, pos + 2);
    if (value < 0) break;
    utf8::AppendRune(static_cast<char32_t>(value), &out);
    pos += 6;
    while (pos < candidate.size() && IsRegexSpace(candidate[pos])) ++pos;
  }
  return out;
}

std::string DecodeEscapes(std::string_view candidate) {
  std::string out;
  size_t pos = 0;
  while (pos < candidate.size() && candidate[pos] == '\\') {
    size_t u = pos + 1;
    if (u < candidate.size() && candidate[u] == '\\') ++u;
    if (u >= candidate.size() || (candidate[u] != 'u' && candidate[u] != 'U')) break;
    long value = ParseHex4(candidate, u + 1);
    if (value < 0) break;
    utf8::AppendRune(static_cast<char32_t>(value), &out);
    pos = u + 5;
  }
  return out;
}

// Alphabet lookup: value 0..63, 64 for '=', -1 for anything else.
std::array<int8_t, 256> MakeAlphabet(char c62, char c63) {
  std::array<int8_t, 256> table;
  table.fill(-1);
  const char* letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (int i = 0; i < 62; ++i)
    table[static_cast<unsigned char>(letters[i])] = static_cast<int8_t>(i);
  table[static_cast<unsigned char>(c62)] = 62;
  table[static_cast<unsigned char>(c63)] = 63;
  return table;
}

// Decodes base64 like Go's encoding/base64 (non-strict: stray low bits in
// the last quantum are ignored). With `padded`, the length must be a
// multiple of four and '=' may only end the last quantum; without it '='
// is invalid and a final quantum of one symbol is an error.
bool DecodeBase64Variant(std::string_view text, const std::array<int8_t, 256>& alphabet,
                         bool padded, std::string* out) {
  out->clear();
  size_t length = text.size();
  size_t padding = 0;
  if (padded) {
    if (length % 4 != 0) return false;
    while (padding < 2 && padding < length && text[length - 1 - padding] == '=') ++padding;
    length -= padding;
    // "x===" style padding is never valid.
    if (padding > 0 && length % 4 == 1) return false;
  } else if (length % 4 == 1) {
    return false;
  }
  uint32_t accumulator = 0;
  int bits = 0;
  for (size_t i = 0; i < length; ++i) {
    int8_t value = alphabet[static_cast<unsigned char>(text[i])];
    if (value < 0) return false;
    accumulator = (accumulator << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((accumulator >> bits) & 0xFF));
    }
  }
  return true;
}

}  // namespace

bool IsPrintableAscii(std::string_view bytes) {
  for (unsigned char c : bytes) {
    if (!IsPrintableByte(c)) return false;
  }
  return true;
}

std::string DecodePercent(std::string_view candidate) {
  std::string out;
  out.reserve(candidate.size());
  size_t i = 0;
  while (i < candidate.size()) {
    if (candidate[i] == '%' && i + 2 < candidate.size()) {
      int high = HexValue(candidate[i + 1]);
      int low = HexValue(candidate[i + 2]);
      if (high >= 0 && low >= 0) {
        unsigned char byte = static_cast<unsigned char>(high * 16 + low);
        if (!IsPrintableByte(byte)) return "";
        out.push_back(static_cast<char>(byte));
        i += 3;
        continue;
      }
    }
    out.push_back(candidate[i]);
    ++i;
  }
  return out;
}

std::string DecodeUnicode(std::string_view candidate) {
  if (candidate.starts_with("U+")) return DecodeCodePoints(candidate);
  return DecodeEscapes(candidate);
}

std::string DecodeHex(std::string_view candidate) {
  if (candidate.size() % 2 != 0) return "";
  bool has_digit = false;
  for (char c : candidate) has_digit = has_digit || (c >= '0' && c <= '9');
  if (!has_digit) return "";
  std::string out;
  out.reserve(candidate.size() / 2);
  for (size_t i = 0; i + 1 < candidate.size(); i += 2) {
    int high = HexValue(candidate[i]);
    int low = HexValue(candidate[i + 1]);
    if (high < 0 || low < 0) return "";
    unsigned char byte = static_cast<unsigned char>(high * 16 + low);
    if (!IsPrintableByte(byte)) return "";
    out.push_back(static_cast<char>(byte));
  }
  return out;
}

std::string DecodeBase64(std::string_view candidate) {
  bool plausible = false;
  for (char c : candidate) {
    if ((c >= '0' && c <= '9') || c == '+' || c == '/' || c == '-' || c == '_') plausible = true;
  }
  if (!plausible) return "";
  static const std::array<int8_t, 256> kStandard = MakeAlphabet('+', '/');
  static const std::array<int8_t, 256> kUrlSafe = MakeAlphabet('-', '_');
  std::string out;
  if (DecodeBase64Variant(candidate, kStandard, true, &out) && IsPrintableAscii(out)) return out;
  if (DecodeBase64Variant(candidate, kUrlSafe, false, &out) && IsPrintableAscii(out)) return out;
  return "";
}

}  // namespace leakscan
