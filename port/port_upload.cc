#include "port/port_upload.h"

#include <deque>
#include <random>
#include <thread>

#include "port/curl_transport.h"
#include "port/dry_run_transport.h"
#include "port/repo_name.h"
#include "port/request_signing.h"
#include "port/retry_policy.h"
#include "port/webhook_url.h"
#include "util/log.h"

namespace leakscan {
namespace {

void FillDefaultHooks(UploadHooks* hooks) {
  if (!hooks->sleep) {
    hooks->sleep = [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); };
  }
  if (!hooks->random_unit) {
    hooks->random_unit = [] {
      thread_local std::mt19937_64 generator{std::random_device{}()};
      return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
    };
  }
  if (!hooks->now) hooks->now = [] { return std::time(nullptr); };
}

std::string FormatDelay(std::chrono::milliseconds delay) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1fs", static_cast<double>(delay.count()) / 1000.0);
  return text;
}

// Returns a hint for final responses whose usual cause is a setting.
std::string HintFor(long status) {
  if (status == 401 || status == 403) {
    return " (check --port-webhook-secret and the webhook's security settings)";
  }
  if (status == 404) return " (check --port-webhook-url)";
  if (status >= 300 && status < 400) return " (redirects are not followed)";
  return "";
}

}  // namespace

Result<PortUpload> PortUpload::Prepare(std::string_view sarif_json, const PortOptions& options,
                                       UploadHooks hooks) {
  if (Status valid = ValidatePortOptions(options); !valid) {
    return std::unexpected(valid.error());
  }
  PortUpload upload;
  upload.options_ = options;
  FillDefaultHooks(&hooks);
  upload.hooks_ = std::move(hooks);

  bool dry_run = !options.dry_run_dir.empty();
  if (!dry_run) {
    std::string repo = options.repo;
    if (repo.empty()) {
      Result<std::string> origin = RepoFromOrigin(".");
      if (!origin) return std::unexpected(origin.error());
      repo = *origin;
    }
    Result<WebhookUrl> parsed = ParseWebhookUrl(options.webhook_url);
    if (!parsed) return std::unexpected(parsed.error());
    upload.host_ = parsed->host;
    upload.url_ = AppendRepoQuery(options.webhook_url, repo);
  }

  Result<PreparedSarif> sarif = PrepareSarif(sarif_json, options.include_secret);
  if (!sarif) return std::unexpected(sarif.error());
  upload.sarif_ = std::move(*sarif);
  upload.chunks_ = PlanChunks(upload.sarif_, options.max_body_bytes, options.max_results);

  if (upload.hooks_.transport == nullptr) {
    if (dry_run) {
      bool plain = options.signature_algorithm == "plain";
      upload.owned_transport_ = std::make_unique<DryRunTransport>(
          options.dry_run_dir, plain ? options.signature_header : "");
    } else {
      Result<std::unique_ptr<CurlTransport>> curl = CurlTransport::Create(options);
      if (!curl) return std::unexpected(curl.error());
      upload.owned_transport_ = std::move(*curl);
    }
    upload.hooks_.transport = upload.owned_transport_.get();
  }
  return upload;
}

Result<std::vector<HttpHeader>> PortUpload::HeadersFor(std::string_view body) const {
  std::vector<HttpHeader> headers = {{"Content-Type", "application/json"}};
  if (options_.secret.empty()) return headers;
  Result<std::string> signature = SignatureHeaderValue(
      options_.signature_algorithm, options_.secret, options_.signature_prefix, body);
  if (!signature) return std::unexpected(signature.error());
  headers.push_back({options_.signature_header, std::move(*signature)});
  return headers;
}

Result<long> PortUpload::PostWithRetries(const std::string& body, UploadSummary* summary) {
  Result<std::vector<HttpHeader>> headers = HeadersFor(body);
  if (!headers) return std::unexpected(headers.error());
  HttpRequest request{url_, std::move(*headers), body};

  for (int attempt = 1;; ++attempt) {
    TransportResult response = hooks_.transport->Post(request);
    bool last = attempt >= options_.max_attempts;
    std::string attempts = attempt > 1 ? " after " + std::to_string(attempt) + " attempts" : "";
    std::chrono::milliseconds delay{0};
    log::Fields fields = {
        {"host", host_},
        {"attempt", std::to_string(attempt) + "/" + std::to_string(options_.max_attempts)}};

    if (!response) {
      if (!response.error().retryable || last) {
        return MakeError(response.error().message + attempts);
      }
      delay = BackoffDelay(attempt, hooks_.random_unit());
      fields.push_back({"error", response.error().message});
    } else {
      long status = response->status;
      if ((status >= 200 && status < 300) || status == 413) return status;
      if (!IsRetryableStatus(status) || last) {
        return MakeError("HTTP " + std::to_string(status) + attempts + HintFor(status));
      }
      delay = RetryDelay(attempt, response->retry_after, hooks_.now(), hooks_.random_unit());
      fields.push_back({"status", std::to_string(status)});
    }

    fields.push_back({"delay", FormatDelay(delay)});
    log::Warn("port request failed, retrying", std::move(fields));
    ++summary->retries;
    hooks_.sleep(delay);
  }
}

std::string PortUpload::Describe(const Chunk& chunk) const {
  std::string text = "request with results " + std::to_string(chunk.begin + 1) + "-" +
                     std::to_string(chunk.end) + " of " +
                     std::to_string(sarif_.runs[chunk.run].results.size());
  if (sarif_.runs.size() > 1) text += " of runs[" + std::to_string(chunk.run) + "]";
  return text;
}

std::unexpected<Error> PortUpload::Failure(const Chunk& chunk, std::string_view reason,
                                           const UploadSummary& summary) const {
  return MakeError("port upload to " + Destination() + " failed: " + Describe(chunk) + ": " +
                   std::string(reason) + "; " + std::to_string(summary.results) + " of " +
                   std::to_string(sarif_.result_count) + " results were delivered");
}

std::string PortUpload::Destination() const { return host_.empty() ? options_.dry_run_dir : host_; }

Status PortUpload::SendChunk(const Chunk& chunk, std::deque<Chunk>* pending, UploadSummary* summary,
                             std::string* body) {
  // A new id per body, kept by retries of the same body, so that Port can
  // drop a duplicate delivery through requestIdentifierPath.
  Result<std::string> request_id = NewRequestId();
  if (!request_id) return Failure(chunk, request_id.error().message, *summary);
  BuildBody(sarif_, chunk, *request_id, body);

  Result<long> status = PostWithRetries(*body, summary);
  if (!status) return Failure(chunk, status.error().message, *summary);

  if (*status == 413) {
    if (chunk.size() == 1) {
      return Failure(chunk,
                     "HTTP 413: one result is larger than Port accepts (" +
                         std::to_string(body->size()) + " bytes)",
                     *summary);
    }
    log::Warn("port rejected a request as too large, sending it in two halves",
              {{"host", host_},
               {"results", std::to_string(chunk.size())},
               {"bytes", std::to_string(body->size())}});
    auto [first, second] = HalveChunk(chunk);
    pending->push_front(second);
    pending->push_front(first);
    ++summary->splits;
    return Ok();
  }

  ++summary->requests;
  summary->results += chunk.size();
  summary->body_bytes += body->size();
  log::Debug("port request accepted", {{"host", host_},
                                       {"status", std::to_string(*status)},
                                       {"results", std::to_string(chunk.size())},
                                       {"request_id", *request_id}});
  return Ok();
}

Result<UploadSummary> PortUpload::Send() {
  UploadSummary summary;
  std::deque<Chunk> pending(chunks_.begin(), chunks_.end());
  std::string body;
  while (!pending.empty()) {
    Chunk chunk = pending.front();
    pending.pop_front();
    if (Status sent = SendChunk(chunk, &pending, &summary, &body); !sent) {
      return std::unexpected(sent.error());
    }
  }

  if (summary.results != sarif_.result_count) {
    return MakeError("port upload to " + Destination() +
                     " is incomplete: " + std::to_string(summary.results) + " of " +
                     std::to_string(sarif_.result_count) + " results were sent");
  }
  log::Info(options_.dry_run_dir.empty() ? "port upload done" : "port dry run written",
            {{"destination", Destination()},
             {"requests", std::to_string(summary.requests)},
             {"results", std::to_string(summary.results)}});
  return summary;
}

}  // namespace leakscan
