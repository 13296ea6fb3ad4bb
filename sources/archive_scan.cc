#include "sources/archive_scan.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "sources/archive_name.h"
#include "sources/dir_path.h"
#include "sources/dir_path_filter.h"
#include "sources/text_scan.h"
#include "util/log.h"

namespace leakscan {
namespace {

// Stops reading an archive whose headers keep failing (a corrupt file).
constexpr int kMaxConsecutiveMemberErrors = 16;
constexpr size_t kCopyBufferSize = 64 * 1024;

std::string ErrnoText(int error) {
  std::string text = std::strerror(error);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(text[0]));
  return text;
}

// The data of the current archive member, counted against the budget.
class MemberReader : public ByteReader {
 public:
  MemberReader(ArchiveReader& archive, ArchiveBudget& budget)
      : archive_(archive), budget_(budget) {}

  Result<size_t> Read(char* buffer, size_t size) override {
    if (budget_.exhausted()) return MakeError("extracted size limit reached");
    auto n = archive_.ReadData(buffer, size);
    if (!n) return n;
    if (!budget_.Consume(*n)) return MakeError("extracted size limit reached");
    return n;
  }

 private:
  ArchiveReader& archive_;
  ArchiveBudget& budget_;
};

// An unlinked temporary file, closed on destruction.
class TempFile {
 public:
  explicit TempFile(int fd) : fd_(fd) {}
  TempFile(TempFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  TempFile& operator=(TempFile&&) = delete;
  ~TempFile() {
    if (fd_ >= 0) close(fd_);
  }
  int fd() const { return fd_; }

 private:
  int fd_;
};

Status WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return MakeError("write temporary file: " + ErrnoText(errno));
    data += n;
    size -= static_cast<size_t>(n);
  }
  return Ok();
}

// Copies a member that needs random access into an unlinked temporary
// file named leakscan-archive-* in the system temporary folder.
Result<TempFile> CopyToTempFile(ByteReader& reader) {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::temp_directory_path(error);
  if (error) folder = "/tmp";
  std::string pattern = (folder / "leakscan-archive-XXXXXX").string();
  int fd = mkstemp(pattern.data());
  if (fd < 0)
    return MakeError("create temporary file in " + folder.string() + ": " + ErrnoText(errno));
  TempFile file(fd);
  unlink(pattern.c_str());

  std::unique_ptr<char[]> buffer(new char[kCopyBufferSize]);
  while (true) {
    auto n = reader.Read(buffer.get(), kCopyBufferSize);
    if (!n) return std::unexpected(n.error());
    if (*n == 0) break;
    if (auto written = WriteAll(fd, buffer.get(), *n); !written) {
      return std::unexpected(written.error());
    }
  }
  if (lseek(fd, 0, SEEK_SET) != 0) return MakeError("rewind temporary file: " + ErrnoText(errno));
  return file;
}

// Scans one top-level file and everything nested in it.
class FileScanner {
 public:
  FileScanner(Fragment origin, const FileScanSettings& settings, uint64_t size, int depth)
      : fragment_(std::move(origin)),
        settings_(settings),
        budget_(settings.limits, size, fragment_.file_path),
        top_depth_(depth) {}

  Status Run(const ArchiveInput& input) {
    std::string path = fragment_.file_path;
    if (auto kind = LooksLikeArchive(path)) {
      if (DepthAllows(path, top_depth_)) ScanArchive(input, *kind, path, top_depth_);
    } else if (input.fd >= 0) {
      FdReader reader(input.fd, path);
      ScanTextStream(reader, path);
    } else {
      MemoryReader reader(input.memory);
      ScanTextStream(reader, path);
    }
    if (cancelled_ || IsCancelled()) return MakeError(std::string(kCancelledMessage));
    return Ok();
  }

 private:
  bool IsCancelled() const {
    const std::atomic<bool>* flag = settings_.options->cancelled;
    return flag != nullptr && flag->load(std::memory_order_relaxed);
  }

  bool Stopped() const { return cancelled_ || budget_.exhausted() || IsCancelled(); }

  // Checks that an archive at `depth` may be opened: depth + 1 must not
  // exceed --max-archive-depth.
  bool DepthAllows(const std::string& path, int depth) const {
    int max_depth = settings_.options->max_archive_depth;
    if (depth + 1 <= max_depth) return true;
    log::Fields fields = {{"path", path}, {"max_archive_depth", std::to_string(max_depth)}};
    if (max_depth == 0) {
      log::Trace("skipping archive: exceeds max archive depth", std::move(fields));
    } else {
      log::Warn("skipping archive: exceeds max archive depth", std::move(fields));
    }
    return false;
  }

  void ScanTextStream(ByteReader& reader, const std::string& path) {
    fragment_.file_path = path;
    auto scanned = ScanText(reader, fragment_, &next_order_minor_, settings_.options->cancelled,
                            *settings_.handler);
    if (scanned) return;
    if (IsCancelled()) {
      cancelled_ = true;
    } else if (!budget_.exhausted()) {
      log::Err("", {{"error", scanned.error().message}, {"path", path}});
    }
  }

  void ScanArchive(const ArchiveInput& input, ArchiveKind kind, const std::string& path,
                   int depth) {
    auto reader = ArchiveReader::Open(input, kind.archive, path);
    if (!reader) {
      // Gitleaks skips an archive it cannot extract without a message, but
      // reports a compressed file it cannot decompress.
      if (kind.archive) {
        log::Debug("skipping archive: cannot be extracted",
                   {{"error", reader.error().message}, {"path", path}});
      } else if (!budget_.exhausted()) {
        log::Err("could read compressed file", {{"error", reader.error().message}, {"path", path}});
      }
      return;
    }
    if (kind.archive) {
      ScanMembers(**reader, path, depth);
    } else {
      ScanCompressedStream(**reader, path);
    }
  }

  // A single compressed stream keeps the compressed file's own path.
  void ScanCompressedStream(ArchiveReader& reader, const std::string& path) {
    auto member = reader.NextMember();
    if (member && *member && !reader.decompressing()) {
      member = MakeError("no supported compression format detected");
    }
    if (!member || !*member) {
      std::string error = member ? "empty stream" : member.error().message;
      log::Err("could read compressed file", {{"error", error}, {"path", path}});
      return;
    }
    MemberReader data(reader, budget_);
    ScanTextStream(data, path);
  }

  void ScanMembers(ArchiveReader& reader, const std::string& path, int depth) {
    int consecutive_errors = 0;
    while (!Stopped()) {
      auto member = reader.NextMember();
      if (!member) {
        if (reader.fatal() || ++consecutive_errors > kMaxConsecutiveMemberErrors) {
          log::Debug("skipping rest of archive",
                     {{"error", member.error().message}, {"path", path}});
          return;
        }
        log::Err("could not open archive inner file",
                 {{"error", member.error().message}, {"path", path}});
        continue;
      }
      if (!*member) return;
      consecutive_errors = 0;
      if ((*member)->regular_file) ScanMember(reader, (*member)->name, path, depth);
    }
  }

  void ScanMember(ArchiveReader& reader, const std::string& name, const std::string& path,
                  int depth) {
    std::string inner = CleanPath(name);
    if (depth == top_depth_ && GlobalAllowlistSkipsPath(settings_.config, inner)) {
      log::Debug("skipping archive member: global allowlist", {{"path", path + "!" + inner}});
      return;
    }
    std::string member_path = path + "!" + inner;
    MemberReader data(reader, budget_);
    auto kind = LooksLikeArchive(inner);
    if (!kind) {
      ScanTextStream(data, member_path);
      return;
    }

    int member_depth = depth + 1;
    if (!DepthAllows(member_path, member_depth)) return;
    if (!NeedsRandomAccess(inner)) {
      ScanArchive(ArchiveInput::FromStream(&data), *kind, member_path, member_depth);
      return;
    }
    auto copy = CopyToTempFile(data);
    if (!copy) {
      if (!Stopped()) {
        log::Err("could not open archive inner file",
                 {{"error", copy.error().message}, {"path", member_path}});
      }
      return;
    }
    ScanArchive(ArchiveInput::FromFd(copy->fd()), *kind, member_path, member_depth);
  }

  Fragment fragment_;  // Prototype of every fragment; file_path changes per member.
  const FileScanSettings& settings_;
  ArchiveBudget budget_;
  int top_depth_;
  uint64_t next_order_minor_ = 0;
  bool cancelled_ = false;
};

}  // namespace

Status ScanFile(const ArchiveInput& input, uint64_t size, Fragment origin, int depth,
                const FileScanSettings& settings) {
  FileScanner scanner(std::move(origin), settings, size, depth);
  return scanner.Run(input);
}

}  // namespace leakscan
