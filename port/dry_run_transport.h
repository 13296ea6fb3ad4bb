// DryRunTransport: replaces the network under --port-dry-run DIR. Each
// request becomes DIR/request-NNNN.json (the exact body) and
// DIR/request-NNNN.headers (one "Name: value" line per header, signature
// included) and gets the status 202. The URL, which is a credential, is
// not written. Covered by tests/port/dry_run_test.cc.
#pragma once

#include <string>

#include "port/http_transport.h"

namespace leakscan {

class DryRunTransport : public HttpTransport {
 public:
  // `hidden_header` names a header whose value is replaced by a placeholder
  // in the .headers file. The upload passes the signature header when the
  // algorithm is "plain", because its value is then the webhook secret.
  DryRunTransport(std::string directory, std::string hidden_header);

  TransportResult Post(const HttpRequest& request) override;

 private:
  std::string directory_;
  std::string hidden_header_;
  int request_count_ = 0;
};

}  // namespace leakscan
