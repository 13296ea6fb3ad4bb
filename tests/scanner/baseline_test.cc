#include "scanner/baseline.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace leakscan {
namespace {

namespace fs = std::filesystem;

Finding SampleFinding() {
  Finding f;
  f.rule_id = "demo-token";
  f.description = "Demo token";
  f.start_line = 2;
  f.end_line = 2;
  f.start_column = 15;
  f.end_column = 34;
  f.match = "tok_9fK2mQ7xLp4Rz8Wv";
  f.secret = "tok_9fK2mQ7xLp4Rz8Wv";
  f.file = "app/settings.py";
  f.commit = "0123456789abcdef0123456789abcdef01234567";
  f.entropy = 4.321928f;
  f.author = "Jane Roe";
  f.email = "jane@example.org";
  f.date = "2024-05-06T07:08:09Z";
  f.message = "Add settings, part 1";
  f.tags = {"demo"};
  return f;
}

constexpr char kJsonReport[] = R"([
 {
  "RuleID": "demo-token",
  "Description": "Demo token",
  "StartLine": 2,
  "EndLine": 2,
  "StartColumn": 15,
  "EndColumn": 34,
  "Match": "tok_9fK2mQ7xLp4Rz8Wv",
  "Secret": "tok_9fK2mQ7xLp4Rz8Wv",
  "File": "app/settings.py",
  "SymlinkFile": "",
  "Commit": "0123456789abcdef0123456789abcdef01234567",
  "Entropy": 4.321928,
  "Author": "Jane Roe",
  "Email": "jane@example.org",
  "Date": "2024-05-06T07:08:09Z",
  "Message": "Add settings, part 1",
  "Tags": ["other"],
  "Fingerprint": "whatever"
 }
]
)";

Baseline MustParse(std::string_view text) {
  auto baseline = Baseline::Parse(text, "baseline");
  EXPECT_TRUE(baseline) << baseline.error().message;
  return baseline ? std::move(*baseline) : Baseline();
}

std::string ParseError(std::string_view text) {
  auto baseline = Baseline::Parse(text, "b.json");
  return baseline ? "(accepted)" : baseline.error().message;
}

TEST(BaselineJsonTest, ReportEntryMatchesEqualFinding) {
  Baseline baseline = MustParse(kJsonReport);
  EXPECT_EQ(baseline.format(), BaselineFormat::kJson);
  ASSERT_EQ(baseline.size(), 1u);
  EXPECT_TRUE(baseline.Contains(SampleFinding(), false));
}

TEST(BaselineJsonTest, EachComparedFieldMatters) {
  Baseline baseline = MustParse(kJsonReport);
  std::vector<std::pair<std::string, void (*)(Finding&)>> changes = {
      {"RuleID", [](Finding& f) { f.rule_id = "x"; }},
      {"Description", [](Finding& f) { f.description = "x"; }},
      {"StartLine", [](Finding& f) { f.start_line = 3; }},
      {"EndLine", [](Finding& f) { f.end_line = 3; }},
      {"StartColumn", [](Finding& f) { f.start_column = 1; }},
      {"EndColumn", [](Finding& f) { f.end_column = 1; }},
      {"File", [](Finding& f) { f.file = "x"; }},
      {"Commit", [](Finding& f) { f.commit = "x"; }},
      {"Author", [](Finding& f) { f.author = "x"; }},
      {"Email", [](Finding& f) { f.email = "x"; }},
      {"Date", [](Finding& f) { f.date = "x"; }},
      {"Message", [](Finding& f) { f.message = "x"; }},
      {"Entropy", [](Finding& f) { f.entropy = std::nextafter(f.entropy, 10.0f); }},
      {"Match", [](Finding& f) { f.match = "x"; }},
      {"Secret", [](Finding& f) { f.secret = "x"; }},
  };
  for (const auto& [name, change] : changes) {
    Finding finding = SampleFinding();
    change(finding);
    EXPECT_FALSE(baseline.Contains(finding, false)) << name;
  }
}

TEST(BaselineJsonTest, IgnoresTagsLinkAndFingerprint) {
  Baseline baseline = MustParse(kJsonReport);
  Finding finding = SampleFinding();
  finding.tags = {"a", "b"};
  finding.link = "https://example.invalid/x";
  finding.symlink_file = "link.py";
  finding.fingerprint = "other";
  finding.line = "anything";
  EXPECT_TRUE(baseline.Contains(finding, false));
}

TEST(BaselineJsonTest, RedactingSkipsMatchAndSecret) {
  Baseline baseline = MustParse(kJsonReport);
  Finding finding = SampleFinding();
  finding.match = "REDACTED";
  finding.secret = "REDACTED";
  EXPECT_TRUE(baseline.Contains(finding, true));
  EXPECT_FALSE(baseline.Contains(finding, false));
}

TEST(BaselineJsonTest, KeysAreCaseInsensitive) {
  Baseline baseline = MustParse(R"([{"ruleid": "r", "STARTLINE": 4, "unknown": {"x": [1]}}])");
  Finding finding;
  finding.rule_id = "r";
  finding.start_line = 4;
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.file = "a";
  EXPECT_FALSE(baseline.Contains(finding, false));
}

TEST(BaselineJsonTest, NullsAndEmptyArraysFilterNothing) {
  EXPECT_EQ(MustParse("null").size(), 0u);
  EXPECT_EQ(MustParse(" [ ] ").size(), 0u);
  EXPECT_FALSE(MustParse("[]").Contains(Finding(), false));
  // A null element decodes to an all-zero finding, as in Go.
  Baseline zero = MustParse("[null]");
  EXPECT_TRUE(zero.Contains(Finding(), false));
  Baseline null_fields = MustParse(R"([{"RuleID": null, "StartLine": null, "Tags": null}])");
  EXPECT_TRUE(null_fields.Contains(Finding(), false));
}

TEST(BaselineJsonTest, EntropyIsParsedAsFloat32) {
  Baseline baseline = MustParse(R"([{"RuleID": "r", "Entropy": 5.9834013}])");
  Finding finding;
  finding.rule_id = "r";
  finding.entropy = 5.9834013f;
  EXPECT_TRUE(baseline.Contains(finding, false));
}

TEST(BaselineJsonTest, RejectsWrongTypesAndMalformedText) {
  const std::string rejected = "the format of the file b.json is not supported";
  EXPECT_EQ(ParseError(R"([{"StartLine": "2"}])"), rejected);
  EXPECT_EQ(ParseError(R"([{"StartLine": 2.5}])"), rejected);
  EXPECT_EQ(ParseError(R"([{"RuleID": 7}])"), rejected);
  EXPECT_EQ(ParseError(R"([{"Tags": "a"}])"), rejected);
  EXPECT_EQ(ParseError(R"([{"Tags": [1]}])"), rejected);
  EXPECT_EQ(ParseError(R"([1])"), rejected);
  EXPECT_EQ(ParseError(R"([{"RuleID": "r"})"), rejected);
  EXPECT_EQ(ParseError(R"([] [])"), rejected);
  EXPECT_EQ(ParseError(R"({"findings": []})"), rejected);
  EXPECT_EQ(ParseError("\"text\""), rejected);
  EXPECT_EQ(ParseError("<testsuites></testsuites>"), rejected);
}

TEST(BaselineTest, EmptyFileIsAnEmptyBaseline) {
  EXPECT_EQ(MustParse("").size(), 0u);
  EXPECT_EQ(MustParse(" \n").size(), 0u);
}

constexpr char kCsvReport[] =
    "RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,"
    "Author,Message,Date,Email,Fingerprint,Tags\n"
    "demo-token,0123456789abcdef0123456789abcdef01234567,app/settings.py,,"
    "tok_9fK2mQ7xLp4Rz8Wv,tok_9fK2mQ7xLp4Rz8Wv,2,2,15,34,Jane Roe,\"Add settings, part 1\","
    "2024-05-06T07:08:09Z,jane@example.org,x:app/settings.py:demo-token:2,demo\n";

TEST(BaselineCsvTest, ReportRowMatchesWithoutDescriptionOrEntropy) {
  Baseline baseline = MustParse(kCsvReport);
  EXPECT_EQ(baseline.format(), BaselineFormat::kCsv);
  ASSERT_EQ(baseline.size(), 1u);
  Finding finding = SampleFinding();
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.description = "changed";
  finding.entropy = 1.0f;
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.message = "Add settings";
  EXPECT_FALSE(baseline.Contains(finding, false));
}

TEST(BaselineCsvTest, QuotedFieldsKeepQuotesNewlinesAndCarriageReturns) {
  std::string text =
      "RuleID,File,Secret,Match,StartLine,Link\r\n"
      "r,\"a,b.txt\",\"say \"\"hi\"\"\",\"line1\r\nline2\",7,https://x\r\n";
  Baseline baseline = MustParse(text);
  ASSERT_EQ(baseline.size(), 1u);
  Finding finding;
  finding.rule_id = "r";
  finding.file = "a,b.txt";
  finding.secret = "say \"hi\"";
  finding.match = "line1\r\nline2";
  finding.start_line = 7;
  finding.commit = "not compared: no Commit column";
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.match = "line1\nline2";
  EXPECT_FALSE(baseline.Contains(finding, false));
}

TEST(BaselineCsvTest, RejectsMalformedRows) {
  EXPECT_EQ(ParseError("RuleID,StartLine\nr,1,extra\n"),
            "the format of the file b.json is not supported: CSV record 2 has 3 fields, "
            "the header has 2");
  EXPECT_EQ(ParseError("RuleID,StartLine\nr,one\n"),
            "the format of the file b.json is not supported: CSV record 2: StartLine is not "
            "an integer");
  EXPECT_EQ(ParseError("RuleID,File\nr,a\n"),
            "the format of the file b.json is not supported: the CSV header has no StartLine "
            "column");
  EXPECT_EQ(ParseError("RuleID,StartLine\n\"r,1\n"),
            "the format of the file b.json is not supported: CSV record 2 has an unterminated "
            "quoted field");
  EXPECT_EQ(ParseError("RuleID,StartLine\nr\"x,1\n"),
            "the format of the file b.json is not supported: CSV record 2 has a quote inside "
            "an unquoted field");
}

TEST(BaselineCsvTest, HeaderOnlyIsEmpty) { EXPECT_EQ(MustParse("RuleID,StartLine\n").size(), 0u); }

constexpr char kSarifReport[] = R"({
 "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
 "version": "2.1.0",
 "runs": [
  {
   "tool": {"driver": {"name": "gitleaks", "rules": [
     {"id": "demo-token", "shortDescription": {"text": "Demo token"}}]}},
   "results": [
    {
     "message": {"text": "demo-token has detected secret for file app/settings.py."},
     "ruleId": "demo-token",
     "locations": [{"physicalLocation": {
       "artifactLocation": {"uri": "app/settings.py"},
       "region": {"startLine": 2, "startColumn": 15, "endLine": 2, "endColumn": 34,
                  "snippet": {"text": "tok_9fK2mQ7xLp4Rz8Wv"}}}}],
     "partialFingerprints": {"commitSha": "0123456789abcdef0123456789abcdef01234567",
       "email": "jane@example.org", "author": "Jane Roe", "date": "2024-05-06T07:08:09Z",
       "commitMessage": "Add settings, part 1"},
     "properties": {"tags": []}
    }
   ]
  }
 ]
})";

TEST(BaselineSarifTest, ResultMatchesWithoutMatchOrEntropy) {
  Baseline baseline = MustParse(kSarifReport);
  EXPECT_EQ(baseline.format(), BaselineFormat::kSarif);
  ASSERT_EQ(baseline.size(), 1u);
  Finding finding = SampleFinding();
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.match = "other";
  finding.entropy = 0;
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.description = "renamed rule";
  EXPECT_FALSE(baseline.Contains(finding, false));
}

TEST(BaselineSarifTest, UriIsComparedWithSymlinkFileWhenSet) {
  Baseline baseline = MustParse(kSarifReport);
  Finding finding = SampleFinding();
  finding.symlink_file = "app/settings.py";
  finding.file = "real/target.py";
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.symlink_file = "link.py";
  finding.file = "app/settings.py";
  EXPECT_FALSE(baseline.Contains(finding, false));
}

TEST(BaselineSarifTest, AbsentFieldsAreNotCompared) {
  Baseline baseline = MustParse(R"({"runs": [{"results": [{"ruleId": "demo-token",
      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "app/settings.py"},
      "region": {"startLine": 2}}}]}]}]})");
  Finding finding = SampleFinding();
  EXPECT_TRUE(baseline.Contains(finding, false));
  finding.start_line = 3;
  EXPECT_FALSE(baseline.Contains(finding, false));
}

TEST(BaselineSarifTest, EmptyRunsFilterNothing) {
  Baseline baseline = MustParse(R"({"version": "2.1.0", "runs": []})");
  EXPECT_EQ(baseline.size(), 0u);
  EXPECT_FALSE(baseline.Contains(SampleFinding(), false));
}

TEST(BaselineSarifTest, RejectsResultsWithoutLocation) {
  EXPECT_EQ(ParseError(R"({"runs": [{"results": [{"ruleId": "r"}]}]})"),
            "the format of the file b.json is not supported: SARIF run 0 result 0 is missing "
            "the location uri");
  EXPECT_EQ(ParseError(R"({"runs": [{"results": [{"message": {}}]}]})"),
            "the format of the file b.json is not supported: SARIF run 0 result 0 is missing "
            "ruleId");
  EXPECT_EQ(ParseError(R"({"runs": 3})"),
            "the format of the file b.json is not supported: SARIF \"runs\" is not an array");
}

class BaselineFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "leakscan-baseline-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_;
};

TEST_F(BaselineFileTest, LoadsReportFile) {
  std::string path = dir_ + "/report.json";
  std::ofstream(path) << kJsonReport;
  auto baseline = Baseline::Load(path);
  ASSERT_TRUE(baseline) << baseline.error().message;
  EXPECT_TRUE(baseline->Contains(SampleFinding(), false));
}

TEST_F(BaselineFileTest, MissingFileOrDirectoryCannotBeOpened) {
  auto missing = Baseline::Load(dir_ + "/missing.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "could not open " + dir_ + "/missing.json");
  auto directory = Baseline::Load(dir_);
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error().message, "could not open " + dir_);
}

}  // namespace
}  // namespace leakscan
