#include "scanner/keyword_filter.h"

#include <deque>

namespace leakscan {

KeywordFilter::KeywordFilter(const std::vector<std::string>& keywords)
    : keyword_count_(keywords.size()) {
  for (const std::string& keyword : keywords) {
    for (unsigned char c : keyword) {
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      if (byte_class_[c] == 0) byte_class_[c] = static_cast<uint16_t>(class_count_++);
    }
  }
  // Upper-case ASCII letters share the class of their lower-case form.
  for (int c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[c - 'A' + 'a'];
  std::vector<std::vector<int32_t>> trie(1, std::vector<int32_t>(class_count_, -1));
  std::vector<std::vector<uint32_t>> outputs(1);
  for (size_t id = 0; id < keywords.size(); ++id) {
    if (!keywords[id].empty()) AddKeyword(keywords[id], static_cast<uint32_t>(id), &trie, &outputs);
  }
  BuildTransitions(trie, &outputs);
}

void KeywordFilter::AddKeyword(std::string_view keyword, uint32_t id,
                               std::vector<std::vector<int32_t>>* trie,
                               std::vector<std::vector<uint32_t>>* outputs) {
  size_t state = 0;
  for (unsigned char c : keyword) {
    int32_t& next = (*trie)[state][byte_class_[c]];
    if (next < 0) {
      next = static_cast<int32_t>(trie->size());
      trie->emplace_back(class_count_, -1);
      outputs->emplace_back();
    }
    state = static_cast<size_t>((*trie)[state][byte_class_[c]]);
  }
  (*outputs)[state].push_back(id);
}

// Turns the trie into a complete DFA (missing edges follow failure links)
// and merges each state's outputs with those of its failure state.
void KeywordFilter::BuildTransitions(const std::vector<std::vector<int32_t>>& trie,
                                     std::vector<std::vector<uint32_t>>* outputs) {
  size_t state_count = trie.size();
  transitions_.assign(state_count * class_count_, 0);
  std::vector<uint32_t> failure(state_count, 0);
  std::deque<uint32_t> queue;
  for (size_t c = 0; c < class_count_; ++c) {
    int32_t child = trie[0][c];
    if (child > 0) {
      transitions_[c] = static_cast<uint32_t>(child);
      queue.push_back(static_cast<uint32_t>(child));
    }
  }
  while (!queue.empty()) {
    uint32_t state = queue.front();
    queue.pop_front();
    const std::vector<uint32_t>& inherited = (*outputs)[failure[state]];
    (*outputs)[state].insert((*outputs)[state].end(), inherited.begin(), inherited.end());
    for (size_t c = 0; c < class_count_; ++c) {
      int32_t child = trie[state][c];
      uint32_t fallback = transitions_[failure[state] * class_count_ + c];
      if (child > 0) {
        failure[child] = fallback;
        transitions_[state * class_count_ + c] = static_cast<uint32_t>(child);
        queue.push_back(static_cast<uint32_t>(child));
      } else {
        transitions_[state * class_count_ + c] = fallback;
      }
    }
  }
  output_begin_.reserve(state_count + 1);
  for (const std::vector<uint32_t>& ids : *outputs) {
    output_begin_.push_back(static_cast<uint32_t>(output_ids_.size()));
    output_ids_.insert(output_ids_.end(), ids.begin(), ids.end());
  }
  output_begin_.push_back(static_cast<uint32_t>(output_ids_.size()));
}

void KeywordFilter::FindPresent(std::string_view text, std::vector<uint8_t>* present) const {
  present->assign(keyword_count_, 0);
  if (output_ids_.empty()) return;
  uint32_t state = 0;
  const uint32_t* transitions = transitions_.data();
  for (unsigned char c : text) {
    state = transitions[state * class_count_ + byte_class_[c]];
    uint32_t begin = output_begin_[state];
    uint32_t end = output_begin_[state + 1];
    for (uint32_t i = begin; i < end; ++i) (*present)[output_ids_[i]] = 1;
  }
}

bool KeywordFilter::FindPresentInAscii(std::string_view text, std::vector<uint8_t>* present) const {
  present->assign(keyword_count_, 0);
  if (output_ids_.empty()) return true;
  uint32_t state = 0;
  const uint32_t* transitions = transitions_.data();
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
    state = transitions[state * class_count_ + byte_class_[c]];
    uint32_t begin = output_begin_[state];
    uint32_t end = output_begin_[state + 1];
    for (uint32_t i = begin; i < end; ++i) (*present)[output_ids_[i]] = 1;
  }
  return true;
}

bool KeywordFilter::ContainsAny(std::string_view text) const {
  if (output_ids_.empty()) return false;
  uint32_t state = 0;
  for (unsigned char c : text) {
    state = transitions_[state * class_count_ + byte_class_[c]];
    if (output_begin_[state] != output_begin_[state + 1]) return true;
  }
  return false;
}

}  // namespace leakscan
