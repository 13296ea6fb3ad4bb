#include "sources/git_commit_info.h"

#include <gtest/gtest.h>

#include "sources/git_text_width.h"

namespace leakscan::git {
namespace {

TEST(NormalizeCommitMessage, KeepsASingleLineTitle) {
  EXPECT_EQ(NormalizeCommitMessage("Subject\n"), "Subject");
  EXPECT_EQ(NormalizeCommitMessage("Subject"), "Subject");
}

TEST(NormalizeCommitMessage, SeparatesTitleAndBodyWithOneBlankLine) {
  EXPECT_EQ(NormalizeCommitMessage("Subject\n\nBody line\nsecond\n"),
            "Subject\n\nBody line\nsecond");
}

TEST(NormalizeCommitMessage, JoinsTheTitleParagraph) {
  EXPECT_EQ(NormalizeCommitMessage("Multi\n  line   \ntitle\n\nbody"), "Multi line title\n\nbody");
}

TEST(NormalizeCommitMessage, ExpandsTabsAndStripsTheTitleIndent) {
  // The title's own indentation becomes part of the prefix removed from
  // body lines, so less indented body lines keep their spaces.
  std::string raw =
      "\n\n  Title line\twith tab  \ncontinued title\n\n\n\tbody line one   \n    body two\n\n\n\n"
      "last line\n\n";
  EXPECT_EQ(NormalizeCommitMessage(raw),
            "Title line    with tab continued title\n\n      body line one\n  body two\n\n"
            "    last line");
}

TEST(NormalizeCommitMessage, DropsCarriageReturnsAtLineEnds) {
  EXPECT_EQ(NormalizeCommitMessage("Title\r\n\r\nBody\r\n"), "Title\n\nBody");
}

TEST(NormalizeCommitMessage, TrimsUnicodeSpaceLikeGo) {
  EXPECT_EQ(NormalizeCommitMessage("Title\xc2\xa0\n\nBody\xe3\x80\x80\n"), "Title\n\nBody");
}

TEST(NormalizeCommitMessage, ReturnsEmptyForBlankMessages) {
  EXPECT_EQ(NormalizeCommitMessage(""), "");
  EXPECT_EQ(NormalizeCommitMessage("   \n\n\t\n"), "");
}

TEST(NormalizeCommitMessage, ExpandsTabsByDisplayWidth) {
  EXPECT_EQ(NormalizeCommitMessage("\xe4\xb8\xad\tx"), "\xe4\xb8\xad      x");
  EXPECT_EQ(NormalizeCommitMessage("abcdefgh\tx"), "abcdefgh        x");
}

TEST(FormatUtcDate, FormatsRfc3339InUtc) {
  EXPECT_EQ(FormatUtcDate(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtcDate(1700000000), "2023-11-14T22:13:20Z");
}

TEST(UncommittedInfo, HasTheZeroDateAndNoCommit) {
  auto info = UncommittedInfo();
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->sha, "");
  EXPECT_EQ(info->author, "");
  EXPECT_EQ(info->date, "0001-01-01T00:00:00Z");
  EXPECT_EQ(info->message, "");
}

TEST(DisplayWidth, CountsColumnsLikeGit) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("\x1b[31mab\x1b[m"), 2);
  EXPECT_EQ(DisplayWidth("\xc3\xa9"), 1);
  EXPECT_EQ(DisplayWidth("\xe4\xb8\xad"), 2);
  EXPECT_EQ(DisplayWidth("e\xcc\x81"), 1);
  EXPECT_EQ(DisplayWidth("a\x01"), 1);
  EXPECT_EQ(DisplayWidth("a\xff\xfe"), 3) << "invalid UTF-8 counts bytes";
}

TEST(TrimUnicodeSpace, TrimsGoWhiteSpaceOnly) {
  EXPECT_EQ(TrimUnicodeSpace(" \xe3\x80\x80x\xc2\xa0 "), "x");
  EXPECT_EQ(TrimUnicodeSpace("\v\fx\t"), "x");
  EXPECT_EQ(TrimUnicodeSpace("x\xa0"), "x\xa0") << "a lone byte 0xA0 is not a space";
  EXPECT_EQ(LeadingUnicodeSpace("  \tx "), "  \t");
  EXPECT_EQ(TrimRightUnicodeSpace(" x \n"), " x");
}

}  // namespace
}  // namespace leakscan::git
