#include "sources/chunk_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace leakscan {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsWhitespace(char c) { return IsBlank(c) || c == '\n'; }

// Counts the newlines in the run of whitespace that ends the chunk.
int TrailingWhitespaceNewlines(std::string_view chunk) {
  int newlines = 0;
  for (size_t i = chunk.size(); i > 0 && IsWhitespace(chunk[i - 1]); --i) {
    if (chunk[i - 1] == '\n') ++newlines;
  }
  return newlines;
}

// Returns how many bytes of `run` (at most `size`) belong to the chunk:
// all of them, or up to and including the newline that completes a blank
// line. `*newlines` carries the count of newlines seen since the last
// non-blank byte across calls.
size_t TakeUntilBlankLine(const char* run, size_t size, int* newlines) {
  size_t i = 0;
  while (i < size) {
    if (*newlines == 0) {
      // Only a newline can start a blank line, so skip to the next one.
      const void* next = std::memchr(run + i, '\n', size - i);
      if (next == nullptr) return size;
      i = static_cast<size_t>(static_cast<const char*>(next) - run) + 1;
      *newlines = 1;
      continue;
    }
    char c = run[i++];
    if (c == '\n') {
      if (++*newlines >= 2) return i;
    } else if (!IsBlank(c)) {
      *newlines = 0;
    }
  }
  return size;
}

}  // namespace

Result<size_t> FdReader::Read(char* buffer, size_t size) {
  while (true) {
    ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) {
      std::string reason = std::strerror(errno);
      if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
      return MakeError("read " + name_ + ": " + reason);
    }
  }
}

Result<size_t> MemoryReader::Read(char* buffer, size_t size) {
  size_t n = std::min(size, bytes_.size());
  std::memcpy(buffer, bytes_.data(), n);
  bytes_.remove_prefix(n);
  return n;
}

ChunkReader::ChunkReader(ByteReader& reader, const ChunkSizes& sizes)
    : reader_(reader),
      sizes_(sizes),
      chunk_(new char[std::max(sizes.direct_read, sizes.read_ahead) + sizes.max_peek]),
      read_ahead_(new char[sizes.read_ahead]) {}

Result<bool> ChunkReader::ReadChunk() {
  if (ahead_begin_ < ahead_end_) {
    chunk_size_ = ahead_end_ - ahead_begin_;
    std::memcpy(chunk_.get(), read_ahead_.get() + ahead_begin_, chunk_size_);
    ahead_begin_ = ahead_end_ = 0;
    return true;
  }
  chunk_size_ = 0;
  auto n = reader_.Read(chunk_.get(), sizes_.direct_read);
  if (!n) return std::unexpected(n.error());
  chunk_size_ = *n;
  return *n > 0;
}

Status ChunkReader::ExtendToSafeBoundary() {
  if (chunk_size_ == 0) return Ok();
  char* text = chunk_.get();
  if (IsWhitespace(text[chunk_size_ - 1]) && TrailingWhitespaceNewlines(chunk()) >= 2) {
    return Ok();
  }

  // Byte by byte this is: look at the last byte (a newline counts, a
  // blank keeps the count, anything else resets it), stop at two newlines
  // or after max_peek appended bytes, else append the next byte. The loop
  // below does the same over whole runs of the read-ahead buffer.
  int newlines = 0;
  if (text[chunk_size_ - 1] == '\n') {
    newlines = 1;
  }
  size_t appended = 0;
  while (appended < sizes_.max_peek) {
    if (ahead_begin_ == ahead_end_) {
      auto filled = FillReadAhead();
      if (!filled)
        return MakeError("could not read until safe boundary: " + filled.error().message);
      if (!*filled) return Ok();
    }
    const char* run = read_ahead_.get() + ahead_begin_;
    size_t limit = std::min(ahead_end_ - ahead_begin_, sizes_.max_peek - appended);
    size_t taken = TakeUntilBlankLine(run, limit, &newlines);
    std::memcpy(text + chunk_size_, run, taken);
    chunk_size_ += taken;
    ahead_begin_ += taken;
    appended += taken;
    if (newlines >= 2) return Ok();
  }
  return Ok();
}

Result<bool> ChunkReader::FillReadAhead() {
  ahead_begin_ = ahead_end_ = 0;
  auto n = reader_.Read(read_ahead_.get(), sizes_.read_ahead);
  if (!n) return std::unexpected(n.error());
  ahead_end_ = *n;
  return *n > 0;
}

}  // namespace leakscan
