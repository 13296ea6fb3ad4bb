// Allowlist evaluation for the Detector. Two stages: the commit/path check
// before a fragment (global allowlists) or a rule (rule allowlists) runs,
// and the finding check on each candidate finding (regexes on the regex
// target, stopwords on the secret, and for AND allowlists every configured
// check). The first allowlist that allows ends the evaluation. The single
// checks come from config/allowlist.h.
// Covered by tests/scanner/allowlist_check_test.cc.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "scanner/fragment.h"
#include "scanner/keyword_filter.h"

namespace leakscan {

// The texts a finding-level check looks at.
struct FindingTargets {
  std::string_view secret;
  std::string_view match;
  // The finding's Line in the first pass; in decode passes the line of the
  // decoded text around the decoded segments.
  std::string_view line;
};

// Automata over the stopwords of every allowlist in a config, so checking a
// secret against a long stopword list is one pass over the secret.
class StopwordIndex {
 public:
  explicit StopwordIndex(const Config& config);

  // Whether `secret` contains one of the allowlist's stopwords, ignoring
  // case (Go's strings.ToLower). An empty secret never does.
  bool Contains(const Allowlist& allowlist, std::string_view secret) const;

 private:
  void Add(const Allowlist& allowlist);

  std::unordered_map<const Allowlist*, std::unique_ptr<KeywordFilter>> filters_;
};

// True when a commit/path check allows the whole fragment (or rule). AND
// allowlists with regexes or stopwords are left to FindingAllowed.
bool CommitOrPathAllowed(const Fragment& fragment, const std::vector<Allowlist>& allowlists);

// True when one of the allowlists allows the finding. `stopwords` must
// index `allowlists`' config.
bool FindingAllowed(const Fragment& fragment, const FindingTargets& targets,
                    const std::vector<Allowlist>& allowlists, const StopwordIndex& stopwords);

}  // namespace leakscan
