// JobQueue: the bounded hand-over between the history walker thread and
// the diff workers. Bounding it keeps memory independent of history size:
// the walker blocks while workers are busy.
// Covered by the thread-count cases of tests/sources/git_differential_test.cc.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace leakscan::git {

template <typename T>
class JobQueue {
 public:
  explicit JobQueue(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  // Blocks while the queue is full. Returns false once the queue is closed.
  bool Push(T job) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [this] { return closed_ || jobs_.size() < capacity_; });
    if (closed_) return false;
    jobs_.push_back(std::move(job));
    not_empty_.notify_one();
    return true;
  }

  // Blocks until a job is available. Returns nullopt once the queue is
  // closed and drained.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [this] { return closed_ || !jobs_.empty(); });
    if (jobs_.empty()) return std::nullopt;
    T job = std::move(jobs_.front());
    jobs_.pop_front();
    not_full_.notify_one();
    return job;
  }

  // Ends the stream: pending jobs are still handed out, new pushes fail.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<T> jobs_;
  bool closed_ = false;
};

}  // namespace leakscan::git
