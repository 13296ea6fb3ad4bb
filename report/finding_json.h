// The JSON object of one finding, with Gitleaks' report keys in Gitleaks'
// order. The JSON report writes it with one-space indentation and the
// JUnit report embeds it with tab indentation.
// Covered by tests/report/json_writer_test.cc and junit_writer_test.cc.
#pragma once

#include "report/pretty_json.h"
#include "scanner/finding.h"

namespace leakscan {

// Writes `finding` as one object: RuleID, Description, StartLine, EndLine,
// StartColumn, EndColumn, Match, Secret, File, SymlinkFile, Commit, Link
// (only when non-empty), Entropy, Author, Email, Date, Message, Tags,
// Fingerprint. `Line` and the required findings are never written.
void WriteFindingObject(const Finding& finding, PrettyJson* json);

}  // namespace leakscan
