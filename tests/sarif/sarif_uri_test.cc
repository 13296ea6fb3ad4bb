#include "sarif/sarif_uri.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(PathToUriReferenceTest, OrdinaryPathsAreUnchanged) {
  for (const char* path :
       {"app/settings.py", "../testdata/repos/nogit/api.go", "pkg/bundle.tar.gz!conf/prod.env",
        "a-b_c.d~e/f+g=h@i,j;k$l&m'(n)*", "dir/file:with:colons"}) {
    EXPECT_EQ(PathToUriReference(path), path);
  }
}

TEST(PathToUriReferenceTest, ReservedAndUnsafeBytesArePercentEncoded) {
  EXPECT_EQ(PathToUriReference("my docs/a b.txt"), "my%20docs/a%20b.txt");
  EXPECT_EQ(PathToUriReference("100%/x#1?.env"), "100%25/x%231%3F.env");
  EXPECT_EQ(PathToUriReference("win\\path[1]{2}|^`\"<>"),
            "win%5Cpath%5B1%5D%7B2%7D%7C%5E%60%22%3C%3E");
  EXPECT_EQ(PathToUriReference("caf\xc3\xa9/\x01"), "caf%C3%A9/%01");
}

TEST(PathToUriReferenceTest, ColonInFirstSegmentIsEncoded) {
  EXPECT_EQ(PathToUriReference("C:/repo/file"), "C%3A/repo/file");
  EXPECT_EQ(PathToUriReference("key:value"), "key%3Avalue");
}

TEST(PathToUriReferenceTest, AbsolutePathBecomesFileUri) {
  EXPECT_EQ(PathToUriReference("/home/me/a b/c:d"), "file:///home/me/a%20b/c:d");
}

TEST(PathToUriReferenceTest, EmptyPathStaysEmpty) { EXPECT_EQ(PathToUriReference(""), ""); }

TEST(UriReferenceToPathTest, ReversesPathToUriReference) {
  for (const char* path : {"app/settings.py", "my docs/a b.txt", "100%/x#1?.env", "C:/repo/file",
                           "/home/me/a b/c:d", "caf\xc3\xa9/\x01", "", "a.zip!b/c"}) {
    EXPECT_EQ(UriReferenceToPath(PathToUriReference(path)), path);
  }
}

TEST(UriReferenceToPathTest, KeepsMalformedEscapes) {
  EXPECT_EQ(UriReferenceToPath("a%2"), "a%2");
  EXPECT_EQ(UriReferenceToPath("a%zz"), "a%zz");
  EXPECT_EQ(UriReferenceToPath("a%41"), "aA");
}

TEST(DirectoryToFileUriTest, EndsWithSlash) {
  EXPECT_EQ(DirectoryToFileUri("/work/repo"), "file:///work/repo/");
  EXPECT_EQ(DirectoryToFileUri("/work/repo/"), "file:///work/repo/");
}

}  // namespace
}  // namespace leakscan
