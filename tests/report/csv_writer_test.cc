#include "report/csv_writer.h"

#include <gtest/gtest.h>

#include "tests/report/sample_findings.h"

namespace leakscan {
namespace {

using testing::DirFinding;
using testing::GitFinding;

constexpr char kHeader[] =
    "RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,"
    "Author,Message,Date,Email,Fingerprint,Tags";

std::string Csv(const std::vector<Finding>& findings) {
  std::string out;
  WriteCsv(findings, &out);
  return out;
}

std::string Field(std::string_view value) {
  std::string out;
  AppendCsvField(value, &out);
  return out;
}

TEST(CsvWriterTest, NoFindingsWriteNothing) { EXPECT_EQ(Csv({}), ""); }

TEST(CsvWriterTest, GitFindingWithLinkMatchesSpecExample) {
  EXPECT_EQ(Csv({GitFinding()}),
            std::string(kHeader) +
                ",Link\n"
                "demo-token,0123456789abcdef0123456789abcdef01234567,app/settings.py,,"
                "tok_9fK2mQ7xLp4Rz8Wv,tok_9fK2mQ7xLp4Rz8Wv,2,2,15,34,Jane Roe,"
                "\"Add settings, part 1\",2024-05-06T07:08:09Z,jane@example.org,"
                "0123456789abcdef0123456789abcdef01234567:app/settings.py:demo-token:2,demo,"
                "https://github.com/acme/widgets/blob/0123456789abcdef0123456789abcdef01234567/"
                "app/settings.py#L2\n");
}

TEST(CsvWriterTest, LinkColumnFollowsOnlyTheFirstFinding) {
  std::string without_link = Csv({DirFinding(), GitFinding()});
  EXPECT_EQ(without_link.substr(0, without_link.find('\n')), kHeader);
  EXPECT_EQ(without_link.find("https://"), std::string::npos);

  std::string with_link = Csv({GitFinding(), DirFinding()});
  EXPECT_EQ(with_link.substr(0, with_link.find('\n')), std::string(kHeader) + ",Link");
  // The dir finding gets an empty Link field.
  EXPECT_NE(with_link.find("app/settings.py:demo-token:2,demo,\n"), std::string::npos);
}

TEST(CsvWriterTest, TagsAreJoinedWithSpaces) {
  Finding finding = DirFinding();
  finding.tags = {"tag1", "tag2", "tag3"};
  EXPECT_NE(Csv({finding}).find(",tag1 tag2 tag3\n"), std::string::npos);
}

TEST(CsvFieldTest, QuotesLikeGoEncodingCsv) {
  EXPECT_EQ(Field(""), "");
  EXPECT_EQ(Field("plain"), "plain");
  EXPECT_EQ(Field("a,b"), "\"a,b\"");
  EXPECT_EQ(Field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(Field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(Field("cr\r"), "\"cr\r\"");
  EXPECT_EQ(Field(" leading"), "\" leading\"");
  EXPECT_EQ(Field("\tleading"), "\"\tleading\"");
  EXPECT_EQ(Field("\xc2\xa0nbsp"), "\"\xc2\xa0nbsp\"");
  EXPECT_EQ(Field("\\."), "\"\\.\"");
}

TEST(CsvFieldTest, TrailingSpaceAndOtherPunctuationStayUnquoted) {
  EXPECT_EQ(Field("trailing "), "trailing ");
  EXPECT_EQ(Field("a;b|c'd"), "a;b|c'd");
  EXPECT_EQ(Field("\\.."), "\\..");
  EXPECT_EQ(Field("\xff"), "\xff");
}

}  // namespace
}  // namespace leakscan
