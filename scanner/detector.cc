#include "scanner/detector.h"

#include <algorithm>
#include <map>
#include <utility>

#include "scanner/allowlist_check.h"
#include "scanner/decoder.h"
#include "scanner/keyword_filter.h"
#include "scanner/postprocess.h"
#include "scanner/rule_runner.h"
#include "scanner/unicode_lower.h"

namespace leakscan {
namespace {

// Buffers reused by every Detect call on a thread.
struct ScanBuffers {
  std::string lowered;
  std::vector<uint8_t> keyword_present;
  std::vector<const Rule*> selected_rules;
  std::string current_text;
  std::string next_text;
  DecodeRounds rounds;
  std::vector<size_t> newlines;
};

class DetectorImpl final : public Detector {
 public:
  DetectorImpl(std::shared_ptr<const Config> config, DetectorOptions options,
               std::vector<const Rule*> rules);

  std::vector<Finding> Detect(const Fragment& fragment) const override;
  const Config& config() const override { return *config_; }
  const DetectorOptions& options() const override { return options_; }

 private:
  bool Cancelled() const {
    return options_.cancelled != nullptr && options_.cancelled->load(std::memory_order_relaxed);
  }
  bool SkipsFragment(const Fragment& fragment) const;
  // Runs every rule that passes the keyword prefilter on one pass. Returns
  // false when cancelled part-way.
  bool RunPass(const DetectionPass& pass, ScanBuffers& buffers, std::vector<Finding>* out) const;
  void SelectRules(std::string_view text, ScanBuffers& buffers) const;

  std::shared_ptr<const Config> config_;
  DetectorOptions options_;
  std::vector<const Rule*> rules_;
  std::map<std::string, const Rule*, std::less<>> rules_by_id_;
  // Keyword ids of rules_[i]; an empty list means the rule always runs.
  std::vector<std::vector<uint32_t>> rule_keywords_;
  std::unique_ptr<KeywordFilter> keyword_filter_;
  StopwordIndex stopwords_;
  RuleRunner runner_;
};

DetectorImpl::DetectorImpl(std::shared_ptr<const Config> config, DetectorOptions options,
                           std::vector<const Rule*> rules)
    : config_(std::move(config)),
      options_(std::move(options)),
      rules_(std::move(rules)),
      stopwords_(*config_),
      runner_(*config_, options_, rules_by_id_, stopwords_) {
  std::map<std::string, uint32_t> keyword_ids;
  std::vector<std::string> keywords;
  for (const Rule* rule : rules_) {
    rules_by_id_.emplace(rule->id, rule);
    std::vector<uint32_t>& ids = rule_keywords_.emplace_back();
    for (const std::string& keyword : rule->keywords) {
      std::string lowered = ToLower(keyword);
      auto [it, inserted] = keyword_ids.emplace(lowered, static_cast<uint32_t>(keywords.size()));
      if (inserted) keywords.push_back(lowered);
      ids.push_back(it->second);
    }
  }
  keyword_filter_ = std::make_unique<KeywordFilter>(keywords);
}

bool DetectorImpl::SkipsFragment(const Fragment& fragment) const {
  if (fragment.raw.empty() && fragment.file_path.empty()) return true;
  if (!fragment.file_path.empty() &&
      (fragment.file_path == options_.config_path ||
       (!options_.baseline_path.empty() && fragment.file_path == options_.baseline_path))) {
    return true;
  }
  return CommitOrPathAllowed(fragment, config_->allowlists);
}

void DetectorImpl::SelectRules(std::string_view text, ScanBuffers& buffers) const {
  if (!keyword_filter_->FindPresentInAscii(text, &buffers.keyword_present)) {
    ToLowerInto(text, &buffers.lowered);
    keyword_filter_->FindPresent(buffers.lowered, &buffers.keyword_present);
  }
  buffers.selected_rules.clear();
  for (size_t i = 0; i < rules_.size(); ++i) {
    const std::vector<uint32_t>& ids = rule_keywords_[i];
    bool run = ids.empty() || std::any_of(ids.begin(), ids.end(), [&](uint32_t id) {
                 return buffers.keyword_present[id] != 0;
               });
    if (run) buffers.selected_rules.push_back(rules_[i]);
  }
}

bool DetectorImpl::RunPass(const DetectionPass& pass, ScanBuffers& buffers,
                           std::vector<Finding>* out) const {
  SelectRules(pass.text, buffers);
  for (const Rule* rule : buffers.selected_rules) {
    if (Cancelled()) return false;
    runner_.Run(*rule, pass, /*required_evaluation=*/false, out);
  }
  return true;
}

std::vector<Finding> DetectorImpl::Detect(const Fragment& fragment) const {
  std::vector<Finding> findings;
  if (SkipsFragment(fragment)) return findings;

  thread_local ScanBuffers buffers;
  buffers.rounds.clear();
  bool newlines_ready = false;
  DetectionPass pass;
  pass.fragment = &fragment;
  pass.text = fragment.raw;
  pass.rounds = &buffers.rounds;
  pass.newlines = &buffers.newlines;
  pass.newlines_ready = &newlines_ready;

  for (int completed = 0;;) {
    if (Cancelled() || !RunPass(pass, buffers, &findings)) break;
    ++completed;
    if (completed > options_.max_decode_depth) break;
    if (!DecodeRound(pass.text, &buffers.rounds, &buffers.next_text)) break;
    buffers.current_text.swap(buffers.next_text);
    pass.text = buffers.current_text;
  }

  PostProcessFindings(&findings, options_.redact_percent);
  return findings;
}

}  // namespace

Result<std::unique_ptr<Detector>> Detector::Create(std::shared_ptr<const Config> config,
                                                   DetectorOptions options) {
  if (!config) return MakeError("detector: no config given");
  std::vector<const Rule*> rules;
  if (options.enabled_rules.empty()) {
    for (const auto& [id, rule] : config->rules) rules.push_back(&rule);
  } else {
    for (const std::string& id : options.enabled_rules) {
      auto it = config->rules.find(id);
      if (it == config->rules.end())
        return MakeError("Requested rule " + id + " not found in rules");
      if (std::find(rules.begin(), rules.end(), &it->second) == rules.end()) {
        rules.push_back(&it->second);
      }
    }
  }
  return std::unique_ptr<Detector>(
      std::make_unique<DetectorImpl>(std::move(config), std::move(options), std::move(rules)));
}

}  // namespace leakscan
