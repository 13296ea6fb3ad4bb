#include "scanner/decode_segment.h"

#include <algorithm>

namespace leakscan {

ByteRange MapToOriginal(ByteRange range, const DecodeRounds& rounds, size_t round_count) {
  while (round_count > 0) {
    const std::vector<EncodedSegment>& segments = rounds[round_count - 1];
    bool any_overlap = false;
    ByteRange merged;
    for (const EncodedSegment& segment : segments) {
      if (!segment.decoded.Overlaps(range)) continue;
      if (segment.decoded.Contains(range)) return segment.original;
      // Widen the encoded range by as much as `range` sticks out of the
      // decoded value on either side.
      ByteRange candidate{
          segment.encoded.start -
              (segment.decoded.start - std::min(segment.decoded.start, range.start)),
          segment.encoded.end + (std::max(segment.decoded.end, range.end) - segment.decoded.end)};
      if (!any_overlap) {
        merged = candidate;
        any_overlap = true;
      } else {
        merged = {std::min(merged.start, candidate.start), std::max(merged.end, candidate.end)};
      }
    }
    if (!any_overlap) return range;
    range = merged;
    --round_count;
  }
  return range;
}

void FindOverlappingSegments(const std::vector<EncodedSegment>& segments, ByteRange range,
                             std::vector<const EncodedSegment*>* out) {
  for (const EncodedSegment& segment : segments) {
    if (segment.decoded.Overlaps(range)) out->push_back(&segment);
  }
}

void AppendDecodeTags(const std::vector<const EncodedSegment*>& segments,
                      std::vector<std::string>* tags) {
  if (segments.empty()) return;
  uint8_t encodings = 0;
  for (const EncodedSegment* segment : segments) encodings |= segment->encodings;
  static constexpr struct {
    uint8_t bit;
    const char* tag;
  } kKinds[] = {{kEncodingPercent, "decoded:percent"},
                {kEncodingUnicode, "decoded:unicode"},
                {kEncodingHex, "decoded:hex"},
                {kEncodingBase64, "decoded:base64"}};
  for (const auto& kind : kKinds) {
    if (encodings & kind.bit) tags->emplace_back(kind.tag);
  }
  tags->push_back("decode-depth:" + std::to_string(segments.front()->depth));
}

std::string_view DecodedLine(const std::vector<const EncodedSegment*>& segments,
                             std::string_view text) {
  if (segments.empty()) return text;
  ByteRange merged = segments.front()->decoded;
  for (const EncodedSegment* segment : segments) {
    merged.start = std::min(merged.start, segment->decoded.start);
    merged.end = std::max(merged.end, segment->decoded.end);
  }
  size_t start = 0;
  size_t from = std::min(merged.start, text.empty() ? 0 : text.size() - 1);
  size_t newline = text.rfind('\n', from);
  if (newline != std::string_view::npos) start = newline;
  size_t end = text.size();
  if (merged.end < text.size()) {
    size_t next = text.find('\n', merged.end);
    if (next != std::string_view::npos) end = next;
  }
  return text.substr(start, end - start);
}

}  // namespace leakscan
