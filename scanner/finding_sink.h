// FindingSink: the acceptance step between the Detector and the report
// writers. For each finding it computes the fingerprint, drops findings
// listed in .gitleaksignore or present in the baseline, and collects the
// rest. Sources call Accept from worker threads; TakeSorted returns the
// findings in an order that does not depend on the thread count.
// Pipeline position: sources -> Detector -> FindingSink -> reports.
// Covered by tests/scanner/finding_sink_test.cc and the baseline
// conformance group.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "scanner/baseline.h"
#include "scanner/finding.h"
#include "scanner/gitleaks_ignore.h"

namespace leakscan {

// Returns the Gitleaks fingerprint "COMMIT:FILE:RULEID:STARTLINE", or
// "FILE:RULEID:STARTLINE" when the finding has no commit.
std::string Fingerprint(const Finding& finding);

class FindingSink {
 public:
  // `ignore` and `baseline` may be null; both must outlive the sink.
  // `redacting` is true when the scan redacts secrets (--redact > 0), which
  // stops the baseline from comparing Match and Secret.
  FindingSink(const IgnoreSet* ignore, const Baseline* baseline, bool redacting);

  // Accepts the findings of one fragment. The order keys are the
  // fragment's position in the source's deterministic order; they should
  // be unique per fragment. Thread-safe.
  void Accept(std::vector<Finding> findings, uint64_t order_major, uint64_t order_minor);

  // Sets a callback run for every accepted finding (e.g. verbose printing).
  // It runs while the sink's lock is held, so callbacks never interleave;
  // it must not call back into the sink. Set it before scanning starts.
  void SetOnAccepted(std::function<void(const Finding&)> callback);

  // Keeps or drops each accepted finding's Line once the callback has run.
  // Only template reports read Line, and on a long single-line file every
  // Line is a whole fragment, so keeping them makes memory grow with the
  // number of findings. Default: kept.
  void SetKeepLine(bool keep);

  // Number of findings accepted so far.
  size_t count() const;

  // Returns all accepted findings sorted by (order_major, order_minor), then
  // by their order within the fragment, and empties the sink.
  std::vector<Finding> TakeSorted();

 private:
  struct Entry {
    uint64_t order_major;
    uint64_t order_minor;
    size_t index;  // Position within the fragment's findings.
    Finding finding;
  };

  bool IsIgnored(const Finding& finding) const;

  const IgnoreSet* ignore_;
  const Baseline* baseline_;
  bool redacting_;
  bool keep_line_ = true;
  std::function<void(const Finding&)> on_accepted_;
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace leakscan
