#include "scanner/entropy.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "util/utf8.h"

namespace leakscan {
namespace {

double FrequencyTerm(size_t count, double inverse_length) {
  double frequency = static_cast<double>(count) * inverse_length;
  return frequency * std::log2(frequency);
}

}  // namespace

double ShannonEntropy(std::string_view text) {
  if (text.empty()) return 0;
  std::array<uint32_t, 128> ascii_counts{};
  thread_local std::vector<char32_t> other_runes;
  other_runes.clear();
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++ascii_counts[byte];
      ++pos;
      continue;
    }
    utf8::DecodedRune decoded = utf8::DecodeRune(text, pos);
    other_runes.push_back(decoded.rune);
    pos += static_cast<size_t>(decoded.width);
  }

  double inverse_length = 1.0 / static_cast<double>(text.size());
  double entropy = 0;
  for (uint32_t count : ascii_counts) {
    if (count > 0) entropy -= FrequencyTerm(count, inverse_length);
  }
  std::sort(other_runes.begin(), other_runes.end());
  for (size_t i = 0; i < other_runes.size();) {
    size_t run_end = i;
    while (run_end < other_runes.size() && other_runes[run_end] == other_runes[i]) ++run_end;
    entropy -= FrequencyTerm(run_end - i, inverse_length);
    i = run_end;
  }
  return entropy;
}

}  // namespace leakscan
