#include "report/junit_writer.h"

#include <gtest/gtest.h>

#include "report/xml_escape.h"
#include "tests/report/sample_findings.h"

namespace leakscan {
namespace {

using testing::DirFinding;
using testing::GitFinding;

std::string Junit(const std::vector<Finding>& findings) {
  std::string out;
  WriteJunit(findings, &out);
  return out;
}

std::string Xml(std::string_view text) {
  std::string out;
  AppendXmlEscaped(text, &out);
  return out;
}

TEST(JunitWriterTest, NoFindingsGiveEmptySuiteWithoutTrailingNewline) {
  EXPECT_EQ(Junit({}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites>\n"
            "\t<testsuite failures=\"0\" name=\"gitleaks\" tests=\"0\" time=\"\"></testsuite>\n"
            "</testsuites>");
}

TEST(JunitWriterTest, DirFindingMatchesSpecExample) {
  std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites>\n"
      "\t<testsuite failures=\"1\" name=\"gitleaks\" tests=\"1\" time=\"\">\n"
      "\t\t<testcase classname=\"Demo token\" file=\"app/settings.py\" name=\"demo-token has "
      "detected a secret in file app/settings.py, line 2.\" time=\"\">\n"
      "\t\t\t<failure message=\"demo-token has detected a secret in file app/settings.py, line "
      "2.\" type=\"Demo token\">{&#xA;&#x9;&#34;RuleID&#34;: &#34;demo-token&#34;,&#xA;&#x9;"
      "&#34;Description&#34;: &#34;Demo token&#34;,&#xA;&#x9;&#34;StartLine&#34;: 2,&#xA;&#x9;"
      "&#34;EndLine&#34;: 2,&#xA;&#x9;&#34;StartColumn&#34;: 15,&#xA;&#x9;&#34;EndColumn&#34;: "
      "34,&#xA;&#x9;&#34;Match&#34;: &#34;tok_9fK2mQ7xLp4Rz8Wv&#34;,&#xA;&#x9;&#34;Secret&#34;: "
      "&#34;tok_9fK2mQ7xLp4Rz8Wv&#34;,&#xA;&#x9;&#34;File&#34;: &#34;app/settings.py&#34;,&#xA;"
      "&#x9;&#34;SymlinkFile&#34;: &#34;&#34;,&#xA;&#x9;&#34;Commit&#34;: &#34;&#34;,&#xA;&#x9;"
      "&#34;Entropy&#34;: 4.321928,&#xA;&#x9;&#34;Author&#34;: &#34;&#34;,&#xA;&#x9;&#34;Email"
      "&#34;: &#34;&#34;,&#xA;&#x9;&#34;Date&#34;: &#34;&#34;,&#xA;&#x9;&#34;Message&#34;: "
      "&#34;&#34;,&#xA;&#x9;&#34;Tags&#34;: [&#xA;&#x9;&#x9;&#34;demo&#34;&#xA;&#x9;],&#xA;&#x9;"
      "&#34;Fingerprint&#34;: &#34;app/settings.py:demo-token:2&#34;&#xA;}</failure>\n"
      "\t\t</testcase>\n"
      "\t</testsuite>\n"
      "</testsuites>";
  EXPECT_EQ(Junit({DirFinding()}), expected);
}

TEST(JunitWriterTest, CommitIsNamedInTestCaseMessage) {
  std::string out = Junit({GitFinding()});
  EXPECT_NE(out.find("name=\"demo-token has detected a secret in file app/settings.py, line 2, "
                     "at commit 0123456789abcdef0123456789abcdef01234567.\""),
            std::string::npos);
  EXPECT_NE(out.find("&#34;Link&#34;: &#34;https://github.com/acme/widgets/blob/"),
            std::string::npos);
}

TEST(JunitWriterTest, CountsEveryFinding) {
  std::string out = Junit({DirFinding(), GitFinding(), DirFinding()});
  EXPECT_NE(out.find("<testsuite failures=\"3\" name=\"gitleaks\" tests=\"3\" time=\"\">"),
            std::string::npos);
  EXPECT_TRUE(out.ends_with("</testcase>\n\t</testsuite>\n</testsuites>"));
}

TEST(JunitWriterTest, FailureTextEscapesJsonHtmlEscapes) {
  Finding finding = DirFinding();
  finding.secret = "a<b";
  std::string out = Junit({finding});
  // JSON turns `<` into \u003c first; XML leaves that text alone.
  EXPECT_NE(out.find("&#34;Secret&#34;: &#34;a\\u003cb&#34;"), std::string::npos);
}

TEST(XmlEscapeTest, EscapesMarkupAndWhitespaceLikeGo) {
  EXPECT_EQ(Xml("\"'&<>\t\n\r"), "&#34;&#39;&amp;&lt;&gt;&#x9;&#xA;&#xD;");
  EXPECT_EQ(Xml("plain text"), "plain text");
}

TEST(XmlEscapeTest, ReplacesCharactersXmlForbids) {
  EXPECT_EQ(Xml(std::string_view("a\x01"
                                 "b\x00",
                                 4)),
            "a\xef\xbf\xbd"
            "b\xef\xbf\xbd");
  EXPECT_EQ(Xml("\xff"), "\xef\xbf\xbd");
  EXPECT_EQ(Xml("\xef\xbf\xbe"), "\xef\xbf\xbd");  // U+FFFE
}

TEST(XmlEscapeTest, KeepsValidNonAsciiAndDelete) {
  EXPECT_EQ(Xml("\xc3\xa9\x7f\xf0\x9f\x98\x80\xef\xbf\xbd"),
            "\xc3\xa9\x7f\xf0\x9f\x98\x80\xef\xbf\xbd");
}

}  // namespace
}  // namespace leakscan
