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

ChunkReader::ChunkReader(ByteReader& reader, ChunkSizes sizes)
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

  int newlines = 0;
  size_t appended = 0;
  while (true) {
    char last = text[chunk_size_ - 1];
    if (last == '\n') {
      if (++newlines >= 2) return Ok();
    } else if (!IsBlank(last)) {
      newlines = 0;
    }
    if (appended >= sizes_.max_peek) return Ok();

    auto next = ReadByte();
    if (!next) return MakeError("could not read until safe boundary: " + next.error().message);
    if (*next < 0) return Ok();
    text[chunk_size_++] = static_cast<char>(*next);
    ++appended;
  }
}

Result<int> ChunkReader::ReadByte() {
  if (ahead_begin_ == ahead_end_) {
    ahead_begin_ = ahead_end_ = 0;
    auto n = reader_.Read(read_ahead_.get(), sizes_.read_ahead);
    if (!n) return std::unexpected(n.error());
    if (*n == 0) return -1;
    ahead_end_ = *n;
  }
  return static_cast<unsigned char>(read_ahead_[ahead_begin_++]);
}

}  // namespace leakscan
