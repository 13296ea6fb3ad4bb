#include "sources/stdin_source.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "tests/sources/source_test_util.h"

namespace leakscan {
namespace {

using testing::FragmentCollector;

TEST(ScanStreamTest, ReadsPipeWithEmptyPath) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::string text;
  for (int i = 1; i <= 30'000; ++i) text += "row " + std::to_string(i) + "\n";
  std::thread writer([&] {
    size_t offset = 0;
    while (offset < text.size()) {
      // Small writes, so reads return pieces of varying size.
      size_t n = std::min<size_t>(1000, text.size() - offset);
      ssize_t written = write(fds[1], text.data() + offset, n);
      if (written <= 0) break;
      offset += static_cast<size_t>(written);
    }
    close(fds[1]);
  });

  FragmentCollector collector;
  Status status = ScanStream(fds[0], SourceOptions{}, collector.Handler());
  writer.join();
  close(fds[0]);

  ASSERT_TRUE(status.has_value()) << status.error().message;
  std::string joined;
  int expected_line = 1;
  for (const auto& fragment : collector.Sorted()) {
    EXPECT_EQ(fragment.file_path, "");
    EXPECT_EQ(fragment.order_major, 0u);
    EXPECT_EQ(fragment.start_line, expected_line);
    expected_line += static_cast<int>(std::count(fragment.raw.begin(), fragment.raw.end(), '\n'));
    joined += fragment.raw;
  }
  EXPECT_EQ(joined, text);
}

TEST(ScanStreamTest, ReadErrorFails) {
  // Reading a directory descriptor fails with EISDIR.
  int fd = open("/", O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  FragmentCollector collector;
  Status status = ScanStream(fd, SourceOptions{}, collector.Handler());
  close(fd);
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message, "could not read file: read stdin: is a directory");
  EXPECT_TRUE(collector.Sorted().empty());
}

TEST(ScanStreamTest, SkipsBinaryInput) {
  testing::TempDir dir;
  std::string path =
      dir.WriteFile("data.gz", std::string("\x1F\x8B\x08\x00", 4) + "AKIAIOSFODNN7EXAMPLE\n");
  int fd = open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  FragmentCollector collector;
  Status status = ScanStream(fd, SourceOptions{}, collector.Handler());
  close(fd);
  EXPECT_TRUE(status.has_value());
  EXPECT_TRUE(collector.Sorted().empty());
}

TEST(ScanByteStreamTest, CancelledStreamFails) {
  std::atomic<bool> cancelled{true};
  SourceOptions options;
  options.cancelled = &cancelled;
  MemoryReader reader("text\n");
  FragmentCollector collector;
  Status status = ScanByteStream(reader, options, collector.Handler());
  ASSERT_FALSE(status.has_value());
  EXPECT_EQ(status.error().message, "context canceled");
}

}  // namespace
}  // namespace leakscan
