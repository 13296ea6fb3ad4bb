#include "config/node_coerce.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "config/text_case.h"

namespace leakscan {
namespace {

using Kind = ConfigNode::Kind;

std::unexpected<Error> CoerceError(const ConfigNode& node, std::string_view field,
                                   std::string_view expected) {
  std::string got(KindName(node.kind));
  if (node.IsScalar() && node.kind != Kind::kNull) {
    Result<std::string> text = CoerceString(node, field);
    if (text) got += " \"" + *text + "\"";
  }
  return MakeError("invalid " + std::string(field) + ": expected " + std::string(expected) +
                   ", got " + got);
}

// Checks Go's rule for underscores in number literals: each one must sit
// between digits, or between a base prefix and a digit.
bool UnderscoresValid(std::string_view digits, bool after_prefix) {
  if (digits.empty()) return false;
  if (digits.front() == '_' && !after_prefix) return false;
  if (digits.back() == '_') return false;
  return digits.find("__") == std::string_view::npos;
}

std::string WithoutUnderscores(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != '_') out.push_back(c);
  }
  return out;
}

// Parses `text` like Go's strconv.ParseInt(text, 0, 64).
bool ParseGoInteger(std::string_view text, int64_t* value) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }

  int base = 10;
  bool letter_prefix = false;
  if (text.size() >= 2 && text[0] == '0') {
    char marker = static_cast<char>(text[1] | 0x20);
    if (marker == 'x' || marker == 'o' || marker == 'b') {
      base = marker == 'x' ? 16 : (marker == 'o' ? 8 : 2);
      letter_prefix = true;
      text.remove_prefix(2);
    } else {
      base = 8;
      text.remove_prefix(1);
    }
  }

  if (text.find('_') != std::string_view::npos) {
    if (!UnderscoresValid(text, letter_prefix || base == 8)) return false;
  }
  std::string digits = WithoutUnderscores(text);
  if (digits.empty()) return false;

  uint64_t magnitude = 0;
  const char* end = digits.data() + digits.size();
  if (std::from_chars(digits.data(), end, magnitude, base).ptr != end) return false;
  constexpr uint64_t kMaxPositive = std::numeric_limits<int64_t>::max();
  if (magnitude > kMaxPositive + (negative ? 1 : 0)) return false;
  *value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return true;
}

// Parses `text` like Go's strconv.ParseFloat(text, 64): decimal and
// hexadecimal forms, "Inf", "Infinity" and "NaN" in any case.
bool ParseGoFloat(std::string_view text, double* value) {
  bool negative = false;
  std::string_view body = text;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  std::string lower = ToLowerUnicode(body);
  if (lower == "inf" || lower == "infinity") {
    *value = negative ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (lower == "nan" && body.size() == text.size()) {
    *value = std::numeric_limits<double>::quiet_NaN();
    return true;
  }

  std::chars_format format = std::chars_format::general;
  if (lower.size() > 2 && lower[0] == '0' && lower[1] == 'x') {
    format = std::chars_format::hex;
    lower = lower.substr(2);
    if (lower.find('p') == std::string::npos) return false;  // Go requires the exponent.
  }
  if (lower.empty() || lower[0] == '-' || lower[0] == '+') return false;
  if (lower.find('_') != std::string::npos) {
    if (!UnderscoresValid(lower, format == std::chars_format::hex)) return false;
    lower = WithoutUnderscores(lower);
  }

  const char* end = lower.data() + lower.size();
  auto [ptr, error] = std::from_chars(lower.data(), end, *value, format);
  if (ptr != end) return false;
  if (error == std::errc::result_out_of_range) *value = HUGE_VAL;
  if (negative) *value = -*value;
  return true;
}

bool ParseGoBool(std::string_view text, bool* value) {
  for (std::string_view yes : {"1", "t", "T", "TRUE", "true", "True"}) {
    if (text == yes) {
      *value = true;
      return true;
    }
  }
  for (std::string_view no : {"0", "f", "F", "FALSE", "false", "False"}) {
    if (text == no) {
      *value = false;
      return true;
    }
  }
  return false;
}

std::string ElementField(std::string_view field, size_t index) {
  return std::string(field) + "[" + std::to_string(index) + "]";
}

}  // namespace

std::string FormatGoFloat(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[512];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed);
  return std::string(buffer, result.ptr);
}

Result<std::string> CoerceString(const ConfigNode& node, std::string_view field) {
  if (!node.text.empty() || node.kind == Kind::kString) return node.text;
  switch (node.kind) {
    case Kind::kNull:
      return std::string();
    case Kind::kInteger:
      return std::to_string(node.integer);
    case Kind::kFloat:
      return FormatGoFloat(node.number);
    case Kind::kBool:
      return std::string(node.boolean ? "1" : "0");
    default:
      return CoerceError(node, field, "a string");
  }
}

Result<int64_t> CoerceInteger(const ConfigNode& node, std::string_view field) {
  switch (node.kind) {
    case Kind::kNull:
      return 0;
    case Kind::kInteger:
      return node.integer;
    case Kind::kFloat:
      if (!std::isfinite(node.number) || std::fabs(node.number) >= 9.2e18) break;
      return static_cast<int64_t>(node.number);
    case Kind::kBool:
      return node.boolean ? 1 : 0;
    case Kind::kString: {
      int64_t value = 0;
      if (node.text.empty() || ParseGoInteger(node.text, &value)) return value;
      break;
    }
    default:
      break;
  }
  return CoerceError(node, field, "an integer");
}

Result<int> CoerceInt(const ConfigNode& node, std::string_view field) {
  Result<int64_t> value = CoerceInteger(node, field);
  if (!value) return std::unexpected(value.error());
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
    return CoerceError(node, field, "an integer that fits in 32 bits");
  }
  return static_cast<int>(*value);
}

Result<double> CoerceFloat(const ConfigNode& node, std::string_view field) {
  switch (node.kind) {
    case Kind::kNull:
      return 0.0;
    case Kind::kInteger:
      return static_cast<double>(node.integer);
    case Kind::kFloat:
      return node.number;
    case Kind::kBool:
      return node.boolean ? 1.0 : 0.0;
    case Kind::kString: {
      double value = 0;
      if (node.text.empty() || ParseGoFloat(node.text, &value)) return value;
      break;
    }
    default:
      break;
  }
  return CoerceError(node, field, "a number");
}

Result<bool> CoerceBool(const ConfigNode& node, std::string_view field) {
  switch (node.kind) {
    case Kind::kNull:
      return false;
    case Kind::kBool:
      return node.boolean;
    case Kind::kInteger:
      return node.integer != 0;
    case Kind::kFloat:
      return node.number != 0;
    case Kind::kString: {
      bool value = false;
      if (node.text.empty() || ParseGoBool(node.text, &value)) return value;
      break;
    }
    default:
      break;
  }
  return CoerceError(node, field, "a boolean");
}

Result<std::vector<std::string>> CoerceStringList(const ConfigNode& node, std::string_view field) {
  std::vector<std::string> out;
  if (node.kind == Kind::kList) {
    for (size_t i = 0; i < node.items.size(); ++i) {
      Result<std::string> item = CoerceString(node.items[i], ElementField(field, i));
      if (!item) return std::unexpected(item.error());
      out.push_back(std::move(*item));
    }
    return out;
  }
  if (node.kind == Kind::kString) {
    if (node.text.empty()) return out;
    size_t start = 0;
    while (true) {
      size_t comma = node.text.find(',', start);
      out.push_back(node.text.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return out;
  }
  if (node.kind == Kind::kNull || (node.kind == Kind::kTable && node.fields.empty())) return out;
  if (node.kind == Kind::kTable) return CoerceError(node, field, "a list of strings");
  Result<std::string> single = CoerceString(node, field);
  if (!single) return std::unexpected(single.error());
  out.push_back(std::move(*single));
  return out;
}

Result<std::vector<const ConfigNode*>> CoerceTableList(const ConfigNode& node,
                                                       std::string_view field) {
  static const ConfigNode kEmptyTable(Kind::kTable);
  std::vector<const ConfigNode*> out;
  if (node.kind == Kind::kList) {
    for (size_t i = 0; i < node.items.size(); ++i) {
      const ConfigNode& item = node.items[i];
      if (item.kind == Kind::kNull) {
        out.push_back(&kEmptyTable);
      } else if (item.kind == Kind::kTable) {
        out.push_back(&item);
      } else {
        return CoerceError(item, ElementField(field, i), "a table");
      }
    }
    return out;
  }
  if (node.kind == Kind::kTable) {
    if (!node.fields.empty()) out.push_back(&node);
    return out;
  }
  if (node.kind == Kind::kNull) return out;
  return CoerceError(node, field, "a list of tables");
}

Status ExpectTable(const ConfigNode& node, std::string_view field) {
  if (node.kind == Kind::kTable) return Ok();
  return CoerceError(node, field, "a table");
}

}  // namespace leakscan
