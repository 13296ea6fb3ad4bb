#include "cli/console.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

using std::chrono::nanoseconds;

TEST(HumanBytes, FormatsUnitsLikeGitleaks) {
  EXPECT_EQ(HumanBytes(0), "0");
  EXPECT_EQ(HumanBytes(999), "999 bytes");
  EXPECT_EQ(HumanBytes(1000), "1 KB");
  EXPECT_EQ(HumanBytes(1536), "1.54 KB");
  EXPECT_EQ(HumanBytes(2500000), "2.50 MB");
  EXPECT_EQ(HumanBytes(1000000000), "1 GB");
}

TEST(HumanDuration, RoundsToThreeDigits) {
  EXPECT_EQ(HumanDuration(nanoseconds(1234560000)), "1.23s");
  EXPECT_EQ(HumanDuration(nanoseconds(45678000)), "45.7ms");
  EXPECT_EQ(HumanDuration(nanoseconds(150400000000)), "2m30s");
  EXPECT_EQ(HumanDuration(nanoseconds(9999000000)), "10s");
  EXPECT_EQ(HumanDuration(nanoseconds(5500)), "5.5\u00b5s");
  EXPECT_EQ(HumanDuration(nanoseconds(0)), "0s");
}

TEST(GoDurationString, PrintsHoursAndMinutes) {
  EXPECT_EQ(GoDurationString(3600000000000LL), "1h0m0s");
  EXPECT_EQ(GoDurationString(3661500000000LL), "1h1m1.5s");
  EXPECT_EQ(GoDurationString(999), "999ns");
}

TEST(Banner, MatchesGitleaksBytes) {
  EXPECT_STREQ(kBanner,
               "\n    \xe2\x97\x8b\n    \xe2\x94\x82\xe2\x95\xb2\n    \xe2\x94\x82 \xe2\x97\x8b\n"
               "    \xe2\x97\x8b \xe2\x96\x91\n    \xe2\x96\x91    gitleaks\n\n");
}

}  // namespace
}  // namespace leakscan
