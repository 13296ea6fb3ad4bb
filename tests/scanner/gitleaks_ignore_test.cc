#include "scanner/gitleaks_ignore.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/log.h"

namespace leakscan {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "leakscan-ignore-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string file = path_ + "/" + name;
    fs::create_directories(fs::path(file).parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::string path_;
};

class LogCapture {
 public:
  LogCapture() {
    log::SetColor(false);
    log::CaptureForTest(&text_);
  }
  ~LogCapture() { log::CaptureForTest(nullptr); }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

TEST(IgnoreSetTest, ParsesDocumentedExample) {
  LogCapture capture;
  IgnoreSet ignore;
  ignore.AddLine("# comment line, ignored");
  ignore.AddLine("app/settings.py:demo-token:2");
  ignore.AddLine("0123456789abcdef0123456789abcdef01234567:app\\config\\db.yml:demo-token:9");
  ignore.AddLine("weird:entry");
  std::set<std::string> expected = {
      "app/settings.py:demo-token:2",
      "0123456789abcdef0123456789abcdef01234567:app/config/db.yml:demo-token:9",
      "weird:entry",
  };
  EXPECT_EQ(ignore.entries(), expected);
  EXPECT_NE(capture.text().find("WRN Invalid .gitleaksignore entry fingerprint=weird:entry"),
            std::string::npos)
      << capture.text();
}

TEST(IgnoreSetTest, TrimsSpaceCarriageReturnAndUnicodeSpace) {
  IgnoreSet ignore;
  ignore.AddLine("  a.txt:r:1\r");
  ignore.AddLine(
      "\xC2\xA0"
      "b.txt:r:2\xE3\x80\x80");
  ignore.AddLine("   ");
  ignore.AddLine("  # indented comment");
  std::set<std::string> expected = {"a.txt:r:1", "b.txt:r:2"};
  EXPECT_EQ(ignore.entries(), expected);
}

TEST(IgnoreSetTest, BackslashesOnlyConvertedInFilePart) {
  IgnoreSet ignore;
  ignore.AddLine("dir\\file.txt:rule\\x:1");
  ignore.AddLine("c\\d:e\\f");  // Invalid entry: stored verbatim.
  EXPECT_TRUE(ignore.Contains("dir/file.txt:rule\\x:1"));
  EXPECT_TRUE(ignore.Contains("c\\d:e\\f"));
  EXPECT_FALSE(ignore.Contains("dir\\file.txt:rule\\x:1"));
}

TEST(IgnoreSetTest, InvalidEntryStillMatchesPathWithColon) {
  IgnoreSet ignore;
  ignore.AddLine("C:/work/a.txt:rule:4");
  EXPECT_TRUE(ignore.Contains("C:/work/a.txt:rule:4"));
}

TEST(IgnoreSetTest, LoadFileReadsEveryLine) {
  TempDir dir;
  std::string path = dir.Write("ignore", "a:r:1\r\n\n# c\nb:r:2");
  IgnoreSet ignore;
  ASSERT_TRUE(ignore.LoadFile(path));
  EXPECT_EQ(ignore.entries(), (std::set<std::string>{"a:r:1", "b:r:2"}));
}

TEST(IgnoreSetTest, LoadFileReportsMissingFile) {
  IgnoreSet ignore;
  Status status = ignore.LoadFile("/nonexistent/leakscan/.gitleaksignore");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message,
            "open /nonexistent/leakscan/.gitleaksignore: no such file or directory");
}

TEST(IgnoreSetTest, LoadForScanMergesAllThreeLocations) {
  TempDir dir;
  std::string explicit_file = dir.Write("custom-ignore", "one:r:1\n");
  dir.Write("ignore-dir/.gitleaksignore", "two:r:2\n");
  dir.Write("source/.gitleaksignore", "three:r:3\n");
  IgnoreSet from_file;
  ASSERT_TRUE(from_file.LoadForScan(explicit_file, dir.path() + "/source"));
  EXPECT_EQ(from_file.entries(), (std::set<std::string>{"one:r:1", "three:r:3"}));

  IgnoreSet from_directory;
  ASSERT_TRUE(from_directory.LoadForScan(dir.path() + "/ignore-dir/", dir.path() + "/source"));
  EXPECT_EQ(from_directory.entries(), (std::set<std::string>{"two:r:2", "three:r:3"}));
}

TEST(IgnoreSetTest, LoadForScanUsesWorkingDirectoryForStdin) {
  TempDir dir;
  dir.Write(".gitleaksignore", ":demo-token:1\n");
  std::string previous = fs::current_path().string();
  fs::current_path(dir.path());
  IgnoreSet ignore;
  Status status = ignore.LoadForScan(".", "");
  fs::current_path(previous);
  ASSERT_TRUE(status);
  EXPECT_TRUE(ignore.Contains(":demo-token:1"));
}

TEST(IgnoreSetTest, LoadForScanSkipsMissingFiles) {
  IgnoreSet ignore;
  EXPECT_TRUE(ignore.LoadForScan("/nonexistent/leakscan", "/nonexistent/source"));
  EXPECT_TRUE(ignore.entries().empty());
}

TEST(JoinCleanPathTest, CleansLikeGo) {
  EXPECT_EQ(JoinCleanPath(".", ".gitleaksignore"), ".gitleaksignore");
  EXPECT_EQ(JoinCleanPath("", ".gitleaksignore"), ".gitleaksignore");
  EXPECT_EQ(JoinCleanPath("repo/", ".gitleaksignore"), "repo/.gitleaksignore");
  EXPECT_EQ(JoinCleanPath("a/./b/../c", "x"), "a/c/x");
  EXPECT_EQ(JoinCleanPath("../testdata/repos/nogit", ".gitleaksignore"),
            "../testdata/repos/nogit/.gitleaksignore");
  EXPECT_EQ(JoinCleanPath("/..", "x"), "/x");
  EXPECT_EQ(JoinCleanPath("a", ".."), ".");
}

}  // namespace
}  // namespace leakscan
