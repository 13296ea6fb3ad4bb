// Decode segments: the bookkeeping of the decoding passes. Each decoding
// round records, per decoded candidate, where it was in the text before
// the round, where its value is after the round, where it maps to in the
// original fragment, and which encodings led to it. The detector uses the
// segments to decide which matches are new in a pass, to map them back to
// original positions, and to build the decode tags and the decoded line.
// Covered by tests/scanner/decode_segment_test.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leakscan {

// Encoding kinds as bits; tags list them in this order.
enum EncodingBit : uint8_t {
  kEncodingPercent = 1,
  kEncodingUnicode = 2,
  kEncodingHex = 4,
  kEncodingBase64 = 8,
};

// A byte range [start, end). Overlap and containment are inclusive of
// touching ends, as in Gitleaks.
struct ByteRange {
  size_t start = 0;
  size_t end = 0;

  bool Overlaps(const ByteRange& other) const { return start <= other.end && other.start <= end; }
  bool Contains(const ByteRange& other) const { return start <= other.start && other.end <= end; }
  bool operator==(const ByteRange&) const = default;
};

struct EncodedSegment {
  ByteRange encoded;      // In the text before the round.
  ByteRange decoded;      // In the text after the round.
  ByteRange original;     // In the fragment text.
  int depth = 0;          // Round number, starting at 1.
  uint8_t encodings = 0;  // EncodingBit set: own kind plus overlapped predecessors'.
};

// Segments of every round so far: rounds[0] is round 1.
using DecodeRounds = std::vector<std::vector<EncodedSegment>>;

// Maps `range`, given in the text produced by round `round_count`, back to
// the fragment text through rounds[round_count - 1], ..., rounds[0].
ByteRange MapToOriginal(ByteRange range, const DecodeRounds& rounds, size_t round_count);

// Appends to *out the segments of `segments` whose decoded range overlaps `range`.
void FindOverlappingSegments(const std::vector<EncodedSegment>& segments, ByteRange range,
                             std::vector<const EncodedSegment*>* out);

// Appends "decoded:<kind>" per encoding (percent, unicode, hex, base64
// order) and "decode-depth:<n>" for the overlapping segments.
void AppendDecodeTags(const std::vector<const EncodedSegment*>& segments,
                      std::vector<std::string>* tags);

// Returns the line of the decoded `text` around the merged decoded ranges
// of `segments`: from the last '\n' at or before the start (or 0) to the
// first '\n' at or after the end (or the end of text).
std::string_view DecodedLine(const std::vector<const EncodedSegment*>& segments,
                             std::string_view text);

}  // namespace leakscan
