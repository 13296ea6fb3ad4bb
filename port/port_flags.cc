// AddPortFlags (declared in port_client.h): the --port-* command-line flags.
#include <CLI/CLI.hpp>

#include "port/port_client.h"

namespace leakscan {

void AddPortFlags(CLI::App& app, PortOptions* options) {
  const std::string group = "Port upload";
  app.add_option("--port-webhook-url", options->webhook_url,
                 "Port webhook URL that receives the SARIF report; it is a credential, so "
                 "prefer the environment variable")
      ->envname("PORT_WEBHOOK_URL")
      ->type_name("URL")
      ->group(group);
  app.add_option("--port-repo", options->repo,
                 "repository OWNER/NAME sent as the repo query parameter (default: "
                 "GITHUB_REPOSITORY, else the origin remote)")
      ->envname("GITHUB_REPOSITORY")
      ->type_name("OWNER/NAME")
      ->group(group);
  app.add_option("--port-webhook-secret", options->secret,
                 "webhook secret that signs each request; prefer the environment variable")
      ->envname("PORT_WEBHOOK_SECRET")
      ->type_name("SECRET")
      ->group(group);
  app.add_option("--port-signature-header", options->signature_header,
                 "header that carries the signature")
      ->capture_default_str()
      ->group(group);
  app.add_option("--port-signature-prefix", options->signature_prefix,
                 "text written before the hex signature (set it to match the algorithm)")
      ->capture_default_str()
      ->group(group);
  app.add_option("--port-signature-algorithm", options->signature_algorithm,
                 "HMAC of the body with sha256 or sha1, or plain to send the secret itself")
      ->check(CLI::IsMember({"sha256", "sha1", "plain"}))
      ->capture_default_str()
      ->group(group);
  app.add_flag("--port-include-secret", options->include_secret,
               "upload the matched secrets instead of REDACTED")
      ->group(group);
  app.add_option("--port-dry-run", options->dry_run_dir,
                 "write the requests to DIR/request-NNNN.{json,headers} instead of sending them")
      ->type_name("DIR")
      ->group(group);
  app.add_option("--port-ca-file", options->ca_file,
                 "CA bundle (PEM) that verifies the webhook's TLS certificate instead of the "
                 "system store")
      ->check(CLI::ExistingFile)
      ->group(group);
  app.add_option("--port-connect-timeout", options->connect_timeout_seconds,
                 "seconds allowed to connect to Port")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str()
      ->group(group);
  app.add_option("--port-timeout", options->total_timeout_seconds,
                 "seconds allowed for one request, connection included")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str()
      ->group(group);
  app.add_option("--port-max-attempts", options->max_attempts,
                 "attempts per request before the upload fails")
      ->check(CLI::Range(1, 20))
      ->capture_default_str()
      ->group(group);
}

}  // namespace leakscan
