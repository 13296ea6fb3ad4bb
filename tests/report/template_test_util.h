// Helpers for the report template tests: sample findings and a one-call
// parse-and-execute that returns the output or the error message.
#pragma once

#include <string>
#include <vector>

#include "report/template/template.h"
#include "scanner/finding.h"

namespace leakscan::template_test {

inline std::vector<Finding> SampleFindings() {
  Finding first;
  first.rule_id = "demo-token";
  first.description = "Demo token";
  first.start_line = 2;
  first.end_line = 2;
  first.start_column = 15;
  first.end_column = 34;
  first.line = "\napi_token = \"tok_9fK2mQ7xLp4Rz8Wv\"";
  first.match = "tok_9fK2mQ7xLp4Rz8Wv";
  first.secret = "tok_9fK2mQ7xLp4Rz8Wv";
  first.file = "app/settings.py";
  first.entropy = 4.321928f;
  first.tags = {"demo", "token"};
  first.fingerprint = "app/settings.py:demo-token:2";
  Finding second;
  second.rule_id = "key-file";
  second.description = "Key <file> & more";
  second.match = "file detected: keys/id_rsa";
  second.file = "keys/id_rsa";
  second.commit = "0123456789abcdef0123456789abcdef01234567";
  second.link = "https://example.invalid/x?a=1&b=2";
  second.fingerprint = "0123456789abcdef0123456789abcdef01234567:keys/id_rsa:key-file:0";
  return {first, second};
}

// Returns the output, or "ERROR: <message>" when parsing or executing fails.
inline std::string Render(const std::string& text,
                          const std::vector<Finding>& findings = SampleFindings()) {
  auto parsed = ParseTemplate(text, "custom");
  if (!parsed) return "ERROR: " + parsed.error().message;
  std::string out;
  Status status = ExecuteTemplate(*parsed, findings, &out);
  if (!status) return "ERROR: " + status.error().message;
  return out;
}

}  // namespace leakscan::template_test
