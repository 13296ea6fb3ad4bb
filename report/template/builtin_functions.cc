// The functions Go's text/template defines itself (and and or are handled
// by the executor, because they evaluate their arguments lazily).
#include "report/template/functions.h"
#include "report/template/go_format.h"
#include "report/utf8.h"

namespace leakscan::template_internal {
namespace {

using Kind = Value::Kind;

Value Not(const List& args) { return Value::Bool(!args[0].IsTrue()); }

Value Len(const List& args) {
  const Value& item = args[0];
  switch (item.kind()) {
    case Kind::kString:
      return Value::Int(static_cast<int64_t>(item.AsString().size()));
    case Kind::kList:
      return Value::Int(static_cast<int64_t>(item.AsList().size()));
    case Kind::kMap:
      return Value::Int(static_cast<int64_t>(item.AsMap().size()));
    case Kind::kNil:
      throw FunctionError("len of nil pointer");
    default:
      throw FunctionError("len of type " + item.TypeName());
  }
}

int64_t IndexArg(const Value& index, size_t cap) {
  if (index.kind() != Kind::kInt) {
    throw FunctionError("cannot index slice/array with type " + index.TypeName());
  }
  int64_t value = index.AsInt();
  if (value < 0 || static_cast<size_t>(value) >= cap) {
    throw FunctionError("index out of range: " + std::to_string(value));
  }
  return value;
}

Value Index(const List& args) {
  Value item = args[0];
  for (size_t i = 1; i < args.size(); ++i) {
    const Value& index = args[i];
    switch (item.kind()) {
      case Kind::kList:
        item = item.AsList()[IndexArg(index, item.AsList().size())];
        break;
      case Kind::kString: {
        const std::string& text = item.AsString();
        item = Value::Int(static_cast<unsigned char>(text[IndexArg(index, text.size())]));
        break;
      }
      case Kind::kMap: {
        if (index.kind() != Kind::kString) {
          throw FunctionError("value has type " + index.TypeName() + "; should be string");
        }
        auto found = item.AsMap().find(index.AsString());
        item = found == item.AsMap().end() ? Value() : found->second;
        break;
      }
      case Kind::kNil:
        throw FunctionError("index of untyped nil");
      default:
        throw FunctionError("can't index item of type " + item.TypeName());
    }
  }
  return item;
}

Value Slice(const List& args) {
  const Value& item = args[0];
  size_t length = 0;
  if (item.kind() == Kind::kString) {
    length = item.AsString().size();
    if (args.size() > 3) throw FunctionError("cannot 3-index slice a string");
  } else if (item.kind() == Kind::kList) {
    length = item.AsList().size();
  } else if (item.is_nil()) {
    throw FunctionError("slice of untyped nil");
  } else {
    throw FunctionError("can't slice item of type " + item.TypeName());
  }
  if (args.size() > 4) {
    throw FunctionError("too many slice indexes: " + std::to_string(args.size() - 1));
  }
  size_t indexes[3] = {0, length, length};
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i].kind() != Kind::kInt) {
      throw FunctionError("cannot index slice/array with type " + args[i].TypeName());
    }
    int64_t value = args[i].AsInt();
    if (value < 0 || static_cast<size_t>(value) > length) {
      throw FunctionError("index out of range: " + std::to_string(value));
    }
    indexes[i - 1] = static_cast<size_t>(value);
  }
  if (indexes[0] > indexes[1]) {
    throw FunctionError("invalid slice index: " + std::to_string(indexes[0]) + " > " +
                        std::to_string(indexes[1]));
  }
  if (item.kind() == Kind::kString) {
    return Value::String(item.AsString().substr(indexes[0], indexes[1] - indexes[0]));
  }
  const List& list = item.AsList();
  return Value::MakeList(List(list.begin() + static_cast<ptrdiff_t>(indexes[0]),
                              list.begin() + static_cast<ptrdiff_t>(indexes[1])),
                         item.list_type());
}

Value Print(const List& args) { return Value::String(Sprint(args)); }
Value Println(const List& args) { return Value::String(Sprintln(args)); }
Value Printf(const List& args) {
  return Value::String(Sprintf(args[0].AsString(), List(args.begin() + 1, args.end())));
}

// The text the escaping functions work on: a lone string as is, else
// fmt.Sprint of all arguments.
std::string EscaperInput(const List& args) {
  if (args.size() == 1 && args[0].kind() == Kind::kString) return args[0].AsString();
  return Sprint(args);
}

Value Html(const List& args) {
  std::string out;
  for (char c : EscaperInput(args)) {
    switch (c) {
      case '"':
        out += "&#34;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\0':
        out += "\xEF\xBF\xBD";
        break;
      default:
        out += c;
    }
  }
  return Value::String(out);
}

Value Js(const List& args) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string text = EscaperInput(args);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\'':
          out += "\\'";
          break;
        case '"':
          out += "\\\"";
          break;
        case '<':
          out += "\\u003C";
          break;
        case '>':
          out += "\\u003E";
          break;
        case '&':
          out += "\\u0026";
          break;
        case '=':
          out += "\\u003D";
          break;
        default:
          if (c < ' ') {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    DecodedRune rune = DecodeRune(std::string_view(text).substr(i));
    if (IsGoPrintable(rune.rune)) {
      out.append(text, i, static_cast<size_t>(rune.size));
    } else {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(rune.rune));
      out += buffer;
    }
    i += static_cast<size_t>(rune.size);
  }
  return Value::String(out);
}

Value UrlQuery(const List& args) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : EscaperInput(args)) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return Value::String(out);
}

enum class BasicKind { kInvalid, kBool, kInt, kFloat, kString, kOther };

BasicKind Basic(const Value& value) {
  switch (value.kind()) {
    case Kind::kNil:
      return BasicKind::kInvalid;
    case Kind::kBool:
      return BasicKind::kBool;
    case Kind::kInt:
      return BasicKind::kInt;
    case Kind::kFloat:
      return BasicKind::kFloat;
    case Kind::kString:
      return BasicKind::kString;
    default:
      return BasicKind::kOther;
  }
}

bool Equal(const Value& a, const Value& b) {
  BasicKind ka = Basic(a);
  BasicKind kb = Basic(b);
  if (ka != kb) {
    if (ka != BasicKind::kInvalid && kb != BasicKind::kInvalid) {
      throw FunctionError("incompatible types for comparison");
    }
    return false;
  }
  switch (ka) {
    case BasicKind::kInvalid:
      return true;
    case BasicKind::kBool:
      return a.AsBool() == b.AsBool();
    case BasicKind::kInt:
      return a.AsInt() == b.AsInt();
    case BasicKind::kFloat:
      return a.AsFloat() == b.AsFloat();
    case BasicKind::kString:
      return a.AsString() == b.AsString();
    default:
      throw FunctionError("non-comparable type " + a.TypeName());
  }
}

Value Eq(const List& args) {
  if (args.size() < 2) throw FunctionError("missing argument for comparison");
  for (size_t i = 1; i < args.size(); ++i) {
    if (Equal(args[0], args[i])) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Value Ne(const List& args) { return Value::Bool(!Equal(args[0], args[1])); }

bool Less(const Value& a, const Value& b) {
  BasicKind ka = Basic(a);
  BasicKind kb = Basic(b);
  auto orderable = [](BasicKind kind) {
    return kind != BasicKind::kInvalid && kind != BasicKind::kOther;
  };
  if (!orderable(ka) || !orderable(kb)) throw FunctionError("invalid type for comparison");
  if (ka != kb) throw FunctionError("incompatible types for comparison");
  if (ka == BasicKind::kBool) throw FunctionError("invalid type for comparison");
  switch (ka) {
    case BasicKind::kInt:
      return a.AsInt() < b.AsInt();
    case BasicKind::kFloat:
      return a.AsFloat() < b.AsFloat();
    default:
      return a.AsString() < b.AsString();
  }
}

Value Lt(const List& args) { return Value::Bool(Less(args[0], args[1])); }
Value Le(const List& args) {
  return Value::Bool(Less(args[0], args[1]) || Equal(args[0], args[1]));
}
Value Gt(const List& args) {
  return Value::Bool(!Less(args[0], args[1]) && !Equal(args[0], args[1]));
}
Value Ge(const List& args) { return Value::Bool(!Less(args[0], args[1])); }

}  // namespace

const std::vector<FunctionSpec>& BuiltinFunctions() {
  static const std::vector<FunctionSpec> functions = {
      {"not", {Param::kAny}, false, Not},
      {"len", {Param::kAny}, false, Len},
      {"index", {Param::kAny, Param::kAny}, true, Index},
      {"slice", {Param::kAny, Param::kAny}, true, Slice},
      {"print", {Param::kAny}, true, Print},
      {"println", {Param::kAny}, true, Println},
      {"printf", {Param::kString, Param::kAny}, true, Printf},
      {"html", {Param::kAny}, true, Html},
      {"js", {Param::kAny}, true, Js},
      {"urlquery", {Param::kAny}, true, UrlQuery},
      {"eq", {Param::kAny, Param::kAny}, true, Eq},
      {"ne", {Param::kAny, Param::kAny}, false, Ne},
      {"lt", {Param::kAny, Param::kAny}, false, Lt},
      {"le", {Param::kAny, Param::kAny}, false, Le},
      {"gt", {Param::kAny, Param::kAny}, false, Gt},
      {"ge", {Param::kAny, Param::kAny}, false, Ge},
  };
  return functions;
}

}  // namespace leakscan::template_internal
