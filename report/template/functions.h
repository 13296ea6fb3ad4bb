// Functions: the table of functions a report template may call, the Go
// text/template built-ins plus the supported subset of Sprig. The parser
// uses it to reject unknown and unsupported names; the executor checks
// argument counts and types against each entry before calling it.
// Covered by tests/report/template_functions_test.cc.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "report/template/value.h"

namespace leakscan::template_internal {

// The Go parameter type a function expects; the executor converts or
// rejects arguments accordingly.
enum class Param { kAny, kString, kInt, kFloat, kBool, kList, kMap, kTime };

// Thrown by a function body; the executor reports it as
// "error calling NAME: MESSAGE".
class FunctionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using FunctionBody = Value (*)(const List& args);

struct FunctionSpec {
  std::string_view name;
  std::vector<Param> params;
  bool variadic = false;  // The last parameter repeats zero or more times.
  FunctionBody body = nullptr;
};

enum class FunctionStatus {
  kAvailable,
  kLazy,         // and, or: evaluated by the executor, argument by argument.
  kNotDefined,   // Unknown to Go templates and Sprig, or removed by Gitleaks.
  kUnsupported,  // A Sprig function this engine does not implement.
};

FunctionStatus LookUpFunction(std::string_view name);

// Returns the function's table entry, or null for lazy and missing ones.
const FunctionSpec* FindFunction(std::string_view name);

// The tables of each function family, defined next to their bodies.
const std::vector<FunctionSpec>& BuiltinFunctions();
const std::vector<FunctionSpec>& SprigStringFunctions();
const std::vector<FunctionSpec>& SprigCollectionFunctions();
const std::vector<FunctionSpec>& SprigOtherFunctions();

// Helpers shared by the function bodies, matching Sprig's conversions.
std::string StringValue(const Value& value);             // Sprig strval: %v, strings as is.
int64_t ToInt64(const Value& value);                     // spf13/cast ToInt64, errors -> 0.
double ToFloat64(const Value& value);                    // spf13/cast ToFloat64, errors -> 0.
std::vector<std::string> ToStrings(const Value& value);  // Sprig strslice.

}  // namespace leakscan::template_internal
