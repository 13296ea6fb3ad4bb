#include "scanner/redact.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(RedactTest, KeepsRoundedShareOfSecret) {
  EXPECT_EQ(RedactSecret("abcdefgh", 75), "ab...");
  EXPECT_EQ(RedactSecret("abcdefgh", 50), "abcd...");
  EXPECT_EQ(RedactSecret("abcdefgh", 90), "a...");
  EXPECT_EQ(RedactSecret("abcdefgh", 95), "...");
  EXPECT_EQ(RedactSecret("abcdefgh", 10), "abcdefg...");
}

TEST(RedactTest, RoundsHalfToEven) {
  EXPECT_EQ(RedactSecret("abcdef", 75), "ab...");      // 1.5 -> 2
  EXPECT_EQ(RedactSecret("abcdefghij", 75), "ab...");  // 2.5 -> 2
  EXPECT_EQ(RedactSecret("ss", 75), "...");            // 0.5 -> 0
}

TEST(RedactTest, PercentAboveHundredLeavesDots) { EXPECT_EQ(RedactSecret("secret", 1000), "..."); }

TEST(RedactTest, ReplacesSecretInLineAndMatch) {
  Finding finding;
  finding.secret = "tok";
  finding.match = "key=tok";
  finding.line = "\nkey=tok # tok";
  Redact(finding, 100);
  EXPECT_EQ(finding.secret, "REDACTED");
  EXPECT_EQ(finding.match, "key=REDACTED");
  EXPECT_EQ(finding.line, "\nkey=REDACTED # REDACTED");
}

TEST(RedactTest, ZeroPercentChangesNothing) {
  Finding finding;
  finding.secret = "tok";
  finding.match = "tok";
  Redact(finding, 0);
  EXPECT_EQ(finding.secret, "tok");
}

TEST(RedactTest, EmptySecretScramblesMatchAtFullRedaction) {
  Finding finding;
  finding.match = "file detected: a";
  Redact(finding, 100);
  EXPECT_EQ(finding.secret, "REDACTED");
  EXPECT_EQ(finding.match.substr(0, 17), "REDACTEDfREDACTED");
  EXPECT_TRUE(finding.match.ends_with("aREDACTED"));
}

TEST(RedactTest, EmptySecretUnchangedBelowHundred) {
  Finding finding;
  finding.match = "line containing";
  Redact(finding, 75);
  EXPECT_EQ(finding.secret, "");
  EXPECT_EQ(finding.match, "line containing");
}

TEST(RedactTest, ReplaceAllWithEmptyPatternWorksPerCharacter) {
  EXPECT_EQ(ReplaceAll("\xC3\xA9x", "", "-"), "-\xC3\xA9-x-");
  EXPECT_EQ(ReplaceAll("", "", "-"), "-");
  EXPECT_EQ(ReplaceAll("aaa", "aa", "b"), "ba");
}

}  // namespace
}  // namespace leakscan
