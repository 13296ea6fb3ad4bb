#include "sarif/result_fingerprint.h"

#include <gtest/gtest.h>

#include "tests/report/sample_findings.h"

namespace leakscan {
namespace {

using testing::GitFinding;

constexpr char kKnownFingerprint[] =
    "4e86b8193c4f78b5ed260ea83bd81fa0fb5c7972c696105aa3e359bb49b5100c";

TEST(ResultFingerprintTest, IsLowerCaseHexSha256) {
  std::string fingerprint = ResultFingerprint(GitFinding());
  ASSERT_EQ(fingerprint.size(), 64U);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ResultFingerprintTest, KnownValue) {
  // sha256("r\0f\0c\0" + sha256hex("s") + "\0" + "7\0"), computed with
  // Python's hashlib.
  Finding finding;
  finding.rule_id = "r";
  finding.file = "f";
  finding.commit = "c";
  finding.secret = "s";
  finding.start_line = 7;
  EXPECT_EQ(ResultFingerprint(finding), kKnownFingerprint);
}

TEST(ResultFingerprintTest, IgnoresFieldsOutsideItsInputs) {
  Finding finding = GitFinding();
  std::string before = ResultFingerprint(finding);
  finding.author = "Someone Else";
  finding.message = "reworded";
  finding.start_column = 99;
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
  changed.secret = "tok_other";
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
