#include "scanner/decode_segment.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

EncodedSegment Segment(ByteRange encoded, ByteRange decoded, ByteRange original, int depth,
                       uint8_t encodings) {
  EncodedSegment segment;
  segment.encoded = encoded;
  segment.decoded = decoded;
  segment.original = original;
  segment.depth = depth;
  segment.encodings = encodings;
  return segment;
}

TEST(DecodeSegmentTest, RangeInsideValueMapsToWholeBlob) {
  DecodeRounds rounds = {{Segment({8, 36}, {8, 29}, {8, 36}, 1, kEncodingBase64)}};
  EXPECT_EQ(MapToOriginal({10, 20}, rounds, 1), (ByteRange{8, 36}));
}

TEST(DecodeSegmentTest, RangeStickingOutWidensEncodedRange) {
  // "secret=" + value: the match starts 7 bytes before the decoded value.
  DecodeRounds rounds = {{Segment({7, 39}, {7, 29}, {7, 39}, 1, kEncodingBase64)}};
  EXPECT_EQ(MapToOriginal({0, 29}, rounds, 1), (ByteRange{0, 39}));
  EXPECT_EQ(MapToOriginal({7, 31}, rounds, 1), (ByteRange{7, 41}));
}

TEST(DecodeSegmentTest, MapsThroughEveryRound) {
  DecodeRounds rounds = {{Segment({0, 40}, {0, 30}, {0, 40}, 1, kEncodingBase64)},
                         {Segment({5, 25}, {5, 15}, {0, 40}, 2, kEncodingBase64)}};
  EXPECT_EQ(MapToOriginal({6, 10}, rounds, 2), (ByteRange{0, 40}));
}

TEST(DecodeSegmentTest, RangeOutsideSegmentsIsUnchanged) {
  DecodeRounds rounds = {{Segment({0, 10}, {0, 5}, {0, 10}, 1, kEncodingHex)}};
  EXPECT_EQ(MapToOriginal({7, 9}, rounds, 1), (ByteRange{7, 9}));
  EXPECT_EQ(MapToOriginal({7, 9}, {}, 0), (ByteRange{7, 9}));
}

TEST(DecodeSegmentTest, TagsListKindsInFixedOrder) {
  EncodedSegment a = Segment({0, 1}, {0, 1}, {0, 1}, 3, kEncodingBase64 | kEncodingPercent);
  EncodedSegment b = Segment({2, 3}, {2, 3}, {2, 3}, 3, kEncodingHex);
  std::vector<std::string> tags = {"rule-tag"};
  AppendDecodeTags({&a, &b}, &tags);
  EXPECT_EQ(tags, (std::vector<std::string>{"rule-tag", "decoded:percent", "decoded:hex",
                                            "decoded:base64", "decode-depth:3"}));
}

TEST(DecodeSegmentTest, DecodedLineIncludesLeadingNewline) {
  std::string text = "a\nkey=decoded-value tail\nnext";
  EncodedSegment segment = Segment({6, 20}, {6, 19}, {6, 20}, 1, kEncodingBase64);
  EXPECT_EQ(DecodedLine({&segment}, text), "\nkey=decoded-value tail");
}

TEST(DecodeSegmentTest, DecodedLineOfFirstLineStartsAtZero) {
  EncodedSegment segment = Segment({0, 4}, {0, 3}, {0, 4}, 1, kEncodingHex);
  EXPECT_EQ(DecodedLine({&segment}, "abc def"), "abc def");
}

}  // namespace
}  // namespace leakscan
