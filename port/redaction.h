// Redaction of SARIF results before upload. The secret of a finding sits in
// region.snippet.text (Gitleaks' SARIF layout); copies may also sit in other
// strings such as a commit message. Unless --port-include-secret is given,
// every snippet text becomes REDACTED and every other occurrence of a
// snippet text inside the same result is replaced by REDACTED too.
// Covered by tests/port/redaction_test.cc.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "port/json_writer.h"

namespace leakscan {

inline constexpr std::string_view kRedactedText = "REDACTED";

// Returns the `text` of every `snippet` object anywhere inside `result`,
// without empty texts and texts that already read REDACTED.
std::vector<std::string> CollectSnippetTexts(simdjson::dom::element result);

// Returns `text` with every occurrence of any of `secrets` replaced by
// REDACTED; `secrets` must be sorted longest first so that a secret
// containing another is replaced whole.
std::string RedactSecrets(std::string_view text, const std::vector<std::string>& secrets);

// String filter for one result: snippet texts become REDACTED, other
// strings lose any occurrence of the result's secrets. Object keys are not
// changed.
class SecretRedactingFilter : public JsonStringFilter {
 public:
  explicit SecretRedactingFilter(std::vector<std::string> secrets);
  void AppendString(std::string_view parent_key, std::string_view key, std::string_view value,
                    std::string* out) const override;

 private:
  std::vector<std::string> secrets_;  // Longest first.
};

}  // namespace leakscan
