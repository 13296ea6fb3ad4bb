// Runs Microsoft's SARIF Multitool (through the shared sarif-validate
// script, with GitHub code scanning's upload rules) on enriched SARIF for
// realistic findings. Skips when the script is missing or cannot install
// the tool (exit code 2).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/conformance/conformance.h"
#include "tests/report/sample_findings.h"
#include "tests/sarif/sarif_test_util.h"

namespace leakscan {
namespace {

namespace fs = std::filesystem;
using testing::DirFinding;
using testing::GitFinding;

std::vector<Finding> RealisticFindings() {
  std::vector<Finding> findings = {DirFinding(), GitFinding()};

  Finding key_file;  // Path-only rule: line and columns are 0.
  key_file.rule_id = "pkcs12-file";
  key_file.description = "Found a PKCS #12 file, which commonly contain bundled private keys.";
  key_file.match = "file detected: certs/prod store.p12";
  key_file.file = "certs/prod store.p12";
  key_file.tags = {"file"};
  findings.push_back(key_file);

  Finding private_key = GitFinding();  // Runs into an unterminated last line.
  private_key.rule_id = "private-key";
  private_key.description =
      "Identified a Private Key, which may compromise cryptographic "
      "security and sensitive data encryption.";
  private_key.start_line = 1;
  private_key.end_line = 1;
  private_key.start_column = 1;
  private_key.end_column = 0;
  private_key.file = "keys/caf\xc3\xa9 #1/id_rsa";
  private_key.secret = "-----BEGIN PRIVATE KEY-----\nMIIEvQ==\n-----END PRIVATE KEY-----";
  private_key.match = private_key.secret;
  findings.push_back(private_key);

  Finding archived = DirFinding();
  archived.file = "../testdata/archives/nested.tar.gz!archives/files.zip!files/api.go";
  archived.rule_id = "unconfigured-rule";
  archived.description = "";
  findings.push_back(archived);

  Finding absolute = DirFinding();
  absolute.file = "/tmp/scan/settings 100%.py";
  absolute.secret = "REDACTED";
  findings.push_back(absolute);

  Finding linked = DirFinding();
  linked.file = "source/id_ed25519";
  linked.symlink_file = "link/id_ed25519";
  findings.push_back(linked);

  Finding from_stdin = DirFinding();
  from_stdin.file.clear();
  from_stdin.fingerprint = ":demo-token:2";
  findings.push_back(from_stdin);
  return findings;
}

std::vector<SarifRule> RealisticRules() {
  return {{"demo-token", "Demo token"},
          {"private-key", "Identified a Private Key"},
          {"pkcs12-file", ""},
          {"demo-token", "Demo token"}};
}

// Runs `command` and returns its exit status, with its output in `output`.
int RunCommand(const std::string& command, std::string* output) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return -1;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output->append(buffer, read);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Document {
  std::string name;
  std::string text;
};

// Writes `documents` to a temporary folder and runs the validator on them;
// returns its exit status (2: the tool could not be installed).
int Validate(const std::string& validator, const std::vector<Document>& documents,
             std::string* output) {
  fs::path dir = fs::temp_directory_path() / ("leakscan-sarif-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string command = validator;
  for (const Document& document : documents) {
    std::ofstream((dir / document.name).string(), std::ios::binary) << document.text;
    command += " '" + (dir / document.name).string() + "'";
  }
  int status = RunCommand(command, output);
  fs::remove_all(dir);
  return status;
}

class SarifValidatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    LEAKSCAN_REQUIRE_SHARED();
    validator_ = *conformance::SharedDir() + "/tools/sarif-validate";
    if (!fs::exists(validator_)) GTEST_SKIP() << "no SARIF validator at " << validator_;
  }

  std::string validator_;
};

TEST_F(SarifValidatorTest, EnrichedSarifHasNoErrorsOrWarnings) {
  std::vector<Document> documents = {
      {"realistic.sarif",
       testing::Sarif(RealisticFindings(), RealisticRules(), SarifStyle::kEnriched)},
      {"with-root.sarif",
       testing::Sarif(RealisticFindings(), RealisticRules(), SarifStyle::kEnriched, "/work/repo")},
      {"empty.sarif", testing::Sarif({}, {}, SarifStyle::kEnriched)},
  };
  std::string output;
  int status = Validate(validator_, documents, &output);
  if (status == 2) GTEST_SKIP() << "SARIF validator could not be installed: " << output;
  EXPECT_EQ(status, 0) << output;
}

// Gitleaks' own layout breaks GitHub's rules (no rule help, 0 line numbers,
// raw paths), so the validator must report it; this proves the check works.
TEST_F(SarifValidatorTest, GitleaksStyleIsReported) {
  std::vector<Document> documents = {
      {"gitleaks.sarif",
       testing::Sarif(RealisticFindings(), RealisticRules(), SarifStyle::kGitleaks)},
  };
  std::string output;
  int status = Validate(validator_, documents, &output);
  if (status == 2) GTEST_SKIP() << "SARIF validator could not be installed: " << output;
  EXPECT_EQ(status, 1) << output;
  EXPECT_NE(output.find("startLine: 0 is less than the minimum"), std::string::npos) << output;
}

}  // namespace
}  // namespace leakscan
