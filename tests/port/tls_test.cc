// TLS verification of the Port upload: a self-signed https server on
// 127.0.0.1 is rejected unless its certificate is given as --port-ca-file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "fake_port_server_process.h"
#include "port/port_upload.h"
#include "port_test_support.h"

namespace leakscan {
namespace {

using port_test::FakePortServer;
using port_test::FakeServerOptions;

class TlsTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string missing = port_test::MissingServerTools();
    if (!missing.empty()) GTEST_SKIP() << "needs " << missing << " on PATH";
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
      GTEST_SKIP() << "needs openssl on PATH to make a certificate";
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "leakscan-tls-XXXXXX").string();
    directory_ = mkdtemp(pattern.data());
    cert_ = directory_ + "/cert.pem";
    key_ = directory_ + "/key.pem";
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout " +
        key_ + " -out " + cert_ + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;

    FakeServerOptions server_options;
    server_options.tls_cert = cert_;
    server_options.tls_key = key_;
    server_ = std::make_unique<FakePortServer>(server_options);
    ASSERT_TRUE(server_->running()) << server_->error();
    options_.webhook_url = server_->Url("/hook");
    options_.repo = "acme/widgets";
  }

  void TearDown() override {
    server_.reset();
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  Result<UploadSummary> Send() {
    UploadHooks hooks;
    hooks.sleep = [this](std::chrono::milliseconds delay) { sleeps_.push_back(delay); };
    std::string sarif = port_test::TestSarif(port_test::TestFindings(3), SarifStyle::kEnriched);
    Result<PortUpload> upload = PortUpload::Prepare(sarif, options_, hooks);
    if (!upload) return std::unexpected(upload.error());
    return upload->Send();
  }

  size_t RequestCount() {
    simdjson::dom::parser parser;
    return simdjson::dom::array(server_->State(parser)["requests"]).size();
  }

  std::string directory_;
  std::string cert_;
  std::string key_;
  std::unique_ptr<FakePortServer> server_;
  PortOptions options_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

TEST_F(TlsTest, RejectsSelfSignedServerWithoutCaFile) {
  Result<UploadSummary> summary = Send();
  ASSERT_FALSE(summary.has_value());
  EXPECT_NE(summary.error().message.find("certificate"), std::string::npos)
      << summary.error().message;
  EXPECT_TRUE(sleeps_.empty()) << "a certificate error must not be retried";
  EXPECT_EQ(RequestCount(), 0u);
}

TEST_F(TlsTest, AcceptsServerVerifiedByCaFile) {
  options_.ca_file = cert_;
  Result<UploadSummary> summary = Send();
  ASSERT_TRUE(summary.has_value()) << summary.error().message;
  EXPECT_EQ(summary->results, 3u);
  EXPECT_EQ(RequestCount(), 1u);
}

}  // namespace
}  // namespace leakscan
