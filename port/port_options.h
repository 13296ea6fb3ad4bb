// PortOptions: everything the Port webhook upload needs, filled by
// AddPortFlags (port_client.h) from --port-* flags and the environment, and
// checked by ValidatePortOptions before any request is built. The upload is
// the last stage of the pipeline: it reads the SARIF report that the sarif/
// writer produced and sends it to Port (getport.io).
#pragma once

#include <cstddef>
#include <string>

#include "util/error.h"

namespace leakscan {

// Exit status of `leakscan port send` when a request still fails after all
// retries (or is rejected outright). Invalid input and options exit with 1,
// like every other leakscan error.
inline constexpr int kPortUploadFailedExitCode = 3;

// Port processes only the first 500 items of a request and rejects bodies
// over 512 KiB with HTTP 413.
inline constexpr size_t kPortMaxItemsPerRequest = 500;
inline constexpr size_t kPortMaxBodyBytes = 512 * 1024;

struct PortOptions {
  // The webhook URL is a credential: it is never printed or logged (only its
  // host is).
  std::string webhook_url;
  // OWNER/NAME sent as the `repo` query parameter. Empty means the origin
  // remote of the repository in the working directory.
  std::string repo;
  // Webhook secret for request signing; empty sends no signature header.
  std::string secret;
  std::string signature_header = "x-hub-signature-256";
  std::string signature_prefix = "sha256=";
  std::string signature_algorithm = "sha256";  // sha256 | sha1 | plain
  // Keep the matched secrets in the uploaded SARIF (off: they become REDACTED).
  bool include_secret = false;
  // When set, requests are written to this folder instead of being sent.
  std::string dry_run_dir;
  size_t max_body_bytes = 450 * 1024;
  size_t max_results = kPortMaxItemsPerRequest;
  int connect_timeout_seconds = 10;
  int total_timeout_seconds = 60;
  int max_attempts = 5;
  // CA bundle used instead of the system store to verify the server.
  std::string ca_file;
};

// Checks value ranges, the signature settings and the webhook URL (required
// unless dry_run_dir is set; https, or http to a loopback address only).
// The error names the flag to fix and never contains the URL.
[[nodiscard]] Status ValidatePortOptions(const PortOptions& options);

}  // namespace leakscan
