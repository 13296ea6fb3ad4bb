#include "sources/archive_scan.h"

#include <gtest/gtest.h>
#include <re2/re2.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sources/blob_scan.h"
#include "sources/dir_source.h"
#include "tests/sources/source_test_util.h"

namespace leakscan {
namespace {

using testing::ArchiveBytes;
using testing::CollectedFragment;
using testing::FragmentCollector;
using testing::LogCapture;
using testing::TempDir;
using testing::WriteArchive;
using testing::WriteCompressed;
using testing::WriteCompressedZeros;

std::vector<CollectedFragment> ScanPath(const std::string& path, int max_depth,
                                        const Config* config = nullptr, ArchiveLimits limits = {}) {
  DirScanOptions options;
  options.path = path;
  options.source.max_archive_depth = max_depth;
  options.config = config;
  options.archive_limits = limits;
  FragmentCollector collector;
  EXPECT_TRUE(ScanDirectory(options, collector.Handler()).has_value());
  return collector.Sorted();
}

std::vector<std::string> PathsOf(const std::vector<CollectedFragment>& fragments) {
  std::vector<std::string> paths;
  for (const auto& fragment : fragments) paths.push_back(fragment.file_path);
  return paths;
}

TEST(ArchiveScanTest, TarMembersAreNamedOuterBangInner) {
  TempDir dir;
  std::string tar = dir.Path("files.tar");
  WriteArchive(tar, "tar", "",
               {{"./files/", ""}, {"./files/a.go", "package a\n"}, {"files/b.txt", "b\n"}});
  auto fragments = ScanPath(tar, 1);
  EXPECT_EQ(PathsOf(fragments),
            (std::vector<std::string>{tar + "!files/a.go", tar + "!files/b.txt"}));
  ASSERT_EQ(fragments.size(), 2u);
  EXPECT_EQ(fragments[0].raw, "package a\n");
  EXPECT_EQ(fragments[0].start_line, 1);
  EXPECT_EQ(fragments[0].order_minor, 0u);
  EXPECT_EQ(fragments[1].order_minor, 1u);
}

TEST(ArchiveScanTest, CompressedFileKeepsItsOwnPath) {
  TempDir dir;
  const std::string content = "password = \"hunter2\"\n";
  const std::pair<std::string, std::string> cases[] = {{"gzip", "main.go.gz"},
                                                       {"bzip2", "main.go.bz2"},
                                                       {"xz", "main.go.xz"},
                                                       {"zstd", "main.go.zst"}};
  for (const auto& [filter, name] : cases) {
    std::string path = dir.Path(name);
    WriteCompressed(path, filter, content);
    auto fragments = ScanPath(path, 1);
    ASSERT_EQ(fragments.size(), 1u) << filter;
    EXPECT_EQ(fragments[0].file_path, path) << filter;
    EXPECT_EQ(fragments[0].raw, content) << filter;
  }
}

TEST(ArchiveScanTest, NestedArchivesNeedEnoughDepth) {
  TempDir dir;
  std::string zip = ArchiveBytes("zip", "", {{"a.txt", "from zip\n"}});
  std::string seven = ArchiveBytes("7z", "", {{"b.txt", "from 7z\n"}});
  std::string tar_xz = ArchiveBytes("tar", "xz", {{"c.txt", "from tar.xz\n"}});
  std::string outer = dir.Path("outer.tar.gz");
  WriteArchive(outer, "tar", "gzip",
               {{"inner/x.zip", zip},
                {"inner/y.7z", seven},
                {"inner/z.tar.xz", tar_xz},
                {"plain.txt", "plain\n"}});

  auto deep = ScanPath(outer, 2);
  EXPECT_EQ(PathsOf(deep),
            (std::vector<std::string>{outer + "!inner/x.zip!a.txt", outer + "!inner/y.7z!b.txt",
                                      outer + "!inner/z.tar.xz!c.txt", outer + "!plain.txt"}));

  LogCapture log(log::Level::kWarn);
  auto shallow = ScanPath(outer, 1);
  EXPECT_EQ(PathsOf(shallow), std::vector<std::string>{outer + "!plain.txt"});
  EXPECT_EQ(log.CountLines("WRN skipping archive: exceeds max archive depth max_archive_depth=1"),
            3)
      << log.text();
  EXPECT_EQ(log.CountLines("path=" + outer + "!inner/x.zip"), 1) << log.text();
}

TEST(ArchiveScanTest, DepthZeroSkipsArchivesWithoutWarning) {
  TempDir dir;
  WriteArchive(dir.Path("a.tar"), "tar", "", {{"a.txt", "a\n"}});
  LogCapture log(log::Level::kDebug);
  EXPECT_TRUE(ScanPath(dir.path(), 0).empty());
  EXPECT_EQ(log.CountLines("WRN"), 0) << log.text();
}

TEST(ArchiveScanTest, NegativeDepthWarns) {
  TempDir dir;
  std::string tar = dir.Path("a.tar");
  WriteArchive(tar, "tar", "", {{"a.txt", "a\n"}});
  LogCapture log(log::Level::kWarn);
  EXPECT_TRUE(ScanPath(tar, -1).empty());
  EXPECT_EQ(log.CountLines("skipping archive: exceeds max archive depth max_archive_depth=-1"), 1)
      << log.text();
}

TEST(ArchiveScanTest, OnlyFirstLevelMembersCheckedAgainstAllowlist) {
  TempDir dir;
  std::string inner = ArchiveBytes("tar", "", {{".env.prod", "inner\n"}});
  std::string outer = dir.Path("outer.tar");
  WriteArchive(outer, "tar", "", {{".env.prod", "outer\n"}, {"inner.tar", inner}});
  Config config;
  Allowlist allowlist;
  allowlist.paths = {R"(\.env\.prod$)"};
  allowlist.path_regex = std::make_shared<RE2>(allowlist.paths[0]);
  config.allowlists.push_back(allowlist);

  auto fragments = ScanPath(outer, 2, &config);
  EXPECT_EQ(PathsOf(fragments), std::vector<std::string>{outer + "!inner.tar!.env.prod"});
}

TEST(ArchiveScanTest, TextNamedLikeArchiveIsSkippedQuietly) {
  TempDir dir;
  std::string path = dir.WriteFile("notes.tar.txt", "just notes\n");
  LogCapture log(log::Level::kInfo);
  EXPECT_TRUE(ScanPath(path, 1).empty());
  EXPECT_EQ(log.text(), "");
}

TEST(ArchiveScanTest, TextNamedLikeCompressedFileLogsError) {
  TempDir dir;
  std::string path = dir.WriteFile("readme.gz", "not compressed\n");
  LogCapture log(log::Level::kInfo);
  EXPECT_TRUE(ScanPath(path, 1).empty());
  EXPECT_EQ(log.CountLines("ERR could read compressed file"), 1) << log.text();
}

TEST(ArchiveScanTest, LargeMemberIsChunkedWithContinuingLines) {
  TempDir dir;
  std::string content;
  for (int line = 1; line <= 30'000; ++line) content += "value " + std::to_string(line) + "\n";
  std::string tar = dir.Path("big.tar.gz");
  WriteArchive(tar, "tar", "gzip", {{"big.txt", content}});
  auto fragments = ScanPath(tar, 1);
  ASSERT_GT(fragments.size(), 1u);
  std::string joined;
  int expected_line = 1;
  for (const auto& fragment : fragments) {
    EXPECT_EQ(fragment.start_line, expected_line);
    expected_line += static_cast<int>(std::count(fragment.raw.begin(), fragment.raw.end(), '\n'));
    joined += fragment.raw;
  }
  EXPECT_EQ(joined, content);
}

TEST(ArchiveScanTest, NestedZipTempFileIsRemoved) {
  TempDir dir;
  TempDir temp_folder;
  std::string zip = ArchiveBytes("zip", "", {{"a.txt", "from zip\n"}});
  std::string outer = dir.Path("outer.tar");
  WriteArchive(outer, "tar", "", {{"x.zip", zip}});
  const char* previous = std::getenv("TMPDIR");
  std::string saved = previous != nullptr ? previous : "";
  setenv("TMPDIR", temp_folder.path().c_str(), 1);
  auto fragments = ScanPath(outer, 2);
  if (previous != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_EQ(PathsOf(fragments), std::vector<std::string>{outer + "!x.zip!a.txt"});
  EXPECT_TRUE(std::filesystem::is_empty(temp_folder.path()));
}

TEST(ArchiveScanTest, ZeroBombStopsAtTotalLimit) {
  TempDir dir;
  std::string bomb = dir.Path("bomb.zst");
  WriteCompressedZeros(bomb, "zstd", uint64_t{64} << 20);
  ArchiveLimits limits{.max_total_bytes = uint64_t{8} << 20, .max_ratio = 0};
  DirScanOptions options;
  options.path = bomb;
  options.source.max_archive_depth = 1;
  options.archive_limits = limits;
  FragmentCollector collector;
  LogCapture log(log::Level::kWarn);
  ASSERT_TRUE(ScanDirectory(options, collector.Handler()).has_value());
  EXPECT_LE(collector.total_bytes(), limits.max_total_bytes);
  EXPECT_GT(collector.total_bytes(), limits.max_total_bytes / 2);
  EXPECT_EQ(log.CountLines("WRN skipping rest of archive: extracted size exceeds limit"), 1)
      << log.text();
  EXPECT_EQ(log.CountLines("limit_bytes=8388608 path=" + bomb), 1) << log.text();
}

TEST(ArchiveScanTest, ZeroBombStopsAtDefaultRatioGuard) {
  TempDir dir;
  std::string bomb = dir.Path("zeros.zst");
  // 256 MiB of zeros compress to a few kilobytes, so the ratio guard
  // applies its 100 MiB floor.
  WriteCompressedZeros(bomb, "zstd", uint64_t{256} << 20);
  FragmentCollector collector;
  DirScanOptions options;
  options.path = bomb;
  options.source.max_archive_depth = 1;
  LogCapture log(log::Level::kWarn);
  ASSERT_TRUE(ScanDirectory(options, collector.Handler()).has_value());
  ArchiveLimits defaults;
  EXPECT_LE(collector.total_bytes(), defaults.ratio_floor_bytes);
  EXPECT_GT(collector.total_bytes(), defaults.ratio_floor_bytes / 2);
  EXPECT_EQ(log.CountLines("skipping rest of archive"), 1) << log.text();
}

TEST(ScanBlobTest, ExtractsArchiveWithCommit) {
  std::string bytes = ArchiveBytes("tar", "gzip", {{"conf/app.env", "TOKEN=abc\n"}});
  BlobContext context;
  context.path = "deploy/bundle.tar.gz";
  context.commit = std::make_shared<CommitInfo>(CommitInfo{.sha = "0123abcd"});
  context.order_major = 3;
  SourceOptions options;
  options.max_archive_depth = 1;
  FragmentCollector collector;
  ScanBlob(bytes, context, options, collector.Handler());
  auto fragments = collector.Sorted();
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].file_path, "deploy/bundle.tar.gz!conf/app.env");
  EXPECT_EQ(fragments[0].commit_sha, "0123abcd");
  EXPECT_EQ(fragments[0].order_major, 3u);
  EXPECT_EQ(fragments[0].raw, "TOKEN=abc\n");
}

TEST(ScanBlobTest, RespectsDepthOfTheBlob) {
  std::string bytes = ArchiveBytes("zip", "", {{"a.txt", "a\n"}});
  BlobContext context;
  context.path = "inner.zip";
  context.archive_depth = 1;
  SourceOptions options;
  options.max_archive_depth = 1;
  FragmentCollector collector;
  LogCapture log(log::Level::kWarn);
  ScanBlob(bytes, context, options, collector.Handler());
  EXPECT_TRUE(collector.Sorted().empty());
  EXPECT_EQ(log.CountLines("skipping archive: exceeds max archive depth"), 1) << log.text();

  options.max_archive_depth = 2;
  ScanBlob(bytes, context, options, collector.Handler());
  EXPECT_EQ(PathsOf(collector.Sorted()), std::vector<std::string>{"inner.zip!a.txt"});
}

TEST(ScanBlobTest, ScansPlainText) {
  BlobContext context;
  context.path = "src/main.go";
  FragmentCollector collector;
  ScanBlob("package main\n", context, SourceOptions{}, collector.Handler());
  auto fragments = collector.Sorted();
  ASSERT_EQ(fragments.size(), 1u);
  EXPECT_EQ(fragments[0].file_path, "src/main.go");
  EXPECT_EQ(fragments[0].start_line, 1);
}

}  // namespace
}  // namespace leakscan
