// CurlTransport: HttpTransport over libcurl, the only place the Port upload
// touches the network. TLS peer and host verification stay on (the system
// CA store, or PortOptions::ca_file), redirects are not followed, and the
// connect and total timeouts come from PortOptions. One connection is kept
// open across requests. Covered by tests/port/port_e2e_test.cc and
// tests/port/tls_test.cc.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "port/http_transport.h"
#include "port/port_options.h"
#include "util/error.h"

namespace leakscan {

class CurlTransport : public HttpTransport {
 public:
  [[nodiscard]] static Result<std::unique_ptr<CurlTransport>> Create(const PortOptions& options);

  TransportResult Post(const HttpRequest& request) override;

 private:
  struct HandleDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
  };

  CurlTransport(CURL* handle, const PortOptions& options);

  std::unique_ptr<CURL, HandleDeleter> handle_;
  long connect_timeout_seconds_;
  long total_timeout_seconds_;
  std::string ca_file_;
};

}  // namespace leakscan
