#include "tests/sources/source_test_util.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/log.h"

namespace leakscan::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "leakscan-src-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
  // Readable by other users, for tests that drop privileges.
  fs::permissions(path_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                             fs::perms::others_read | fs::perms::others_exec);
}

TempDir::~TempDir() {
  std::error_code error;
  // Restore permissions that tests removed so the folder can be deleted.
  for (auto it = fs::recursive_directory_iterator(path_, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_symlink())
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, error);
  }
  fs::remove_all(path_, error);
}

std::string TempDir::Path(const std::string& relative) const { return path_ + "/" + relative; }

std::string TempDir::WriteFile(const std::string& relative, const std::string& content) const {
  std::string full = Path(relative);
  fs::create_directories(fs::path(full).parent_path());
  std::ofstream out(full, std::ios::binary);
  out << content;
  return full;
}

void TempDir::MakeDir(const std::string& relative) const { fs::create_directories(Path(relative)); }

void TempDir::MakeSymlink(const std::string& target, const std::string& relative) const {
  fs::create_directories(fs::path(Path(relative)).parent_path());
  if (symlink(target.c_str(), Path(relative).c_str()) != 0) std::abort();
}

namespace {

void Check(archive* handle, int status, const char* action) {
  if (status < ARCHIVE_WARN) {
    ADD_FAILURE() << action << ": " << archive_error_string(handle);
    std::abort();
  }
}

void AddFilter(archive* handle, const std::string& filter) {
  if (filter.empty()) return;
  int status = ARCHIVE_FATAL;
  if (filter == "gzip") status = archive_write_add_filter_gzip(handle);
  if (filter == "bzip2") status = archive_write_add_filter_bzip2(handle);
  if (filter == "xz") status = archive_write_add_filter_xz(handle);
  if (filter == "zstd") status = archive_write_add_filter_zstd(handle);
  Check(handle, status, "add filter");
}

void SetFormat(archive* handle, const std::string& format) {
  int status = ARCHIVE_FATAL;
  if (format == "tar") status = archive_write_set_format_pax_restricted(handle);
  if (format == "zip") status = archive_write_set_format_zip(handle);
  if (format == "7z") status = archive_write_set_format_7zip(handle);
  if (format == "raw") status = archive_write_set_format_raw(handle);
  Check(handle, status, "set format");
}

void WriteMembers(archive* handle, const std::vector<Member>& members) {
  for (const auto& [name, content] : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    bool folder = !name.empty() && name.back() == '/';
    archive_entry_set_filetype(entry, folder ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(entry, folder ? 0755 : 0644);
    archive_entry_set_size(entry, folder ? 0 : static_cast<la_int64_t>(content.size()));
    Check(handle, archive_write_header(handle, entry), "write header");
    if (!folder && !content.empty()) {
      archive_write_data(handle, content.data(), content.size());
    }
    archive_entry_free(entry);
  }
}

}  // namespace

void WriteArchive(const std::string& path, const std::string& format, const std::string& filter,
                  const std::vector<Member>& members) {
  archive* handle = archive_write_new();
  AddFilter(handle, filter);
  SetFormat(handle, format);
  Check(handle, archive_write_open_filename(handle, path.c_str()), "open");
  WriteMembers(handle, members);
  archive_write_close(handle);
  archive_write_free(handle);
}

std::string ArchiveBytes(const std::string& format, const std::string& filter,
                         const std::vector<Member>& members) {
  TempDir dir;
  std::string path = dir.Path("archive");
  WriteArchive(path, format, filter, members);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void WriteCompressed(const std::string& path, const std::string& filter,
                     const std::string& content) {
  WriteArchive(path, "raw", filter, {{"data", content}});
}

void WriteCompressedZeros(const std::string& path, const std::string& filter, uint64_t size) {
  archive* handle = archive_write_new();
  AddFilter(handle, filter);
  SetFormat(handle, "raw");
  Check(handle, archive_write_open_filename(handle, path.c_str()), "open");
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, "data");
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_size(entry, static_cast<la_int64_t>(size));
  Check(handle, archive_write_header(handle, entry), "write header");
  std::string zeros(1 << 20, '\0');
  for (uint64_t written = 0; written < size;) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(zeros.size(), size - written));
    archive_write_data(handle, zeros.data(), n);
    written += n;
  }
  archive_entry_free(entry);
  archive_write_close(handle);
  archive_write_free(handle);
}

FragmentHandler FragmentCollector::Handler() {
  return [this](const Fragment& fragment) {
    CollectedFragment copy{std::string(fragment.raw),
                           fragment.file_path,
                           fragment.symlink_file,
                           fragment.start_line,
                           fragment.order_major,
                           fragment.order_minor,
                           fragment.commit ? fragment.commit->sha : ""};
    std::lock_guard<std::mutex> lock(mutex_);
    fragments_.push_back(std::move(copy));
  };
}

std::vector<CollectedFragment> FragmentCollector::Sorted() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<CollectedFragment> sorted = fragments_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.order_major, a.order_minor) < std::tie(b.order_major, b.order_minor);
  });
  return sorted;
}

std::vector<std::string> FragmentCollector::Paths() const {
  std::vector<std::string> paths;
  for (const auto& fragment : Sorted()) {
    if (std::find(paths.begin(), paths.end(), fragment.file_path) == paths.end()) {
      paths.push_back(fragment.file_path);
    }
  }
  return paths;
}

uint64_t FragmentCollector::total_bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  uint64_t total = 0;
  for (const auto& fragment : fragments_) total += fragment.raw.size();
  return total;
}

std::string RunWithoutPrivileges(const std::function<std::string()>& body) {
  if (geteuid() != 0) return body();
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  pid_t child = fork();
  if (child < 0) return "fork failed";
  if (child == 0) {
    close(fds[0]);
    constexpr uid_t kNobody = 65534;
    std::string failure = setgid(kNobody) == 0 && setuid(kNobody) == 0 ? body() : "setuid failed";
    if (write(fds[1], failure.data(), failure.size()) < 0) _exit(2);
    _exit(0);
  }
  close(fds[1]);
  std::string failure;
  char buffer[4096];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof(buffer))) > 0;) failure.append(buffer, n);
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) failure += " (child process failed)";
  return failure;
}

LogCapture::LogCapture(log::Level level) : previous_level_(log::GetLevel()) {
  log::SetLevel(level);
  log::SetColor(false);
  log::CaptureForTest(&text_);
}

LogCapture::~LogCapture() {
  log::CaptureForTest(nullptr);
  log::SetColor(true);
  log::SetLevel(previous_level_);
}

int LogCapture::CountLines(const std::string& needle) const {
  int count = 0;
  std::istringstream lines(text_);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(needle) != std::string::npos) ++count;
  }
  return count;
}

}  // namespace leakscan::testing
