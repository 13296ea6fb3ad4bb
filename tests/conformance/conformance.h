// Helpers shared by the conformance tests: locating the reference
// material, loading a group of cases, and comparing findings the way the
// corpus README prescribes (multiset, ignored fields, entropy tolerance).
// Tests that need the material skip with a message when it is absent.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

#include "scanner/finding.h"

namespace leakscan::conformance {

// Returns the shared reference folder (LEAKSCAN_SHARED_DIR in the
// environment, else the path configured at build time), or nullopt when it
// does not contain conformance/cases.
std::optional<std::string> SharedDir();

// Returns "<shared>/conformance/cases", the folder every case path is
// relative to.
std::string CasesDir();

// Parses cases/<group>.json; the document outlives every element taken
// from it.
struct CaseFile {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
};
std::unique_ptr<CaseFile> LoadGroup(const std::string& group);

// Changes the working directory to CasesDir() for the lifetime of the
// object, because case paths and expected values depend on it.
class CasesWorkingDir {
 public:
  CasesWorkingDir();
  ~CasesWorkingDir();
  CasesWorkingDir(const CasesWorkingDir&) = delete;
  CasesWorkingDir& operator=(const CasesWorkingDir&) = delete;

 private:
  std::string previous_;
};

// Copies a fixture repository (working files and dotGit) into a new
// temporary folder, renames dotGit to .git and returns the copy's path.
std::string CopyFixtureRepo(const std::string& repo_path);

// Compares actual findings with the case's expected_findings as a
// multiset, honouring compare.ignore_fields and compare.entropy. Returns an
// empty string on success, else a readable description of the mismatch.
std::string CompareFindings(simdjson::dom::element test_case, const std::vector<Finding>& actual);

// Converts a JSON finding object (Gitleaks report keys) to a Finding.
Finding FindingFromJson(simdjson::dom::object object);

}  // namespace leakscan::conformance

// Skips the current test when the reference material is absent.
#define LEAKSCAN_REQUIRE_SHARED()                                                      \
  do {                                                                                 \
    if (!::leakscan::conformance::SharedDir()) {                                       \
      GTEST_SKIP() << "reference material not found (set LEAKSCAN_SHARED_DIR or "      \
                      "place shared/ next to the checkout); conformance test skipped"; \
    }                                                                                  \
  } while (0)
