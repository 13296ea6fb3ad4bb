#include "scanner/composite.h"

#include <cstdlib>
#include <string>

namespace leakscan {
namespace {

bool HasFindingOfRule(const std::vector<Finding>& findings, const std::string& rule_id) {
  for (const Finding& finding : findings) {
    if (finding.rule_id == rule_id) return true;
  }
  return false;
}

}  // namespace

bool WithinProximity(const Finding& primary, const Finding& required, const RequiredRule& entry) {
  if (entry.within_lines &&
      std::abs(primary.start_line - required.start_line) > *entry.within_lines) {
    return false;
  }
  if (entry.within_columns &&
      std::abs(primary.start_column - required.start_column) > *entry.within_columns) {
    return false;
  }
  return true;
}

void ApplyRequiredFindings(const std::vector<RequiredRule>& entries,
                           const std::vector<const std::vector<Finding>*>& required_findings,
                           std::vector<Finding>* primaries) {
  std::vector<Finding> satisfied_primaries;
  for (Finding& primary : *primaries) {
    std::vector<Finding> attached;
    for (size_t i = 0; i < entries.size(); ++i) {
      if (required_findings[i] == nullptr) continue;
      for (const Finding& candidate : *required_findings[i]) {
        if (WithinProximity(primary, candidate, entries[i])) attached.push_back(candidate);
      }
    }
    bool satisfied = !attached.empty();
    for (const RequiredRule& entry : entries) {
      satisfied = satisfied && HasFindingOfRule(attached, entry.id);
    }
    if (!satisfied) continue;
    primary.required = std::move(attached);
    satisfied_primaries.push_back(std::move(primary));
  }
  primaries->swap(satisfied_primaries);
}

}  // namespace leakscan
