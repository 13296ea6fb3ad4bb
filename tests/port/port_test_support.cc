#include "port_test_support.h"

#include <gtest/gtest.h>

namespace leakscan::port_test {

std::string TestSecret(int index) { return "tok_" + std::to_string(index) + "_Zq8vLx2Wm9Kp4Rt7"; }

Finding TestFinding(int index, int rule_count) {
  Finding finding;
  finding.rule_id = "rule-" + std::to_string(index % rule_count);
  finding.description = "Test rule " + std::to_string(index % rule_count);
  finding.start_line = 3 + index % 11;
  finding.end_line = finding.start_line;
  finding.start_column = 9;
  finding.secret = TestSecret(index);
  finding.end_column = finding.start_column + static_cast<int>(finding.secret.size()) - 1;
  finding.match = "token = \"" + finding.secret + "\"";
  finding.line = finding.match;
  finding.file = "src/file-" + std::to_string(index % 7) + ".py";
  finding.commit = "0123456789abcdef0123456789abcdef0123" + std::to_string(1000 + index % 9000);
  finding.author = "Jane Roe";
  finding.email = "jane@example.org";
  finding.date = "2024-05-06T07:08:09Z";
  finding.message = "add token " + finding.secret;
  finding.tags = {"test"};
  finding.fingerprint = finding.commit + ":" + finding.file + ":" + finding.rule_id + ":" +
                        std::to_string(finding.start_line);
  return finding;
}

std::vector<Finding> TestFindings(int count, int rule_count) {
  std::vector<Finding> findings;
  for (int i = 0; i < count; ++i) findings.push_back(TestFinding(i, rule_count));
  return findings;
}

std::vector<SarifRule> TestRules(int count) {
  std::vector<SarifRule> rules;
  for (int i = 0; i < count; ++i) {
    rules.push_back({"rule-" + std::to_string(i), "Test rule " + std::to_string(i)});
  }
  rules.push_back({"unused-rule", "A rule no finding uses"});
  return rules;
}

std::string TestSarif(const std::vector<Finding>& findings, SarifStyle style, int rule_count) {
  SarifOptions options;
  options.style = style;
  options.tool_version = "0.1.0";
  std::string sarif;
  WriteSarif(findings, TestRules(rule_count), options, &sarif);
  return sarif;
}

std::string RecordedRequest::Header(std::string_view name) const {
  for (const HttpHeader& header : headers) {
    if (header.name == name) return header.value;
  }
  return "";
}

void ScriptedTransport::Answer(long status, std::string retry_after) {
  script_.push_back(HttpResponse{status, std::move(retry_after)});
}

void ScriptedTransport::FailNetwork(std::string message, bool retryable) {
  script_.push_back(std::unexpected(TransportError{std::move(message), retryable}));
}

TransportResult ScriptedTransport::Post(const HttpRequest& request) {
  requests.push_back({request.url, request.headers, std::string(request.body)});
  if (!script_.empty()) {
    TransportResult next = std::move(script_.front());
    script_.pop_front();
    return next;
  }
  if (reject_over_ > 0 && request.body.size() > reject_over_) return HttpResponse{413, ""};
  return HttpResponse{202, ""};
}

UploadHooks RecordingHooks(HttpTransport* transport, std::vector<std::chrono::milliseconds>* sleeps,
                           double jitter, std::time_t now) {
  UploadHooks hooks;
  hooks.transport = transport;
  hooks.sleep = [sleeps](std::chrono::milliseconds delay) { sleeps->push_back(delay); };
  hooks.random_unit = [jitter] { return jitter; };
  hooks.now = [now] { return now; };
  return hooks;
}

simdjson::dom::element ParseJson(simdjson::dom::parser& parser, const std::string& json) {
  simdjson::dom::element root;
  simdjson::error_code error = parser.parse(json).get(root);
  EXPECT_EQ(error, simdjson::SUCCESS) << "invalid JSON: " << json.substr(0, 200);
  return root;
}

simdjson::dom::array ResultsOf(simdjson::dom::element sarif) {
  simdjson::dom::array results;
  EXPECT_EQ(sarif.at_pointer("/runs/0/results").get(results), simdjson::SUCCESS);
  return results;
}

}  // namespace leakscan::port_test
