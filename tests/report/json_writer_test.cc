#include "report/json_writer.h"

#include <gtest/gtest.h>

#include "tests/report/sample_findings.h"

namespace leakscan {
namespace {

using testing::DirFinding;
using testing::GitFinding;

std::string Json(const std::vector<Finding>& findings) {
  std::string out;
  WriteJson(findings, &out);
  return out;
}

TEST(JsonWriterTest, NoFindingsGiveEmptyArrayAndNewline) { EXPECT_EQ(Json({}), "[]\n"); }

TEST(JsonWriterTest, DirFindingMatchesGitleaksLayout) {
  EXPECT_EQ(Json({DirFinding()}),
            "[\n"
            " {\n"
            "  \"RuleID\": \"demo-token\",\n"
            "  \"Description\": \"Demo token\",\n"
            "  \"StartLine\": 2,\n"
            "  \"EndLine\": 2,\n"
            "  \"StartColumn\": 15,\n"
            "  \"EndColumn\": 34,\n"
            "  \"Match\": \"tok_9fK2mQ7xLp4Rz8Wv\",\n"
            "  \"Secret\": \"tok_9fK2mQ7xLp4Rz8Wv\",\n"
            "  \"File\": \"app/settings.py\",\n"
            "  \"SymlinkFile\": \"\",\n"
            "  \"Commit\": \"\",\n"
            "  \"Entropy\": 4.321928,\n"
            "  \"Author\": \"\",\n"
            "  \"Email\": \"\",\n"
            "  \"Date\": \"\",\n"
            "  \"Message\": \"\",\n"
            "  \"Tags\": [\n"
            "   \"demo\"\n"
            "  ],\n"
            "  \"Fingerprint\": \"app/settings.py:demo-token:2\"\n"
            " }\n"
            "]\n");
}

TEST(JsonWriterTest, LinkSitsBetweenCommitAndEntropy) {
  std::string out = Json({GitFinding()});
  size_t commit = out.find("\"Commit\": \"0123456789abcdef0123456789abcdef01234567\",\n");
  size_t link = out.find("\"Link\": \"https://github.com/acme/widgets/blob/");
  size_t entropy = out.find("\"Entropy\": ");
  ASSERT_NE(commit, std::string::npos);
  ASSERT_NE(link, std::string::npos);
  EXPECT_LT(commit, link);
  EXPECT_LT(link, entropy);
}

TEST(JsonWriterTest, EmptyLinkIsOmitted) {
  EXPECT_EQ(Json({DirFinding()}).find("\"Link\""), std::string::npos);
}

TEST(JsonWriterTest, LineAndRequiredFindingsAreNeverWritten) {
  Finding finding = DirFinding();
  finding.required.push_back(DirFinding());
  std::string out = Json({finding});
  EXPECT_EQ(out.find("\"Line\""), std::string::npos);
  EXPECT_EQ(out.find("api_token"), std::string::npos);
  EXPECT_EQ(out.find("Required"), std::string::npos);
}

TEST(JsonWriterTest, EmptyTagsAreAnEmptyArray) {
  Finding finding = DirFinding();
  finding.tags.clear();
  EXPECT_NE(Json({finding}).find("  \"Tags\": [],\n"), std::string::npos);
}

TEST(JsonWriterTest, AmpersandInAzureLinkIsEscaped) {
  Finding finding = GitFinding();
  finding.link = "https://dev.azure.com/o/p/_git/r/commit/abc?path=/a.py&line=2";
  EXPECT_NE(Json({finding}).find("?path=/a.py\\u0026line=2\""), std::string::npos);
}

TEST(JsonWriterTest, FindingsAreSeparatedByCommas) {
  std::string out = Json({DirFinding(), GitFinding()});
  EXPECT_NE(out.find("\n },\n {\n"), std::string::npos);
  EXPECT_TRUE(out.ends_with("\n }\n]\n"));
}

}  // namespace
}  // namespace leakscan
