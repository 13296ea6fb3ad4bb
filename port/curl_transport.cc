#include "port/curl_transport.h"

#include <cctype>
#include <mutex>

#include "port/webhook_url.h"

namespace leakscan {
namespace {

constexpr char kUserAgent[] = "leakscan/" LEAKSCAN_VERSION;

struct HeaderListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// Keeps the Retry-After value of the final response, untrimmed because
// ParseRetryAfter trims it. A new status line (after an interim 1xx
// response) starts over.
size_t OnHeaderLine(char* data, size_t size, size_t count, void* user) {
  auto* retry_after = static_cast<std::string*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    retry_after->clear();
  } else if (StartsWithIgnoringCase(line, "retry-after:")) {
    *retry_after = line.substr(12);
  }
  return size * count;
}

// Discards the response body, because Port's responses carry no data the upload uses.
size_t DiscardBody(char*, size_t size, size_t count, void*) { return size * count; }

// Network failures where another attempt may succeed. Certificate, URL and
// option errors are final.
bool IsRetryableCurlError(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<std::unique_ptr<CurlTransport>> CurlTransport::Create(const PortOptions& options) {
  static std::once_flag global_init;
  static CURLcode global_status = CURLE_OK;
  std::call_once(global_init, [] { global_status = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (global_status != CURLE_OK) {
    return MakeError(std::string("port upload: libcurl initialisation failed: ") +
                     curl_easy_strerror(global_status));
  }
  CURL* handle = curl_easy_init();
  if (handle == nullptr) return MakeError("port upload: libcurl could not create a handle");
  return std::unique_ptr<CurlTransport>(new CurlTransport(handle, options));
}

CurlTransport::CurlTransport(CURL* handle, const PortOptions& options)
    : handle_(handle),
      connect_timeout_seconds_(options.connect_timeout_seconds),
      total_timeout_seconds_(options.total_timeout_seconds),
      ca_file_(options.ca_file) {}

TransportResult CurlTransport::Post(const HttpRequest& request) {
  CURL* curl = handle_.get();
  curl_easy_reset(curl);

  // "Expect:" stops curl from waiting for 100-continue before large bodies.
  std::unique_ptr<curl_slist, HeaderListDeleter> headers(curl_slist_append(nullptr, "Expect:"));
  for (const HttpHeader& header : request.headers) {
    std::string line = header.name + ": " + header.value;
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  }

  std::string retry_after;
  char error_text[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_USERAGENT, kUserAgent);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_file_.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file_.c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, connect_timeout_seconds_);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, total_timeout_seconds_);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeaderLine);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &retry_after);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, DiscardBody);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);

  CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    std::string detail = error_text[0] != '\0' ? error_text : curl_easy_strerror(code);
    return std::unexpected(
        TransportError{ScrubUrl(std::move(detail), request.url), IsRetryableCurlError(code)});
  }
  HttpResponse response;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  response.retry_after = std::move(retry_after);
  return response;
}

}  // namespace leakscan
