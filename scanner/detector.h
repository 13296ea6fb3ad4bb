// Detector: runs the rule set over one Fragment (keyword prefilter, RE2
// matching, locations, secret groups, entropy, allowlists, gitleaks:allow,
// composite rules, decoding passes, generic de-duplication, redaction).
// Pipeline position: sources -> Detector -> FindingSink -> reports.
// Covered by tests/scanner/detector_test.cc and the fragment conformance
// groups.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "scanner/finding.h"
#include "scanner/fragment.h"
#include "util/error.h"

namespace leakscan {

struct DetectorOptions {
  int max_decode_depth = 5;      // 0 or less disables decoding.
  int max_target_megabytes = 0;  // 0 or less: no limit.
  bool ignore_gitleaks_allow = false;
  int redact_percent = 0;                  // 0: off, 100: "REDACTED".
  std::vector<std::string> enabled_rules;  // Empty: every rule.
  std::string config_path;                 // Fragments with exactly this path are skipped.
  std::string baseline_path;               // Same, for the baseline file (relative form).
  // Set to true to stop scanning between rules and decode passes.
  const std::atomic<bool>* cancelled = nullptr;
};

class Detector {
 public:
  // Fails when an --enable-rule id is not in the config.
  [[nodiscard]] static Result<std::unique_ptr<Detector>> Create(
      std::shared_ptr<const Config> config, DetectorOptions options);
  virtual ~Detector() = default;

  // Returns the findings of one fragment after de-duplication and
  // redaction, without fingerprints. Safe to call from many threads.
  [[nodiscard]] virtual std::vector<Finding> Detect(const Fragment& fragment) const = 0;

  virtual const Config& config() const = 0;
  virtual const DetectorOptions& options() const = 0;
};

}  // namespace leakscan
