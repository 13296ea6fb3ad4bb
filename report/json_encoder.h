// JSON value encoding compatible with Go's encoding/json defaults, shared
// by the JSON, JUnit and SARIF writers (and usable by templates). Gitleaks
// reports are produced by that encoder, so byte-identical reports need its
// exact string escaping and float32 formatting.
// Covered by tests/report/json_encoder_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Appends `text` as a quoted JSON string with Go's HTML-safe escaping:
// `"` and `\` escaped, \b \f \n \r \t as short escapes, other bytes below
// 0x20 and `<` `>` `&` as \u00xx (lower-case hex), U+2028 and U+2029 as
// \u2028 and \u2029, each invalid UTF-8 byte as \ufffd, everything else
// (including DEL and valid non-ASCII text) verbatim.
void AppendJsonString(std::string_view text, std::string* out);

// Appends a float32 the way Go encodes it: the shortest decimal that
// round-trips the 32-bit value, in plain notation for magnitudes in
// [1e-6, 1e21) and zero, otherwise in exponent form with a one-digit
// negative exponent written without its leading zero (1e-7, 1e+21).
// NOTE: Go refuses NaN and infinities (the whole report fails); they are
// written as 0 here, because entropy values are never NaN or infinite.
void AppendJsonFloat32(float value, std::string* out);

}  // namespace leakscan
