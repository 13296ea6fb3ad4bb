#include "sources/chunk_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace leakscan {
namespace {

// Reads all chunks (extended) and returns them.
std::vector<std::string> AllChunks(ByteReader& reader, ChunkSizes sizes) {
  ChunkReader chunks(reader, sizes);
  std::vector<std::string> out;
  while (true) {
    auto more = chunks.ReadChunk();
    EXPECT_TRUE(more.has_value());
    if (!more || !*more) break;
    EXPECT_TRUE(chunks.ExtendToSafeBoundary().has_value());
    out.emplace_back(chunks.chunk());
  }
  return out;
}

// Returns the bytes in pieces of at most `piece` per read, like a pipe.
class PieceReader : public ByteReader {
 public:
  PieceReader(std::string data, size_t piece) : data_(std::move(data)), piece_(piece) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    size_t n = std::min({size, piece_, data_.size() - offset_});
    std::copy_n(data_.data() + offset_, n, buffer);
    offset_ += n;
    return n;
  }

 private:
  std::string data_;
  size_t piece_;
  size_t offset_ = 0;
};

// Returns `good` bytes, then fails every read.
class FailingReader : public ByteReader {
 public:
  explicit FailingReader(std::string good) : good_(std::move(good)) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    if (good_.empty()) return MakeError("read test stream: input/output error");
    size_t n = std::min(size, good_.size());
    std::copy_n(good_.data(), n, buffer);
    good_.erase(0, n);
    return n;
  }

 private:
  std::string good_;
};

TEST(ChunkReaderTest, FirstChunkExtendsToBlankLine) {
  // Direct reads of 8 bytes, a 4-byte read-ahead buffer, up to 6 extra bytes.
  MemoryReader reader("abcdefgh\n\nijklmnopqrstuvwxyz");
  ChunkSizes sizes{.direct_read = 8, .read_ahead = 4, .max_peek = 6};
  std::vector<std::string> chunks = AllChunks(reader, sizes);
  // Chunk 1 is "abcdefgh" plus "\n\n", read through the buffer "\n\nij".
  // Chunk 2 is the buffered "ij" plus 6 bytes, which leaves "qr" buffered.
  ASSERT_EQ(chunks.size(), 4u);
  EXPECT_EQ(chunks[0], "abcdefgh\n\n");
  EXPECT_EQ(chunks[1], "ijklmnop");
  EXPECT_EQ(chunks[2], "qrstuvwx");
  EXPECT_EQ(chunks[3], "yz");
}

TEST(ChunkReaderTest, ChunksConcatenateToTheInput) {
  std::mt19937 random(42);
  std::string input;
  const char alphabet[] = "ab \t\r\n\n";
  for (int i = 0; i < 20000; ++i) input.push_back(alphabet[random() % (sizeof(alphabet) - 1)]);
  for (size_t piece : {1u, 7u, 100u, 100000u}) {
    PieceReader reader(input, piece);
    std::string joined;
    for (const std::string& chunk :
         AllChunks(reader, {.direct_read = 97, .read_ahead = 16, .max_peek = 30})) {
      joined += chunk;
    }
    EXPECT_EQ(joined, input) << "piece size " << piece;
  }
}

TEST(ChunkReaderTest, KeepsChunkThatEndsOnBlankLine) {
  MemoryReader reader("ab\n \t\nnext line");
  ChunkReader chunks(reader, {.direct_read = 6, .read_ahead = 4, .max_peek = 20});
  ASSERT_TRUE(chunks.ReadChunk().value());
  ASSERT_TRUE(chunks.ExtendToSafeBoundary().has_value());
  EXPECT_EQ(chunks.chunk(), "ab\n \t\n");
}

TEST(ChunkReaderTest, ExtensionStopsAtMaxPeek) {
  MemoryReader reader(std::string(50, 'x'));
  ChunkReader chunks(reader, {.direct_read = 10, .read_ahead = 8, .max_peek = 15});
  ASSERT_TRUE(chunks.ReadChunk().value());
  ASSERT_TRUE(chunks.ExtendToSafeBoundary().has_value());
  EXPECT_EQ(chunks.chunk().size(), 25u);
}

TEST(ChunkReaderTest, ExtensionStopsAtEndOfStream) {
  MemoryReader reader("short text");
  ChunkReader chunks(reader, {.direct_read = 4, .read_ahead = 4, .max_peek = 100});
  ASSERT_TRUE(chunks.ReadChunk().value());
  ASSERT_TRUE(chunks.ExtendToSafeBoundary().has_value());
  EXPECT_EQ(chunks.chunk(), "short text");
  EXPECT_FALSE(chunks.ReadChunk().value());
}

TEST(ChunkReaderTest, NewlineCountRestartsAfterText) {
  // "\n x \n" is not a blank line: the "x" resets the count.
  MemoryReader reader("ab\n x \nc\n\nrest");
  ChunkReader chunks(reader, {.direct_read = 2, .read_ahead = 4, .max_peek = 100});
  ASSERT_TRUE(chunks.ReadChunk().value());
  ASSERT_TRUE(chunks.ExtendToSafeBoundary().has_value());
  EXPECT_EQ(chunks.chunk(), "ab\n x \nc\n\n");
}

TEST(ChunkReaderTest, ReadErrorDuringExtensionIsReported) {
  FailingReader reader("abcdef");
  ChunkReader chunks(reader, {.direct_read = 6, .read_ahead = 4, .max_peek = 10});
  ASSERT_TRUE(chunks.ReadChunk().value());
  auto extended = chunks.ExtendToSafeBoundary();
  ASSERT_FALSE(extended.has_value());
  EXPECT_EQ(extended.error().message,
            "could not read until safe boundary: read test stream: input/output error");
}

TEST(ChunkReaderTest, DefaultSizesFollowGitleaksModel) {
  // 250,000 bytes of 10-byte lines, no blank line anywhere.
  std::string input;
  while (input.size() < 250'000) input += "line 0001\n";
  MemoryReader reader(input);
  std::vector<std::string> chunks = AllChunks(reader, {});
  ASSERT_GE(chunks.size(), 3u);
  // The first chunk is one 100,000-byte read plus the 25,000-byte maximum
  // extension; the second is the rest of the read-ahead buffer (25,000 =
  // 6 * 4096 + 424, so 3,672 bytes remain) plus another extension.
  EXPECT_EQ(chunks[0].size(), 125'000u);
  EXPECT_EQ(chunks[1].size(), 3'672u + 25'000u);
}

}  // namespace
}  // namespace leakscan
