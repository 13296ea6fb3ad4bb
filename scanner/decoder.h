// Decoder: one round of in-place decoding for the detector's decode
// passes. Finds percent, unicode-escape, hex and base64 candidates with
// one regex (leftmost-first, in that precedence), drops candidates that
// touch a higher-precedence neighbour, decodes the rest and splices the
// values into a new text, recording a segment per decoded candidate.
// Covered by tests/scanner/decoder_test.cc and the decoder conformance group.
#pragma once

#include <string>
#include <string_view>

#include "scanner/decode_segment.h"

namespace leakscan {

// Decodes `text`, the output of the last round in `rounds` or the fragment
// text when `rounds` is empty. On success, writes the new text to *decoded,
// appends the round's segments to *rounds and returns true. Returns false
// and changes nothing when no candidate decoded.
bool DecodeRound(std::string_view text, DecodeRounds* rounds, std::string* decoded);

// Decodes repeatedly until a round decodes nothing; returns the final text.
std::string DecodeFully(std::string_view text);

}  // namespace leakscan
