// Composite rules: a rule with [[rules.required]] entries keeps a finding
// only when, for every entry, the required rule found something within the
// entry's line/column proximity in the same fragment and pass. The
// qualifying required findings are attached to the kept finding (shown in
// verbose output only). Covered by tests/scanner/composite_test.cc.
#pragma once

#include <vector>

#include "config/config.h"
#include "scanner/finding.h"

namespace leakscan {

// True when `required` is close enough to `primary` for `entry`: no limits
// set means anywhere in the fragment.
bool WithinProximity(const Finding& primary, const Finding& required, const RequiredRule& entry);

// Keeps the primaries that satisfy every entry and attaches the qualifying
// findings to them. required_findings[i] contains the findings of entries[i]'s
// rule, or is null when that rule is not active (the entry then cannot be
// satisfied).
void ApplyRequiredFindings(const std::vector<RequiredRule>& entries,
                           const std::vector<const std::vector<Finding>*>& required_findings,
                           std::vector<Finding>* primaries);

}  // namespace leakscan
