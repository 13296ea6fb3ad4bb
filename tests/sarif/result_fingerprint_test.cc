#include "sarif/result_fingerprint.h"

#include <gtest/gtest.h>

#include "tests/report/sample_findings.h"

namespace leakscan {
namespace {

using testing::GitFinding;

constexpr char kKnownFingerprint[] =
    "4e8cd13e057c6f3f75023c4aa84ea8c0229a6f62341bb0c8e50b4cf452c671c8";

TEST(ResultFingerprintTest, IsLowerCaseHexSha256) {
  std::string fingerprint = ResultFingerprint(GitFinding());
  ASSERT_EQ(fingerprint.size(), 64U);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ResultFingerprintTest, KnownValue) {
  // sha256("r\0f\0c\07\02\07\09\0"), computed with Python's hashlib.
  Finding finding;
  finding.rule_id = "r";
  finding.file = "f";
  finding.commit = "c";
  finding.secret = "s";
  finding.start_line = 7;
  finding.start_column = 2;
  finding.end_line = 7;
  finding.end_column = 9;
  EXPECT_EQ(ResultFingerprint(finding), kKnownFingerprint);
}

TEST(ResultFingerprintTest, IgnoresSecretAndMetadata) {
  Finding finding = GitFinding();
  std::string before = ResultFingerprint(finding);
  finding.author = "Someone Else";
  finding.message = "reworded";
  finding.secret = "another secret";
  finding.entropy = 1;
  EXPECT_EQ(ResultFingerprint(finding), before);
}

TEST(ResultFingerprintTest, ChangesWithEachInput) {
  Finding base = GitFinding();
  std::string base_fingerprint = ResultFingerprint(base);
  Finding changed = base;
  changed.rule_id = "other";
  EXPECT_NE(ResultFingerprint(changed), base_fingerprint);
  changed = base;
  changed.file = "other.py";
  EXPECT_NE(ResultFingerprint(changed), base_fingerprint);
  changed = base;
  changed.commit = "fedcba";
  EXPECT_NE(ResultFingerprint(changed), base_fingerprint);
  changed = base;
  changed.start_column += 1;
  EXPECT_NE(ResultFingerprint(changed), base_fingerprint);
  changed = base;
  changed.end_column += 1;
  EXPECT_NE(ResultFingerprint(changed), base_fingerprint);
  changed = base;
  changed.start_line = 3;
  EXPECT_NE(ResultFingerprint(changed), base_fingerprint);
}

TEST(ResultFingerprintTest, FieldBoundariesAreSeparated) {
  Finding a = GitFinding();
  a.rule_id = "ab";
  a.file = "c";
  Finding b = GitFinding();
  b.rule_id = "a";
  b.file = "bc";
  EXPECT_NE(ResultFingerprint(a), ResultFingerprint(b));
}

}  // namespace
}  // namespace leakscan
