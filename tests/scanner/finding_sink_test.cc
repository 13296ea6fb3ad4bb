#include "scanner/finding_sink.h"

#include <gtest/gtest.h>

#include <thread>

namespace leakscan {
namespace {

Finding MakeFinding(std::string file, std::string rule, int line, std::string commit = "") {
  Finding finding;
  finding.file = std::move(file);
  finding.rule_id = std::move(rule);
  finding.start_line = line;
  finding.commit = std::move(commit);
  finding.secret = "s3cr3t";
  return finding;
}

constexpr char kSha[] = "0123456789abcdef0123456789abcdef01234567";

TEST(FingerprintTest, DirFindingHasNoCommitPart) {
  EXPECT_EQ(Fingerprint(MakeFinding("app/settings.py", "demo-token", 2)),
            "app/settings.py:demo-token:2");
}

TEST(FingerprintTest, GitFindingStartsWithCommit) {
  EXPECT_EQ(Fingerprint(MakeFinding("app/settings.py", "demo-token", 2, kSha)),
            std::string(kSha) + ":app/settings.py:demo-token:2");
}

TEST(FingerprintTest, StdinFindingHasEmptyFile) {
  EXPECT_EQ(Fingerprint(MakeFinding("", "demo-token", 1)), ":demo-token:1");
}

TEST(FingerprintTest, ArchiveMemberAndPathOnlyFindings) {
  EXPECT_EQ(Fingerprint(MakeFinding("pkg/bundle.tar.gz!conf/prod.env", "demo-token", 7)),
            "pkg/bundle.tar.gz!conf/prod.env:demo-token:7");
  EXPECT_EQ(Fingerprint(MakeFinding("keys/id_rsa", "key-file", 0, kSha)),
            std::string(kSha) + ":keys/id_rsa:key-file:0");
}

TEST(FindingSinkTest, SetsFingerprintOnAcceptedFindings) {
  FindingSink sink(nullptr, nullptr, false);
  sink.Accept({MakeFinding("a.txt", "r", 3)}, 0, 0);
  std::vector<Finding> findings = sink.TakeSorted();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].fingerprint, "a.txt:r:3");
}

TEST(FindingSinkTest, GlobalIgnoreEntrySuppressesEveryCommit) {
  IgnoreSet ignore;
  ignore.AddLine("a.txt:r:3");
  FindingSink sink(&ignore, nullptr, false);
  sink.Accept({MakeFinding("a.txt", "r", 3, kSha), MakeFinding("a.txt", "r", 3, "ffff"),
               MakeFinding("a.txt", "r", 3), MakeFinding("a.txt", "r", 4)},
              0, 0);
  std::vector<Finding> findings = sink.TakeSorted();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].start_line, 4);
}

TEST(FindingSinkTest, CommitIgnoreEntrySuppressesOneCommit) {
  IgnoreSet ignore;
  ignore.AddLine(std::string(kSha) + ":a.txt:r:3");
  FindingSink sink(&ignore, nullptr, false);
  sink.Accept({MakeFinding("a.txt", "r", 3, kSha), MakeFinding("a.txt", "r", 3, "ffff")}, 0, 0);
  std::vector<Finding> findings = sink.TakeSorted();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].commit, "ffff");
}

TEST(FindingSinkTest, BaselineEntriesAreDropped) {
  Finding known = MakeFinding("a.txt", "r", 3);
  Baseline baseline = Baseline::FromEntries({BaselineEntry{known}}, BaselineFormat::kJson);
  FindingSink sink(nullptr, &baseline, false);
  sink.Accept({known, MakeFinding("b.txt", "r", 3)}, 0, 0);
  std::vector<Finding> findings = sink.TakeSorted();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].file, "b.txt");
}

TEST(FindingSinkTest, RedactingSkipsSecretInBaselineComparison) {
  Finding known = MakeFinding("a.txt", "r", 3);
  Baseline baseline = Baseline::FromEntries({BaselineEntry{known}}, BaselineFormat::kJson);
  Finding redacted = known;
  redacted.secret = "REDACTED";
  FindingSink redacting_sink(nullptr, &baseline, true);
  redacting_sink.Accept({redacted}, 0, 0);
  EXPECT_EQ(redacting_sink.count(), 0u);
  FindingSink plain_sink(nullptr, &baseline, false);
  plain_sink.Accept({redacted}, 0, 0);
  EXPECT_EQ(plain_sink.count(), 1u);
}

TEST(FindingSinkTest, CallbackSeesEachAcceptedFindingOnce) {
  IgnoreSet ignore;
  ignore.AddLine("a.txt:r:1");
  FindingSink sink(&ignore, nullptr, false);
  std::vector<std::string> seen;
  sink.SetOnAccepted([&seen](const Finding& f) { seen.push_back(f.fingerprint); });
  sink.Accept({MakeFinding("a.txt", "r", 1), MakeFinding("a.txt", "r", 2)}, 0, 0);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], "a.txt:r:2");
  EXPECT_EQ(sink.count(), 1u);
}

TEST(FindingSinkTest, TakeSortedOrdersByKeysThenPosition) {
  FindingSink sink(nullptr, nullptr, false);
  sink.Accept({MakeFinding("c", "r", 1), MakeFinding("c", "r", 0)}, 2, 0);
  sink.Accept({MakeFinding("b", "r", 1)}, 1, 5);
  sink.Accept({MakeFinding("a", "r", 1)}, 1, 4);
  std::vector<Finding> findings = sink.TakeSorted();
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].file, "a");
  EXPECT_EQ(findings[1].file, "b");
  EXPECT_EQ(findings[2].start_line, 1);
  EXPECT_EQ(findings[3].start_line, 0);
  EXPECT_EQ(sink.count(), 0u);
}

TEST(FindingSinkTest, OrderDoesNotDependOnThreadCount) {
  auto run = [](int threads) {
    FindingSink sink(nullptr, nullptr, false);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&sink, t, threads] {
        for (int fragment = t; fragment < 200; fragment += threads) {
          sink.Accept({MakeFinding("f" + std::to_string(fragment), "r", 1),
                       MakeFinding("f" + std::to_string(fragment), "r", 2)},
                      static_cast<uint64_t>(fragment / 10), static_cast<uint64_t>(fragment % 10));
        }
      });
    }
    for (auto& worker : workers) worker.join();
    std::vector<std::string> order;
    for (const Finding& f : sink.TakeSorted()) order.push_back(f.fingerprint);
    return order;
  };
  std::vector<std::string> single = run(1);
  ASSERT_EQ(single.size(), 400u);
  EXPECT_EQ(single.front(), "f0:r:1");
  EXPECT_EQ(run(4), single);
  EXPECT_EQ(run(7), single);
}

}  // namespace
}  // namespace leakscan

namespace leakscan {
namespace {

TEST(FindingSinkTest, DropsLineAfterCallbackWhenAsked) {
  FindingSink sink(nullptr, nullptr, false);
  sink.SetKeepLine(false);
  std::string seen_line;
  sink.SetOnAccepted([&seen_line](const Finding& finding) { seen_line = finding.line; });
  Finding finding = MakeFinding("a.txt", "demo-token", 1);
  finding.line = "\napi_token = abc";
  sink.Accept({finding}, 0, 0);
  std::vector<Finding> findings = sink.TakeSorted();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(seen_line, "\napi_token = abc");
  EXPECT_TRUE(findings[0].line.empty());
}

TEST(FindingSinkTest, KeepsLineByDefault) {
  FindingSink sink(nullptr, nullptr, false);
  Finding finding = MakeFinding("a.txt", "demo-token", 1);
  finding.line = "\napi_token = abc";
  sink.Accept({finding}, 0, 0);
  std::vector<Finding> findings = sink.TakeSorted();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, "\napi_token = abc");
}

}  // namespace
}  // namespace leakscan
