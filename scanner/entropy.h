// Shannon entropy of a secret as Gitleaks computes it: symbols are code
// points (invalid UTF-8 bytes count as U+FFFD) but each frequency divides
// by the byte length, so non-ASCII text scores lower than the textbook
// value ("é" gives 0.5). Covered by tests/scanner/entropy_test.cc.
#pragma once

#include <string_view>

namespace leakscan {

// Returns the entropy in bits; 0 for an empty string. Findings store it as
// float; rule thresholds compare against this double value.
double ShannonEntropy(std::string_view text);

}  // namespace leakscan
