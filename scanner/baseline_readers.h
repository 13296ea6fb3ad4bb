// Readers for the three baseline formats, used by Baseline::Parse. Each
// returns the entries or the reason the text is not a valid file of that
// format (without the file name, which Baseline::Parse adds).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scanner/baseline.h"
#include "util/error.h"

namespace leakscan::baseline_internal {

// A Gitleaks JSON report: an array of finding objects or null. Keys match
// case-insensitively, unknown keys are ignored, missing keys and nulls are
// zero values, and any type mismatch rejects the file (as Go's
// encoding/json does). The error text is empty: Gitleaks gives no reason.
[[nodiscard]] Result<std::vector<BaselineEntry>> ReadJsonBaseline(std::string_view content);

// A CSV report whose header row starts with "RuleID,". Columns are found by
// header name; Description and Entropy are not in CSV and not compared.
[[nodiscard]] Result<std::vector<BaselineEntry>> ReadCsvBaseline(std::string_view content);

// A SARIF log (a JSON object with "runs"). Descriptions come from each
// run's driver rules; Match and Entropy are not in SARIF and not compared.
[[nodiscard]] Result<std::vector<BaselineEntry>> ReadSarifBaseline(std::string_view content);

}  // namespace leakscan::baseline_internal
