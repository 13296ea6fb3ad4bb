// RuleRunner: applies one rule to one detection pass of a fragment, the
// inner step of the Detector. Checks skipReport, the rule's commit/path
// allowlists and its path regex, then walks the regex matches: position
// (mapped back to the original text in decode passes), gitleaks:allow,
// secret group, entropy, global and rule allowlists. Composite rules then
// evaluate their required rules on the same pass.
// Covered by tests/scanner/rule_runner_test.cc and the fragment
// conformance groups.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "scanner/allowlist_check.h"
#include "scanner/decode_segment.h"
#include "scanner/detector.h"
#include "scanner/finding.h"
#include "scanner/fragment.h"

namespace leakscan {

// Marker that suppresses findings on its line.
inline constexpr std::string_view kGitleaksAllowMarker = "gitleaks:allow";

// One detection pass over a fragment: pass 0 scans the fragment text, pass
// k >= 1 the text after k decoding rounds.
struct DetectionPass {
  const Fragment* fragment = nullptr;
  std::string_view text;
  const DecodeRounds* rounds = nullptr;  // Empty in pass 0.
  // Offsets of '\n' in fragment->raw; filled on first use.
  std::vector<size_t>* newlines = nullptr;
  bool* newlines_ready = nullptr;

  bool decoded() const { return rounds != nullptr && !rounds->empty(); }
};

class RuleRunner {
 public:
  // `active_rules` maps the ids of the enabled rules; it and `stopwords`
  // must outlive the runner.
  RuleRunner(const Config& config, const DetectorOptions& options,
             const std::map<std::string, const Rule*, std::less<>>& active_rules,
             const StopwordIndex& stopwords);

  // Appends the findings of `rule` on `pass` to *out. A required evaluation
  // (for a composite rule) ignores skipReport and the rule's own required
  // entries.
  void Run(const Rule& rule, const DetectionPass& pass, bool required_evaluation,
           std::vector<Finding>* out) const;

 private:
  bool PathMatches(const Rule& rule, const Fragment& fragment) const;
  void AddPathFinding(const Rule& rule, const Fragment& fragment, std::vector<Finding>* out) const;
  void HandleMatch(const Rule& rule, const DetectionPass& pass, size_t start, size_t end,
                   std::vector<Finding>* out) const;
  void ApplyRequired(const Rule& rule, const DetectionPass& pass, std::vector<Finding>* out,
                     size_t first_primary) const;

  const Config& config_;
  const DetectorOptions& options_;
  const std::map<std::string, const Rule*, std::less<>>& active_rules_;
  const StopwordIndex& stopwords_;
};

// Copies file, symlink and commit metadata of `fragment` into *finding.
void FillFragmentFields(const Fragment& fragment, Finding* finding);

}  // namespace leakscan
