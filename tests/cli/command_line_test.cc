#include "cli/command_line.h"

#include <gtest/gtest.h>

#include "cli/exit_codes.h"

namespace leakscan {
namespace {

ParseOutcome Parse(std::vector<std::string> args) { return ParseCommandLine(args); }

TEST(CommandLine, GitTakesRepoAndGlobalFlagsAfterCommand) {
  ParseOutcome outcome = Parse({"git", "repo", "-f", "sarif", "-r", "out.sarif", "--log-opts",
                                "--all main..dev", "--no-banner"});
  ASSERT_FALSE(outcome.exit_now) << outcome.error;
  EXPECT_EQ(outcome.invocation.command, Command::kGit);
  ASSERT_EQ(outcome.invocation.positionals.size(), 1u);
  EXPECT_EQ(outcome.invocation.positionals[0], "repo");
  EXPECT_EQ(outcome.invocation.flags.report_format, "sarif");
  EXPECT_EQ(outcome.invocation.flags.report_path, "out.sarif");
  EXPECT_EQ(outcome.invocation.log_opts, "--all main..dev");
  EXPECT_TRUE(outcome.invocation.flags.no_banner);
}

TEST(CommandLine, RedactWithoutValueMeansHundred) {
  ParseOutcome bare = Parse({"dir", "--redact", "."});
  ASSERT_FALSE(bare.exit_now) << bare.error;
  EXPECT_EQ(bare.invocation.flags.redact, 100);
  ParseOutcome valued = Parse({"dir", "--redact=20", "."});
  ASSERT_FALSE(valued.exit_now) << valued.error;
  EXPECT_EQ(valued.invocation.flags.redact, 20);
}

TEST(CommandLine, DirAliasesSelectDir) {
  for (const char* alias : {"dir", "file", "files", "directory"}) {
    ParseOutcome outcome = Parse({alias, "src"});
    ASSERT_FALSE(outcome.exit_now) << alias << ": " << outcome.error;
    EXPECT_EQ(outcome.invocation.command, Command::kDir) << alias;
  }
}

TEST(CommandLine, UnknownFlagExits126) {
  ParseOutcome outcome = Parse({"git", "--no-such-flag"});
  EXPECT_TRUE(outcome.exit_now);
  EXPECT_EQ(outcome.exit_code, kExitUnknownFlag);
}

TEST(CommandLine, GitRejectsTwoRepos) {
  ParseOutcome outcome = Parse({"git", "a", "b"});
  EXPECT_TRUE(outcome.exit_now);
  EXPECT_EQ(outcome.exit_code, kExitError);
  EXPECT_NE(outcome.error.find("at most one"), std::string::npos);
}

TEST(CommandLine, DirRejectsTwoPaths) {
  ParseOutcome outcome = Parse({"dir", "a", "b"});
  EXPECT_TRUE(outcome.exit_now);
  EXPECT_EQ(outcome.exit_code, kExitError);
  EXPECT_NE(outcome.error.find("at most one path"), std::string::npos);
}

TEST(CommandLine, RedactOutsideRangeIsRejected) {
  EXPECT_TRUE(Parse({"dir", "--redact=-5", "."}).exit_now);
  EXPECT_TRUE(Parse({"dir", "--redact=150", "."}).exit_now);
  EXPECT_FALSE(Parse({"dir", "--redact=0", "."}).exit_now);
}

TEST(CommandLine, NegativeThreadsAreRejected) {
  EXPECT_TRUE(Parse({"dir", "-j", "-3", "."}).exit_now);
}

TEST(CommandLine, DetectNoGitMapsToDir) {
  ParseOutcome outcome = Parse({"detect", "--no-git", "--source", "src"});
  ASSERT_FALSE(outcome.exit_now) << outcome.error;
  EXPECT_EQ(outcome.invocation.command, Command::kDir);
  EXPECT_EQ(outcome.invocation.positionals, std::vector<std::string>{"src"});
}

TEST(CommandLine, ProtectStagedMapsToPreCommitStaged) {
  ParseOutcome outcome = Parse({"protect", "--staged", "-s", "repo"});
  ASSERT_FALSE(outcome.exit_now) << outcome.error;
  EXPECT_EQ(outcome.invocation.command, Command::kGit);
  EXPECT_TRUE(outcome.invocation.pre_commit);
  EXPECT_TRUE(outcome.invocation.staged);
  EXPECT_EQ(outcome.invocation.platform, "none");
}

TEST(CommandLine, EnableRuleSplitsOnCommas) {
  ParseOutcome outcome = Parse({"dir", "--enable-rule", "a,b", "--enable-rule", "c"});
  ASSERT_FALSE(outcome.exit_now) << outcome.error;
  EXPECT_EQ(outcome.invocation.flags.enable_rules, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(CommandLine, NoCommandPrintsHelp) {
  ParseOutcome outcome = Parse({});
  EXPECT_TRUE(outcome.exit_now);
  EXPECT_EQ(outcome.exit_code, 0);
  EXPECT_NE(outcome.output.find("git"), std::string::npos);
}

}  // namespace
}  // namespace leakscan
