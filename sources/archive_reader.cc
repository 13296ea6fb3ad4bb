#include "sources/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>

namespace leakscan {

// Feeds libarchive from a ByteReader through a fixed buffer.
struct ArchiveReader::StreamClient {
  static constexpr size_t kBufferSize = 64 * 1024;

  ByteReader* reader = nullptr;
  std::unique_ptr<char[]> buffer{new char[kBufferSize]};

  static la_ssize_t Read(archive* handle, void* client_data, const void** block) {
    auto* client = static_cast<StreamClient*>(client_data);
    auto n = client->reader->Read(client->buffer.get(), kBufferSize);
    if (!n) {
      archive_set_error(handle, EIO, "%s", n.error().message.c_str());
      return -1;
    }
    *block = client->buffer.get();
    return static_cast<la_ssize_t>(*n);
  }
};

namespace {

constexpr size_t kFdBlockSize = 64 * 1024;

// Decoders linked into Debian's libarchive; none of them runs a program.
void EnableFilters(archive* handle) {
  archive_read_support_filter_gzip(handle);
  archive_read_support_filter_bzip2(handle);
  archive_read_support_filter_xz(handle);
  archive_read_support_filter_lzma(handle);
  archive_read_support_filter_lzip(handle);
  archive_read_support_filter_lz4(handle);
  archive_read_support_filter_zstd(handle);
}

void EnableFormats(archive* handle, bool members) {
  if (!members) {
    archive_read_support_format_raw(handle);
    return;
  }
  archive_read_support_format_tar(handle);
  archive_read_support_format_zip(handle);
  archive_read_support_format_7zip(handle);
  archive_read_support_format_rar(handle);
  archive_read_support_format_rar5(handle);
}

}  // namespace

ArchiveReader::ArchiveReader(archive* handle, std::string path)
    : handle_(handle), path_(std::move(path)) {}

ArchiveReader::~ArchiveReader() { archive_read_free(handle_); }

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::Open(const ArchiveInput& input, bool members,
                                                           std::string_view path) {
  archive* handle = archive_read_new();
  if (handle == nullptr) return MakeError("open archive " + std::string(path) + ": out of memory");
  std::unique_ptr<ArchiveReader> reader(new ArchiveReader(handle, std::string(path)));
  EnableFilters(handle);
  EnableFormats(handle, members);

  int status;
  if (input.fd >= 0) {
    status = archive_read_open_fd(handle, input.fd, kFdBlockSize);
  } else if (input.stream != nullptr) {
    reader->stream_client_ = std::make_unique<StreamClient>();
    reader->stream_client_->reader = input.stream;
    status = archive_read_open(handle, reader->stream_client_.get(), nullptr, &StreamClient::Read,
                               nullptr);
  } else {
    status = archive_read_open_memory(handle, input.memory.data(), input.memory.size());
  }
  if (status != ARCHIVE_OK) {
    return MakeError("open archive " + std::string(path) + ": " + reader->ErrorText());
  }
  return reader;
}

Result<std::optional<ArchiveMember>> ArchiveReader::NextMember() {
  archive_entry* entry = nullptr;
  int status = archive_read_next_header(handle_, &entry);
  if (status == ARCHIVE_EOF) return std::nullopt;
  if (status == ARCHIVE_FATAL) fatal_ = true;
  if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    return MakeError("read archive " + path_ + ": " + ErrorText());
  }

  ArchiveMember member;
  const char* name = archive_entry_pathname(entry);
  if (name == nullptr) name = archive_entry_pathname_utf8(entry);
  member.name = name != nullptr ? name : "";
  unsigned type = archive_entry_filetype(entry);
  // Some zip and 7z writers store no file type for plain files.
  member.regular_file = type == AE_IFREG || type == 0;
  return member;
}

Result<size_t> ArchiveReader::ReadData(char* buffer, size_t size) {
  la_ssize_t n = archive_read_data(handle_, buffer, size);
  if (n >= 0) return static_cast<size_t>(n);
  if (n == ARCHIVE_FATAL) fatal_ = true;
  return MakeError(ErrorText());
}

bool ArchiveReader::decompressing() const {
  return archive_filter_code(handle_, 0) != ARCHIVE_FILTER_NONE;
}

std::string ArchiveReader::ErrorText() const {
  const char* text = archive_error_string(handle_);
  return text != nullptr ? text : "unknown libarchive error";
}

}  // namespace leakscan
