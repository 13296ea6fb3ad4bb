// Compact JSON serialisation of parsed simdjson values, used to rebuild the
// SARIF report as upload bodies: member order and duplicate keys are kept,
// whitespace is dropped, and a filter may rewrite string values (redaction).
// Strings are escaped by the report encoder (report/json_encoder.h), the one
// that wrote the SARIF report, so unchanged strings keep their bytes.
// Covered by tests/port/json_writer_test.cc.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "report/json_encoder.h"

namespace leakscan {

// Decides how each string value is written. The base class writes it
// unchanged.
class JsonStringFilter {
 public:
  virtual ~JsonStringFilter() = default;
  // `key` is the member name holding the value (for an array element, the
  // array's member name) and `parent_key` the member name of the object
  // that contains it. Both are empty at the top level.
  virtual void AppendString(std::string_view parent_key, std::string_view key,
                            std::string_view value, std::string* out) const;
};

// Appends `value` as compact JSON. Object keys are written unchanged; every
// string value goes through `filter` when one is given.
void AppendJson(simdjson::dom::element value, std::string* out,
                const JsonStringFilter* filter = nullptr);

}  // namespace leakscan
