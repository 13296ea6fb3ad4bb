// KeywordFilter: the rule prefilter. An Aho-Corasick automaton over the
// lower-cased rule keywords reports which keywords occur anywhere in a
// pass's lower-cased text, overlaps included. Rules whose keywords are all
// absent are not run. ASCII letters match either case, so ASCII text needs
// no lower-cased copy. Built once per Detector, read-only afterwards.
// Covered by tests/scanner/keyword_filter_test.cc.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace leakscan {

class KeywordFilter {
 public:
  // Keyword i gets id i. Empty keywords are never reported present.
  explicit KeywordFilter(const std::vector<std::string>& keywords);

  size_t keyword_count() const { return keyword_count_; }

  // Resizes *present to keyword_count() and sets present[i] to 1 when
  // keyword i occurs in `text`, else 0. Non-ASCII text must already be
  // lower-cased (Go's strings.ToLower).
  void FindPresent(std::string_view text, std::vector<uint8_t>* present) const;

  // FindPresent for text that is not lower-cased: returns false, leaving
  // *present unspecified, as soon as it meets a non-ASCII byte.
  bool FindPresentInAscii(std::string_view text, std::vector<uint8_t>* present) const;

  // True when any keyword occurs in `text`; stops at the first one.
  bool ContainsAny(std::string_view text) const;

 private:
  void AddKeyword(std::string_view keyword, uint32_t id, std::vector<std::vector<int32_t>>* trie,
                  std::vector<std::vector<uint32_t>>* outputs);
  void BuildTransitions(const std::vector<std::vector<int32_t>>& trie,
                        std::vector<std::vector<uint32_t>>* outputs);

  size_t keyword_count_ = 0;
  // Bytes that occur in no keyword share class 0.
  std::array<uint16_t, 256> byte_class_{};
  size_t class_count_ = 1;
  // transitions_[state * class_count_ + class] is the next state.
  std::vector<uint32_t> transitions_;
  // Keyword ids that end at a state: output_ids_[output_begin_[s] .. output_begin_[s + 1]).
  std::vector<uint32_t> output_begin_;
  std::vector<uint32_t> output_ids_;
};

}  // namespace leakscan
