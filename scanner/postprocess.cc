#include "scanner/postprocess.h"

#include <string>

#include "scanner/redact.h"
#include "scanner/unicode_lower.h"

namespace leakscan {
namespace {

bool IsGeneric(const Finding& finding) {
  return ToLower(finding.rule_id).find("generic") != std::string::npos;
}

bool HasBetterFinding(const Finding& generic, const std::vector<Finding>& findings) {
  for (const Finding& other : findings) {
    if (other.start_line == generic.start_line && other.commit == generic.commit &&
        other.rule_id != generic.rule_id &&
        other.secret.find(generic.secret) != std::string::npos && !IsGeneric(other)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void PostProcessFindings(std::vector<Finding>* findings, int redact_percent) {
  std::vector<bool> keep(findings->size(), true);
  for (size_t i = 0; i < findings->size(); ++i) {
    const Finding& finding = (*findings)[i];
    if (IsGeneric(finding) && HasBetterFinding(finding, *findings)) keep[i] = false;
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
