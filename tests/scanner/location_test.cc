#include "scanner/location.h"

#include <gtest/gtest.h>

#include <string>

namespace leakscan {
namespace {

struct LocationCase {
  std::string raw;
  size_t start;
  size_t end;
  int start_line;
  int end_line;
  int start_column;
  int end_column;
  std::string line;
};

Location Locate(const std::string& raw, size_t start, size_t end) {
  std::vector<size_t> newlines;
  FindNewlines(raw, &newlines);
  return LocateMatch(newlines, raw, start, end);
}

TEST(LocationTest, MatchesInventedVectors) {
  const LocationCase cases[] = {
      {"key=AKIAEXAMPLE", 4, 15, 0, 0, 5, 15, "key=AKIAEXAMPLE"},
      {"line1\n\tpassword=hunter2\n", 7, 23, 1, 1, 3, 18, "\n\tpassword=hunter2"},
      {"first\nsecond\r\n", 6, 12, 1, 1, 2, 7, "\nsecond\r"},
      {"a\nb\nsecret", 4, 10, 2, 2, 2, 7, "a\nb\nsecret"},
      {"x\n-----BEGIN K-----\nAAAA\n-----END K-----", 2, 40, 1, 1, 2, 0,
       "\n-----BEGIN K-----\nAAAA\n-----END K-----"},
      {"# settings\napi_token = \"tok_9fK2mQ7xLp4Rz8Wv\"\n", 24, 44, 1, 1, 15, 34,
       "\napi_token = \"tok_9fK2mQ7xLp4Rz8Wv\""},
  };
  for (const LocationCase& c : cases) {
    Location location = Locate(c.raw, c.start, c.end);
    SCOPED_TRACE(c.raw);
    EXPECT_EQ(location.start_line, c.start_line);
    EXPECT_EQ(location.end_line, c.end_line);
    EXPECT_EQ(location.start_column, c.start_column);
    EXPECT_EQ(location.end_column, c.end_column);
    EXPECT_EQ(c.raw.substr(location.line_start, location.line_end - location.line_start), c.line);
  }
}

TEST(LocationTest, FirstLineCountsFromOne) {
  Location location = Locate("api_token = \"tok_9fK2mQ7xLp4Rz8Wv\"\n", 13, 33);
  EXPECT_EQ(location.start_column, 14);
  EXPECT_EQ(location.end_column, 33);
  EXPECT_EQ(location.line_start, 0u);
}

TEST(LocationTest, MatchStartingOnNewlineBelongsToNextLine) {
  Location location = Locate("ab\ncd\n", 2, 5);
  EXPECT_EQ(location.start_line, 1);
  EXPECT_EQ(location.start_column, 1);
  EXPECT_EQ(location.end_column, 3);
}

TEST(LocationTest, UnterminatedLastLineStopsLineAtCarriageReturn) {
  Location location = Locate("a\nxx tok\rrest", 5, 8);
  EXPECT_EQ(location.start_line, 1);
  EXPECT_EQ(location.line_start, 0u);
  EXPECT_EQ(location.line_end, 8u);
}

TEST(LocationTest, MultiLineMatchEndsOnLaterLine) {
  Location location = Locate("aa\nbb\ncc\n", 1, 7);
  EXPECT_EQ(location.start_line, 0);
  EXPECT_EQ(location.end_line, 2);
  EXPECT_EQ(location.start_column, 2);
  EXPECT_EQ(location.end_column, 2);
  EXPECT_EQ(location.line_end, 8u);
}

TEST(LocationTest, UsesGivenNewlineOffsets) {
  // Synthetic offsets with an empty text, as in Gitleaks' own unit test.
  const size_t newlines[] = {39, 55, 57};
  Location first = ComputeLocation(newlines, "", 35, 38);
  EXPECT_EQ(first.start_line, 0);
  EXPECT_EQ(first.start_column, 36);
  EXPECT_EQ(first.end_column, 38);
  Location second = ComputeLocation(newlines, "", 40, 44);
  EXPECT_EQ(second.start_line, 1);
  EXPECT_EQ(second.start_column, 2);
  EXPECT_EQ(second.line_start, 39u);
  EXPECT_EQ(second.line_end, 55u);
}

}  // namespace
}  // namespace leakscan
