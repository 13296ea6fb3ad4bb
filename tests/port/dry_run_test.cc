#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "port/port_client.h"
#include "port/port_command.h"
#include "port/request_signing.h"
#include "port_test_support.h"

namespace leakscan {
namespace {

using port_test::TestFindings;
using port_test::TestSarif;
using port_test::TestSecret;

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

class DryRunTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "leakscan-dry-run-XXXXXX").string();
    directory_ = mkdtemp(pattern.data());
    options_.dry_run_dir = directory_ + "/requests";
    options_.secret = "webhook-secret";
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::string directory_;
  PortOptions options_;
};

TEST_F(DryRunTest, WritesBodyAndHeadersPerRequest) {
  Status status = UploadSarif(TestSarif(TestFindings(1200), SarifStyle::kEnriched), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;

  for (const char* name : {"request-0001", "request-0002", "request-0003"}) {
    std::filesystem::path base = std::filesystem::path(options_.dry_run_dir) / name;
    std::string body = ReadText(base.string() + ".json");
    std::string headers = ReadText(base.string() + ".headers");
    ASSERT_FALSE(body.empty()) << name;
    std::string signature =
        SignatureHeaderValue("sha256", "webhook-secret", "sha256=", body).value();
    EXPECT_EQ(headers, "Content-Type: application/json\nx-hub-signature-256: " + signature + "\n");
    for (int i : {0, 499, 500, 1199}) {
      EXPECT_EQ(body.find(TestSecret(i)), std::string::npos) << name << " " << i;
    }
  }
  EXPECT_FALSE(
      std::filesystem::exists(std::filesystem::path(options_.dry_run_dir) / "request-0004.json"));
}

TEST_F(DryRunTest, HidesPlainSecretInHeaders) {
  options_.signature_algorithm = "plain";
  options_.signature_prefix = "";
  Status status = UploadSarif(TestSarif(TestFindings(2), SarifStyle::kGitleaks), options_);
  ASSERT_TRUE(status.has_value()) << status.error().message;
  std::string headers =
      ReadText(std::filesystem::path(options_.dry_run_dir) / "request-0001.headers");
  EXPECT_EQ(headers.find("webhook-secret"), std::string::npos) << headers;
  EXPECT_NE(headers.find("x-hub-signature-256: <webhook secret, not written>"), std::string::npos)
      << headers;
}

TEST_F(DryRunTest, NeedsNoUrlOrRepository) {
  options_.webhook_url.clear();
  options_.repo.clear();
  EXPECT_TRUE(UploadSarif(TestSarif(TestFindings(1), SarifStyle::kGitleaks), options_));
}

TEST_F(DryRunTest, RunPortSendExitsZeroOnSuccess) {
  std::string path = directory_ + "/report.sarif";
  std::ofstream(path) << TestSarif(TestFindings(3), SarifStyle::kEnriched);
  EXPECT_EQ(RunPortSend(path, options_), 0);
  EXPECT_TRUE(
      std::filesystem::exists(std::filesystem::path(options_.dry_run_dir) / "request-0001.json"));
}

TEST_F(DryRunTest, RunPortSendExitsOneOnMissingFile) {
  EXPECT_EQ(RunPortSend(directory_ + "/missing.sarif", options_), 1);
}

TEST_F(DryRunTest, RunPortSendExitsOneOnInvalidSarif) {
  std::string path = directory_ + "/report.sarif";
  std::ofstream(path) << "{\"runs\": 3}";
  EXPECT_EQ(RunPortSend(path, options_), 1);
  EXPECT_FALSE(std::filesystem::exists(options_.dry_run_dir));
}

}  // namespace
}  // namespace leakscan
