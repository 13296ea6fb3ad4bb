#include "report/json_encoder.h"

#include <charconv>
#include <cmath>
#include <string>

#include "report/utf8.h"

namespace leakscan {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Returns the short escape for `byte`, or '\0' when it has none.
char ShortEscape(unsigned char byte) {
  switch (byte) {
    case '"':
      return '"';
    case '\\':
      return '\\';
    case '\b':
      return 'b';
    case '\f':
      return 'f';
    case '\n':
      return 'n';
    case '\r':
      return 'r';
    case '\t':
      return 't';
    default:
      return '\0';
  }
}

bool NeedsUnicodeEscape(unsigned char byte) {
  return byte < 0x20 || byte == '<' || byte == '>' || byte == '&';
}

void AppendAsciiEscape(unsigned char byte, std::string* out) {
  if (char short_escape = ShortEscape(byte); short_escape != '\0') {
    out->push_back('\\');
    out->push_back(short_escape);
    return;
  }
  out->append("\\u00");
  out->push_back(kHexDigits[byte >> 4]);
  out->push_back(kHexDigits[byte & 0xF]);
}

// Appends mantissa x 10^exponent in plain notation, where `mantissa` is
// the digit string of scientific notation ("-1.2345679", "5", "0").
void AppendPlainDecimal(std::string_view mantissa, int exponent, std::string* out) {
  if (!mantissa.empty() && mantissa.front() == '-') {
    out->push_back('-');
    mantissa.remove_prefix(1);
  }
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits.push_back(c);
  }
  if (exponent < 0) {
    out->append("0.");
    out->append(static_cast<size_t>(-exponent - 1), '0');
    out->append(digits);
    return;
  }
  size_t integer_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= integer_digits) {
    out->append(digits);
    out->append(integer_digits - digits.size(), '0');
    return;
  }
  out->append(digits, 0, integer_digits);
  out->push_back('.');
  out->append(digits, integer_digits);
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  size_t copied_up_to = 0;  // Runs of plain bytes are appended in one call.
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (ShortEscape(byte) == '\0' && !NeedsUnicodeEscape(byte)) {
        ++i;
        continue;
      }
      out->append(text.substr(copied_up_to, i - copied_up_to));
      AppendAsciiEscape(byte, out);
      copied_up_to = ++i;
      continue;
    }
    DecodedRune decoded = DecodeRune(text.substr(i));
    bool invalid = decoded.rune == kReplacementRune && decoded.size == 1;
    if (!invalid && decoded.rune != 0x2028 && decoded.rune != 0x2029) {
      i += decoded.size;
      continue;
    }
    out->append(text.substr(copied_up_to, i - copied_up_to));
    out->append(invalid ? "\\ufffd" : (decoded.rune == 0x2028 ? "\\u2028" : "\\u2029"));
    i += decoded.size;
    copied_up_to = i;
  }
  out->append(text.substr(copied_up_to));
  out->push_back('"');
}

void AppendJsonFloat32(float value, std::string* out) {
  if (!std::isfinite(value)) {
    out->push_back('0');
    return;
  }
  // The shortest round-trip digits come from scientific notation; fixed
  // notation in std::to_chars would print every digit of large integers
  // ("123456792"), where Go pads the shortest digits with zeros ("123456790").
  char buffer[64];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string_view scientific(buffer, static_cast<size_t>(end - buffer));
  size_t e = scientific.find('e');
  int exponent = 0;
  std::from_chars(scientific.data() + e + 1 + (scientific[e + 1] == '+' ? 1 : 0),
                  scientific.data() + scientific.size(), exponent);
  std::string_view mantissa = scientific.substr(0, e);

  float magnitude = std::fabs(value);
  if (magnitude != 0 && (magnitude < 1e-6F || magnitude >= 1e21F)) {
    // Go's exponent has at least two digits (1e+21), except that encoding/json
    // drops the leading zero of a negative one (1e-07 becomes 1e-7).
    out->append(mantissa);
    out->push_back('e');
    out->push_back(exponent < 0 ? '-' : '+');
    int absolute = exponent < 0 ? -exponent : exponent;
    if (absolute < 10 && exponent > 0) out->push_back('0');
    out->append(std::to_string(absolute));
    return;
  }
  AppendPlainDecimal(mantissa, exponent, out);
}

}  // namespace leakscan
