// A SARIF report prepared for upload to Port: parsed once with simdjson,
// each result and each rule serialised (and redacted) once, and the rest of
// the document kept as a body template with holes for the chunk's rules,
// results and request id. chunk_plan.h splits the results into requests.
// Covered by tests/port/sarif_document_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"

namespace leakscan {

// Run property that carries the request id. Port's requestIdentifierPath
// for it is `.body.runs[0].properties.leakscanRequestId`.
inline constexpr std::string_view kRequestIdProperty = "leakscanRequestId";
inline constexpr size_t kRequestIdSize = 36;  // A UUID in 8-4-4-4-12 form.

enum class BodyHole { kNone, kRules, kResults, kRequestId };

// Fixed text of a body template, followed by the hole (if any) that a chunk fills.
struct BodyPiece {
  std::string text;
  BodyHole hole = BodyHole::kNone;
};

// One run of the report. Each request carries results of a single run, as
// the document's only run (Port's mapping reads runs[0]).
struct PreparedRun {
  std::vector<BodyPiece> envelope;
  std::vector<std::string> rules;    // tool.driver.rules entries, compact JSON.
  std::vector<std::string> results;  // results entries, compact and redacted.
  // For each result, the indices in `rules` whose id equals its ruleId.
  std::vector<std::vector<size_t>> rules_of_result;
  // Size of the envelope with no rules, no results and a request id.
  size_t envelope_size = 0;
};

struct PreparedSarif {
  std::vector<PreparedRun> runs;
  size_t result_count = 0;  // Over all runs.
};

// Parses a SARIF document and prepares it for upload. Unless
// `include_secret`, results are redacted (redaction.h). A result's
// `ruleIndex` is dropped because requests carry only some rules; a result
// without `ruleId` gets the id of the rule its index named. Errors start
// with "invalid SARIF:" and name the JSON path.
[[nodiscard]] Result<PreparedSarif> PrepareSarif(std::string_view sarif_json, bool include_secret);

}  // namespace leakscan
