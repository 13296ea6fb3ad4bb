#include "report/template/functions.h"

#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "report/template/go_format.h"

namespace leakscan::template_internal {
namespace {

// Sprig (v3) functions this engine does not implement; naming one fails at
// parse time with a clear message instead of "not defined".
const std::set<std::string_view>& UnsupportedSprigFunctions() {
  static const std::set<std::string_view> names = {
      "abbrevboth",
      "add1f",
      "addf",
      "adler32sum",
      "ago",
      "b32dec",
      "b32enc",
      "bcrypt",
      "biggest",
      "buildCustomCert",
      "camelcase",
      "chunk",
      "date_in_zone",
      "date_modify",
      "dateModify",
      "decryptAES",
      "deepCopy",
      "deepEqual",
      "derivePassword",
      "dig",
      "divf",
      "duration",
      "durationRound",
      "encryptAES",
      "fromJson",
      "genCA",
      "genCAWithKey",
      "genPrivateKey",
      "genSelfSignedCert",
      "genSelfSignedCertWithKey",
      "genSignedCert",
      "genSignedCertWithKey",
      "hello",
      "htmlDateInZone",
      "htpasswd",
      "initials",
      "isAbs",
      "kebabcase",
      "kindIs",
      "kindOf",
      "maxf",
      "merge",
      "mergeOverwrite",
      "minf",
      "mulf",
      "must_date_modify",
      "mustAppend",
      "mustChunk",
      "mustCompact",
      "mustDateModify",
      "mustDeepCopy",
      "mustFirst",
      "mustFromJson",
      "mustHas",
      "mustInitial",
      "mustLast",
      "mustMerge",
      "mustMergeOverwrite",
      "mustPrepend",
      "mustPush",
      "mustRegexFind",
      "mustRegexFindAll",
      "mustRegexMatch",
      "mustRegexReplaceAll",
      "mustRegexReplaceAllLiteral",
      "mustRegexSplit",
      "mustRest",
      "mustReverse",
      "mustSlice",
      "mustToDate",
      "mustToJson",
      "mustToPrettyJson",
      "mustToRawJson",
      "mustUniq",
      "mustWithout",
      "omit",
      "osBase",
      "osClean",
      "osDir",
      "osExt",
      "osIsAbs",
      "pick",
      "pluck",
      "randAlpha",
      "randAlphaNum",
      "randAscii",
      "randBytes",
      "randInt",
      "randNumeric",
      "round",
      "semver",
      "semverCompare",
      "seq",
      "shuffle",
      "snakecase",
      "splitn",
      "subf",
      "swapcase",
      "toDate",
      "toDecimal",
      "typeIs",
      "typeIsLike",
      "typeOf",
      "until",
      "untilStep",
      "urlJoin",
      "urlParse",
      "uuidv4",
      "wrap",
      "wrapWith",
      "call",
  };
  return names;
}

// Sprig functions Gitleaks removes because they read the environment or the
// network; Go reports them as not defined.
bool RemovedByGitleaks(std::string_view name) {
  return name == "env" || name == "expandenv" || name == "getHostByName";
}

const std::unordered_map<std::string_view, const FunctionSpec*>& Table() {
  static const auto* table = [] {
    auto* map = new std::unordered_map<std::string_view, const FunctionSpec*>();
    for (const auto* family : {&BuiltinFunctions(), &SprigStringFunctions(),
                               &SprigCollectionFunctions(), &SprigOtherFunctions()}) {
      for (const FunctionSpec& spec : *family) (*map)[spec.name] = &spec;
    }
    return map;
  }();
  return *table;
}

// Parses a string like spf13/cast: decimal, 0x, 0o, 0b or leading-0 octal,
// with a ".0..." suffix allowed; anything else is 0.
int64_t ParseCastInt(std::string text) {
  size_t dot = text.find('.');
  if (dot != std::string::npos && text.find_first_not_of('0', dot + 1) == std::string::npos) {
    text.resize(dot);
  }
  if (text.empty()) return 0;
  std::string body = text;
  bool negative = false;
  if (body[0] == '+' || body[0] == '-') {
    negative = body[0] == '-';
    body = body.substr(1);
  }
  int base = 10;
  if (body.size() > 1 && body[0] == '0') {
    char prefix = static_cast<char>(std::tolower(static_cast<unsigned char>(body[1])));
    if (prefix == 'x')
      base = 16, body = body.substr(2);
    else if (prefix == 'o')
      base = 8, body = body.substr(2);
    else if (prefix == 'b')
      base = 2, body = body.substr(2);
    else
      base = 8, body = body.substr(1);
  }
  if (body.empty()) return 0;
  char* end = nullptr;
  errno = 0;
  long long value = std::strtoll(body.c_str(), &end, base);
  if (*end != '\0' || errno != 0) return 0;
  return negative ? -value : value;
}

}  // namespace

FunctionStatus LookUpFunction(std::string_view name) {
  if (name == "and" || name == "or") return FunctionStatus::kLazy;
  if (RemovedByGitleaks(name)) return FunctionStatus::kNotDefined;
  if (Table().contains(name)) return FunctionStatus::kAvailable;
  if (UnsupportedSprigFunctions().contains(name)) return FunctionStatus::kUnsupported;
  return FunctionStatus::kNotDefined;
}

const FunctionSpec* FindFunction(std::string_view name) {
  auto found = Table().find(name);
  return found == Table().end() ? nullptr : found->second;
}

std::string StringValue(const Value& value) {
  if (value.kind() == Value::Kind::kString) return value.AsString();
  return FormatValue(value);
}

int64_t ToInt64(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kInt:
      return value.AsInt();
    case Value::Kind::kFloat:
      return static_cast<int64_t>(value.AsFloat());
    case Value::Kind::kBool:
      return value.AsBool() ? 1 : 0;
    case Value::Kind::kString:
      return ParseCastInt(value.AsString());
    default:
      return 0;
  }
}

double ToFloat64(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kInt:
      return static_cast<double>(value.AsInt());
    case Value::Kind::kFloat:
      return value.AsFloat();
    case Value::Kind::kBool:
      return value.AsBool() ? 1 : 0;
    case Value::Kind::kString: {
      char* end = nullptr;
      double number = std::strtod(value.AsString().c_str(), &end);
      return *end == '\0' && !value.AsString().empty() ? number : 0;
    }
    default:
      return 0;
  }
}

std::vector<std::string> ToStrings(const Value& value) {
  std::vector<std::string> strings;
  if (value.kind() == Value::Kind::kList) {
    for (const Value& item : value.AsList()) {
      if (!item.is_nil()) strings.push_back(StringValue(item));
    }
  } else if (!value.is_nil()) {
    strings.push_back(StringValue(value));
  }
  return strings;
}

}  // namespace leakscan::template_internal
