// Finding: one reported secret, with exactly the fields of a Gitleaks
// report. Produced by the Detector, completed (fingerprint) by the
// FindingSink, consumed by report and SARIF writers.
#pragma once

#include <string>
#include <vector>

namespace leakscan {

struct Finding {
  std::string rule_id;
  std::string description;
  int start_line = 0;
  int end_line = 0;
  int start_column = 0;
  int end_column = 0;
  std::string line;  // Not written to JSON/CSV/SARIF; templates and allowlists use it.
  std::string match;
  std::string secret;
  std::string file;
  std::string symlink_file;
  std::string commit;
  std::string link;
  float entropy = 0;
  std::string author;
  std::string email;
  std::string date;
  std::string message;
  std::vector<std::string> tags;
  std::string fingerprint;
  // Findings of the required rules that made a composite rule report.
  // Shown in verbose output only, never in reports.
  std::vector<Finding> required;
};

}  // namespace leakscan
