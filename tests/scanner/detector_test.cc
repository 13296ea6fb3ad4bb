#include "scanner/detector.h"

#include <gtest/gtest.h>

#include <thread>

#include "tests/scanner/engine_test_util.h"

namespace leakscan {
namespace {

using testing::CompileAllowlist;
using testing::MakeConfig;
using testing::MakeDetector;
using testing::MakeFragment;
using testing::MakeRule;

Rule DemoTokenRule() {
  Rule rule = MakeRule("demo-token", R"(tok_[0-9A-Za-z]{16})", {"tok_"});
  rule.tags = {"demo"};
  return rule;
}

TEST(DetectorTest, ReportsWorkedExample) {
  auto detector = MakeDetector(MakeConfig({DemoTokenRule()}));
  std::string raw = "# settings\napi_token = \"tok_9fK2mQ7xLp4Rz8Wv\"\n";
  Fragment fragment = MakeFragment(raw, "app/settings.py");
  fragment.start_line = 1;
  std::vector<Finding> findings = detector->Detect(fragment);
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.rule_id, "demo-token");
  EXPECT_EQ(f.description, "Rule demo-token");
  EXPECT_EQ(f.start_line, 2);
  EXPECT_EQ(f.end_line, 2);
  EXPECT_EQ(f.start_column, 15);
  EXPECT_EQ(f.end_column, 34);
  EXPECT_EQ(f.line, "\napi_token = \"tok_9fK2mQ7xLp4Rz8Wv\"");
  EXPECT_EQ(f.match, "tok_9fK2mQ7xLp4Rz8Wv");
  EXPECT_EQ(f.secret, "tok_9fK2mQ7xLp4Rz8Wv");
  EXPECT_EQ(f.file, "app/settings.py");
  EXPECT_EQ(f.entropy, 4.321928f);
  EXPECT_EQ(f.tags, (std::vector<std::string>{"demo"}));
  EXPECT_TRUE(f.fingerprint.empty());
}

TEST(DetectorTest, CopiesCommitMetadata) {
  auto detector = MakeDetector(MakeConfig({DemoTokenRule()}));
  Fragment fragment = MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "a.txt");
  auto commit = std::make_shared<CommitInfo>();
  commit->sha = "0123456789abcdef0123456789abcdef01234567";
  commit->author = "Jane Roe";
  commit->email = "jane@example.org";
  commit->date = "2024-05-06T07:08:09Z";
  commit->message = "add token";
  fragment.commit = commit;
  fragment.symlink_file = "link.txt";
  std::vector<Finding> findings = detector->Detect(fragment);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].commit, commit->sha);
  EXPECT_EQ(findings[0].author, "Jane Roe");
  EXPECT_EQ(findings[0].email, "jane@example.org");
  EXPECT_EQ(findings[0].date, "2024-05-06T07:08:09Z");
  EXPECT_EQ(findings[0].message, "add token");
  EXPECT_EQ(findings[0].symlink_file, "link.txt");
  EXPECT_TRUE(findings[0].link.empty());
}

TEST(DetectorTest, FindsBase64EncodedSecret) {
  Rule rule = MakeRule("demo-secret", R"(demo-secret-[a-z0-9-]+)", {"demo-secret"});
  rule.tags = {"demo"};
  auto detector = MakeDetector(MakeConfig({rule}));
  std::string raw = "x\ncfg = ZGVtby1zZWNyZXQtdmFsdWUtMTIz\n";
  std::vector<Finding> findings = detector->Detect(MakeFragment(raw, "cfg.txt"));
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.start_line, 1);
  EXPECT_EQ(f.end_line, 1);
  EXPECT_EQ(f.start_column, 8);
  EXPECT_EQ(f.end_column, 35);
  EXPECT_EQ(f.match, "demo-secret-value-123");
  EXPECT_EQ(f.secret, "demo-secret-value-123");
  EXPECT_EQ(f.entropy, 3.784942f);
  EXPECT_EQ(f.tags, (std::vector<std::string>{"demo", "decoded:base64", "decode-depth:1"}));
  EXPECT_EQ(f.line, "\ncfg = ZGVtby1zZWNyZXQtdmFsdWUtMTIz");
}

TEST(DetectorTest, DecodingOffFindsNothingEncoded) {
  auto detector = MakeDetector(MakeConfig({MakeRule("demo-secret", "demo-secret-[a-z0-9-]+")}),
                               DetectorOptions{.max_decode_depth = 0});
  EXPECT_TRUE(detector->Detect(MakeFragment("ZGVtby1zZWNyZXQtdmFsdWUtMTIz", "a")).empty());
}

TEST(DetectorTest, KeywordPrefilterIsCaseInsensitive) {
  auto detector = MakeDetector(MakeConfig({MakeRule("r", R"((?i)TOK_[0-9a-z]{16})", {"tok_"})}));
  EXPECT_EQ(detector->Detect(MakeFragment("TOK_9FK2MQ7XLP4RZ8WV", "a")).size(), 1u);
  auto strict = MakeDetector(MakeConfig({MakeRule("r", R"(\w{20})", {"absent"})}));
  EXPECT_TRUE(strict->Detect(MakeFragment("TOK_9FK2MQ7XLP4RZ8WV", "a")).empty());
}

TEST(DetectorTest, GitleaksAllowSuppressesLine) {
  std::string raw = "a = tok_9fK2mQ7xLp4Rz8Wv // gitleaks:allow\nb = tok_AAAAbbbbCCCCdddd\n";
  auto detector = MakeDetector(MakeConfig({DemoTokenRule()}));
  std::vector<Finding> findings = detector->Detect(MakeFragment(raw, "a.go"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].secret, "tok_AAAAbbbbCCCCdddd");
  auto ignoring =
      MakeDetector(MakeConfig({DemoTokenRule()}), DetectorOptions{.ignore_gitleaks_allow = true});
  EXPECT_EQ(ignoring->Detect(MakeFragment(raw, "a.go")).size(), 2u);
}

TEST(DetectorTest, TrimmedLeadingNewlinesShiftRange) {
  auto detector = MakeDetector(MakeConfig({MakeRule("nl", R"(\n+tok)")}));
  std::vector<Finding> findings = detector->Detect(MakeFragment("a\n\ntok\n", "a"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].match, "tok");
  EXPECT_EQ(findings[0].start_line, 1);
  EXPECT_EQ(findings[0].end_line, 2);
  EXPECT_EQ(findings[0].start_column, 1);
  EXPECT_EQ(findings[0].end_column, 2);
  EXPECT_EQ(findings[0].line, "\n\ntok");
}

TEST(DetectorTest, EntropyMustExceedThreshold) {
  Rule rule = MakeRule("e", R"(secret=(\w+))");
  rule.entropy = 2.0;
  auto detector = MakeDetector(MakeConfig({rule}));
  EXPECT_TRUE(detector->Detect(MakeFragment("secret=abcd", "a")).empty());  // exactly 2.0
  EXPECT_EQ(detector->Detect(MakeFragment("secret=abcde", "a")).size(), 1u);
}

TEST(DetectorTest, PathOnlyRuleReportsFile) {
  Rule rule = MakeRule("key-file", "");
  testing::SetRulePath(rule, R"(id_rsa$)");
  rule.tags = {"file"};
  auto detector = MakeDetector(MakeConfig({rule}));
  std::vector<Finding> findings = detector->Detect(MakeFragment("", "keys/id_rsa"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].match, "file detected: keys/id_rsa");
  EXPECT_EQ(findings[0].secret, "");
  EXPECT_EQ(findings[0].line, "");
  EXPECT_EQ(findings[0].start_line, 0);
  EXPECT_EQ(findings[0].entropy, 0.0f);
  EXPECT_EQ(findings[0].tags, (std::vector<std::string>{"file"}));
  EXPECT_TRUE(detector->Detect(MakeFragment("", "keys/id_rsa.pub")).empty());
}

TEST(DetectorTest, PathAndRegexRuleNeedsBoth) {
  Rule rule = DemoTokenRule();
  testing::SetRulePath(rule, R"(\.py$)");
  auto detector = MakeDetector(MakeConfig({rule}));
  EXPECT_TRUE(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "a.go")).empty());
  EXPECT_EQ(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "a.py")).size(), 1u);
}

TEST(DetectorTest, SkipsConfigAndBaselineFiles) {
  DetectorOptions options;
  options.config_path = "repo/.gitleaks.toml";
  options.baseline_path = "base.json";
  auto detector = MakeDetector(MakeConfig({DemoTokenRule()}), options);
  EXPECT_TRUE(
      detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "repo/.gitleaks.toml")).empty());
  EXPECT_TRUE(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "base.json")).empty());
  EXPECT_EQ(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "other.toml")).size(), 1u);
}

TEST(DetectorTest, GlobalPathAllowlistSkipsFragment) {
  Allowlist allowlist;
  allowlist.paths = {"^vendor/"};
  auto detector = MakeDetector(MakeConfig({DemoTokenRule()}, {CompileAllowlist(allowlist)}));
  EXPECT_TRUE(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "vendor/x")).empty());
  EXPECT_EQ(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "src/x")).size(), 1u);
}

TEST(DetectorTest, EnabledRulesRestrictRuleSet) {
  auto config = MakeConfig({DemoTokenRule(), MakeRule("other", "tok_")});
  auto detector = MakeDetector(config, DetectorOptions{.enabled_rules = {"other"}});
  std::vector<Finding> findings = detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "a"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule_id, "other");

  auto missing = Detector::Create(config, DetectorOptions{.enabled_rules = {"nope"}});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message, "Requested rule nope not found in rules");
}

TEST(DetectorTest, CompositeRuleNeedsRequiredRule) {
  Rule primary = MakeRule("primary", R"re(password\s*=\s*"([^"]+)")re");
  primary.required = {RequiredRule{"user", 2, std::nullopt}};
  Rule user = MakeRule("user", R"re(username\s*=\s*"([^"]+)")re");
  user.skip_report = true;
  auto detector = MakeDetector(MakeConfig({primary, user}));

  std::vector<Finding> near =
      detector->Detect(MakeFragment("username = \"admin\"\npassword = \"secret123\"\n", "a"));
  ASSERT_EQ(near.size(), 1u);
  EXPECT_EQ(near[0].rule_id, "primary");
  ASSERT_EQ(near[0].required.size(), 1u);
  EXPECT_EQ(near[0].required[0].rule_id, "user");
  EXPECT_EQ(near[0].required[0].secret, "admin");

  EXPECT_TRUE(detector->Detect(MakeFragment("username = \"admin\"\n\n\n\npassword = \"s\"\n", "a"))
                  .empty());
  EXPECT_TRUE(detector->Detect(MakeFragment("password = \"secret123\"\n", "a")).empty());
}

TEST(DetectorTest, RedactsFindings) {
  auto detector =
      MakeDetector(MakeConfig({DemoTokenRule()}), DetectorOptions{.redact_percent = 100});
  std::vector<Finding> findings = detector->Detect(MakeFragment("t=tok_9fK2mQ7xLp4Rz8Wv", "a"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].secret, "REDACTED");
  EXPECT_EQ(findings[0].line, "t=REDACTED");
}

TEST(DetectorTest, StopsWhenCancelled) {
  std::atomic<bool> cancelled{true};
  auto detector =
      MakeDetector(MakeConfig({DemoTokenRule()}), DetectorOptions{.cancelled = &cancelled});
  EXPECT_TRUE(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "a")).empty());
  cancelled = false;
  EXPECT_EQ(detector->Detect(MakeFragment("tok_9fK2mQ7xLp4Rz8Wv", "a")).size(), 1u);
}

TEST(DetectorTest, SkipsTextOverSizeLimit) {
  auto detector =
      MakeDetector(MakeConfig({DemoTokenRule()}), DetectorOptions{.max_target_megabytes = 1});
  std::string big(2'000'000, ' ');
  big += "tok_9fK2mQ7xLp4Rz8Wv";
  EXPECT_TRUE(detector->Detect(MakeFragment(big, "a")).empty());
  EXPECT_EQ(detector->Detect(MakeFragment(big.substr(1'000'000), "a")).size(), 1u);
}

TEST(DetectorTest, EmptyFragmentWithoutPathIsSkipped) {
  Rule rule = MakeRule("any-file", "");
  testing::SetRulePath(rule, ".*");
  auto detector = MakeDetector(MakeConfig({rule}));
  EXPECT_TRUE(detector->Detect(MakeFragment("")).empty());
  EXPECT_EQ(detector->Detect(MakeFragment("x")).size(), 1u);
}

TEST(DetectorTest, ConcurrentCallsGiveSameResults) {
  auto detector = MakeDetector(MakeConfig({DemoTokenRule()}));
  std::string raw;
  for (int i = 0; i < 200; ++i) raw += "line " + std::to_string(i) + " tok_9fK2mQ7xLp4Rz8Wv\n";
  size_t expected = detector->Detect(MakeFragment(raw, "a")).size();
  ASSERT_EQ(expected, 200u);
  std::vector<size_t> counts(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        counts[t] = detector->Detect(MakeFragment(raw, "a")).size();
        if (counts[t] != expected) return;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t count : counts) EXPECT_EQ(count, expected);
}

}  // namespace
}  // namespace leakscan
