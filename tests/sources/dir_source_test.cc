#include "sources/dir_source.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <tuple>
#include <vector>

#include "tests/sources/source_test_util.h"

namespace leakscan {
namespace {

using testing::CollectedFragment;
using testing::FragmentCollector;
using testing::LogCapture;
using testing::TempDir;

std::vector<CollectedFragment> ScanAll(const DirScanOptions& options, Status* status = nullptr) {
  FragmentCollector collector;
  Status result = ScanDirectory(options, collector.Handler());
  if (status != nullptr) *status = result;
  return collector.Sorted();
}

DirScanOptions Options(const std::string& path, int threads = 1) {
  DirScanOptions options;
  options.path = path;
  options.source.threads = threads;
  return options;
}

TEST(ScanDirectoryTest, OrderKeysDoNotDependOnThreadCount) {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    std::string content;
    // Every fifth file spans several chunks.
    int lines = i % 5 == 0 ? 30'000 : 3;
    for (int line = 0; line < lines; ++line) content += "file " + std::to_string(i) + " line\n";
    dir.WriteFile("d" + std::to_string(i % 3) + "/f" + std::to_string(i) + ".txt", content);
  }
  auto single = ScanAll(Options(dir.path(), 1));
  auto parallel = ScanAll(Options(dir.path(), 4));
  ASSERT_EQ(single.size(), parallel.size());
  ASSERT_GT(single.size(), 40u);
  for (size_t i = 0; i < single.size(); ++i) {
    EXPECT_EQ(single[i].file_path, parallel[i].file_path);
    EXPECT_EQ(single[i].raw, parallel[i].raw);
    EXPECT_EQ(single[i].start_line, parallel[i].start_line);
    EXPECT_EQ(std::tie(single[i].order_major, single[i].order_minor),
              std::tie(parallel[i].order_major, parallel[i].order_minor));
  }
  // order_major follows walk order, which is byte order of the paths here.
  for (size_t i = 1; i < parallel.size(); ++i) {
    if (parallel[i].order_major != parallel[i - 1].order_major) {
      EXPECT_LT(parallel[i - 1].file_path, parallel[i].file_path);
      EXPECT_EQ(parallel[i].order_minor, 0u);
    } else {
      EXPECT_EQ(parallel[i].order_minor, parallel[i - 1].order_minor + 1);
    }
  }
}

TEST(ScanDirectoryTest, SecondChunkStartsAfterEarlierLines) {
  TempDir dir;
  std::string content;
  for (int line = 1; line <= 20'000; ++line) content += "entry " + std::to_string(line) + "\n";
  dir.WriteFile("big.txt", content);
  auto fragments = ScanAll(Options(dir.path()));
  ASSERT_GE(fragments.size(), 2u);
  int newlines =
      static_cast<int>(std::count(fragments[0].raw.begin(), fragments[0].raw.end(), '\n'));
  EXPECT_EQ(fragments[0].start_line, 1);
  EXPECT_EQ(fragments[1].start_line, 1 + newlines);
  EXPECT_EQ(fragments[0].raw.size(), 125'000u);
}

TEST(ScanDirectoryTest, SymlinkedFileCarriesLinkPath) {
  TempDir dir;
  dir.WriteFile("source/id", "key\n");
  dir.MakeSymlink("../source/id", "links/id-link");
  DirScanOptions options = Options(dir.Path("links"));
  options.follow_symlinks = true;
  auto fragments = ScanAll(options);
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].file_path, dir.Path("source/id"));
  EXPECT_EQ(fragments[0].symlink_file, dir.Path("links/id-link"));
}

TEST(ScanDirectoryTest, UnreadableFileWarnsAndContinues) {
  TempDir dir;
  dir.WriteFile("a-locked.txt", "secret\n");
  dir.WriteFile("b-open.txt", "visible\n");
  ASSERT_EQ(chmod(dir.Path("a-locked.txt").c_str(), 0), 0);
  std::string failure = testing::RunWithoutPrivileges([&]() -> std::string {
    LogCapture log(log::Level::kWarn);
    auto fragments = ScanAll(Options(dir.path(), 2));
    if (fragments.size() != 1 || fragments[0].file_path != dir.Path("b-open.txt")) {
      return "expected only b-open.txt to be scanned";
    }
    std::string expected = "WRN skipping file: permission denied path=" + dir.Path("a-locked.txt");
    if (log.CountLines(expected) != 1) return "missing warning in: " + log.text();
    return "";
  });
  EXPECT_EQ(failure, "");
}

TEST(ScanDirectoryTest, MissingPathIsNotAnError) {
  TempDir dir;
  LogCapture log(log::Level::kError);
  Status status;
  auto fragments = ScanAll(Options(dir.Path("nope")), &status);
  EXPECT_TRUE(status.has_value());
  EXPECT_TRUE(fragments.empty());
}

TEST(ScanDirectoryTest, CancelledScanFails) {
  TempDir dir;
  dir.WriteFile("a.txt", "text\n");
  std::atomic<bool> cancelled{true};
  DirScanOptions options = Options(dir.path(), 3);
  options.source.cancelled = &cancelled;
  Status status;
  auto fragments = ScanAll(options, &status);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message, "context canceled");
  EXPECT_TRUE(fragments.empty());
}

TEST(ScanDirectoryTest, SkipsBinaryAndArchiveNamedFilesByDefault) {
  TempDir dir;
  dir.WriteFile("app.exe", "MZ\x90\x00 binary");
  dir.WriteFile("notes.tar.txt", "plain text named like an archive\n");
  dir.WriteFile("main.go", "package main\n");
  LogCapture log(log::Level::kWarn);
  auto fragments = ScanAll(Options(dir.path()));
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].file_path, dir.Path("main.go"));
  // Depth 0 skips archives with a trace message only.
  EXPECT_EQ(log.text(), "");
}

}  // namespace
}  // namespace leakscan
