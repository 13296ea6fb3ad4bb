// PortUpload: one upload of a SARIF report to a Port webhook, in two steps
// so that callers can tell bad input (Prepare) from a failed delivery
// (Send). Prepare validates the options, resolves the repository, redacts
// the results and plans the requests. Send signs and posts each request,
// retries transient failures and halves a request that Port rejects with
// 413. It fails unless every result was delivered. UploadSarif
// (port_client.h) runs both. Covered by tests/port/port_upload_test.cc and
// the end-to-end tests.
#pragma once

#include <chrono>
#include <ctime>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "port/chunk_plan.h"
#include "port/http_transport.h"
#include "port/port_options.h"
#include "port/sarif_document.h"
#include "util/error.h"

namespace leakscan {

// Replaceable parts of an upload; empty members get the real ones.
struct UploadHooks {
  std::function<void(std::chrono::milliseconds)> sleep;  // Waits before a retry.
  std::function<double()> random_unit;                   // Uniform in [0, 1), for jitter.
  std::function<std::time_t()> now;                      // For HTTP-date Retry-After values.
  // Not owned. Default: DryRunTransport under --port-dry-run, else CurlTransport.
  HttpTransport* transport = nullptr;
};

struct UploadSummary {
  size_t requests = 0;    // Requests accepted with a 2xx status.
  size_t results = 0;     // Results in those requests.
  size_t retries = 0;     // Extra attempts after transient failures.
  size_t splits = 0;      // Requests halved after 413.
  size_t body_bytes = 0;  // Bytes of the accepted bodies.
};

class PortUpload {
 public:
  [[nodiscard]] static Result<PortUpload> Prepare(std::string_view sarif_json,
                                                  const PortOptions& options,
                                                  UploadHooks hooks = {});

  // Sends every planned request. The error names the request, the HTTP
  // status or network error, how many results were delivered, and the host
  // (never the URL).
  [[nodiscard]] Result<UploadSummary> Send();

  size_t result_count() const { return sarif_.result_count; }
  const std::vector<Chunk>& planned_chunks() const { return chunks_; }

 private:
  PortUpload() = default;

  // Posts one body until it is accepted, rejected or out of attempts; the
  // value is the final HTTP status (2xx or 413).
  [[nodiscard]] Result<long> PostWithRetries(const std::string& body, UploadSummary* summary);
  [[nodiscard]] Result<std::vector<HttpHeader>> HeadersFor(std::string_view body) const;
  // Sends one chunk. After a 413 its halves go to the front of `pending`.
  [[nodiscard]] Status SendChunk(const Chunk& chunk, std::deque<Chunk>* pending,
                                 UploadSummary* summary, std::string* body);
  std::unexpected<Error> Failure(const Chunk& chunk, std::string_view reason,
                                 const UploadSummary& summary) const;
  std::string Describe(const Chunk& chunk) const;
  // The webhook's host, or the dry-run folder.
  std::string Destination() const;

  PortOptions options_;
  UploadHooks hooks_;
  PreparedSarif sarif_;
  std::vector<Chunk> chunks_;
  std::string url_;   // Webhook URL with the repo query; never logged.
  std::string host_;  // The only part of the URL that appears in messages.
  std::unique_ptr<HttpTransport> owned_transport_;
};

}  // namespace leakscan
