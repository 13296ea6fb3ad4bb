// Sprig's list and dict functions (list, first, append, uniq, has, dict,
// get, set, keys, ...). Lists are immutable values; dicts are shared, so
// `set` and `unset` change the dict in place as they do in Sprig.
#include <algorithm>

#include "report/template/functions.h"

namespace leakscan::template_internal {
namespace {

using Kind = Value::Kind;

const List& RequireList(const Value& value, const char* function) {
  if (value.kind() != Kind::kList) {
    throw FunctionError(std::string("Cannot ") + function + " on type " + value.TypeName());
  }
  return value.AsList();
}

Map& RequireMap(const Value& value) { return value.AsMap(); }

// reflect.DeepEqual for template values.
bool DeepEqual(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kNil:
      return true;
    case Kind::kBool:
      return a.AsBool() == b.AsBool();
    case Kind::kInt:
      return a.AsInt() == b.AsInt();
    case Kind::kFloat:
      return a.AsFloat() == b.AsFloat() && a.is_float32() == b.is_float32();
    case Kind::kString:
      return a.AsString() == b.AsString();
    case Kind::kFinding:
      return &a.AsFinding() == &b.AsFinding();
    case Kind::kTime:
      return a.AsTime().unix_seconds == b.AsTime().unix_seconds &&
             a.AsTime().nanoseconds == b.AsTime().nanoseconds;
    case Kind::kList: {
      const List& x = a.AsList();
      const List& y = b.AsList();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!DeepEqual(x[i], y[i])) return false;
      }
      return true;
    }
    case Kind::kMap: {
      const Map& x = a.AsMap();
      const Map& y = b.AsMap();
      if (x.size() != y.size()) return false;
      for (const auto& [key, value] : x) {
        auto other = y.find(key);
        if (other == y.end() || !DeepEqual(value, other->second)) return false;
      }
      return true;
    }
  }
  return false;
}

Value MakeList(const List& a) { return Value::MakeList(a); }

Value First(const List& a) {
  const List& list = RequireList(a[0], "find first");
  return list.empty() ? Value() : list.front();
}

Value Last(const List& a) {
  const List& list = RequireList(a[0], "find last");
  return list.empty() ? Value() : list.back();
}

Value Rest(const List& a) {
  const List& list = RequireList(a[0], "find rest");
  if (list.empty()) return Value();
  return Value::MakeList(List(list.begin() + 1, list.end()), a[0].list_type());
}

Value Initial(const List& a) {
  const List& list = RequireList(a[0], "find initial");
  if (list.empty()) return Value();
  return Value::MakeList(List(list.begin(), list.end() - 1), a[0].list_type());
}

Value Append(const List& a) {
  List list = RequireList(a[0], "push");
  list.push_back(a[1]);
  return Value::MakeList(std::move(list));
}

Value Prepend(const List& a) {
  List list = RequireList(a[0], "prepend");
  list.insert(list.begin(), a[1]);
  return Value::MakeList(std::move(list));
}

Value Concat(const List& a) {
  List out;
  for (const Value& item : a) {
    const List& list = RequireList(item, "concat");
    out.insert(out.end(), list.begin(), list.end());
  }
  return Value::MakeList(std::move(out));
}

Value Reverse(const List& a) {
  List list = RequireList(a[0], "find reverse");
  std::reverse(list.begin(), list.end());
  return Value::MakeList(std::move(list), a[0].list_type());
}

Value Uniq(const List& a) {
  List out;
  for (const Value& item : RequireList(a[0], "find uniq")) {
    bool seen = std::any_of(out.begin(), out.end(),
                            [&item](const Value& kept) { return DeepEqual(kept, item); });
    if (!seen) out.push_back(item);
  }
  return Value::MakeList(std::move(out));
}

Value Has(const List& a) {
  if (a[1].is_nil()) return Value::Bool(false);
  for (const Value& item : RequireList(a[1], "find has")) {
    if (DeepEqual(item, a[0])) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Value Without(const List& a) {
  List out;
  for (const Value& item : RequireList(a[0], "find without")) {
    bool omitted = std::any_of(a.begin() + 1, a.end(),
                               [&item](const Value& omit) { return DeepEqual(omit, item); });
    if (!omitted) out.push_back(item);
  }
  return Value::MakeList(std::move(out));
}

Value Compact(const List& a) {
  List out;
  for (const Value& item : RequireList(a[0], "compact")) {
    if (!item.IsEmpty()) out.push_back(item);
  }
  return Value::MakeList(std::move(out));
}

Value Dict(const List& a) {
  auto map = std::make_shared<Map>();
  for (size_t i = 0; i < a.size(); i += 2) {
    (*map)[StringValue(a[i])] = i + 1 < a.size() ? a[i + 1] : Value::String("");
  }
  return Value::MakeMap(map);
}

Value Get(const List& a) {
  auto found = RequireMap(a[0]).find(a[1].AsString());
  return found == RequireMap(a[0]).end() ? Value::String("") : found->second;
}

Value Set(const List& a) {
  RequireMap(a[0])[a[1].AsString()] = a[2];
  return a[0];
}

Value Unset(const List& a) {
  RequireMap(a[0]).erase(a[1].AsString());
  return a[0];
}

Value HasKey(const List& a) { return Value::Bool(RequireMap(a[0]).contains(a[1].AsString())); }

// NOTE: Sprig returns keys in Go's random map order; they are sorted here.
Value Keys(const List& a) {
  std::vector<std::string> keys;
  for (const Value& dict : a) {
    for (const auto& [key, value] : RequireMap(dict)) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  List out;
  for (std::string& key : keys) out.push_back(Value::String(key));
  return Value::MakeList(std::move(out), ListType::kString);
}

Value Values(const List& a) {
  List out;
  for (const auto& [key, value] : RequireMap(a[0])) out.push_back(value);
  return Value::MakeList(std::move(out));
}

}  // namespace

const std::vector<FunctionSpec>& SprigCollectionFunctions() {
  using P = Param;
  static const std::vector<FunctionSpec> functions = {
      {"list", {P::kAny}, true, MakeList},
      {"tuple", {P::kAny}, true, MakeList},
      {"first", {P::kAny}, false, First},
      {"last", {P::kAny}, false, Last},
      {"rest", {P::kAny}, false, Rest},
      {"initial", {P::kAny}, false, Initial},
      {"append", {P::kAny, P::kAny}, false, Append},
      {"push", {P::kAny, P::kAny}, false, Append},
      {"prepend", {P::kAny, P::kAny}, false, Prepend},
      {"concat", {P::kAny}, true, Concat},
      {"reverse", {P::kAny}, false, Reverse},
      {"uniq", {P::kAny}, false, Uniq},
      {"has", {P::kAny, P::kAny}, false, Has},
      {"without", {P::kAny, P::kAny}, true, Without},
      {"compact", {P::kAny}, false, Compact},
      {"dict", {P::kAny}, true, Dict},
      {"get", {P::kMap, P::kString}, false, Get},
      {"set", {P::kMap, P::kString, P::kAny}, false, Set},
      {"unset", {P::kMap, P::kString}, false, Unset},
      {"hasKey", {P::kMap, P::kString}, false, HasKey},
      {"keys", {P::kMap}, true, Keys},
      {"values", {P::kMap}, false, Values},
  };
  return functions;
}

}  // namespace leakscan::template_internal
