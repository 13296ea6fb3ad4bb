// Sprig's string functions (upper, trim, replace, quote, indent, substr,
// split, join, b64enc, sha256sum, ...), with Sprig's argument order: the
// string being worked on comes last, so pipelines can supply it.
#include <openssl/evp.h>

#include <algorithm>
#include <cstring>

#include "report/template/functions.h"
#include "report/template/go_format.h"
#include "report/utf8.h"

namespace leakscan::template_internal {
namespace {

using Kind = Value::Kind;

const std::string& Str(const Value& value) { return value.AsString(); }

Value MapRunes(const std::string& text, char32_t (*map)(char32_t)) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    DecodedRune rune = DecodeRune(std::string_view(text).substr(i));
    if (rune.rune == kReplacementRune && rune.size == 1) {
      out += text[i];
    } else {
      AppendUtf8(map(rune.rune), &out);
    }
    i += static_cast<size_t>(rune.size);
  }
  return Value::String(out);
}

// NOTE: case mapping covers ASCII and Latin-1 letters only; Go maps every
// Unicode letter.
char32_t ToUpperRune(char32_t r) {
  if ((r >= 'a' && r <= 'z') || (r >= 0xE0 && r <= 0xFE && r != 0xF7)) return r - 32;
  return r;
}
char32_t ToLowerRune(char32_t r) {
  if ((r >= 'A' && r <= 'Z') || (r >= 0xC0 && r <= 0xDE && r != 0xD7)) return r + 32;
  return r;
}

Value Upper(const List& a) { return MapRunes(Str(a[0]), ToUpperRune); }
Value Lower(const List& a) { return MapRunes(Str(a[0]), ToLowerRune); }

// Changes the first letter of each word, where words follow a space or
// punctuation, like Go's deprecated strings.Title.
Value ChangeWordStarts(const std::string& text, char32_t (*map)(char32_t)) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < text.size();) {
    DecodedRune rune = DecodeRune(std::string_view(text).substr(i));
    bool letter_or_digit = std::isalnum(static_cast<int>(rune.rune < 0x80 ? rune.rune : 'a')) ||
                           rune.rune == '_' || rune.rune == '\'';
    AppendUtf8(word_start ? map(rune.rune) : rune.rune, &out);
    word_start = !letter_or_digit;
    i += static_cast<size_t>(rune.size);
  }
  return Value::String(out);
}

Value Title(const List& a) { return ChangeWordStarts(Str(a[0]), ToUpperRune); }
Value Untitle(const List& a) { return ChangeWordStarts(Str(a[0]), ToLowerRune); }

Value Trim(const List& a) { return Value::String(std::string(TrimUnicodeSpace(Str(a[0])))); }

Value TrimAll(const List& a) {
  const std::string& cutset = Str(a[0]);
  std::string_view text = Str(a[1]);
  while (!text.empty() && cutset.find(text.front()) != std::string::npos) text.remove_prefix(1);
  while (!text.empty() && cutset.find(text.back()) != std::string::npos) text.remove_suffix(1);
  return Value::String(std::string(text));
}

Value TrimSuffix(const List& a) {
  std::string_view text = Str(a[1]);
  if (text.ends_with(Str(a[0]))) text.remove_suffix(Str(a[0]).size());
  return Value::String(std::string(text));
}

Value TrimPrefix(const List& a) {
  std::string_view text = Str(a[1]);
  if (text.starts_with(Str(a[0]))) text.remove_prefix(Str(a[0]).size());
  return Value::String(std::string(text));
}

std::string ReplaceAll(const std::string& text, const std::string& old, const std::string& with) {
  if (old.empty()) {
    // Go inserts the replacement before every rune and at the end.
    std::string out = with;
    for (size_t i = 0; i < text.size();) {
      size_t size = static_cast<size_t>(DecodeRune(std::string_view(text).substr(i)).size);
      out += text.substr(i, size) + with;
      i += size;
    }
    return out;
  }
  std::string out;
  size_t start = 0;
  for (size_t found; (found = text.find(old, start)) != std::string::npos;) {
    out += text.substr(start, found - start) + with;
    start = found + old.size();
  }
  return out + text.substr(start);
}

Value Replace(const List& a) { return Value::String(ReplaceAll(Str(a[2]), Str(a[0]), Str(a[1]))); }
Value Contains(const List& a) {
  return Value::Bool(Str(a[1]).find(Str(a[0])) != std::string::npos);
}
Value HasPrefix(const List& a) { return Value::Bool(Str(a[1]).starts_with(Str(a[0]))); }
Value HasSuffix(const List& a) { return Value::Bool(Str(a[1]).ends_with(Str(a[0]))); }

Value Quote(const List& a) {
  std::string out;
  for (const Value& item : a) {
    if (item.is_nil()) continue;
    if (!out.empty()) out += ' ';
    out += GoQuote(StringValue(item));
  }
  return Value::String(out);
}

Value Squote(const List& a) {
  std::string out;
  for (const Value& item : a) {
    if (item.is_nil()) continue;
    if (!out.empty()) out += ' ';
    out += "'" + StringValue(item) + "'";
  }
  return Value::String(out);
}

Value Cat(const List& a) {
  List present;
  for (const Value& item : a) {
    if (!item.is_nil()) present.push_back(item);
  }
  std::string out;
  for (size_t i = 0; i < present.size(); ++i) {
    if (i > 0) out += ' ';
    out += FormatValue(present[i]);
  }
  return Value::String(out);
}

Value Indent(const List& a) {
  std::string pad(static_cast<size_t>(std::max<int64_t>(0, a[0].AsInt())), ' ');
  return Value::String(pad + ReplaceAll(Str(a[1]), "\n", "\n" + pad));
}

Value Nindent(const List& a) { return Value::String("\n" + Indent(a).AsString()); }

Value Repeat(const List& a) {
  int64_t count = a[0].AsInt();
  if (count < 0) throw FunctionError("strings: negative Repeat count");
  std::string out;
  for (int64_t i = 0; i < count; ++i) out += Str(a[1]);
  return Value::String(out);
}

Value Substr(const List& a) {
  int64_t start = a[0].AsInt();
  int64_t end = a[1].AsInt();
  const std::string& text = Str(a[2]);
  int64_t length = static_cast<int64_t>(text.size());
  if (start < 0) start = 0;
  if (end < 0 || end > length) end = length;
  if (start > end)
    throw FunctionError("slice bounds out of range [" + std::to_string(start) + ":" +
                        std::to_string(end) + "]");
  return Value::String(text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
}

Value Trunc(const List& a) {
  int64_t count = a[0].AsInt();
  const std::string& text = Str(a[1]);
  int64_t length = static_cast<int64_t>(text.size());
  if (count < 0 && length + count > 0) return Value::String(text.substr(length + count));
  if (count >= 0 && length > count) return Value::String(text.substr(0, count));
  return Value::String(text);
}

Value Abbrev(const List& a) {
  int64_t width = a[0].AsInt();
  const std::string& text = Str(a[1]);
  if (width < 4 || static_cast<int64_t>(text.size()) <= width) return Value::String(text);
  return Value::String(text.substr(0, static_cast<size_t>(width - 3)) + "...");
}

Value Nospace(const List& a) {
  std::string out;
  const std::string& text = Str(a[0]);
  for (size_t i = 0; i < text.size();) {
    DecodedRune rune = DecodeRune(std::string_view(text).substr(i));
    if (!IsUnicodeSpace(rune.rune)) out.append(text, i, static_cast<size_t>(rune.size));
    i += static_cast<size_t>(rune.size);
  }
  return Value::String(out);
}

std::vector<std::string> SplitAll(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  if (separator.empty()) {
    for (size_t i = 0; i < text.size();) {
      size_t size = static_cast<size_t>(DecodeRune(std::string_view(text).substr(i)).size);
      parts.push_back(text.substr(i, size));
      i += size;
    }
    return parts;
  }
  size_t start = 0;
  for (size_t found; (found = text.find(separator, start)) != std::string::npos;) {
    parts.push_back(text.substr(start, found - start));
    start = found + separator.size();
  }
  parts.push_back(text.substr(start));
  return parts;
}

Value SplitList(const List& a) {
  List items;
  for (std::string& part : SplitAll(Str(a[1]), Str(a[0]))) items.push_back(Value::String(part));
  return Value::MakeList(std::move(items), ListType::kString);
}

Value Split(const List& a) {
  auto map = std::make_shared<Map>();
  std::vector<std::string> parts = SplitAll(Str(a[1]), Str(a[0]));
  for (size_t i = 0; i < parts.size(); ++i) {
    (*map)["_" + std::to_string(i)] = Value::String(parts[i]);
  }
  return Value::MakeMap(map);
}

Value Join(const List& a) {
  std::string out;
  std::vector<std::string> parts = ToStrings(a[1]);
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += Str(a[0]);
    out += parts[i];
  }
  return Value::String(out);
}

Value SortAlpha(const List& a) {
  std::vector<std::string> parts = ToStrings(a[0]);
  std::sort(parts.begin(), parts.end());
  List items;
  for (std::string& part : parts) items.push_back(Value::String(part));
  return Value::MakeList(std::move(items), ListType::kString);
}

Value ToStringsFunction(const List& a) {
  List items;
  for (std::string& part : ToStrings(a[0])) items.push_back(Value::String(part));
  return Value::MakeList(std::move(items), ListType::kString);
}

Value ToStringFunction(const List& a) { return Value::String(StringValue(a[0])); }

Value Plural(const List& a) { return a[2].AsInt() == 1 ? a[0] : a[1]; }

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value Base64Encode(const List& a) {
  const std::string& text = Str(a[0]);
  std::string out;
  size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    uint32_t n = (static_cast<unsigned char>(text[i]) << 16) |
                 (static_cast<unsigned char>(text[i + 1]) << 8) |
                 static_cast<unsigned char>(text[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kBase64[(n >> shift) & 63];
  }
  if (i < text.size()) {
    uint32_t n = static_cast<unsigned char>(text[i]) << 16;
    if (i + 1 < text.size()) n |= static_cast<unsigned char>(text[i + 1]) << 8;
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < text.size() ? kBase64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return Value::String(out);
}

// Decodes standard base64; like Sprig, an invalid input gives Go's error
// text as the result instead of failing.
Value Base64Decode(const List& a) {
  const std::string& text = Str(a[0]);
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  size_t padding_at = std::string::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') continue;
    if (c == '=') {
      if (padding_at == std::string::npos) padding_at = i;
      continue;
    }
    const char* position = std::strchr(kBase64, c);
    if (position == nullptr || c == '\0' || padding_at != std::string::npos) {
      return Value::String("illegal base64 data at input byte " + std::to_string(i));
    }
    buffer = (buffer << 6) | static_cast<uint32_t>(position - kBase64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  size_t length = text.size();
  if ((length % 4) != 0) {
    return Value::String("illegal base64 data at input byte " +
                         std::to_string(length - length % 4));
  }
  return Value::String(out);
}

Value Digest(const std::string& text, const EVP_MD* algorithm) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, algorithm, nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return Value::String(out);
}

Value Sha1Sum(const List& a) { return Digest(Str(a[0]), EVP_sha1()); }
Value Sha256Sum(const List& a) { return Digest(Str(a[0]), EVP_sha256()); }

}  // namespace

const std::vector<FunctionSpec>& SprigStringFunctions() {
  using P = Param;
  static const std::vector<FunctionSpec> functions = {
      {"upper", {P::kString}, false, Upper},
      {"lower", {P::kString}, false, Lower},
      {"title", {P::kString}, false, Title},
      {"untitle", {P::kString}, false, Untitle},
      {"trim", {P::kString}, false, Trim},
      {"trimAll", {P::kString, P::kString}, false, TrimAll},
      {"trimall", {P::kString, P::kString}, false, TrimAll},
      {"trimSuffix", {P::kString, P::kString}, false, TrimSuffix},
      {"trimPrefix", {P::kString, P::kString}, false, TrimPrefix},
      {"replace", {P::kString, P::kString, P::kString}, false, Replace},
      {"contains", {P::kString, P::kString}, false, Contains},
      {"hasPrefix", {P::kString, P::kString}, false, HasPrefix},
      {"hasSuffix", {P::kString, P::kString}, false, HasSuffix},
      {"quote", {P::kAny}, true, Quote},
      {"squote", {P::kAny}, true, Squote},
      {"cat", {P::kAny}, true, Cat},
      {"indent", {P::kInt, P::kString}, false, Indent},
      {"nindent", {P::kInt, P::kString}, false, Nindent},
      {"repeat", {P::kInt, P::kString}, false, Repeat},
      {"substr", {P::kInt, P::kInt, P::kString}, false, Substr},
      {"trunc", {P::kInt, P::kString}, false, Trunc},
      {"abbrev", {P::kInt, P::kString}, false, Abbrev},
      {"nospace", {P::kString}, false, Nospace},
      {"splitList", {P::kString, P::kString}, false, SplitList},
      {"split", {P::kString, P::kString}, false, Split},
      {"join", {P::kString, P::kAny}, false, Join},
      {"sortAlpha", {P::kAny}, false, SortAlpha},
      {"toStrings", {P::kAny}, false, ToStringsFunction},
      {"toString", {P::kAny}, false, ToStringFunction},
      {"plural", {P::kString, P::kString, P::kInt}, false, Plural},
      {"b64enc", {P::kString}, false, Base64Encode},
      {"b64dec", {P::kString}, false, Base64Decode},
      {"sha1sum", {P::kString}, false, Sha1Sum},
      {"sha256sum", {P::kString}, false, Sha256Sum},
  };
  return functions;
}

}  // namespace leakscan::template_internal
