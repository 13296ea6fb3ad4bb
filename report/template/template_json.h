// JSON encoding of template values for Sprig's toJson, toRawJson and
// toPrettyJson, matching Go's encoding/json: findings as objects with the
// report's key order (Link omitted when empty, Line never written), maps
// with sorted keys, float32 Entropy in its shortest form.
// Covered by tests/report/template_functions_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "report/template/value.h"

namespace leakscan::template_internal {

// Encodes `value`. With `html_safe`, <, > and & become \u003c, \u003e,
// \u0026 (json.Marshal); without, they stay (Sprig's toRawJson). An empty
// `indent` gives compact output, otherwise json.MarshalIndent's layout.
std::string EncodeJson(const Value& value, bool html_safe, std::string_view indent);

}  // namespace leakscan::template_internal
