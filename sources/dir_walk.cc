#include "sources/dir_walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "sources/dir_path.h"
#include "sources/dir_path_filter.h"
#include "sources/text_scan.h"
#include "util/log.h"

namespace leakscan {
namespace {

std::string ErrnoText(int error) {
  std::string text = std::strerror(error);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(text[0]));
  return text;
}

class Walker {
 public:
  Walker(const WalkOptions& options, const std::function<void(WalkedFile)>& visit)
      : options_(options), visit_(visit) {}

  Status Run() {
    struct stat info;
    if (lstat(options_.root.c_str(), &info) != 0) {
      log::Warn("skipping", {{"error", "lstat " + options_.root + ": " + ErrnoText(errno)},
                             {"path", options_.root}});
      return Ok();
    }
    VisitEntry(options_.root, info);
    if (Cancelled()) return MakeError(std::string(kCancelledMessage));
    return Ok();
  }

 private:
  bool Cancelled() const {
    return options_.cancelled != nullptr && options_.cancelled->load(std::memory_order_relaxed);
  }

  void VisitEntry(const std::string& path, const struct stat& info) {
    if (Cancelled()) return;
    if (S_ISDIR(info.st_mode)) {
      VisitDirectory(path);
    } else {
      VisitFile(path, info);
    }
  }

  void VisitDirectory(const std::string& path) {
    if (GlobalAllowlistSkipsPath(options_.config, path)) {
      log::Debug("skipping directory: global allowlist", {{"path", path}});
      return;
    }
    std::vector<std::string> names;
    if (!ListDirectory(path, &names)) return;
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (Cancelled()) return;
      std::string child = JoinPath(path, name);
      struct stat info;
      if (lstat(child.c_str(), &info) != 0) {
        log::Warn("skipping",
                  {{"error", "lstat " + child + ": " + ErrnoText(errno)}, {"path", child}});
        continue;
      }
      VisitEntry(child, info);
    }
  }

  // Reads the entry names of a directory, without "." and "..".
  bool ListDirectory(const std::string& path, std::vector<std::string>* names) {
    std::unique_ptr<DIR, int (*)(DIR*)> directory(opendir(path.c_str()), closedir);
    if (directory == nullptr) {
      int error = errno;
      if (error == EACCES) {
        log::Warn("skipping directory", {{"error", "permission denied"}, {"path", path}});
      } else {
        log::Warn("skipping",
                  {{"error", "open " + path + ": " + ErrnoText(error)}, {"path", path}});
      }
      return false;
    }
    errno = 0;
    while (const dirent* entry = readdir(directory.get())) {
      std::string_view name = entry->d_name;
      if (name != "." && name != "..") names->emplace_back(name);
    }
    if (errno != 0) {
      log::Warn("skipping",
                {{"error", "readdir " + path + ": " + ErrnoText(errno)}, {"path", path}});
    }
    return true;
  }

  void VisitFile(const std::string& path, const struct stat& info) {
    if (info.st_size == 0) {
      log::Debug("skipping empty file", {{"path", path}});
      return;
    }
    int max_megabytes = options_.max_target_megabytes;
    if (max_megabytes > 0 &&
        static_cast<uint64_t>(info.st_size) > static_cast<uint64_t>(max_megabytes) * 1'000'000) {
      log::Warn("skipping file: too large max_size=" + std::to_string(max_megabytes) +
                    "MB, size=" + std::to_string(info.st_size / 1'000'000) + "MB",
                {{"path", path}});
      return;
    }

    WalkedFile file;
    if (S_ISLNK(info.st_mode)) {
      if (!ResolveLink(path, &file)) return;
    } else if (S_ISREG(info.st_mode)) {
      file.path = path;
    } else {
      log::Debug("skipping: not a regular file", {{"path", path}});
      return;
    }
    if (GlobalAllowlistSkipsPath(options_.config, path)) {
      log::Debug("skipping file: global allowlist", {{"path", path}});
      return;
    }
    visit_(std::move(file));
  }

  // Fills `file` with the target of the symlink at `path`. Returns false
  // when the link is not followed or does not lead to a regular file.
  bool ResolveLink(const std::string& path, WalkedFile* file) {
    if (!options_.follow_symlinks) {
      log::Debug("skipping symlink: --follow-symlinks is off", {{"path", path}});
      return false;
    }
    auto target = ResolveSymlinks(path);
    if (!target) {
      log::Err("unable to resolve symlink", {{"error", target.error().message}, {"path", path}});
      return false;
    }
    struct stat info;
    if (stat(target->c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      // Directories are never followed. Devices and pipes are skipped too,
      // because reading them may never end.
      log::Debug("skipping symlink: target is not a regular file", {{"path", path}});
      return false;
    }
    file->path = std::move(*target);
    file->symlink_file = path;
    return true;
  }

  const WalkOptions& options_;
  const std::function<void(WalkedFile)>& visit_;
};

}  // namespace

Status WalkDirectory(const WalkOptions& options, const std::function<void(WalkedFile)>& visit) {
  Walker walker(options, visit);
  return walker.Run();
}

}  // namespace leakscan
