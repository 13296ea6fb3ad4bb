// Test helpers for the git source: throwaway repositories built with the
// git CLI (fixed identities and dates, no user or system config), and
// collection of the fragments ScanGit hands over.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/fragment.h"
#include "sources/source.h"

namespace leakscan::testing {

// Quotes `text` for /bin/sh.
std::string ShellQuote(std::string_view text);

// Runs a shell command, returns its stdout and stores the exit status.
std::string RunShell(const std::string& command, int* exit_status);

// A repository in a fresh temporary folder, removed on destruction.
class TestRepo {
 public:
  TestRepo();
  ~TestRepo();
  TestRepo(const TestRepo&) = delete;
  TestRepo& operator=(const TestRepo&) = delete;

  const std::string& path() const { return path_; }

  // Writes (creating folders) or removes a work-tree file.
  void Write(const std::string& relative_path, std::string_view content) const;
  void Remove(const std::string& relative_path) const;

  // Runs `git <arguments>` in the repository and returns stdout. The
  // arguments are shell words, and `environment` is a list of "NAME=value "
  // pairs put before the command. A non-zero exit fails the current test.
  std::string Git(const std::string& arguments, const std::string& environment = "") const;

  // Stages everything and commits with the given author and Unix time
  // (used for both author and committer dates unless `committer_time` is
  // set). Returns the new commit id.
  std::string CommitAll(const std::string& message, int64_t time,
                        const std::string& author = "Alice Example <alice@example.com>",
                        int64_t committer_time = -1) const;
  // Same, committing only what is already staged.
  std::string Commit(const std::string& message, int64_t time,
                     const std::string& author = "Alice Example <alice@example.com>",
                     int64_t committer_time = -1) const;

  // Environment prefix that pins identity and dates for one git command.
  static std::string DateEnvironment(int64_t author_time, int64_t committer_time,
                                     const std::string& author);

 private:
  std::string path_;
};

// A fragment copied out of the handler call.
struct CollectedFragment {
  std::string sha;
  std::string author;
  std::string email;
  std::string date;
  std::string message;
  std::string path;
  int start_line = 0;
  std::string raw;
  uint64_t order_major = 0;
  uint64_t order_minor = 0;
};

// Collects fragments from any number of threads.
class FragmentCollector {
 public:
  FragmentHandler Handler();
  // Returns the fragments sorted by (order_major, order_minor).
  std::vector<CollectedFragment> Sorted() const;

 private:
  mutable std::mutex mutex_;
  std::vector<CollectedFragment> fragments_;
};

}  // namespace leakscan::testing
