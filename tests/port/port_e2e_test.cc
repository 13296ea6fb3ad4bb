// End-to-end tests of the Port upload: the real libcurl transport against
// fake_port_server.py on 127.0.0.1, which checks signatures, enforces
// Port's limits and applies the mapping with jq.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "fake_port_server_process.h"
#include "port/port_client.h"
#include "port/port_command.h"
#include "port/port_upload.h"
#include "port_test_support.h"
#include "sarif/result_fingerprint.h"

namespace leakscan {
namespace {

using port_test::FakePortServer;
using port_test::FakeServerOptions;
using port_test::TestFinding;
using port_test::TestFindings;
using port_test::TestSarif;
using port_test::TestSecret;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr char kSecret[] = "webhook-secret";

std::string Text(element value) { return std::string(std::string_view(value)); }

std::vector<std::string> Texts(element value) {
  std::vector<std::string> texts;
  for (element item : array(value)) texts.push_back(Text(item));
  return texts;
}

class PortEndToEndTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string missing = port_test::MissingServerTools();
    if (!missing.empty()) GTEST_SKIP() << "needs " << missing << " on PATH";
  }

  // Starts a server; fails the test when it does not come up.
  void Start(FakeServerOptions server_options = {}) {
    if (server_options.secret.empty()) server_options.secret = kSecret;
    server_ = std::make_unique<FakePortServer>(server_options);
    ASSERT_TRUE(server_->running()) << server_->error();
    options_.webhook_url = server_->Url("/hook/SecretHookId");
    options_.repo = "acme/widgets";
    options_.secret = kSecret;
  }

  // Sends `sarif` with sleeps recorded instead of slept.
  Result<UploadSummary> Send(const std::string& sarif) {
    UploadHooks hooks;
    hooks.sleep = [this](std::chrono::milliseconds delay) { sleeps_.push_back(delay); };
    Result<PortUpload> upload = PortUpload::Prepare(sarif, options_, hooks);
    if (!upload) return std::unexpected(upload.error());
    return upload->Send();
  }

  object Entities() { return object(server_->State(parser_)["entities"]); }
  array Requests() { return array(server_->State(parser_)["requests"]); }
  size_t ErrorCount() { return array(server_->State(parser_)["errors"]).size(); }

  std::unique_ptr<FakePortServer> server_;
  PortOptions options_;
  std::vector<std::chrono::milliseconds> sleeps_;
  simdjson::dom::parser parser_;
};

TEST_F(PortEndToEndTest, CreatesOneEntityPerFindingWithBlueprintProperties) {
  Start();
  std::vector<Finding> findings = TestFindings(40);
  Status status = UploadSarif(TestSarif(findings, SarifStyle::kEnriched), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;

  object entities = Entities();
  EXPECT_EQ(ErrorCount(), 0u);
  ASSERT_EQ(entities.size(), 40u);
  for (const Finding& finding : findings) {
    element entity;
    ASSERT_EQ(entities[ResultFingerprint(finding)].get(entity), simdjson::SUCCESS)
        << "no entity for " << finding.fingerprint;
    element properties = entity["properties"];
    EXPECT_EQ(Text(entity["title"]), finding.rule_id + " has detected secret for file " +
                                         finding.file + " at commit " + finding.commit + ".");
    EXPECT_EQ(Text(properties["commit"]), finding.commit);
    EXPECT_EQ(Text(properties["author"]), "Jane Roe");
    EXPECT_EQ(Text(properties["commit_msg"]), "add token REDACTED");
    EXPECT_EQ(Texts(properties["files"]), std::vector<std::string>{finding.file});
    EXPECT_EQ(
        Texts(properties["urls"]),
        std::vector<std::string>{"https://github.com/acme/widgets/blob/" + finding.commit + "/" +
                                 finding.file + "#L" + std::to_string(finding.start_line)});
    array locations = properties["locations"];
    ASSERT_EQ(locations.size(), 1u);
    EXPECT_EQ(Text(locations.at(0).at_pointer("/physicalLocation/region/snippet/text")),
              "REDACTED");
    EXPECT_EQ(int64_t(locations.at(0).at_pointer("/physicalLocation/region/startLine")),
              finding.start_line);
    EXPECT_EQ(Text(entity.at_pointer("/relations/service")), "widgets");
    EXPECT_EQ(Text(entity.at_pointer("/relations/user/rules/0/value")), "jane@example.org");
  }
}

TEST_F(PortEndToEndTest, Delivers1200FindingsOverSeveralRequestsWithoutSecrets) {
  Start();
  Status status = UploadSarif(TestSarif(TestFindings(1200), SarifStyle::kEnriched), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;

  EXPECT_EQ(Entities().size(), 1200u);
  EXPECT_EQ(ErrorCount(), 0u);
  array requests = Requests();
  EXPECT_EQ(requests.size(), 3u);
  for (element request : requests) {
    EXPECT_EQ(int64_t(request["status"]), 202);
    EXPECT_LE(int64_t(request["items"]), 500);
    EXPECT_EQ(int64_t(request["items"]), int64_t(request["processed"]));
    EXPECT_EQ(Text(request["content_type"]), "application/json");
    EXPECT_EQ(Text(request["user_agent"]), "leakscan/" LEAKSCAN_VERSION);
  }

  size_t bodies = 0;
  for (const auto& file : std::filesystem::directory_iterator(server_->bodies_dir())) {
    std::ifstream stream(file.path(), std::ios::binary);
    std::stringstream body;
    body << stream.rdbuf();
    for (int i = 0; i < 1200; ++i) {
      ASSERT_EQ(body.str().find(TestSecret(i)), std::string::npos)
          << "secret " << i << " in " << file.path();
    }
    ++bodies;
  }
  EXPECT_EQ(bodies, 3u);
}

TEST_F(PortEndToEndTest, RetriesThrottlingAndServerErrors) {
  Start();
  ASSERT_TRUE(server_->InjectFailure(429, 1, "1"));
  ASSERT_TRUE(server_->InjectFailure(500, 1));
  ASSERT_TRUE(server_->InjectFailure(503, 1));
  Result<UploadSummary> summary = Send(TestSarif(TestFindings(30), SarifStyle::kEnriched));
  ASSERT_TRUE(summary.has_value()) << summary.error().message;

  EXPECT_EQ(summary->retries, 3u);
  ASSERT_EQ(sleeps_.size(), 3u);
  EXPECT_EQ(sleeps_[0], std::chrono::seconds(1));  // Retry-After: 1
  std::vector<int64_t> statuses;
  for (element request : Requests()) statuses.push_back(int64_t(request["status"]));
  EXPECT_EQ(statuses, (std::vector<int64_t>{429, 500, 503, 202}));
  EXPECT_EQ(Entities().size(), 30u);
}

TEST_F(PortEndToEndTest, HonoursRetryAfterWithRealSleep) {
  Start();
  ASSERT_TRUE(server_->InjectFailure(429, 1, "1"));
  auto started = std::chrono::steady_clock::now();
  Status status = UploadSarif(TestSarif(TestFindings(5), SarifStyle::kEnriched), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  EXPECT_EQ(Entities().size(), 5u);
}

TEST_F(PortEndToEndTest, HalvesRequestRejectedAsTooLarge) {
  Start();
  ASSERT_TRUE(server_->InjectFailure(413, 1));
  Result<UploadSummary> summary = Send(TestSarif(TestFindings(600), SarifStyle::kEnriched));
  ASSERT_TRUE(summary.has_value()) << summary.error().message;

  EXPECT_EQ(summary->splits, 1u);
  EXPECT_EQ(summary->requests, 3u);
  std::vector<int64_t> items;
  for (element request : Requests()) items.push_back(int64_t(request["items"]));
  EXPECT_EQ(items, (std::vector<int64_t>{0, 250, 250, 100}));
  EXPECT_EQ(Entities().size(), 600u);
}

TEST_F(PortEndToEndTest, RejectsWrongWebhookSecret) {
  Start();
  options_.secret = "not-the-secret";
  std::vector<Finding> findings = TestFindings(3);
  Status status = UploadSarif(TestSarif(findings, SarifStyle::kEnriched), options_);
  ASSERT_FALSE(status.has_value());
  EXPECT_NE(status.error().message.find("HTTP 401 (check --port-webhook-secret"), std::string::npos)
      << status.error().message;
  EXPECT_EQ(status.error().message.find("SecretHookId"), std::string::npos);
  EXPECT_EQ(Entities().size(), 0u);
}

TEST_F(PortEndToEndTest, PortSendExitsWithUploadFailedCode) {
  Start();
  options_.secret = "not-the-secret";
  std::string path = server_->bodies_dir() + "/../report.sarif";
  std::ofstream(path) << TestSarif(TestFindings(3), SarifStyle::kEnriched);
  EXPECT_EQ(RunPortSend(path, options_), kPortUploadFailedExitCode);
  options_.secret = kSecret;
  EXPECT_EQ(RunPortSend(path, options_), 0);
  EXPECT_EQ(Entities().size(), 3u);
}

TEST_F(PortEndToEndTest, RetryOfProcessedRequestIsDroppedAsDuplicate) {
  Start();
  ASSERT_TRUE(server_->InjectFailure(500, 1, "", /*after_processing=*/true));
  Result<UploadSummary> summary = Send(TestSarif(TestFindings(4), SarifStyle::kEnriched));
  ASSERT_TRUE(summary.has_value()) << summary.error().message;

  array requests = Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(Text(requests.at(0)["request_id"]), Text(requests.at(1)["request_id"]));
  EXPECT_TRUE(bool(requests.at(1)["duplicate"]));
  EXPECT_EQ(int64_t(requests.at(1)["processed"]), 0);
  EXPECT_EQ(Entities().size(), 4u);
}

TEST_F(PortEndToEndTest, AcceptsEverySignatureAlgorithm) {
  for (std::string algorithm : {"sha1", "plain"}) {
    FakeServerOptions server_options;
    server_options.signature_algorithm = algorithm;
    server_options.signature_header = "x-signature";
    server_options.signature_prefix = algorithm + "=";
    Start(server_options);
    options_.signature_algorithm = algorithm;
    options_.signature_header = "x-signature";
    options_.signature_prefix = algorithm + "=";
    Status status = UploadSarif(TestSarif(TestFindings(2), SarifStyle::kEnriched), options_);
    EXPECT_TRUE(status.has_value()) << algorithm << ": " << status.error().message;
    EXPECT_EQ(Entities().size(), 2u) << algorithm;
  }
}

// Two findings of one rule in one commit, at different lines.
std::vector<Finding> SameRuleSameCommit() {
  Finding first = TestFinding(0);
  Finding second = TestFinding(0);
  second.start_line = first.start_line + 10;
  second.end_line = second.start_line;
  second.secret = TestSecret(1);
  return {first, second};
}

TEST_F(PortEndToEndTest, GuideMappingMergesSameRuleAndCommit) {
  FakeServerOptions server_options;
  server_options.mapping = LEAKSCAN_SOURCE_DIR "/integrations/port/mapping-guide.json";
  Start(server_options);
  Status status = UploadSarif(TestSarif(SameRuleSameCommit(), SarifStyle::kEnriched), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;
  EXPECT_EQ(Entities().size(), 1u);
}

TEST_F(PortEndToEndTest, ImprovedMappingKeepsSameRuleAndCommit) {
  Start();
  Status status = UploadSarif(TestSarif(SameRuleSameCommit(), SarifStyle::kEnriched), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;
  EXPECT_EQ(Entities().size(), 2u);
}

TEST_F(PortEndToEndTest, ImprovedMappingDerivesIdentifierForGitleaksLayout) {
  Start();
  std::vector<Finding> findings = SameRuleSameCommit();
  findings[1].file = "docs/read me!.md";
  Status status = UploadSarif(TestSarif(findings, SarifStyle::kGitleaks), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;

  object entities = Entities();
  EXPECT_EQ(ErrorCount(), 0u);
  ASSERT_EQ(entities.size(), 2u);
  std::string prefix = findings[0].rule_id + ":" + findings[0].commit + ":";
  element entity;
  EXPECT_EQ(
      entities[prefix + "src/file-0.py:" + std::to_string(findings[0].start_line)].get(entity),
      simdjson::SUCCESS);
  EXPECT_EQ(
      entities[prefix + "docs/read_me_.md:" + std::to_string(findings[1].start_line)].get(entity),
      simdjson::SUCCESS);
}

TEST_F(PortEndToEndTest, LinksFindingsWithoutCommitToHead) {
  Start();
  Finding finding = TestFinding(0);
  finding.commit.clear();
  finding.author.clear();
  finding.email.clear();
  finding.message.clear();
  Status status = UploadSarif(TestSarif({finding}, SarifStyle::kEnriched), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;
  ASSERT_EQ(Entities().size(), 1u);
  element entity = (*Entities().begin()).value;
  EXPECT_EQ(Texts(entity["properties"]["urls"]),
            std::vector<std::string>{"https://github.com/acme/widgets/blob/HEAD/src/file-0.py#L" +
                                     std::to_string(finding.start_line)});
}

}  // namespace
}  // namespace leakscan
