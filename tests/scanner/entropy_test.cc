#include "scanner/entropy.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(EntropyTest, MatchesInventedVectors) {
  EXPECT_EQ(static_cast<float>(ShannonEntropy("aaaa")), 0.0f);
  EXPECT_EQ(static_cast<float>(ShannonEntropy("ab")), 1.0f);
  EXPECT_EQ(static_cast<float>(ShannonEntropy("abcd")), 2.0f);
  EXPECT_EQ(static_cast<float>(ShannonEntropy("hunter2")), 2.807355f);
  EXPECT_EQ(static_cast<float>(ShannonEntropy("tok_9fK2mQ7xLp4Rz8Wv")), 4.321928f);
}

TEST(EntropyTest, DividesCodePointCountsByBytes) {
  EXPECT_DOUBLE_EQ(ShannonEntropy("\xC3\xA9"), 0.5);
  // Two invalid bytes are two U+FFFD symbols over two bytes.
  EXPECT_DOUBLE_EQ(ShannonEntropy("\xFF\xFE"), 0.0);
}

TEST(EntropyTest, EmptyIsZero) { EXPECT_EQ(ShannonEntropy(""), 0.0); }

TEST(EntropyTest, MatchesGitleaksReportedValues) {
  EXPECT_EQ(static_cast<float>(ShannonEntropy("AKIALALEMEL33243OLIA")), 3.0841837f);
  EXPECT_EQ(static_cast<float>(ShannonEntropy("cafebabe:deadbeef")), 2.6098502f);
}

}  // namespace
}  // namespace leakscan
