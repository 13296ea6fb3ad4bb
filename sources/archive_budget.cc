#include "sources/archive_budget.h"

#include <algorithm>
#include <limits>

#include "util/log.h"

namespace leakscan {
namespace {

uint64_t ComputeLimit(const ArchiveLimits& limits, uint64_t compressed_size) {
  uint64_t limit = limits.max_total_bytes;
  if (limits.max_ratio == 0) return limit;
  uint64_t by_ratio = std::numeric_limits<uint64_t>::max();
  if (compressed_size <= by_ratio / limits.max_ratio) by_ratio = compressed_size * limits.max_ratio;
  return std::min(limit, std::max(by_ratio, limits.ratio_floor_bytes));
}

}  // namespace

ArchiveBudget::ArchiveBudget(const ArchiveLimits& limits, uint64_t compressed_size,
                             std::string path)
    : limit_(ComputeLimit(limits, compressed_size)), path_(std::move(path)) {}

bool ArchiveBudget::Consume(uint64_t bytes) {
  used_ += bytes;
  if (used_ <= limit_) return true;
  if (!exhausted_) {
    exhausted_ = true;
    log::Warn("skipping rest of archive: extracted size exceeds limit",
              {{"path", path_}, {"limit_bytes", std::to_string(limit_)}});
  }
  return false;
}

}  // namespace leakscan
