// FragmentHandler: how every source (git, dir, stdin, archives) hands
// fragments to the scan driver. Sources call it from worker threads, so a
// handler must be thread-safe; the fragment's text is valid only during
// the call.
#pragma once

#include <atomic>
#include <functional>

#include "scanner/fragment.h"

namespace leakscan {

using FragmentHandler = std::function<void(const Fragment&)>;

// Settings every source shares.
struct SourceOptions {
  int threads = 1;               // Worker threads; at least 1.
  int max_archive_depth = 0;     // 0: archives are not opened.
  int max_target_megabytes = 0;  // 0 or less: no limit.
  const std::atomic<bool>* cancelled = nullptr;
};

}  // namespace leakscan
