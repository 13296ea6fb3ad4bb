#include "scanner/decoder.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(DecoderTest, DecodesBase64InPlaceAndRecordsSegment) {
  std::string text = "x\ncfg = ZGVtby1zZWNyZXQtdmFsdWUtMTIz\n";
  DecodeRounds rounds;
  std::string decoded;
  ASSERT_TRUE(DecodeRound(text, &rounds, &decoded));
  EXPECT_EQ(decoded, "x\ncfg = demo-secret-value-123\n");
  ASSERT_EQ(rounds.size(), 1u);
  ASSERT_EQ(rounds[0].size(), 1u);
  const EncodedSegment& segment = rounds[0][0];
  EXPECT_EQ(segment.encoded, (ByteRange{8, 36}));
  EXPECT_EQ(segment.decoded, (ByteRange{8, 29}));
  EXPECT_EQ(segment.original, (ByteRange{8, 36}));
  EXPECT_EQ(segment.depth, 1);
  EXPECT_EQ(segment.encodings, kEncodingBase64);
}

TEST(DecoderTest, NothingToDecodeLeavesStateUnchanged) {
  DecodeRounds rounds;
  std::string decoded = "untouched";
  EXPECT_FALSE(DecodeRound("plain words only", &rounds, &decoded));
  EXPECT_TRUE(rounds.empty());
  EXPECT_EQ(decoded, "untouched");
}

TEST(DecoderTest, ShiftsLaterSegmentsBySizeChanges) {
  std::string text = "a=%41%42 b=%43";
  DecodeRounds rounds;
  std::string decoded;
  ASSERT_TRUE(DecodeRound(text, &rounds, &decoded));
  // One percent candidate spans from the first to the last %XX on the line.
  EXPECT_EQ(decoded, "a=AB b=C");
  ASSERT_EQ(rounds[0].size(), 1u);
  EXPECT_EQ(rounds[0][0].encoded, (ByteRange{2, 14}));
  EXPECT_EQ(rounds[0][0].decoded, (ByteRange{2, 8}));
}

TEST(DecoderTest, SecondRoundAccumulatesEncodingsAndDepth) {
  // Hex of "c2VjcmV0LXZhbHVlLXRlc3Q=" (base64 of "secret-value-test").
  std::string text = "v=6332566a636d56304c585a686248566c4c58526c6333513d";
  DecodeRounds rounds;
  std::string first;
  ASSERT_TRUE(DecodeRound(text, &rounds, &first));
  EXPECT_EQ(first, "v=c2VjcmV0LXZhbHVlLXRlc3Q=");
  std::string second;
  ASSERT_TRUE(DecodeRound(first, &rounds, &second));
  EXPECT_EQ(second, "v=secret-value-test");
  ASSERT_EQ(rounds.size(), 2u);
  const EncodedSegment& segment = rounds[1][0];
  EXPECT_EQ(segment.depth, 2);
  EXPECT_EQ(segment.encodings, kEncodingHex | kEncodingBase64);
  EXPECT_EQ(segment.original, (ByteRange{2, text.size()}));
}

TEST(DecoderTest, HigherPrecedenceNeighbourWins) {
  // The percent candidate touches the base64 run that follows it, so the
  // base64 candidate is dropped in this round.
  DecodeRounds rounds;
  std::string decoded;
  ASSERT_TRUE(DecodeRound("%41bG9uZ2VyLWVuY29kZWQtc2VjcmV0", &rounds, &decoded));
  EXPECT_EQ(decoded, "AbG9uZ2VyLWVuY29kZWQtc2VjcmV0");
}

TEST(DecoderTest, DecodeFullyRepeatsUntilStable) {
  EXPECT_EQ(DecodeFully("secret%253D%2522q%2522"), "secret=\"q\"");
  EXPECT_EQ(DecodeFully(""), "");
}

}  // namespace
}  // namespace leakscan
