// ArchiveBudget: caps how many bytes the extraction of one top-level
// archive may produce, so an archive bomb (a small file that expands to
// gigabytes) cannot exhaust time, memory or temporary disk space. Every
// byte that libarchive returns at any nesting level counts, including the
// bytes of nested archives copied to temporary files.
// Covered by tests/sources/archive_scan_test.cc.
#pragma once

#include <cstdint>
#include <string>

namespace leakscan {

struct ArchiveLimits {
  // Hard cap on the extracted bytes of one top-level archive.
  uint64_t max_total_bytes = uint64_t{4} << 30;
  // Ratio guard: extraction also stops after max_ratio times the size of
  // the top-level file, but never before ratio_floor_bytes. Gzip cannot
  // exceed about 1032:1, so only bombs and zero-filled data reach 1000:1.
  // 0 disables the ratio guard.
  uint64_t max_ratio = 1000;
  uint64_t ratio_floor_bytes = uint64_t{100} << 20;
};

class ArchiveBudget {
 public:
  // `compressed_size` is the size of the top-level file; `path` names it
  // in the warning.
  ArchiveBudget(const ArchiveLimits& limits, uint64_t compressed_size, std::string path);

  // Counts `bytes` more extracted bytes. Returns false once the total
  // exceeds the limit, and logs one warning the first time.
  bool Consume(uint64_t bytes);

  bool exhausted() const { return exhausted_; }
  uint64_t limit() const { return limit_; }
  uint64_t used() const { return used_; }

 private:
  uint64_t limit_;
  uint64_t used_ = 0;
  bool exhausted_ = false;
  std::string path_;
};

}  // namespace leakscan
