#include "sources/git_date.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <time.h>

namespace leakscan::git {
namespace {

constexpr int64_t kNow = 1700000000;  // 2023-11-14T22:13:20Z, a Tuesday.

class GitDateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* zone = getenv("TZ");
    saved_zone_ = zone == nullptr ? "" : zone;
    had_zone_ = zone != nullptr;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    if (had_zone_) {
      setenv("TZ", saved_zone_.c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }

 private:
  std::string saved_zone_;
  bool had_zone_ = false;
};

TEST_F(GitDateTest, ReadsUnixTimes) {
  EXPECT_EQ(ParseApproxDate("@1234", kNow), 1234);
  EXPECT_EQ(ParseApproxDate("1600000000", kNow), 1600000000);
  EXPECT_EQ(ParseApproxDate("12345", kNow), std::nullopt);
}

TEST_F(GitDateTest, DateOnlyKeepsTheCurrentTimeOfDay) {
  // git's approxidate fills the missing time from "now" (22:13:20 here).
  EXPECT_EQ(ParseApproxDate("2023-01-02", kNow), 1672697600);
  EXPECT_EQ(ParseApproxDate("2023/01/02", kNow), 1672697600);
  EXPECT_EQ(ParseApproxDate("2023.1.2", kNow), 1672697600);
}

TEST_F(GitDateTest, ReadsIsoTimesWithAndWithoutZones) {
  EXPECT_EQ(ParseApproxDate("2023-01-02T03:04:05Z", kNow), 1672628645);
  EXPECT_EQ(ParseApproxDate("2023-01-02T05:04:05+02:00", kNow), 1672628645);
  EXPECT_EQ(ParseApproxDate("2023-01-02T05:04:05+0200", kNow), 1672628645);
  EXPECT_EQ(ParseApproxDate("2023-01-01T22:04:05-05", kNow), 1672628645);
  EXPECT_EQ(ParseApproxDate("2023-01-02T03:04:05.250Z", kNow), 1672628645);
  // No zone: local time, UTC in this test.
  EXPECT_EQ(ParseApproxDate("2023-01-02T03:04:05", kNow), 1672628645);
  EXPECT_EQ(ParseApproxDate("2023-01-02T03:04", kNow), 1672628640);
}

TEST_F(GitDateTest, ReadsRelativeDates) {
  EXPECT_EQ(ParseApproxDate("now", kNow), kNow);
  EXPECT_EQ(ParseApproxDate("yesterday", kNow), kNow - 86400);
  EXPECT_EQ(ParseApproxDate("2.weeks.ago", kNow), kNow - 14 * 86400);
  EXPECT_EQ(ParseApproxDate("3.days", kNow), kNow - 3 * 86400);
  EXPECT_EQ(ParseApproxDate("1.hour.30.minutes.ago", kNow), kNow - 5400);
  EXPECT_EQ(ParseApproxDate("5_seconds_ago", kNow), kNow - 5);
  // Months and years move calendar fields: 2023-11-14 -> 2022-09-14.
  EXPECT_EQ(ParseApproxDate("1.year.2.months.ago", kNow), 1663193600);
}

TEST_F(GitDateTest, RejectsWhatItCannotRead) {
  for (const char* text : {"", "tomorrowish", "2023-13-01", "2023-01-02T25:00", "3.fortnights",
                           "2023-01-02T03:04:05+99", "ago"}) {
    EXPECT_EQ(ParseApproxDate(text, kNow), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace leakscan::git
