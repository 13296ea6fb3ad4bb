// Helpers shared by the Port upload tests: findings and SARIF reports made
// with the SARIF writer, and a scripted HttpTransport that records what the
// upload sends and responds from a queue.
#pragma once

#include <simdjson.h>

#include <chrono>
#include <deque>
#include <string>
#include <vector>

#include "port/http_transport.h"
#include "port/port_upload.h"
#include "sarif/sarif_writer.h"
#include "scanner/finding.h"

namespace leakscan::port_test {

// Returns the secret planted in TestFinding(index); distinct for every index.
std::string TestSecret(int index);

// A git-mode finding of rule "rule-<index % rule_count>" in
// "src/file-<index % 7>.py" whose commit message also contains its secret.
Finding TestFinding(int index, int rule_count = 5);
std::vector<Finding> TestFindings(int count, int rule_count = 5);

// Rules "rule-0" .. "rule-<count-1>" plus one that no finding uses.
std::vector<SarifRule> TestRules(int count = 5);

std::string TestSarif(const std::vector<Finding>& findings, SarifStyle style, int rule_count = 5);

struct RecordedRequest {
  std::string url;
  std::vector<HttpHeader> headers;
  std::string body;

  // Returns the value of header `name`, or "" when absent.
  std::string Header(std::string_view name) const;
};

// Returns the next scripted result for each Post (202 once the script is
// empty) and records every request.
class ScriptedTransport : public HttpTransport {
 public:
  void Answer(long status, std::string retry_after = "");
  void FailNetwork(std::string message, bool retryable);
  // Responds with 413 to every body larger than `bytes` (after the script).
  void RejectBodiesOver(size_t bytes) { reject_over_ = bytes; }

  TransportResult Post(const HttpRequest& request) override;

  std::vector<RecordedRequest> requests;

 private:
  std::deque<TransportResult> script_;
  size_t reject_over_ = 0;
};

// Hooks that record sleeps instead of sleeping, use a fixed jitter value and
// a fixed clock, and send through `transport`.
UploadHooks RecordingHooks(HttpTransport* transport, std::vector<std::chrono::milliseconds>* sleeps,
                           double jitter = 0.5, std::time_t now = 1'700'000'000);

// Parses `json` with `parser`; fails the current test when it is invalid.
simdjson::dom::element ParseJson(simdjson::dom::parser& parser, const std::string& json);

// Returns runs[0].results of a SARIF body.
simdjson::dom::array ResultsOf(simdjson::dom::element sarif);

}  // namespace leakscan::port_test
