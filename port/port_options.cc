#include "port/port_options.h"

#include <filesystem>

#include "port/webhook_url.h"

namespace leakscan {
namespace {

// RFC 9110 token characters, the only ones allowed in a header name.
bool IsHeaderName(std::string_view name) {
  constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  if (name.empty()) return false;
  for (char c : name) {
    bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alphanumeric && kSymbols.find(c) == std::string_view::npos) return false;
  }
  return true;
}

bool HasControlCharacter(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

Status CheckSigning(const PortOptions& options) {
  const std::string& algorithm = options.signature_algorithm;
  if (algorithm != "sha256" && algorithm != "sha1" && algorithm != "plain") {
    return MakeError("invalid --port-signature-algorithm \"" + algorithm +
                     "\": expected sha256, sha1 or plain");
  }
  if (!IsHeaderName(options.signature_header)) {
    return MakeError("invalid --port-signature-header \"" + options.signature_header +
                     "\": expected an HTTP header name");
  }
  if (HasControlCharacter(options.signature_prefix)) {
    return MakeError("invalid --port-signature-prefix: it contains a control character");
  }
  // A plain signature sends the secret as a header value.
  if (HasControlCharacter(options.secret)) {
    return MakeError("invalid --port-webhook-secret: it contains a control character");
  }
  return Ok();
}

Status CheckLimits(const PortOptions& options) {
  if (options.max_results < 1 || options.max_results > kPortMaxItemsPerRequest) {
    return MakeError("invalid Port max results per request " + std::to_string(options.max_results) +
                     ": expected 1 to " + std::to_string(kPortMaxItemsPerRequest) +
                     " (Port ignores items after the 500th)");
  }
  if (options.max_body_bytes < 1 || options.max_body_bytes > kPortMaxBodyBytes) {
    return MakeError("invalid Port max body size " + std::to_string(options.max_body_bytes) +
                     ": expected 1 to " + std::to_string(kPortMaxBodyBytes) + " bytes");
  }
  if (options.connect_timeout_seconds < 1) {
    return MakeError("invalid --port-connect-timeout: expected at least 1 second");
  }
  if (options.total_timeout_seconds < 1) {
    return MakeError("invalid --port-timeout: expected at least 1 second");
  }
  if (options.max_attempts < 1) {
    return MakeError("invalid --port-max-attempts: expected at least 1");
  }
  return Ok();
}

}  // namespace

Status ValidatePortOptions(const PortOptions& options) {
  if (options.dry_run_dir.empty() && options.webhook_url.empty()) {
    return MakeError(
        "missing Port webhook URL: set --port-webhook-url or PORT_WEBHOOK_URL (or use "
        "--port-dry-run DIR)");
  }
  if (!options.webhook_url.empty()) {
    Result<WebhookUrl> url = ParseWebhookUrl(options.webhook_url);
    if (!url) return std::unexpected(url.error());
  }
  if (Status signing = CheckSigning(options); !signing) return signing;
  if (Status limits = CheckLimits(options); !limits) return limits;

  std::error_code error;
  if (!options.ca_file.empty() && !std::filesystem::is_regular_file(options.ca_file, error)) {
    return MakeError("invalid --port-ca-file " + options.ca_file + ": not a readable file");
  }
  return Ok();
}

}  // namespace leakscan
