#include "port/retry_policy.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// 2015-10-21T07:28:00Z, the date in the examples below.
constexpr std::time_t kNow = 1445412480;

TEST(IsRetryableStatus, RetriesTransientStatuses) {
  for (long status : {408, 429, 500, 502, 503, 504}) {
    EXPECT_TRUE(IsRetryableStatus(status)) << status;
  }
}

TEST(IsRetryableStatus, DoesNotRetryOtherStatuses) {
  for (long status : {200, 202, 301, 400, 401, 403, 404, 413, 422, 501, 505}) {
    EXPECT_FALSE(IsRetryableStatus(status)) << status;
  }
}

TEST(ParseRetryAfter, ReadsDelaySeconds) {
  EXPECT_EQ(ParseRetryAfter("120", kNow), seconds(120));
  EXPECT_EQ(ParseRetryAfter(" 0 ", kNow), seconds(0));
  EXPECT_EQ(ParseRetryAfter("3\r\n", kNow), seconds(3));
}

TEST(ParseRetryAfter, TreatsHugeDelayAsCap) {
  EXPECT_EQ(ParseRetryAfter("99999999999999999999999", kNow), kMaxRetryAfter);
}

TEST(ParseRetryAfter, ReadsImfFixdate) {
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:30 GMT", kNow), seconds(30));
}

TEST(ParseRetryAfter, ReadsObsoleteDateFormats) {
  EXPECT_EQ(ParseRetryAfter("Wednesday, 21-Oct-15 07:28:10 GMT", kNow), seconds(10));
  EXPECT_EQ(ParseRetryAfter("Wed Oct 21 07:28:05 2015", kNow), seconds(5));
}

TEST(ParseRetryAfter, PastDateMeansNoWait) {
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", kNow), seconds(0));
}

TEST(ParseRetryAfter, RejectsGarbage) {
  EXPECT_EQ(ParseRetryAfter("", kNow), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("-5", kNow), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("soon", kNow), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("1.5", kNow), std::nullopt);
}

TEST(BackoffDelay, DoublesCeilingPerAttempt) {
  EXPECT_EQ(BackoffDelay(1, 0.999), milliseconds(999));
  EXPECT_EQ(BackoffDelay(2, 0.999), milliseconds(1998));
  EXPECT_EQ(BackoffDelay(3, 0.5), milliseconds(2000));
}

TEST(BackoffDelay, AppliesFullJitter) {
  EXPECT_EQ(BackoffDelay(4, 0.0), milliseconds(0));
  EXPECT_EQ(BackoffDelay(4, 0.25), milliseconds(2000));
}

TEST(BackoffDelay, StopsAtCap) {
  EXPECT_EQ(BackoffDelay(10, 0.5), kBackoffCap / 2);
  EXPECT_EQ(BackoffDelay(1000, 0.5), kBackoffCap / 2);
}

TEST(RetryDelay, PrefersRetryAfter) { EXPECT_EQ(RetryDelay(1, "7", kNow, 0.5), seconds(7)); }

TEST(RetryDelay, CapsRetryAfter) { EXPECT_EQ(RetryDelay(1, "3600", kNow, 0.5), kMaxRetryAfter); }

TEST(RetryDelay, FallsBackToBackoff) {
  EXPECT_EQ(RetryDelay(2, "", kNow, 0.5), milliseconds(1000));
  EXPECT_EQ(RetryDelay(2, "later", kNow, 0.5), milliseconds(1000));
}

}  // namespace
}  // namespace leakscan
