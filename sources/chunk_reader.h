// ChunkReader: cuts a byte stream into the chunks that become fragments,
// reproducing how Gitleaks reads files through a 4096-byte buffered reader.
// A chunk is either what is left in the read-ahead buffer or one direct
// read of up to 100,000 bytes. It is then extended through the read-ahead
// buffer until it ends on a blank line ("\n", optional blanks, "\n") or
// 25,000 bytes were added. Memory use is bounded by those sizes, whatever
// the stream length. Used by ScanText for files, stdin and archive members.
// Covered by tests/sources/chunk_reader_test.cc and the safe_boundary
// conformance group.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "util/error.h"

namespace leakscan {

// A source of bytes: a file descriptor, memory, an archive member.
class ByteReader {
 public:
  virtual ~ByteReader() = default;
  // Reads up to `size` bytes into `buffer`; returns 0 at the end of the
  // stream. The error is one line naming the stream.
  [[nodiscard]] virtual Result<size_t> Read(char* buffer, size_t size) = 0;
};

// Reads a file descriptor it does not own; retries reads interrupted by
// signals. `name` appears in error messages.
class FdReader : public ByteReader {
 public:
  FdReader(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  int fd_;
  std::string name_;
};

// Reads a byte range that outlives the reader.
class MemoryReader : public ByteReader {
 public:
  explicit MemoryReader(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::string_view bytes_;
};

struct ChunkSizes {
  size_t direct_read = 100'000;  // Largest chunk read straight from the stream.
  size_t read_ahead = 4096;      // Read-ahead buffer that extensions read through.
  size_t max_peek = 25'000;      // Most bytes appended to reach a boundary.
};

class ChunkReader {
 public:
  explicit ChunkReader(ByteReader& reader, const ChunkSizes& sizes = {});

  // Replaces the current chunk with the next raw chunk: the unread rest
  // of the read-ahead buffer if any, else one direct read. Returns false
  // at the end of the stream.
  [[nodiscard]] Result<bool> ReadChunk();

  // Appends bytes to the chunk until it ends on a blank line, the stream
  // ends, or max_peek bytes were appended. A chunk that already ends with
  // two newlines separated only by blanks is left as it is.
  [[nodiscard]] Status ExtendToSafeBoundary();

  // The current chunk; valid until the next ReadChunk call.
  std::string_view chunk() const { return {chunk_.get(), chunk_size_}; }

 private:
  // Refills the empty read-ahead buffer with one read; returns false at
  // the end of the stream.
  [[nodiscard]] Result<bool> FillReadAhead();

  ByteReader& reader_;
  ChunkSizes sizes_;
  // Both buffers are allocated once per reader and never zero-filled.
  std::unique_ptr<char[]> chunk_;  // direct_read + max_peek bytes.
  size_t chunk_size_ = 0;
  std::unique_ptr<char[]> read_ahead_;
  size_t ahead_begin_ = 0;
  size_t ahead_end_ = 0;
};

}  // namespace leakscan
