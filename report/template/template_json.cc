#include "report/template/template_json.h"

#include <charconv>
#include <cmath>

#include "report/json_encoder.h"
#include "report/template/go_time.h"

namespace leakscan::template_internal {
namespace {

void AppendString(std::string_view text, bool html_safe, std::string* out) {
  if (html_safe) {
    AppendJsonString(text, out);
    return;
  }
  // Encode HTML-safe, then restore <, > and &: their escapes are the only
  // "\u003c"/"\u003e"/"\u0026" sequences preceded by an unescaped backslash.
  std::string safe;
  AppendJsonString(text, &safe);
  for (size_t i = 0; i < safe.size(); ++i) {
    if (safe[i] == '\\' && i + 1 < safe.size()) {
      std::string_view escape = std::string_view(safe).substr(i, 6);
      if (escape == "\\u003c")
        *out += '<';
      else if (escape == "\\u003e")
        *out += '>';
      else if (escape == "\\u0026")
        *out += '&';
      else {
        *out += safe[i];
        *out += safe[i + 1];
        ++i;
        continue;
      }
      i += 5;
      continue;
    }
    *out += safe[i];
  }
}

void AppendFloat64(double value, std::string* out) {
  if (!std::isfinite(value)) {
    *out += "null";  // NOTE: Go's encoder fails on NaN and infinities.
    return;
  }
  double magnitude = std::fabs(value);
  char buffer[512];
  bool exponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                              exponent ? std::chars_format::scientific : std::chars_format::fixed);
  std::string text(buffer, result.ptr);
  size_t n = text.size();
  if (exponent && n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' && text[n - 2] == '0') {
    text.erase(n - 2, 1);
  }
  *out += text;
}

class Encoder {
 public:
  Encoder(bool html_safe, std::string_view indent) : html_safe_(html_safe), indent_(indent) {}

  void Encode(const Value& value, int depth, std::string* out) {
    switch (value.kind()) {
      case Value::Kind::kNil:
        *out += "null";
        return;
      case Value::Kind::kBool:
        *out += value.AsBool() ? "true" : "false";
        return;
      case Value::Kind::kInt:
        *out += std::to_string(value.AsInt());
        return;
      case Value::Kind::kFloat:
        if (value.is_float32())
          AppendJsonFloat32(static_cast<float>(value.AsFloat()), out);
        else
          AppendFloat64(value.AsFloat(), out);
        return;
      case Value::Kind::kString:
        AppendString(value.AsString(), html_safe_, out);
        return;
      case Value::Kind::kTime:
        AppendString(FormatTime(value.AsTime(), "2006-01-02T15:04:05.999999999Z07:00"), html_safe_,
                     out);
        return;
      case Value::Kind::kList:
        EncodeList(value.AsList(), depth, out);
        return;
      case Value::Kind::kMap: {
        std::vector<std::pair<std::string, Value>> members(value.AsMap().begin(),
                                                           value.AsMap().end());
        EncodeObject(members, depth, out);
        return;
      }
      case Value::Kind::kFinding:
        EncodeObject(FindingMembers(value.AsFinding()), depth, out);
        return;
    }
  }

 private:
  static std::vector<std::pair<std::string, Value>> FindingMembers(const Finding& finding) {
    std::vector<std::pair<std::string, Value>> members;
    for (const std::string& name : FindingFieldNames()) {
      if (name == "Line" || (name == "Link" && finding.link.empty())) continue;
      Value field;
      FindingField(finding, name, &field);
      members.emplace_back(name, std::move(field));
    }
    return members;
  }

  void NewLine(int depth, std::string* out) {
    if (indent_.empty()) return;
    *out += '\n';
    for (int i = 0; i < depth; ++i) *out += indent_;
  }

  void EncodeList(const List& items, int depth, std::string* out) {
    *out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) *out += ',';
      NewLine(depth + 1, out);
      Encode(items[i], depth + 1, out);
    }
    if (!items.empty()) NewLine(depth, out);
    *out += ']';
  }

  void EncodeObject(const std::vector<std::pair<std::string, Value>>& members, int depth,
                    std::string* out) {
    *out += '{';
    for (size_t i = 0; i < members.size(); ++i) {
      if (i > 0) *out += ',';
      NewLine(depth + 1, out);
      AppendString(members[i].first, html_safe_, out);
      *out += indent_.empty() ? ":" : ": ";
      Encode(members[i].second, depth + 1, out);
    }
    if (!members.empty()) NewLine(depth, out);
    *out += '}';
  }

  bool html_safe_;
  std::string indent_;
};

}  // namespace

std::string EncodeJson(const Value& value, bool html_safe, std::string_view indent) {
  std::string out;
  Encoder(html_safe, indent).Encode(value, 0, &out);
  return out;
}

}  // namespace leakscan::template_internal
