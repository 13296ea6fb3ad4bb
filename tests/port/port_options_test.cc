#include "port/port_options.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

PortOptions ValidOptions() {
  PortOptions options;
  options.webhook_url = "https://ingest.getport.io/AbCdEf123";
  options.repo = "acme/widgets";
  return options;
}

std::string ErrorOf(const PortOptions& options) {
  Status status = ValidatePortOptions(options);
  return status ? "" : status.error().message;
}

TEST(ValidatePortOptions, AcceptsDefaults) { EXPECT_EQ(ErrorOf(ValidOptions()), ""); }

TEST(ValidatePortOptions, RequiresUrlUnlessDryRun) {
  PortOptions options = ValidOptions();
  options.webhook_url.clear();
  EXPECT_EQ(ErrorOf(options),
            "missing Port webhook URL: set --port-webhook-url or PORT_WEBHOOK_URL (or use "
            "--port-dry-run DIR)");
  options.dry_run_dir = "/tmp/out";
  EXPECT_EQ(ErrorOf(options), "");
}

TEST(ValidatePortOptions, RejectsInsecureUrlWithoutNamingPath) {
  PortOptions options = ValidOptions();
  options.webhook_url = "http://ingest.getport.io/AbCdEf123";
  std::string error = ErrorOf(options);
  EXPECT_TRUE(error.starts_with("invalid --port-webhook-url")) << error;
  EXPECT_EQ(error.find("AbCdEf123"), std::string::npos) << error;
}

TEST(ValidatePortOptions, RejectsUnknownAlgorithm) {
  PortOptions options = ValidOptions();
  options.signature_algorithm = "sha512";
  EXPECT_EQ(ErrorOf(options),
            "invalid --port-signature-algorithm \"sha512\": expected sha256, sha1 or plain");
}

TEST(ValidatePortOptions, RejectsHeaderInjection) {
  PortOptions options = ValidOptions();
  options.signature_header = "x-sig\r\nx-other";
  EXPECT_TRUE(ErrorOf(options).starts_with("invalid --port-signature-header")) << ErrorOf(options);
  options = ValidOptions();
  options.signature_prefix = "a\nb";
  EXPECT_EQ(ErrorOf(options), "invalid --port-signature-prefix: it contains a control character");
  options = ValidOptions();
  options.secret = "abc\r\n";
  EXPECT_EQ(ErrorOf(options), "invalid --port-webhook-secret: it contains a control character");
}

TEST(ValidatePortOptions, RejectsMoreResultsThanPortProcesses) {
  PortOptions options = ValidOptions();
  options.max_results = 501;
  EXPECT_EQ(ErrorOf(options),
            "invalid Port max results per request 501: expected 1 to 500 (Port ignores items "
            "after the 500th)");
  options.max_results = 0;
  EXPECT_FALSE(ErrorOf(options).empty());
}

TEST(ValidatePortOptions, RejectsBodiesLargerThanPortAccepts) {
  PortOptions options = ValidOptions();
  options.max_body_bytes = 512 * 1024 + 1;
  EXPECT_EQ(ErrorOf(options), "invalid Port max body size 524289: expected 1 to 524288 bytes");
}

TEST(ValidatePortOptions, RejectsNonPositiveTimeoutsAndAttempts) {
  PortOptions options = ValidOptions();
  options.connect_timeout_seconds = 0;
  EXPECT_EQ(ErrorOf(options), "invalid --port-connect-timeout: expected at least 1 second");
  options = ValidOptions();
  options.total_timeout_seconds = -1;
  EXPECT_EQ(ErrorOf(options), "invalid --port-timeout: expected at least 1 second");
  options = ValidOptions();
  options.max_attempts = 0;
  EXPECT_EQ(ErrorOf(options), "invalid --port-max-attempts: expected at least 1");
}

TEST(ValidatePortOptions, RejectsMissingCaFile) {
  PortOptions options = ValidOptions();
  options.ca_file = "/nonexistent/ca.pem";
  EXPECT_EQ(ErrorOf(options), "invalid --port-ca-file /nonexistent/ca.pem: not a readable file");
}

}  // namespace
}  // namespace leakscan
