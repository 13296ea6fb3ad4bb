#include "scanner/postprocess.h"

#include <string>

#include "scanner/redact.h"
#include "scanner/unicode_lower.h"

namespace leakscan {
namespace {

bool IsGeneric(const Finding& finding) {
  return ToLower(finding.rule_id).find("generic") != std::string::npos;
}

// Whether another finding on the same line and commit, from a non-generic
// rule, has a secret that contains the generic finding's secret.
bool HasBetterFinding(size_t generic_index, const std::vector<Finding>& findings,
                      const std::vector<bool>& generic) {
  const Finding& finding = findings[generic_index];
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& other = findings[i];
    if (!generic[i] && other.start_line == finding.start_line && other.commit == finding.commit &&
        other.rule_id != finding.rule_id &&
        other.secret.find(finding.secret) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

void PostProcessFindings(std::vector<Finding>* findings, int redact_percent) {
  std::vector<bool> generic(findings->size());
  for (size_t i = 0; i < findings->size(); ++i) generic[i] = IsGeneric((*findings)[i]);
  std::vector<bool> keep(findings->size(), true);
  for (size_t i = 0; i < findings->size(); ++i) {
    if (generic[i] && HasBetterFinding(i, *findings, generic)) keep[i] = false;
  }
  size_t kept_count = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    if (!keep[i]) continue;
    if (kept_count != i) (*findings)[kept_count] = std::move((*findings)[i]);
    ++kept_count;
  }
  findings->resize(kept_count);
  if (redact_percent <= 0) return;
  for (Finding& finding : *findings) {
    Redact(finding, redact_percent);
    for (Finding& required : finding.required) Redact(required, redact_percent);
  }
}

}  // namespace leakscan
