// HttpTransport: the one operation the Port upload needs from HTTP, a POST
// with headers. CurlTransport sends it, DryRunTransport writes it to files,
// and tests substitute fakes with scripted responses. Errors say whether another
// attempt could succeed; they never contain the URL.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace leakscan {

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string url;
  std::vector<HttpHeader> headers;
  std::string_view body;
};

struct HttpResponse {
  long status = 0;
  std::string retry_after;  // The Retry-After header, empty when absent.
};

struct TransportError {
  std::string message;
  bool retryable = false;  // A network failure worth another attempt.
};

using TransportResult = std::expected<HttpResponse, TransportError>;

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual TransportResult Post(const HttpRequest& request) = 0;
};

}  // namespace leakscan
