#include "port/port_upload.h"

#include <gtest/gtest.h>

#include <set>

#include "port/request_signing.h"
#include "port/retry_policy.h"
#include "port_test_support.h"

namespace leakscan {
namespace {

using port_test::ParseJson;
using port_test::RecordingHooks;
using port_test::ResultsOf;
using port_test::ScriptedTransport;
using port_test::TestFindings;
using port_test::TestSarif;
using port_test::TestSecret;
using std::chrono::milliseconds;

constexpr char kUrl[] = "https://ingest.getport.io/SecretHookPath?x=1";

PortOptions TestOptions() {
  PortOptions options;
  options.webhook_url = kUrl;
  options.repo = "acme/widgets";
  options.secret = "webhook-secret";
  return options;
}

class PortUploadTest : public testing::Test {
 protected:
  // Prepares and sends `finding_count` findings; returns the error message or "".
  std::string Upload(int finding_count, const PortOptions& options = TestOptions()) {
    Result<PortUpload> upload =
        PortUpload::Prepare(TestSarif(TestFindings(finding_count), SarifStyle::kEnriched), options,
                            RecordingHooks(&transport_, &sleeps_));
    if (!upload) return "prepare: " + upload.error().message;
    Result<UploadSummary> summary = upload->Send();
    if (!summary) return summary.error().message;
    summary_ = *summary;
    return "";
  }

  std::string RequestIdOf(const port_test::RecordedRequest& request) {
    simdjson::dom::parser parser;
    simdjson::dom::element body = ParseJson(parser, request.body);
    return std::string(std::string_view(body.at_pointer("/runs/0/properties/leakscanRequestId")));
  }

  ScriptedTransport transport_;
  std::vector<milliseconds> sleeps_;
  UploadSummary summary_;
};

TEST_F(PortUploadTest, PostsToUrlWithRepoQuery) {
  ASSERT_EQ(Upload(3), "");
  ASSERT_EQ(transport_.requests.size(), 1u);
  EXPECT_EQ(transport_.requests[0].url,
            "https://ingest.getport.io/SecretHookPath?x=1&repo=acme%2Fwidgets");
  EXPECT_EQ(transport_.requests[0].Header("Content-Type"), "application/json");
  EXPECT_EQ(summary_.requests, 1u);
  EXPECT_EQ(summary_.results, 3u);
}

TEST_F(PortUploadTest, SignsExactBody) {
  ASSERT_EQ(Upload(3), "");
  const port_test::RecordedRequest& request = transport_.requests.at(0);
  Result<std::string> expected =
      SignatureHeaderValue("sha256", "webhook-secret", "sha256=", request.body);
  ASSERT_TRUE(expected.has_value());
  EXPECT_EQ(request.Header("x-hub-signature-256"), *expected);
}

TEST_F(PortUploadTest, SendsNoSignatureWithoutSecret) {
  PortOptions options = TestOptions();
  options.secret.clear();
  ASSERT_EQ(Upload(3, options), "");
  EXPECT_EQ(transport_.requests.at(0).headers.size(), 1u);
}

TEST_F(PortUploadTest, SendsNoSecretByDefault) {
  ASSERT_EQ(Upload(50), "");
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(transport_.requests.at(0).body.find(TestSecret(i)), std::string::npos) << i;
  }
}

TEST_F(PortUploadTest, SendsSecretsWhenIncluded) {
  PortOptions options = TestOptions();
  options.include_secret = true;
  ASSERT_EQ(Upload(2, options), "");
  EXPECT_NE(transport_.requests.at(0).body.find(TestSecret(1)), std::string::npos);
}

TEST_F(PortUploadTest, SplitsAt500ResultsPerRequest) {
  ASSERT_EQ(Upload(1200), "");
  ASSERT_EQ(transport_.requests.size(), 3u);
  std::vector<size_t> counts;
  std::set<std::string> fingerprints;
  for (const auto& request : transport_.requests) {
    EXPECT_LE(request.body.size(), TestOptions().max_body_bytes);
    simdjson::dom::parser parser;
    simdjson::dom::array results = ResultsOf(ParseJson(parser, request.body));
    counts.push_back(results.size());
    for (simdjson::dom::element result : results) {
      fingerprints.emplace(
          std::string_view(result.at_pointer("/partialFingerprints/leakscan~1v1")));
    }
  }
  EXPECT_EQ(counts, (std::vector<size_t>{500, 500, 200}));
  EXPECT_EQ(fingerprints.size(), 1200u);
  EXPECT_EQ(summary_.results, 1200u);
}

TEST_F(PortUploadTest, GivesEachRequestItsOwnId) {
  ASSERT_EQ(Upload(1200), "");
  std::set<std::string> ids;
  for (const auto& request : transport_.requests) ids.insert(RequestIdOf(request));
  EXPECT_EQ(ids.size(), transport_.requests.size());
}

TEST_F(PortUploadTest, RetriesTransientStatusesWithRetryAfter) {
  transport_.Answer(429, "2");
  transport_.Answer(503);
  ASSERT_EQ(Upload(3), "");
  ASSERT_EQ(transport_.requests.size(), 3u);
  EXPECT_EQ(sleeps_, (std::vector<milliseconds>{milliseconds(2000), BackoffDelay(2, 0.5)}));
  EXPECT_EQ(summary_.retries, 2u);
  EXPECT_EQ(summary_.requests, 1u);
}

TEST_F(PortUploadTest, RetryResendsSameBodyAndId) {
  transport_.Answer(500);
  ASSERT_EQ(Upload(3), "");
  ASSERT_EQ(transport_.requests.size(), 2u);
  EXPECT_EQ(transport_.requests[0].body, transport_.requests[1].body);
  EXPECT_EQ(transport_.requests[0].Header("x-hub-signature-256"),
            transport_.requests[1].Header("x-hub-signature-256"));
}

TEST_F(PortUploadTest, RetriesNetworkErrors) {
  transport_.FailNetwork("Failed to connect to ingest.getport.io port 443", true);
  ASSERT_EQ(Upload(3), "");
  EXPECT_EQ(transport_.requests.size(), 2u);
  EXPECT_EQ(sleeps_, (std::vector<milliseconds>{BackoffDelay(1, 0.5)}));
}

TEST_F(PortUploadTest, FailsAtOnceOnFinalNetworkError) {
  transport_.FailNetwork("SSL certificate problem: self-signed certificate", false);
  std::string error = Upload(3);
  EXPECT_EQ(error,
            "port upload to ingest.getport.io failed: request with results 1-3 of 3: SSL "
            "certificate problem: self-signed certificate; 0 of 3 results were delivered");
  EXPECT_EQ(transport_.requests.size(), 1u);
  EXPECT_TRUE(sleeps_.empty());
}

TEST_F(PortUploadTest, DoesNotRetryClientErrors) {
  transport_.Answer(400);
  std::string error = Upload(3);
  EXPECT_EQ(error,
            "port upload to ingest.getport.io failed: request with results 1-3 of 3: HTTP 400; "
            "0 of 3 results were delivered");
  EXPECT_EQ(transport_.requests.size(), 1u);
  EXPECT_TRUE(sleeps_.empty());
}

TEST_F(PortUploadTest, HintsAtSecretOnUnauthorized) {
  transport_.Answer(401);
  std::string error = Upload(3);
  EXPECT_NE(error.find("HTTP 401 (check --port-webhook-secret"), std::string::npos) << error;
}

TEST_F(PortUploadTest, GivesUpAfterMaxAttempts) {
  PortOptions options = TestOptions();
  options.max_attempts = 3;
  for (int i = 0; i < 3; ++i) transport_.Answer(503);
  std::string error = Upload(3, options);
  EXPECT_NE(error.find("HTTP 503 after 3 attempts; 0 of 3 results were delivered"),
            std::string::npos)
      << error;
  EXPECT_EQ(transport_.requests.size(), 3u);
  EXPECT_EQ(sleeps_.size(), 2u);
}

TEST_F(PortUploadTest, ReportsPartialDelivery) {
  transport_.Answer(202);
  transport_.Answer(422);
  std::string error = Upload(1200);
  EXPECT_EQ(error,
            "port upload to ingest.getport.io failed: request with results 501-1000 of 1200: "
            "HTTP 422; 500 of 1200 results were delivered");
}

TEST_F(PortUploadTest, ErrorNeverContainsUrlPathOrQuery) {
  transport_.Answer(404);
  std::string error = Upload(3);
  EXPECT_NE(error.find("ingest.getport.io"), std::string::npos) << error;
  EXPECT_EQ(error.find("SecretHookPath"), std::string::npos) << error;
  EXPECT_EQ(error.find("x=1"), std::string::npos) << error;
}

TEST_F(PortUploadTest, HalvesRequestsRejectedAsTooLarge) {
  constexpr size_t kServerLimit = 60 * 1024;
  transport_.RejectBodiesOver(kServerLimit);
  ASSERT_EQ(Upload(400), "");
  EXPECT_GT(summary_.splits, 0u);
  EXPECT_EQ(summary_.results, 400u);

  size_t delivered = 0;
  std::set<std::string> ids;
  for (const auto& request : transport_.requests) {
    if (request.body.size() > kServerLimit) continue;  // Answered 413.
    simdjson::dom::parser parser;
    delivered += ResultsOf(ParseJson(parser, request.body)).size();
    ids.insert(RequestIdOf(request));
  }
  EXPECT_EQ(delivered, 400u);
  EXPECT_EQ(ids.size(), summary_.requests);
  EXPECT_EQ(transport_.requests.size(), summary_.requests + summary_.splits);
}

TEST_F(PortUploadTest, FailsWhenSingleResultIsTooLarge) {
  transport_.RejectBodiesOver(100);
  std::string error = Upload(2);
  EXPECT_NE(error.find("request with results 1-1 of 2: HTTP 413: one result is larger than Port "
                       "accepts"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("0 of 2 results were delivered"), std::string::npos) << error;
}

TEST_F(PortUploadTest, SendsNothingWithoutResults) {
  ASSERT_EQ(Upload(0), "");
  EXPECT_TRUE(transport_.requests.empty());
  EXPECT_EQ(summary_.results, 0u);
}

TEST_F(PortUploadTest, PrepareRejectsInvalidOptions) {
  PortOptions options = TestOptions();
  options.webhook_url = "http://example.com/hook";
  std::string error = Upload(1, options);
  EXPECT_TRUE(error.starts_with("prepare: invalid --port-webhook-url")) << error;
  EXPECT_TRUE(transport_.requests.empty());
}

TEST_F(PortUploadTest, PrepareRejectsInvalidSarif) {
  Result<PortUpload> upload =
      PortUpload::Prepare("[]", TestOptions(), RecordingHooks(&transport_, &sleeps_));
  ASSERT_FALSE(upload.has_value());
  EXPECT_EQ(upload.error().message, "invalid SARIF: the document has no \"runs\" array");
}

TEST_F(PortUploadTest, PlansRequestsBeforeSending) {
  Result<PortUpload> upload =
      PortUpload::Prepare(TestSarif(TestFindings(1001), SarifStyle::kGitleaks), TestOptions(),
                          RecordingHooks(&transport_, &sleeps_));
  ASSERT_TRUE(upload.has_value()) << upload.error().message;
  EXPECT_EQ(upload->result_count(), 1001u);
  EXPECT_EQ(upload->planned_chunks().size(), 3u);
  EXPECT_TRUE(transport_.requests.empty());
}

}  // namespace
}  // namespace leakscan
