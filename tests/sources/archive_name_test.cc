#include "sources/archive_name.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

struct NameCase {
  const char* path;
  bool recognised;
  bool compressed;
  bool archive;
};

TEST(LooksLikeArchiveTest, DecidesFromTheBaseNameOnly) {
  const NameCase cases[] = {
      {"dir/main.go", false, false, false},
      {"dir/main.go.gz", true, true, false},
      {"files.tar", true, false, true},
      {"files.tar.zst", true, true, true},
      {"files.tar.xz", true, true, true},
      {"nested.tar.gz", true, true, true},
      {"files.zip", true, false, true},
      {"files.7z", true, false, true},
      {"x.rar", true, false, true},
      {"data.bz2", true, true, false},
      {"data.lz4", true, true, false},
      {"FILES.ZIP", true, false, true},
      // Substring quirks Gitleaks has: these text files count as archives.
      {"jquery.browser.js", true, true, false},
      {"notes.tar.txt", true, false, true},
      {"data.gzip", true, true, false},
      // Extension-only tests: ".lz" and ".mz" must be the last extension.
      {"file.lz", true, true, false},
      {"file.lz.txt", false, false, false},
      {"file.mz", true, true, false},
      // ".tgz" does not contain ".tar" or ".gz".
      {"x.tgz", false, false, false},
      // Only the base name counts.
      {"dir.tar/readme.md", false, false, false},
  };
  for (const NameCase& c : cases) {
    auto kind = LooksLikeArchive(c.path);
    ASSERT_EQ(kind.has_value(), c.recognised) << c.path;
    if (!kind) continue;
    EXPECT_EQ(kind->compressed, c.compressed) << c.path;
    EXPECT_EQ(kind->archive, c.archive) << c.path;
  }
}

TEST(NeedsRandomAccessTest, CoversZipSevenZipAndRar) {
  EXPECT_TRUE(NeedsRandomAccess("a/inner.zip"));
  EXPECT_TRUE(NeedsRandomAccess("inner.7z"));
  EXPECT_TRUE(NeedsRandomAccess("inner.rar"));
  EXPECT_FALSE(NeedsRandomAccess("inner.tar.gz"));
  EXPECT_FALSE(NeedsRandomAccess("inner.gz"));
}

}  // namespace
}  // namespace leakscan
