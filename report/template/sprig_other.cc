// Sprig's math, default, conversion, JSON, date, regex and path functions.
#include <re2/re2.h>

#include <cmath>

#include "report/template/functions.h"
#include "report/template/go_format.h"
#include "report/template/go_time.h"
#include "report/template/template_json.h"
#include "report/utf8.h"

namespace leakscan::template_internal {
namespace {

Value Add1(const List& a) { return Value::Int(ToInt64(a[0]) + 1); }

Value Add(const List& a) {
  int64_t sum = 0;
  for (const Value& item : a) sum += ToInt64(item);
  return Value::Int(sum);
}

Value Sub(const List& a) { return Value::Int(ToInt64(a[0]) - ToInt64(a[1])); }

Value Mul(const List& a) {
  int64_t product = ToInt64(a[0]);
  for (size_t i = 1; i < a.size(); ++i) product *= ToInt64(a[i]);
  return Value::Int(product);
}

int64_t Divisor(const Value& value) {
  int64_t divisor = ToInt64(value);
  if (divisor == 0) throw FunctionError("runtime error: integer divide by zero");
  return divisor;
}

Value Div(const List& a) { return Value::Int(ToInt64(a[0]) / Divisor(a[1])); }
Value Mod(const List& a) { return Value::Int(ToInt64(a[0]) % Divisor(a[1])); }

Value Max(const List& a) {
  int64_t best = ToInt64(a[0]);
  for (size_t i = 1; i < a.size(); ++i) best = std::max(best, ToInt64(a[i]));
  return Value::Int(best);
}

Value Min(const List& a) {
  int64_t best = ToInt64(a[0]);
  for (size_t i = 1; i < a.size(); ++i) best = std::min(best, ToInt64(a[i]));
  return Value::Int(best);
}

Value Floor(const List& a) { return Value::Float(std::floor(ToFloat64(a[0]))); }
Value Ceil(const List& a) { return Value::Float(std::ceil(ToFloat64(a[0]))); }

Value Atoi(const List& a) {
  const std::string& text = a[0].AsString();
  char* end = nullptr;
  errno = 0;
  long long value = std::strtoll(text.c_str(), &end, 10);
  bool valid = !text.empty() && *end == '\0' && errno == 0 && !std::isspace(text[0]);
  return Value::Int(valid ? value : 0);
}

Value Int(const List& a) { return Value::Int(ToInt64(a[0])); }
Value Float64(const List& a) { return Value::Float(ToFloat64(a[0])); }

Value Default(const List& a) {
  if (a.size() < 2 || a[1].IsEmpty()) return a[0];
  return a[1];
}

Value Empty(const List& a) { return Value::Bool(a[0].IsEmpty()); }

Value Coalesce(const List& a) {
  for (const Value& item : a) {
    if (!item.IsEmpty()) return item;
  }
  return Value();
}

Value Ternary(const List& a) { return a[2].AsBool() ? a[0] : a[1]; }

Value All(const List& a) {
  for (const Value& item : a) {
    if (item.IsEmpty()) return Value::Bool(false);
  }
  return Value::Bool(true);
}

Value Any(const List& a) {
  for (const Value& item : a) {
    if (!item.IsEmpty()) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Value Fail(const List& a) { throw FunctionError(a[0].AsString()); }

Value ToJson(const List& a) { return Value::String(EncodeJson(a[0], true, "")); }
Value ToRawJson(const List& a) { return Value::String(EncodeJson(a[0], false, "")); }
Value ToPrettyJson(const List& a) { return Value::String(EncodeJson(a[0], true, "  ")); }

Value NowFunction(const List&) { return Value::Time(Now()); }

// Sprig's formatDate: times as given, integers as Unix seconds, anything
// else as the current time.
std::string FormatDate(const std::string& layout, const Value& date, const std::string& zone) {
  TimeValue time;
  if (date.kind() == Value::Kind::kTime)
    time = date.AsTime();
  else if (date.kind() == Value::Kind::kInt)
    time = FromUnix(date.AsInt());
  else
    time = Now();
  if (zone == "Local") return FormatTime(InLocal(time), layout);
  if (zone == "UTC" || zone.empty()) return FormatTime(InUtc(time), layout);
  throw FunctionError("time zone \"" + zone +
                      "\" is not supported by leakscan report templates; use \"UTC\" or "
                      "\"Local\"");
}

Value Date(const List& a) { return Value::String(FormatDate(a[0].AsString(), a[1], "Local")); }
Value DateInZone(const List& a) {
  return Value::String(FormatDate(a[0].AsString(), a[1], a[2].AsString()));
}
Value HtmlDate(const List& a) { return Value::String(FormatDate("2006-01-02", a[0], "Local")); }
Value UnixEpoch(const List& a) { return Value::String(std::to_string(a[0].AsTime().unix_seconds)); }

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  auto regex = std::make_unique<RE2>(pattern, RE2::Quiet);
  if (!regex->ok()) {
    throw FunctionError("regexp: Compile(" + GoQuote(pattern) + "): " + regex->error());
  }
  return regex;
}

// Calls `visit(match, groups)` for each successive non-overlapping match,
// skipping empty matches that touch the previous match, as Go does.
template <typename Visit>
void ForEachMatch(const RE2& regex, std::string_view text, int64_t limit, Visit visit) {
  int groups = regex.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> pieces(static_cast<size_t>(groups));
  std::vector<std::string_view> match(static_cast<size_t>(groups));
  size_t pos = 0;
  size_t previous_end = std::string_view::npos;
  int64_t count = 0;
  while (pos <= text.size() && (limit < 0 || count < limit)) {
    if (!regex.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED,
                     pieces.data(), groups)) {
      break;
    }
    for (int g = 0; g < groups; ++g)
      match[g] = std::string_view(pieces[g].data(), pieces[g].size());
    size_t start = static_cast<size_t>(match[0].data() - text.data());
    size_t end = start + match[0].size();
    if (match[0].empty() && start == previous_end) {
      if (start >= text.size()) break;
      pos = start + static_cast<size_t>(std::max(1, DecodeRune(text.substr(start)).size));
      continue;
    }
    visit(start, end, match);
    ++count;
    previous_end = end;
    pos = end > start ? end
                      : end + static_cast<size_t>(std::max(1, DecodeRune(text.substr(end)).size));
  }
}

Value RegexMatch(const List& a) {
  RE2 regex(a[0].AsString(), RE2::Quiet);
  return Value::Bool(regex.ok() && RE2::PartialMatch(a[1].AsString(), regex));
}

Value RegexFind(const List& a) {
  auto regex = Compile(a[0].AsString());
  std::string found;
  ForEachMatch(*regex, a[1].AsString(), 1,
               [&](size_t, size_t, const auto& match) { found = std::string(match[0]); });
  return Value::String(found);
}

Value RegexFindAll(const List& a) {
  auto regex = Compile(a[0].AsString());
  List found;
  ForEachMatch(*regex, a[1].AsString(), a[2].AsInt(), [&](size_t, size_t, const auto& match) {
    found.push_back(Value::String(std::string(match[0])));
  });
  return Value::MakeList(std::move(found), ListType::kString);
}

// Expands $1, ${1}, $name and ${name} like Go's Regexp.Expand; $$ is "$".
std::string Expand(const RE2& regex, std::string_view replacement,
                   const std::vector<std::string_view>& match) {
  std::string out;
  const auto& names = regex.NamedCapturingGroups();
  for (size_t i = 0; i < replacement.size(); ++i) {
    if (replacement[i] != '$') {
      out += replacement[i];
      continue;
    }
    if (i + 1 < replacement.size() && replacement[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    bool braced = i + 1 < replacement.size() && replacement[i + 1] == '{';
    size_t start = i + (braced ? 2 : 1);
    size_t end = start;
    while (
        end < replacement.size() &&
        (std::isalnum(static_cast<unsigned char>(replacement[end])) || replacement[end] == '_')) {
      ++end;
    }
    bool valid = end > start && (!braced || (end < replacement.size() && replacement[end] == '}'));
    if (!valid) {
      out += '$';
      continue;
    }
    std::string name(replacement.substr(start, end - start));
    int index = -1;
    if (name.find_first_not_of("0123456789") == std::string::npos) {
      index = name.size() > 8 ? -1 : std::stoi(name);
    } else if (auto found = names.find(name); found != names.end()) {
      index = found->second;
    }
    if (index >= 0 && static_cast<size_t>(index) < match.size() && match[index].data()) {
      out.append(match[index]);
    }
    i = braced ? end : end - 1;
  }
  return out;
}

Value ReplaceAll(const List& a, bool literal) {
  auto regex = Compile(a[0].AsString());
  std::string_view text = a[1].AsString();
  const std::string& replacement = a[2].AsString();
  std::string out;
  size_t copied = 0;
  ForEachMatch(*regex, text, -1, [&](size_t start, size_t end, const auto& match) {
    out.append(text.substr(copied, start - copied));
    out += literal ? replacement : Expand(*regex, replacement, match);
    copied = end;
  });
  out.append(text.substr(copied));
  return Value::String(out);
}

Value RegexReplaceAll(const List& a) { return ReplaceAll(a, false); }
Value RegexReplaceAllLiteral(const List& a) { return ReplaceAll(a, true); }

Value RegexSplit(const List& a) {
  auto regex = Compile(a[0].AsString());
  std::string_view text = a[1].AsString();
  int64_t limit = a[2].AsInt();
  List parts;
  if (limit == 0) return Value::MakeList(std::move(parts), ListType::kString);
  size_t begin = 0;
  ForEachMatch(*regex, text, limit > 0 ? limit - 1 : -1,
               [&](size_t start, size_t end, const auto&) {
                 if (end == 0 && start == 0) return;
                 parts.push_back(Value::String(std::string(text.substr(begin, start - begin))));
                 begin = end;
               });
  parts.push_back(Value::String(std::string(text.substr(begin))));
  return Value::MakeList(std::move(parts), ListType::kString);
}

Value RegexQuoteMeta(const List& a) {
  std::string out;
  for (char c : a[0].AsString()) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return Value::String(out);
}

// Cleans a slash-separated path lexically, like Go's path.Clean.
std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  bool rooted = path.front() == '/';
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..")
        parts.pop_back();
      else if (!rooted)
        parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out = rooted ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

Value Base(const List& a) {
  std::string_view path = a[0].AsString();
  if (path.empty()) return Value::String(".");
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path == "/") return Value::String("/");
  size_t slash = path.rfind('/');
  return Value::String(
      std::string(slash == std::string_view::npos ? path : path.substr(slash + 1)));
}

Value Dir(const List& a) {
  const std::string& path = a[0].AsString();
  size_t slash = path.rfind('/');
  return Value::String(CleanPath(slash == std::string::npos ? "" : path.substr(0, slash + 1)));
}

Value Ext(const List& a) {
  const std::string& path = a[0].AsString();
  for (size_t i = path.size(); i > 0 && path[i - 1] != '/'; --i) {
    if (path[i - 1] == '.') return Value::String(path.substr(i - 1));
  }
  return Value::String("");
}

Value Clean(const List& a) { return Value::String(CleanPath(a[0].AsString())); }

}  // namespace

const std::vector<FunctionSpec>& SprigOtherFunctions() {
  using P = Param;
  static const std::vector<FunctionSpec> functions = {
      {"add1", {P::kAny}, false, Add1},
      {"add", {P::kAny}, true, Add},
      {"sub", {P::kAny, P::kAny}, false, Sub},
      {"mul", {P::kAny, P::kAny}, true, Mul},
      {"div", {P::kAny, P::kAny}, false, Div},
      {"mod", {P::kAny, P::kAny}, false, Mod},
      {"max", {P::kAny, P::kAny}, true, Max},
      {"min", {P::kAny, P::kAny}, true, Min},
      {"floor", {P::kAny}, false, Floor},
      {"ceil", {P::kAny}, false, Ceil},
      {"atoi", {P::kString}, false, Atoi},
      {"int", {P::kAny}, false, Int},
      {"int64", {P::kAny}, false, Int},
      {"float64", {P::kAny}, false, Float64},
      {"default", {P::kAny, P::kAny}, true, Default},
      {"empty", {P::kAny}, false, Empty},
      {"coalesce", {P::kAny}, true, Coalesce},
      {"ternary", {P::kAny, P::kAny, P::kBool}, false, Ternary},
      {"all", {P::kAny}, true, All},
      {"any", {P::kAny}, true, Any},
      {"fail", {P::kString}, false, Fail},
      {"toJson", {P::kAny}, false, ToJson},
      {"toRawJson", {P::kAny}, false, ToRawJson},
      {"toPrettyJson", {P::kAny}, false, ToPrettyJson},
      {"now", {}, false, NowFunction},
      {"date", {P::kString, P::kAny}, false, Date},
      {"dateInZone", {P::kString, P::kAny, P::kString}, false, DateInZone},
      {"htmlDate", {P::kAny}, false, HtmlDate},
      {"unixEpoch", {P::kTime}, false, UnixEpoch},
      {"regexMatch", {P::kString, P::kString}, false, RegexMatch},
      {"regexFind", {P::kString, P::kString}, false, RegexFind},
      {"regexFindAll", {P::kString, P::kString, P::kInt}, false, RegexFindAll},
      {"regexReplaceAll", {P::kString, P::kString, P::kString}, false, RegexReplaceAll},
      {"regexReplaceAllLiteral",
       {P::kString, P::kString, P::kString},
       false,
       RegexReplaceAllLiteral},
      {"regexSplit", {P::kString, P::kString, P::kInt}, false, RegexSplit},
      {"regexQuoteMeta", {P::kString}, false, RegexQuoteMeta},
      {"base", {P::kString}, false, Base},
      {"dir", {P::kString}, false, Dir},
      {"ext", {P::kString}, false, Ext},
      {"clean", {P::kString}, false, Clean},
  };
  return functions;
}

}  // namespace leakscan::template_internal
