// Helpers for the source tests: a temporary folder that removes itself,
// archive writers built on libarchive, and a thread-safe collector that
// copies every fragment a source hands over.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "scanner/fragment.h"
#include "sources/source.h"
#include "util/log.h"

namespace leakscan::testing {

// A folder under the system temporary folder, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Returns path()/relative.
  std::string Path(const std::string& relative) const;
  // Creates parent folders as needed; returns the file's full path.
  std::string WriteFile(const std::string& relative, const std::string& content) const;
  void MakeDir(const std::string& relative) const;
  void MakeSymlink(const std::string& target, const std::string& relative) const;

 private:
  std::string path_;
};

// One archive member: name and content. A name ending in "/" is a folder.
using Member = std::pair<std::string, std::string>;

// Writes an archive with libarchive. `format`: "tar", "zip" or "7z";
// `filter`: "", "gzip", "bzip2", "xz" or "zstd". Aborts the test on error.
void WriteArchive(const std::string& path, const std::string& format, const std::string& filter,
                  const std::vector<Member>& members);

// Returns the archive bytes instead of writing a file.
std::string ArchiveBytes(const std::string& format, const std::string& filter,
                         const std::vector<Member>& members);

// Writes `content` as a single compressed stream (`filter` as above).
void WriteCompressed(const std::string& path, const std::string& filter,
                     const std::string& content);

// Writes `size` zero bytes as a single compressed stream.
void WriteCompressedZeros(const std::string& path, const std::string& filter, uint64_t size);

struct CollectedFragment {
  std::string raw;
  std::string file_path;
  std::string symlink_file;
  int start_line = 0;
  uint64_t order_major = 0;
  uint64_t order_minor = 0;
  std::string commit_sha;
};

class FragmentCollector {
 public:
  FragmentHandler Handler();
  // Returns the fragments sorted by (order_major, order_minor).
  std::vector<CollectedFragment> Sorted() const;
  // Returns the distinct file paths in order of first appearance in Sorted().
  std::vector<std::string> Paths() const;
  uint64_t total_bytes() const;

 private:
  mutable std::mutex mutex_;
  std::vector<CollectedFragment> fragments_;
};

// Runs `body` as user "nobody" in a child process when the test runs as
// root, because root reads files whatever their permissions; otherwise
// runs it directly. `body` returns an empty string on success, else a
// description of the failure, which this function returns.
std::string RunWithoutPrivileges(const std::function<std::string()>& body);

// Captures log output for the lifetime of the object at `level`.
class LogCapture {
 public:
  explicit LogCapture(log::Level level = log::Level::kTrace);
  ~LogCapture();
  const std::string& text() const { return text_; }
  // Returns the number of lines that contain `needle`.
  int CountLines(const std::string& needle) const;

 private:
  std::string text_;
  log::Level previous_level_;
};

}  // namespace leakscan::testing
