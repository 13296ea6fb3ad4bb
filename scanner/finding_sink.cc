#include "scanner/finding_sink.h"

#include <algorithm>
#include <utility>

namespace leakscan {

std::string Fingerprint(const Finding& finding) {
  std::string global =
      finding.file + ":" + finding.rule_id + ":" + std::to_string(finding.start_line);
  if (finding.commit.empty()) return global;
  return finding.commit + ":" + global;
}

FindingSink::FindingSink(const IgnoreSet* ignore, const Baseline* baseline, bool redacting)
    : ignore_(ignore), baseline_(baseline), redacting_(redacting) {}

void FindingSink::SetOnAccepted(std::function<void(const Finding&)> callback) {
  std::lock_guard<std::mutex> lock(mutex_);
  on_accepted_ = std::move(callback);
}

void FindingSink::SetKeepLine(bool keep) {
  std::lock_guard<std::mutex> lock(mutex_);
  keep_line_ = keep;
}

// A "FILE:RULEID:STARTLINE" entry suppresses the finding in every commit;
// a full fingerprint suppresses it in one commit only.
bool FindingSink::IsIgnored(const Finding& finding) const {
  if (ignore_ == nullptr) return false;
  if (finding.commit.empty()) return ignore_->Contains(finding.fingerprint);
  std::string_view global(finding.fingerprint);
  global.remove_prefix(finding.commit.size() + 1);
  return ignore_->Contains(global) || ignore_->Contains(finding.fingerprint);
}

void FindingSink::Accept(std::vector<Finding> findings, uint64_t order_major,
                         uint64_t order_minor) {
  for (size_t i = 0; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    finding.fingerprint = Fingerprint(finding);
    if (IsIgnored(finding)) continue;
    if (baseline_ != nullptr && baseline_->Contains(finding, redacting_)) continue;

    std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_back(Entry{order_major, order_minor, i, std::move(finding)});
    Finding& stored = entries_.back().finding;
    if (on_accepted_) on_accepted_(stored);
    if (!keep_line_) {
      std::string().swap(stored.line);
      for (Finding& required : stored.required) std::string().swap(required.line);
    }
  }
}

size_t FindingSink::count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

std::vector<Finding> FindingSink::TakeSorted() {
  std::vector<Entry> entries;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    entries.swap(entries_);
  }
  // Stable, so findings of fragments that share order keys keep their
  // arrival order.
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.order_major != b.order_major) return a.order_major < b.order_major;
    if (a.order_minor != b.order_minor) return a.order_minor < b.order_minor;
    return a.index < b.index;
  });
  std::vector<Finding> sorted;
  sorted.reserve(entries.size());
  for (Entry& entry : entries) sorted.push_back(std::move(entry.finding));
  return sorted;
}

}  // namespace leakscan
