#include "port/chunk_plan.h"

#include <algorithm>

namespace leakscan {
namespace {

// Tracks the body size of a chunk while results are added to it.
class ChunkSizer {
 public:
  explicit ChunkSizer(const PreparedRun& run) : run_(run), rule_used_(run.rules.size(), false) {
    Reset();
  }

  // Returns how many bytes adding result `index` would add to the body.
  size_t GrowthFor(size_t index) const {
    size_t growth = run_.results[index].size() + (result_count_ > 0 ? 1 : 0);
    size_t rule_count = rule_count_;
    for (size_t rule : run_.rules_of_result[index]) {
      if (rule_used_[rule]) continue;
      growth += run_.rules[rule].size() + (rule_count > 0 ? 1 : 0);
      ++rule_count;
    }
    return growth;
  }

  void Add(size_t index) {
    size_ += GrowthFor(index);
    ++result_count_;
    for (size_t rule : run_.rules_of_result[index]) {
      if (rule_used_[rule]) continue;
      rule_used_[rule] = true;
      touched_rules_.push_back(rule);
      ++rule_count_;
    }
  }

  void Reset() {
    for (size_t rule : touched_rules_) rule_used_[rule] = false;
    touched_rules_.clear();
    size_ = run_.envelope_size;
    result_count_ = 0;
    rule_count_ = 0;
  }

  size_t size() const { return size_; }
  size_t result_count() const { return result_count_; }

 private:
  const PreparedRun& run_;
  std::vector<bool> rule_used_;
  std::vector<size_t> touched_rules_;
  size_t size_ = 0;
  size_t result_count_ = 0;
  size_t rule_count_ = 0;
};

// Appends the comma-separated JSON texts `items[indices...]` to `body`.
void AppendJoined(const std::vector<std::string>& items, const std::vector<size_t>& indices,
                  std::string* body) {
  for (size_t i = 0; i < indices.size(); ++i) {
    if (i > 0) *body += ',';
    *body += items[indices[i]];
  }
}

}  // namespace

std::vector<Chunk> PlanChunks(const PreparedSarif& sarif, size_t max_body_bytes,
                              size_t max_results) {
  std::vector<Chunk> chunks;
  for (size_t run_index = 0; run_index < sarif.runs.size(); ++run_index) {
    const PreparedRun& run = sarif.runs[run_index];
    ChunkSizer sizer(run);
    Chunk current{run_index, 0, 0};
    for (size_t i = 0; i < run.results.size(); ++i) {
      bool full =
          sizer.result_count() >= max_results || sizer.size() + sizer.GrowthFor(i) > max_body_bytes;
      if (sizer.result_count() > 0 && full) {
        chunks.push_back(current);
        current = Chunk{run_index, i, i};
        sizer.Reset();
      }
      sizer.Add(i);
      current.end = i + 1;
    }
    if (current.size() > 0) chunks.push_back(current);
  }
  return chunks;
}

std::pair<Chunk, Chunk> HalveChunk(const Chunk& chunk) {
  size_t middle = chunk.begin + (chunk.size() + 1) / 2;
  return {Chunk{chunk.run, chunk.begin, middle}, Chunk{chunk.run, middle, chunk.end}};
}

std::vector<size_t> RulesUsed(const PreparedRun& run, const Chunk& chunk) {
  std::vector<size_t> rules;
  for (size_t i = chunk.begin; i < chunk.end; ++i) {
    rules.insert(rules.end(), run.rules_of_result[i].begin(), run.rules_of_result[i].end());
  }
  std::sort(rules.begin(), rules.end());
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  return rules;
}

size_t BodySize(const PreparedSarif& sarif, const Chunk& chunk) {
  const PreparedRun& run = sarif.runs[chunk.run];
  ChunkSizer sizer(run);
  for (size_t i = chunk.begin; i < chunk.end; ++i) sizer.Add(i);
  return sizer.size();
}

void BuildBody(const PreparedSarif& sarif, const Chunk& chunk, std::string_view request_id,
               std::string* body) {
  const PreparedRun& run = sarif.runs[chunk.run];
  std::vector<size_t> results(chunk.size());
  for (size_t i = 0; i < results.size(); ++i) results[i] = chunk.begin + i;

  body->clear();
  body->reserve(BodySize(sarif, chunk));
  for (const BodyPiece& piece : run.envelope) {
    *body += piece.text;
    switch (piece.hole) {
      case BodyHole::kRules:
        AppendJoined(run.rules, RulesUsed(run, chunk), body);
        break;
      case BodyHole::kResults:
        AppendJoined(run.results, results, body);
        break;
      case BodyHole::kRequestId:
        *body += request_id;
        break;
      case BodyHole::kNone:
        break;
    }
  }
}

}  // namespace leakscan
