#include "sources/dir_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <thread>
#include <vector>

#include "sources/archive_scan.h"
#include "sources/dir_walk.h"
#include "sources/dir_work_queue.h"
#include "sources/text_scan.h"
#include "util/log.h"

namespace leakscan {
namespace {

// Files queued per worker; enough to keep workers busy while the walk
// stats the next entries.
constexpr size_t kQueuedFilesPerWorker = 8;

struct FileJob {
  WalkedFile file;
  uint64_t index = 0;  // Position in walk order.
};

bool IsCancelled(const SourceOptions& options) {
  return options.cancelled != nullptr && options.cancelled->load(std::memory_order_relaxed);
}

void ScanJob(const FileJob& job, const FileScanSettings& settings) {
  int fd = open(job.file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == EACCES) {
      log::Warn("skipping file: permission denied", {{"path", job.file.path}});
    } else {
      log::Debug("skipping file: cannot open", {{"path", job.file.path}});
    }
    return;
  }
  struct stat info;
  uint64_t size = fstat(fd, &info) == 0 ? static_cast<uint64_t>(info.st_size) : 0;

  Fragment origin;
  origin.file_path = job.file.path;
  origin.symlink_file = job.file.symlink_file;
  origin.order_major = job.index;
  // The only error is cancellation, which ScanDirectory reports.
  (void)ScanFile(ArchiveInput::FromFd(fd), size, std::move(origin), 0, settings);
  close(fd);
}

}  // namespace

Status ScanDirectory(const DirScanOptions& options, const FragmentHandler& handler) {
  if (IsCancelled(options.source)) return MakeError(std::string(kCancelledMessage));
  FileScanSettings settings{.options = &options.source,
                            .config = options.config,
                            .handler = &handler,
                            .limits = options.archive_limits};
  WalkOptions walk{.root = options.path,
                   .follow_symlinks = options.follow_symlinks,
                   .max_target_megabytes = options.source.max_target_megabytes,
                   .config = options.config,
                   .cancelled = options.source.cancelled};
  uint64_t next_index = 0;
  int threads = std::max(1, options.source.threads);

  Status walked;
  if (threads == 1) {
    walked = WalkDirectory(walk, [&](WalkedFile file) {
      ScanJob(FileJob{std::move(file), next_index++}, settings);
    });
  } else {
    DirWorkQueue<FileJob> queue(kQueuedFilesPerWorker * static_cast<size_t>(threads));
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) {
      workers.emplace_back([&] {
        while (auto job = queue.Pop()) ScanJob(*job, settings);
      });
    }
    walked = WalkDirectory(walk, [&](WalkedFile file) {
      queue.Push(FileJob{std::move(file), next_index++});
    });
    queue.Close();
    for (std::thread& worker : workers) worker.join();
  }

  if (!walked || IsCancelled(options.source)) return MakeError(std::string(kCancelledMessage));
  return Ok();
}

}  // namespace leakscan
