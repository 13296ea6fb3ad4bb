// DirWorkQueue: the bounded queue between the dir walk (one producer) and
// the worker threads that read files. The bound keeps the walk from
// racing ahead of the workers on huge trees.
// Covered by tests/sources/dir_source_test.cc.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace leakscan {

template <typename T>
class DirWorkQueue {
 public:
  explicit DirWorkQueue(size_t capacity) : capacity_(capacity) {}

  // Blocks while the queue is full.
  void Push(T item) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  // Blocks until an item arrives; returns nullopt once the queue is
  // closed and drained.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  // Wakes every waiting worker; no Push may follow.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace leakscan
