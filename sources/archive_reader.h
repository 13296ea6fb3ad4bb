// ArchiveReader: the one wrapper around libarchive. It opens a compressed
// stream or an archive from a seekable file descriptor, from memory or
// from a forward-only ByteReader (a member of an enclosing archive), walks
// the members and reads their data, turning libarchive status codes into
// Result values. Only built-in decoders are enabled, so libarchive never
// starts an external decompression program.
// Covered by tests/sources/archive_scan_test.cc.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sources/chunk_reader.h"
#include "util/error.h"

struct archive;

namespace leakscan {

// Exactly one of the three is used, in this order: fd, stream, memory.
// zip, 7z and rar need random access, so they must come from fd or memory.
struct ArchiveInput {
  int fd = -1;                   // A regular file positioned at 0; not owned.
  ByteReader* stream = nullptr;  // Read front to back only.
  std::string_view memory;

  static ArchiveInput FromFd(int fd) {
    ArchiveInput input;
    input.fd = fd;
    return input;
  }
  static ArchiveInput FromStream(ByteReader* stream) {
    ArchiveInput input;
    input.stream = stream;
    return input;
  }
  static ArchiveInput FromMemory(std::string_view bytes) {
    ArchiveInput input;
    input.memory = bytes;
    return input;
  }
};

struct ArchiveMember {
  std::string name;  // As stored in the archive; "data" for a single stream.
  bool regular_file = true;
};

class ArchiveReader {
 public:
  // Opens `input` as a single compressed stream when `members` is false,
  // else as an archive (tar, zip, 7z, rar), optionally compressed. `path`
  // names the input in errors.
  [[nodiscard]] static Result<std::unique_ptr<ArchiveReader>> Open(const ArchiveInput& input,
                                                                   bool members,
                                                                   std::string_view path);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // Advances to the next member; returns nullopt after the last one. After
  // an error, fatal() tells whether further members can be read.
  [[nodiscard]] Result<std::optional<ArchiveMember>> NextMember();

  // Reads data of the current member; returns 0 at its end.
  [[nodiscard]] Result<size_t> ReadData(char* buffer, size_t size);

  // True when a decompression filter (gzip, xz, ...) was detected; false
  // when the bytes were passed through unchanged.
  bool decompressing() const;

  // True once libarchive reported an error that ends reading.
  bool fatal() const { return fatal_; }

 private:
  struct StreamClient;

  ArchiveReader(archive* handle, std::string path);
  std::string ErrorText() const;

  archive* handle_;
  std::string path_;
  std::unique_ptr<StreamClient> stream_client_;
  bool fatal_ = false;
};

}  // namespace leakscan
