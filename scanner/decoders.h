// Decoders for one candidate of each encoding kind found by the decoding
// pass. Each returns the decoded value, or an empty string when the
// candidate does not decode to printable text (the candidate then stays
// as it is). "Printable" means tab, LF, VT, FF, CR and space through '~'.
// Covered by tests/scanner/decoders_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Replaces each "%XX" (not starting in the last two bytes) by its byte.
std::string DecodePercent(std::string_view candidate);

// Decodes a run of "U+XXXX" code points (each followed by optional
// whitespace) or of "\uXXXX" / "\\uXXXX" escapes into UTF-8.
std::string DecodeUnicode(std::string_view candidate);

// Decodes an even-length hex string that contains at least one digit.
std::string DecodeHex(std::string_view candidate);

// Decodes standard padded base64, else unpadded URL-safe base64. The
// candidate must contain one of "0-9+/-_".
std::string DecodeBase64(std::string_view candidate);

bool IsPrintableAscii(std::string_view bytes);

}  // namespace leakscan
