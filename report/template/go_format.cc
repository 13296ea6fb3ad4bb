#include "report/template/go_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "report/template/go_time.h"
#include "report/utf8.h"

namespace leakscan::template_internal {
namespace {

// A parsed %verb with its flags, width and precision.
struct Spec {
  bool minus = false;
  bool plus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  int width = -1;
  int precision = -1;
  char verb = 'v';
};

std::string Pad(std::string text, const Spec& spec, bool numeric) {
  int length = 0;
  for (size_t i = 0; i < text.size();) {
    i += std::max(1, DecodeRune(std::string_view(text).substr(i)).size);
    ++length;
  }
  if (spec.width <= length) return text;
  size_t fill = static_cast<size_t>(spec.width - length);
  if (spec.minus) return text + std::string(fill, ' ');
  if (spec.zero && numeric) {
    size_t sign = (!text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == ' ')) ? 1 : 0;
    return text.substr(0, sign) + std::string(fill, '0') + text.substr(sign);
  }
  return std::string(fill, ' ') + text;
}

// Splits a shortest scientific string ("1.5e+06") into digits and exponent.
void ShortestDigits(double value, bool is_float32, std::string* digits, int* exponent) {
  char buffer[64];
  std::to_chars_result result =
      is_float32
          ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(value),
                          std::chars_format::scientific)
          : std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  size_t e = text.find('e');
  digits->clear();
  for (char c : text.substr(0, e)) {
    if (c >= '0' && c <= '9') digits->push_back(c);
  }
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+' ? 1 : 0), text.data() + text.size(),
                  *exponent);
}

std::string FormatExponent(int exponent) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  return buffer;
}

std::string FormatInt(int64_t value, const Spec& spec) {
  bool negative = value < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  int base = 10;
  std::string prefix;
  switch (spec.verb) {
    case 'b':
      base = 2;
      break;
    case 'o':
    case 'O':
      base = 8;
      if (spec.verb == 'O')
        prefix = "0o";
      else if (spec.sharp)
        prefix = "0";
      break;
    case 'x':
    case 'X':
      base = 16;
      if (spec.sharp) prefix = spec.verb == 'x' ? "0x" : "0X";
      break;
  }
  char buffer[80];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, base);
  std::string digits(buffer, result.ptr);
  if (spec.verb == 'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (spec.precision >= 0 && static_cast<int>(digits.size()) < spec.precision) {
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  }
  std::string sign;
  if (negative) {
    sign = "-";
  } else if (spec.plus) {
    sign = "+";
  } else if (spec.space) {
    sign = " ";
  }
  return Pad(sign + prefix + digits, spec, spec.precision < 0);
}

std::string FormatFloatVerb(double value, bool is_float32, const Spec& spec) {
  std::string text;
  char verb = spec.verb;
  if (std::isinf(value)) {
    if (value < 0) {
      text = "-Inf";
    } else {
      text = spec.plus ? "+Inf" : "Inf";
    }
  } else if (std::isnan(value)) {
    text = "NaN";
  } else if ((verb == 'v' || verb == 'g' || verb == 'G') && spec.precision < 0) {
    text = FormatGoFloat(value, is_float32);
    if (verb == 'G') {
      for (char& c : text) c = c == 'e' ? 'E' : c;
    }
  } else {
    char format[8] = {'%', '.', '*', verb == 'v' ? 'g' : verb, '\0'};
    int precision = spec.precision >= 0 ? spec.precision : 6;
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, format, precision, value);
    text = buffer;
  }
  if (spec.plus && !text.empty() && text[0] != '-' && text[0] != '+')
    text = "+" + text;
  else if (spec.space && !text.empty() && text[0] != '-')
    text = " " + text;
  return Pad(text, spec, std::isfinite(value));
}

std::string QuoteRune(int64_t value) {
  std::string text = "'";
  char32_t rune = value < 0 || value > 0x10FFFF ? 0xFFFD : static_cast<char32_t>(value);
  if (rune == '\'') return "'\\''";
  if (rune == '"') return "'\"'";
  std::string encoded;
  AppendUtf8(rune, &encoded);
  std::string quoted = GoQuote(encoded);
  return text + quoted.substr(1, quoted.size() - 2) + "'";
}

bool CanBackquote(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    DecodedRune decoded = DecodeRune(text.substr(i));
    if (decoded.rune == 0xFFFD && decoded.size == 1 && text.substr(i, 3) != "\xEF\xBF\xBD") {
      return false;
    }
    if (decoded.rune == '`' || decoded.rune == 0xFEFF) return false;
    if (decoded.rune < ' ' && decoded.rune != '\t') return false;
    if (decoded.rune == 0x7F) return false;
    i += decoded.size;
  }
  return true;
}

std::string BadVerb(const Value& value, char verb) {
  std::string text = "%!";
  text += verb;
  if (value.is_nil()) return text + "(<nil>)";
  return text + "(" + value.TypeName() + "=" + FormatValue(value) + ")";
}

std::string FormatArg(const Value& value, const Spec& spec);

std::string FormatContainer(const Value& value, const Spec& spec) {
  Spec inner = spec;
  inner.width = -1;
  std::string text;
  if (value.kind() == Value::Kind::kList) {
    text = "[";
    bool first = true;
    for (const Value& item : value.AsList()) {
      if (!first) text += ' ';
      first = false;
      text += FormatArg(item, inner);
    }
    text += "]";
  } else if (value.kind() == Value::Kind::kMap) {
    text = "map[";
    bool first = true;
    for (const auto& [key, item] : value.AsMap()) {
      if (!first) text += ' ';
      first = false;
      text += FormatArg(Value::String(key), inner) + ":" + FormatArg(item, inner);
    }
    text += "]";
  } else {
    text = "{";
    bool first = true;
    for (const std::string& name : FindingFieldNames()) {
      Value field;
      FindingField(value.AsFinding(), name, &field);
      if (!first) text += ' ';
      first = false;
      text += FormatArg(field, inner);
    }
    text += "}";
  }
  return Pad(text, spec, false);
}

std::string FormatString(const std::string& text, const Spec& spec) {
  switch (spec.verb) {
    case 'v':
    case 's': {
      if (spec.precision < 0) return Pad(text, spec, false);
      size_t end = 0;
      for (int runes = 0; runes < spec.precision && end < text.size(); ++runes) {
        end += std::max(1, DecodeRune(std::string_view(text).substr(end)).size);
      }
      return Pad(text.substr(0, end), spec, false);
    }
    case 'q':
      if (spec.sharp && CanBackquote(text)) return Pad("`" + text + "`", spec, false);
      return Pad(GoQuote(text), spec, false);
    case 'x':
    case 'X': {
      const char* digits = spec.verb == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
      std::string hex;
      for (unsigned char c : text) {
        hex += digits[c >> 4];
        hex += digits[c & 15];
      }
      return Pad(hex, spec, false);
    }
    default:
      return BadVerb(Value::String(text), spec.verb);
  }
}

std::string FormatArg(const Value& value, const Spec& spec) {
  if (spec.verb == 'T') return Pad(value.TypeName(), spec, false);
  switch (value.kind()) {
    case Value::Kind::kNil:
      return spec.verb == 'v' ? Pad("<nil>", spec, false) : BadVerb(value, spec.verb);
    case Value::Kind::kBool:
      if (spec.verb != 'v' && spec.verb != 't') return BadVerb(value, spec.verb);
      return Pad(value.AsBool() ? "true" : "false", spec, false);
    case Value::Kind::kInt:
      switch (spec.verb) {
        case 'v':
        case 'd':
        case 'b':
        case 'o':
        case 'O':
        case 'x':
        case 'X':
          return FormatInt(value.AsInt(), spec);
        case 'c': {
          std::string text;
          AppendUtf8(value.AsInt() < 0 || value.AsInt() > 0x10FFFF
                         ? 0xFFFD
                         : static_cast<char32_t>(value.AsInt()),
                     &text);
          return Pad(text, spec, false);
        }
        case 'q':
          return Pad(QuoteRune(value.AsInt()), spec, false);
        case 'U': {
          char buffer[32];
          std::snprintf(buffer, sizeof buffer, "U+%04llX",
                        static_cast<unsigned long long>(value.AsInt()));
          return Pad(buffer, spec, false);
        }
        default:
          return BadVerb(value, spec.verb);
      }
    case Value::Kind::kFloat:
      switch (spec.verb) {
        case 'v':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          return FormatFloatVerb(value.AsFloat(), value.is_float32(), spec);
        default:
          return BadVerb(value, spec.verb);
      }
    case Value::Kind::kString:
      return FormatString(value.AsString(), spec);
    case Value::Kind::kTime:
      return FormatString(FormatTimeDefault(value.AsTime()), spec);
    case Value::Kind::kList:
    case Value::Kind::kMap:
    case Value::Kind::kFinding:
      return FormatContainer(value, spec);
  }
  return "";
}

// Parses a decimal number at `format[*pos]`; returns -1 when there is none.
int ParseNumber(std::string_view format, size_t* pos) {
  int number = -1;
  while (*pos < format.size() && format[*pos] >= '0' && format[*pos] <= '9') {
    number = (number < 0 ? 0 : number * 10) + (format[*pos] - '0');
    if (number > 1000000) number = 1000000;
    ++*pos;
  }
  return number;
}

// Reads a '*' width or precision from the arguments, as Go does.
int StarArgument(const List& args, size_t* next_arg, std::string* out, bool* ok) {
  if (*next_arg >= args.size()) {
    *out += "%!(BADWIDTH)";
    *ok = false;
    return -1;
  }
  const Value& value = args[(*next_arg)++];
  if (value.kind() != Value::Kind::kInt) {
    *out += "%!(BADWIDTH)";
    *ok = false;
    return -1;
  }
  return static_cast<int>(value.AsInt());
}

}  // namespace

std::string FormatGoFloat(double value, bool is_float32) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  if (value == 0) return std::signbit(value) ? "-0" : "0";
  std::string digits;
  int exponent = 0;
  ShortestDigits(value, is_float32, &digits, &exponent);
  std::string sign = value < 0 ? "-" : "";
  if (exponent < -4 || exponent >= 6) {
    std::string mantissa = digits.substr(0, 1);
    if (digits.size() > 1) mantissa += "." + digits.substr(1);
    return sign + mantissa + FormatExponent(exponent);
  }
  if (exponent < 0)
    return sign + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  size_t integer_digits = static_cast<size_t>(exponent) + 1;
  if (digits.size() <= integer_digits) {
    return sign + digits + std::string(integer_digits - digits.size(), '0');
  }
  return sign + digits.substr(0, integer_digits) + "." + digits.substr(integer_digits);
}

std::string FormatValue(const Value& value) { return FormatArg(value, Spec{}); }

std::string Sprint(const List& args) {
  std::string text;
  for (size_t i = 0; i < args.size(); ++i) {
    bool is_string = args[i].kind() == Value::Kind::kString;
    if (i > 0 && !is_string && args[i - 1].kind() != Value::Kind::kString) text += ' ';
    text += FormatValue(args[i]);
  }
  return text;
}

std::string Sprintln(const List& args) {
  std::string text;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) text += ' ';
    text += FormatValue(args[i]);
  }
  return text + "\n";
}

std::string Sprintf(std::string_view format, const List& args) {
  std::string out;
  size_t next_arg = 0;
  size_t pos = 0;
  while (pos < format.size()) {
    if (format[pos] != '%') {
      out += format[pos++];
      continue;
    }
    ++pos;
    Spec spec;
    for (; pos < format.size(); ++pos) {
      char c = format[pos];
      if (c == '-')
        spec.minus = true;
      else if (c == '+')
        spec.plus = true;
      else if (c == '#')
        spec.sharp = true;
      else if (c == ' ')
        spec.space = true;
      else if (c == '0')
        spec.zero = !spec.minus;
      else
        break;
    }
    bool ok = true;
    if (pos < format.size() && format[pos] == '*') {
      ++pos;
      spec.width = StarArgument(args, &next_arg, &out, &ok);
      if (spec.width < 0 && ok) {
        spec.minus = true;
        spec.width = -spec.width;
      }
    } else {
      spec.width = ParseNumber(format, &pos);
    }
    if (pos < format.size() && format[pos] == '.') {
      ++pos;
      if (pos < format.size() && format[pos] == '*') {
        ++pos;
        spec.precision = StarArgument(args, &next_arg, &out, &ok);
      } else {
        spec.precision = std::max(0, ParseNumber(format, &pos));
      }
    }
    if (pos >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    DecodedRune verb = DecodeRune(format.substr(pos));
    pos += verb.size;
    if (verb.rune == '%') {
      out += '%';
      continue;
    }
    if (verb.rune >= 0x80) {
      std::string encoded;
      AppendUtf8(verb.rune, &encoded);
      out += "%!" + encoded +
             (next_arg < args.size()
                  ? "(" + args[next_arg].TypeName() + "=" + FormatValue(args[next_arg]) + ")"
                  : "(MISSING)");
      if (next_arg < args.size()) ++next_arg;
      continue;
    }
    spec.verb = static_cast<char>(verb.rune);
    if (next_arg >= args.size()) {
      out += std::string("%!") + spec.verb + "(MISSING)";
      continue;
    }
    out += FormatArg(args[next_arg++], spec);
  }
  if (next_arg < args.size()) {
    out += "%!(EXTRA ";
    for (size_t i = next_arg; i < args.size(); ++i) {
      if (i > next_arg) out += ", ";
      out += args[i].is_nil() ? "<nil>" : args[i].TypeName() + "=" + FormatValue(args[i]);
    }
    out += ")";
  }
  return out;
}

bool IsGoPrintable(char32_t r) {
  if (r < 0x20 || r == 0x7F) return false;
  if (r < 0x7F) return true;
  if (r >= 0x80 && r <= 0xA0) return false;  // C1 controls, NO-BREAK SPACE.
  if (r == 0xAD || r == 0x061C || r == 0x06DD || r == 0x070F || r == 0x1680 || r == 0x180E) {
    return false;
  }
  if (r >= 0x0600 && r <= 0x0605) return false;
  if (r >= 0x2000 && r <= 0x200F) return false;  // Spaces, zero-width and marks.
  if (r >= 0x2028 && r <= 0x202F) return false;  // Separators, bidi controls.
  if (r >= 0x205F && r <= 0x206F) return false;
  if (r == 0x3000 || r == 0xFEFF) return false;
  if (r >= 0xD800 && r <= 0xF8FF) return false;  // Surrogates, private use.
  if (r >= 0xFFF9 && r <= 0xFFFB) return false;
  if ((r & 0xFFFE) == 0xFFFE) return false;  // Noncharacters U+xxFFFE/F.
  if (r >= 0xE0000 && r <= 0xE007F) return false;
  if (r >= 0xF0000) return false;  // Private use planes.
  return r <= 0x10FFFF;
}

std::string GoQuote(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    DecodedRune decoded = DecodeRune(text.substr(i));
    unsigned char byte = static_cast<unsigned char>(text[i]);
    bool invalid = decoded.rune == 0xFFFD && decoded.size == 1 && byte >= 0x80;
    if (invalid) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    } else if (decoded.rune == '"' || decoded.rune == '\\') {
      out += '\\';
      out += static_cast<char>(decoded.rune);
    } else if (IsGoPrintable(decoded.rune)) {
      out.append(text.substr(i, decoded.size));
    } else {
      switch (decoded.rune) {
        case '\a':
          out += "\\a";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\v':
          out += "\\v";
          break;
        default: {
          char buffer[16];
          if (decoded.rune < ' ' || decoded.rune == 0x7F) {
            std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(decoded.rune));
          } else if (decoded.rune < 0x10000) {
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(decoded.rune));
          } else {
            std::snprintf(buffer, sizeof buffer, "\\U%08x", static_cast<unsigned>(decoded.rune));
          }
          out += buffer;
        }
      }
    }
    i += decoded.size;
  }
  return out + "\"";
}

}  // namespace leakscan::template_internal
