#include "sources/text_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/sources/source_test_util.h"

namespace leakscan {
namespace {

using testing::CollectedFragment;
using testing::FragmentCollector;

constexpr char kToken[] = "AKIAIOSFODNN7EXAMPLE";

std::vector<CollectedFragment> Scan(ByteReader& reader, ChunkSizes sizes = {},
                                    Status* status = nullptr) {
  FragmentCollector collector;
  Fragment prototype;
  prototype.file_path = "dir/file.txt";
  prototype.order_major = 7;
  uint64_t next_minor = 0;
  Status result = ScanText(reader, prototype, &next_minor, nullptr, collector.Handler(), sizes);
  if (status != nullptr) *status = result;
  return collector.Sorted();
}

// Line number (1-based) of `offset` in `text`.
int LineOf(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// Short lines with the token placed so it starts `before_border` bytes
// before the end of the first 100,000-byte read.
std::string FileWithTokenAtBorder(size_t before_border) {
  std::string text;
  while (text.size() < 100'000 - before_border) text += "x = 1\n";
  text.resize(100'000 - before_border);
  text += std::string("key = ") + kToken + "\n";
  while (text.size() < 300'000) text += "y = 2\n";
  return text;
}

TEST(ScanTextTest, StartLineCountsEarlierNewlines) {
  MemoryReader reader("a\nb\nc\n\nd\ne\nf\n\ng\n");
  auto fragments = Scan(reader, {.direct_read = 4, .read_ahead = 4, .max_peek = 100});
  ASSERT_EQ(fragments.size(), 3u);
  EXPECT_EQ(fragments[0].raw, "a\nb\nc\n\n");
  EXPECT_EQ(fragments[0].start_line, 1);
  EXPECT_EQ(fragments[1].raw, "d\ne\nf\n\n");
  EXPECT_EQ(fragments[1].start_line, 5);
  EXPECT_EQ(fragments[2].raw, "g\n");
  EXPECT_EQ(fragments[2].start_line, 9);
}

TEST(ScanTextTest, SetsOrderKeysAndPath) {
  MemoryReader reader("a\n\nb\n\nc");
  auto fragments = Scan(reader, {.direct_read = 2, .read_ahead = 2, .max_peek = 10});
  ASSERT_EQ(fragments.size(), 3u);
  for (size_t i = 0; i < fragments.size(); ++i) {
    EXPECT_EQ(fragments[i].file_path, "dir/file.txt");
    EXPECT_EQ(fragments[i].order_major, 7u);
    EXPECT_EQ(fragments[i].order_minor, i);
  }
}

TEST(ScanTextTest, TokenNearChunkBorderStaysWhole) {
  for (size_t before_border : {1u, 5u, 10u, 15u, 20u, 26u, 40u}) {
    std::string text = FileWithTokenAtBorder(before_border);
    MemoryReader reader(text);
    auto fragments = Scan(reader);
    int containing = 0;
    for (const auto& fragment : fragments) {
      size_t at = fragment.raw.find(kToken);
      if (at == std::string::npos) continue;
      ++containing;
      int line = fragment.start_line + static_cast<int>(std::count(
                                           fragment.raw.begin(), fragment.raw.begin() + at, '\n'));
      EXPECT_EQ(line, LineOf(text, text.find(kToken))) << "before_border " << before_border;
    }
    EXPECT_EQ(containing, 1) << "before_border " << before_border;
  }
}

TEST(ScanTextTest, LinesCrossingChunksKeepExactNumbers) {
  std::string text;
  for (int i = 1; i <= 60'000; ++i) text += "line " + std::to_string(i) + "\n";
  MemoryReader reader(text);
  auto fragments = Scan(reader);
  ASSERT_GT(fragments.size(), 2u);
  std::string joined;
  for (const auto& fragment : fragments) {
    EXPECT_EQ(fragment.start_line, LineOf(text, joined.size()));
    // The fragment's first complete line carries its own number.
    size_t newline = fragment.raw.find('\n');
    std::string next =
        fragment.raw.substr(newline + 1, fragment.raw.find('\n', newline + 1) - newline - 1);
    if (!next.empty()) {
      EXPECT_EQ(next, "line " + std::to_string(fragment.start_line + 1));
    }
    joined += fragment.raw;
  }
  EXPECT_EQ(joined, text);
}

TEST(ScanTextTest, CountsDenseNewlines) {
  std::string text(250'000, '\n');
  text += "end\n";
  MemoryReader reader(text);
  auto fragments = Scan(reader);
  ASSERT_EQ(fragments.size(), 3u);
  EXPECT_EQ(fragments[1].start_line, 100'001);
  EXPECT_EQ(fragments[2].start_line, 200'001);
}

TEST(ScanTextTest, SkipsBinaryFile) {
  std::string elf =
      "\x7F"
      "ELF" +
      std::string(100, '\1') + "\nkey = AKIAIOSFODNN7EXAMPLE\n";
  MemoryReader reader(elf);
  EXPECT_TRUE(Scan(reader).empty());
}

TEST(ScanTextTest, SniffsLaterChunksUntilFirstNewline) {
  // Chunk 1 is "abcdefgh" + "ij"; chunk 2 is the buffered "MZ", sniffed
  // because no newline was seen yet.
  MemoryReader reader("abcdefghijMZxx");
  auto fragments = Scan(reader, {.direct_read = 8, .read_ahead = 4, .max_peek = 2});
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].raw, "abcdefghij");
}

TEST(ScanTextTest, StopsSniffingAfterNewline) {
  MemoryReader reader("abcdefg\nijMZxx");
  auto fragments = Scan(reader, {.direct_read = 8, .read_ahead = 4, .max_peek = 2});
  ASSERT_EQ(fragments.size(), 2u);
  EXPECT_EQ(fragments[0].raw, "abcdefg\nij");
  EXPECT_EQ(fragments[1].raw, "MZxx");
}

TEST(ScanTextTest, ReadErrorKeepsEarlierChunks) {
  class FailAfterFirstRead : public ByteReader {
   public:
    Result<size_t> Read(char* buffer, size_t size) override {
      if (done_) return MakeError("read pipe: input/output error");
      done_ = true;
      std::string data = "first\n\n";
      std::copy(data.begin(), data.end(), buffer);
      return data.size();
    }

   private:
    bool done_ = false;
  } reader;
  Status status;
  auto fragments = Scan(reader, {}, &status);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message, "could not read file: read pipe: input/output error");
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].raw, "first\n\n");
}

TEST(ScanTextTest, CancelledBeforeStart) {
  std::atomic<bool> cancelled{true};
  MemoryReader reader("text\n");
  FragmentCollector collector;
  Fragment prototype;
  uint64_t next_minor = 0;
  Status status = ScanText(reader, prototype, &next_minor, &cancelled, collector.Handler());
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message, "context canceled");
  EXPECT_TRUE(collector.Sorted().empty());
}

TEST(ScanTextTest, EmptyStreamGivesNoFragment) {
  MemoryReader reader("");
  Status status;
  EXPECT_TRUE(Scan(reader, {}, &status).empty());
  EXPECT_TRUE(status.has_value());
}

}  // namespace
}  // namespace leakscan
