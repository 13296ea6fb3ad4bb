// Allowlist evaluation for the Detector. Two stages: the commit/path check
// before a fragment (global allowlists) or a rule (rule allowlists) runs,
// and the finding check on each candidate finding (regexes on the regex
// target, stopwords on the secret, and for AND allowlists every configured
// check). The first allowlist that allows ends the evaluation. The single
// checks come from config/allowlist.h.
// Covered by tests/scanner/allowlist_check_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "config/config.h"
#include "scanner/fragment.h"

namespace leakscan {

// What a finding-level check looks at.
struct FindingTargets {
  std::string_view secret;
  std::string_view match;
  // The finding's Line in the first pass; in decode passes the line of the
  // decoded text around the decoded segments.
  std::string_view line;
};

// True when a commit/path check allows the whole fragment (or rule). AND
// allowlists with regexes or stopwords are left to FindingAllowed.
bool CommitOrPathAllowed(const Fragment& fragment, const std::vector<Allowlist>& allowlists);

// True when one of the allowlists allows the finding.
bool FindingAllowed(const Fragment& fragment, const FindingTargets& targets,
                    const std::vector<Allowlist>& allowlists);

}  // namespace leakscan
