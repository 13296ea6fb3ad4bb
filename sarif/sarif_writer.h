// The `sarif` report format (SARIF 2.1.0), in two styles:
//
// * kGitleaks reproduces Gitleaks' SARIF byte for byte: driver "gitleaks"
//   with semanticVersion "v8.0.0", every configured rule in config order,
//   one result per finding with Gitleaks' message, location, snippet,
//   partialFingerprints (commitSha, email, author, date, commitMessage)
//   and tags. Path-only findings keep their 0 line and column numbers,
//   which SARIF does not allow.
// * kEnriched (the default) keeps every key and value of kGitleaks that is
//   valid SARIF and adds what GitHub code scanning and the SARIF validator
//   require. docs/report-formats.md lists each added or changed field.
//
// The CLI writes it for --report-format sarif, and the Port webhook client
// uploads the enriched form.
// Covered by tests/sarif/sarif_writer_test.cc and sarif_validator_test.cc.
#pragma once

#include <string>
#include <vector>

#include "scanner/finding.h"

namespace leakscan {

// One entry of tool.driver.rules: a configured rule in config order.
struct SarifRule {
  std::string id;
  std::string description;
};

enum class SarifStyle { kGitleaks, kEnriched };

struct SarifOptions {
  SarifStyle style = SarifStyle::kEnriched;
  // Written as tool.driver.version in the enriched style when non-empty.
  std::string tool_version;
  // Absolute directory that relative file paths are relative to (the
  // repository root, or the working directory of a dir scan). When set, the
  // enriched style declares it as the SRCROOT base of relative URIs.
  std::string source_root;
};

// Appends the SARIF log for `findings` to `*out`. `rules` is the config's
// rule list in config order (duplicates allowed).
void WriteSarif(const std::vector<Finding>& findings, const std::vector<SarifRule>& rules,
                const SarifOptions& options, std::string* out);

}  // namespace leakscan
