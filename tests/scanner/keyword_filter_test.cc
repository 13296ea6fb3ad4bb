#include "scanner/keyword_filter.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

std::vector<uint8_t> Present(const KeywordFilter& filter, std::string_view text) {
  std::vector<uint8_t> present;
  filter.FindPresent(text, &present);
  return present;
}

TEST(KeywordFilterTest, FindsOverlappingKeywords) {
  KeywordFilter filter({"he", "she", "his", "hers"});
  EXPECT_EQ(Present(filter, "ushers"), (std::vector<uint8_t>{1, 1, 0, 1}));
}

TEST(KeywordFilterTest, FindsKeywordsAtTextEdges) {
  KeywordFilter filter({"akia", "token"});
  EXPECT_EQ(Present(filter, "akia...token"), (std::vector<uint8_t>{1, 1}));
  EXPECT_EQ(Present(filter, "akitoke"), (std::vector<uint8_t>{0, 0}));
}

TEST(KeywordFilterTest, EmptyKeywordIsNeverPresent) {
  KeywordFilter filter({"", "x"});
  EXPECT_EQ(Present(filter, "xyz"), (std::vector<uint8_t>{0, 1}));
}

TEST(KeywordFilterTest, WorksWithoutKeywords) {
  KeywordFilter filter({});
  EXPECT_TRUE(Present(filter, "anything").empty());
}

TEST(KeywordFilterTest, MatchesNonAsciiBytes) {
  KeywordFilter filter({"cl\xC3\xA9", "\xC3\xA9t"});
  EXPECT_EQ(Present(filter, "une cl\xC3\xA9t"), (std::vector<uint8_t>{1, 1}));
}

TEST(KeywordFilterTest, AsciiScanIgnoresCase) {
  KeywordFilter filter({"akia", "Token"});
  std::vector<uint8_t> present;
  ASSERT_TRUE(filter.FindPresentInAscii("x = AKIA...; TOKEN", &present));
  EXPECT_EQ(present, (std::vector<uint8_t>{1, 1}));
  EXPECT_EQ(Present(filter, "token"), (std::vector<uint8_t>{0, 1}));
}

TEST(KeywordFilterTest, AsciiScanStopsAtNonAsciiByte) {
  KeywordFilter filter({"akia"});
  std::vector<uint8_t> present;
  EXPECT_FALSE(filter.FindPresentInAscii("AKIA \xC3\xA9", &present));
}

TEST(KeywordFilterTest, ContainsAnyStopsAtFirstKeyword) {
  KeywordFilter filter({"example", "sample"});
  EXPECT_TRUE(filter.ContainsAny("my-sample-key"));
  EXPECT_FALSE(filter.ContainsAny("my-simple-key"));
}

}  // namespace
}  // namespace leakscan
