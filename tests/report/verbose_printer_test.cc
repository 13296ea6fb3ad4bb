#include "report/verbose_printer.h"

#include <gtest/gtest.h>

#include "tests/report/sample_findings.h"

namespace leakscan {
namespace {

using testing::DirFinding;
using testing::GitFinding;

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

TEST(VerbosePrinterTest, GitFindingWithoutColorMatchesSpecExample) {
  EXPECT_EQ(FormatVerboseFinding(GitFinding(), /*color=*/false),
            "Finding:     tok_9fK2mQ7xLp4Rz8Wv\n"
            "Secret:      tok_9fK2mQ7xLp4Rz8Wv\n"
            "RuleID:      demo-token\n"
            "Entropy:     4.321928\n"
            "Tags:        [demo]\n"
            "File:        app/settings.py\n"
            "Line:        2\n"
            "Commit:      0123456789abcdef0123456789abcdef01234567\n"
            "Author:      Jane Roe\n"
            "Email:       jane@example.org\n"
            "Date:        2024-05-06T07:08:09Z\n"
            "Fingerprint: 0123456789abcdef0123456789abcdef01234567:app/settings.py:demo-token:2\n"
            "Link:        https://github.com/acme/widgets/blob/"
            "0123456789abcdef0123456789abcdef01234567/app/settings.py#L2\n"
            "\n");
}

TEST(VerbosePrinterTest, DirFindingHasNoCommitLines) {
  EXPECT_EQ(FormatVerboseFinding(DirFinding(), VerboseStyle::kPlain),
            "Finding:     tok_9fK2mQ7xLp4Rz8Wv\n"
            "Secret:      tok_9fK2mQ7xLp4Rz8Wv\n"
            "RuleID:      demo-token\n"
            "Entropy:     4.321928\n"
            "Tags:        [demo]\n"
            "File:        app/settings.py\n"
            "Line:        2\n"
            "Fingerprint: app/settings.py:demo-token:2\n"
            "\n");
}

TEST(VerbosePrinterTest, StdinFindingOmitsFileLines) {
  Finding finding = DirFinding();
  finding.file.clear();
  finding.fingerprint = ":demo-token:2";
  EXPECT_EQ(FormatVerboseFinding(finding, VerboseStyle::kPlain),
            "Finding:     tok_9fK2mQ7xLp4Rz8Wv\n"
            "Secret:      tok_9fK2mQ7xLp4Rz8Wv\n"
            "RuleID:      demo-token\n"
            "Entropy:     4.321928\n"
            "\n");
}

TEST(VerbosePrinterTest, TagsLineNeedsTags) {
  Finding finding = DirFinding();
  finding.tags.clear();
  EXPECT_EQ(FormatVerboseFinding(finding, VerboseStyle::kPlain).find("Tags:"), std::string::npos);
  finding.tags = {"a", "b", "c"};
  EXPECT_NE(FormatVerboseFinding(finding, VerboseStyle::kPlain).find("\nTags:        [a b c]\n"),
            std::string::npos);
}

TEST(VerbosePrinterTest, LinkLineNeedsLink) {
  Finding finding = GitFinding();
  finding.link.clear();
  std::string out = FormatVerboseFinding(finding, VerboseStyle::kPlain);
  EXPECT_EQ(out.find("Link:"), std::string::npos);
  EXPECT_TRUE(out.ends_with(":demo-token:2\n\n"));
}

TEST(VerbosePrinterTest, EntropyHasSixDecimals) {
  Finding finding = DirFinding();
  finding.entropy = 0;
  EXPECT_NE(FormatVerboseFinding(finding, VerboseStyle::kPlain).find("\nEntropy:     0.000000\n"),
            std::string::npos);
  finding.entropy = 0.5F;
  EXPECT_NE(FormatVerboseFinding(finding, VerboseStyle::kPlain).find("\nEntropy:     0.500000\n"),
            std::string::npos);
}

TEST(VerbosePrinterTest, PlainFormTrimsButDoesNotCut) {
  Finding finding = DirFinding();
  finding.match = "  " + std::string(150, 'x') + "\n";
  finding.secret = finding.match;
  std::string out = FormatVerboseFinding(finding, VerboseStyle::kPlain);
  EXPECT_EQ(FirstLine(out), "Finding:     " + std::string(150, 'x'));
  EXPECT_NE(out.find("\nSecret:      " + std::string(150, 'x') + "\n"), std::string::npos);
}

TEST(VerbosePrinterTest, ContextFormHidesSingleTrailingByte) {
  std::string out = FormatVerboseFinding(DirFinding(), VerboseStyle::kContext);
  EXPECT_EQ(FirstLine(out), "Finding:     api_token = \"tok_9fK2mQ7xLp4Rz8Wv");
  EXPECT_NE(out.find("\nSecret:      tok_9fK2mQ7xLp4Rz8Wv\n"), std::string::npos);
}

TEST(VerbosePrinterTest, ContextFormShowsTwoOrMoreTrailingBytes) {
  Finding finding = DirFinding();
  finding.line = "api_token = \"tok_9fK2mQ7xLp4Rz8Wv\";";
  EXPECT_EQ(FirstLine(FormatVerboseFinding(finding, VerboseStyle::kContext)),
            "Finding:     api_token = \"tok_9fK2mQ7xLp4Rz8Wv\";");
}

TEST(VerbosePrinterTest, ContextFormCutsLongPrefixAndTail) {
  Finding finding = DirFinding();
  finding.line = std::string(30, 'a') + "0123456789012345678901tok_9fK2mQ7xLp4Rz8Wv" +
                 "abcdefghijklmnopqrstuvwxyz";
  finding.match = "tok_9fK2mQ7xLp4Rz8Wv";
  EXPECT_EQ(FirstLine(FormatVerboseFinding(finding, VerboseStyle::kContext)),
            "Finding:     ...23456789012345678901tok_9fK2mQ7xLp4Rz8Wvabcdefghijklmnopqrst...");
}

TEST(VerbosePrinterTest, ContextFormSplitsMatchAroundSecret) {
  Finding finding = DirFinding();
  finding.line = "key: token=\"abc123\" rest of the line";
  finding.match = "token=\"abc123\"";
  finding.secret = "abc123";
  std::string out = FormatVerboseFinding(finding, VerboseStyle::kContext);
  EXPECT_EQ(FirstLine(out), "Finding:     key: token=\"abc123\" rest of the line");
  EXPECT_NE(out.find("\nSecret:      abc123\n"), std::string::npos);
}

TEST(VerbosePrinterTest, ContextFormCutsSecretAfterHundredBytes) {
  Finding finding = DirFinding();
  std::string secret(120, 's');
  finding.line = "k=" + secret;
  finding.match = secret;
  finding.secret = secret;
  std::string out = FormatVerboseFinding(finding, VerboseStyle::kContext);
  std::string cut_secret = std::string(100, 's') + "...";
  EXPECT_EQ(FirstLine(out), "Finding:     k=" + cut_secret);
  EXPECT_NE(out.find("\nSecret:      " + cut_secret + "\n"), std::string::npos);
}

TEST(VerbosePrinterTest, ContextFormNeedsMatchInLine) {
  Finding finding = DirFinding();
  finding.line = "decoded elsewhere";
  EXPECT_EQ(FirstLine(FormatVerboseFinding(finding, VerboseStyle::kContext)),
            "Finding:     tok_9fK2mQ7xLp4Rz8Wv");
}

TEST(VerbosePrinterTest, PathOnlyFindingUsesPlainForm) {
  Finding finding = DirFinding();
  finding.match = "file detected: keys/id_rsa";
  finding.secret = "";
  finding.line = "";
  for (VerboseStyle style : {VerboseStyle::kPlain, VerboseStyle::kContext, VerboseStyle::kColor}) {
    std::string out = FormatVerboseFinding(finding, style);
    EXPECT_EQ(FirstLine(out), "Finding:     file detected: keys/id_rsa");
    EXPECT_NE(out.find("\nSecret:      \n"), std::string::npos);
    EXPECT_EQ(out.find('\x1b'), std::string::npos);
  }
}

TEST(VerbosePrinterTest, ColorStyleWrapsPiecesInEscapes) {
  Finding finding = DirFinding();
  finding.line = "key: token=\"abc123\" rest";
  finding.match = "token=\"abc123\"";
  finding.secret = "abc123";
  std::string out = FormatVerboseFinding(finding, /*color=*/true);
  EXPECT_EQ(FirstLine(out),
            "Finding:     key: \x1b[38;2;245;212;69mtoken=\"\x1b[0m"
            "\x1b[1;3;38;2;240;92;7mabc123\x1b[0m"
            "\x1b[38;2;245;212;69m\"\x1b[0m rest");
  EXPECT_NE(out.find("\nSecret:      \x1b[1;3;38;2;240;92;7mabc123\x1b[0m\n"), std::string::npos);
}

TEST(VerbosePrinterTest, MultiLinePiecesArePadded) {
  Finding finding = DirFinding();
  finding.line = "-----BEGIN-----\n\tAB\n-----END-----";
  finding.match = finding.line;
  finding.secret = finding.line;
  std::string out = FormatVerboseFinding(finding, VerboseStyle::kContext);
  EXPECT_NE(out.find("Finding:     -----BEGIN-----\n    AB         \n-----END-----  \n"),
            std::string::npos)
      << out;
}

TEST(VerbosePrinterTest, RequiredFindingsFollowTheLastLine) {
  Finding finding = GitFinding();
  Finding first;
  first.rule_id = "aux-id";
  first.start_line = 3;
  first.secret = "  short  ";
  Finding second;
  second.rule_id = "aux-key";
  second.start_line = 9;
  second.secret = std::string(45, 'k');
  finding.required = {first, second};
  std::string out = FormatVerboseFinding(finding, VerboseStyle::kPlain);
  EXPECT_TRUE(
      out.ends_with("#L2\n"
                    "Required:    aux-id:3:short\n"
                    "             aux-key:9:" +
                    std::string(37, 'k') + "...\n\n"))
      << out;
}

TEST(VerbosePrinterTest, StdinRequiredFindingsFollowEntropy) {
  Finding finding = DirFinding();
  finding.file.clear();
  Finding required;
  required.rule_id = "aux";
  required.start_line = 1;
  required.secret = "x";
  finding.required = {required};
  EXPECT_TRUE(FormatVerboseFinding(finding, VerboseStyle::kPlain)
                  .ends_with("Entropy:     4.321928\nRequired:    aux:1:x\n\n"));
}

TEST(VerbosePrinterTest, ColorStyleColoursRequiredSecrets) {
  Finding finding = DirFinding();
  Finding required;
  required.rule_id = "aux";
  required.start_line = 1;
  required.secret = "x";
  finding.required = {required};
  EXPECT_NE(FormatVerboseFinding(finding, VerboseStyle::kColor)
                .find("Required:    aux:1:\x1b[38;2;191;148;120mx\x1b[0m\n"),
            std::string::npos);
}

}  // namespace
}  // namespace leakscan
