// Runs tests/port/fake_port_server.py as a child process on 127.0.0.1 for
// the end-to-end tests: starts it on a free port, makes it inject
// failures, reads the entities it recorded, and stops it on destruction.
#pragma once

#include <simdjson.h>
#include <sys/types.h>

#include <string>
#include <vector>

namespace leakscan::port_test {

struct FakeServerOptions {
  std::string mapping;  // Mapping file; default integrations/port/mapping.json.
  std::string secret;   // Webhook secret the server checks; empty: no check.
  std::string signature_algorithm = "sha256";
  std::string signature_header = "x-hub-signature-256";
  std::string signature_prefix = "sha256=";
  std::string request_id_path = ".body.runs[0].properties.leakscanRequestId";
  std::string tls_cert;  // Serve https with this certificate and key.
  std::string tls_key;
};

// Returns "" when python3 and jq are on PATH, else what is missing.
std::string MissingServerTools();

class FakePortServer {
 public:
  explicit FakePortServer(const FakeServerOptions& options);
  ~FakePortServer();
  FakePortServer(const FakePortServer&) = delete;
  FakePortServer& operator=(const FakePortServer&) = delete;

  // False when the server did not start; error() contains the reason.
  bool running() const { return port_ > 0; }
  const std::string& error() const { return error_; }
  int port() const { return port_; }
  // http(s)://127.0.0.1:<port>/<path>.
  std::string Url(const std::string& path) const;
  // Folder that receives every body the server accepted.
  const std::string& bodies_dir() const { return bodies_dir_; }

  // Makes the server respond to the next `count` webhook requests with `status`.
  bool InjectFailure(int status, int count, const std::string& retry_after = "",
                     bool after_processing = false);

  // Parses the state file into `parser`; the element stays valid until the
  // next call with the same parser.
  simdjson::dom::element State(simdjson::dom::parser& parser) const;

 private:
  std::string scheme_ = "http";
  std::string directory_;
  std::string state_path_;
  std::string bodies_dir_;
  std::string ca_file_;
  std::string error_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace leakscan::port_test
