// Compares the built-in pack with Gitleaks 8.30's default rules, read from
// the reference TOML in the shared material. Every Gitleaks rule id must
// exist in the pack. Gitleaks' rule of the same id must report every
// positive example of the pack, which shows the examples are real
// instances of Gitleaks' formats. The pack must report everything
// Gitleaks' rules report in the conformance test data. All tests skip
// without the shared material.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "config/loader.h"
#include "scanner/fragment.h"
#include "tests/conformance/conformance.h"
#include "tests/rules/rule_pack_fixture.h"

namespace leakscan::rules_test {
namespace {

namespace fs = std::filesystem;

std::string ReferencePath() {
  return *conformance::SharedDir() + "/reference/gitleaks-default.toml";
}

// Rule ids of the reference TOML, read from its `id = "..."` lines so this
// check does not depend on the TOML loader.
std::vector<std::string> ReferenceIds() {
  std::ifstream in(ReferencePath());
  std::vector<std::string> ids;
  static const std::regex kIdLine(R"re(^id = "([^"]+)"\s*$)re");
  std::string line;
  std::smatch match;
  while (std::getline(in, line)) {
    if (std::regex_match(line, match, kIdLine)) ids.push_back(match[1]);
  }
  return ids;
}

// The pack is written by two people, split alphabetically by rule id:
// part 1 owns ids up to heroku-*, part 2 the rest.
bool InPartOne(const std::string& id) { return id < "heroku-~"; }

void ExpectIdsInPack(bool part_one) {
  LEAKSCAN_REQUIRE_SHARED();
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  std::vector<std::string> ids = ReferenceIds();
  ASSERT_FALSE(ids.empty()) << "no rule ids found in " << ReferencePath();

  int checked = 0;
  for (const std::string& id : ids) {
    if (InPartOne(id) != part_one) continue;
    EXPECT_TRUE(config->rules.contains(id))
        << "Gitleaks rule " << id << " is missing from the pack";
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(RuleCoverage, GitleaksIdsUpToHerokuExist) { ExpectIdsInPack(true); }

TEST(RuleCoverage, GitleaksIdsFromHuggingfaceExist) { ExpectIdsInPack(false); }

struct ReferencePack {
  std::shared_ptr<const Config> config;
  std::unique_ptr<Detector> detector;
  std::string error;  // Empty when both loaded.
};

// Loads the reference TOML and a Detector over it, once per test binary.
const ReferencePack& LoadReference() {
  static const ReferencePack* const pack = [] {
    auto* loaded = new ReferencePack;
    Result<Config> config = LoadConfigFile(ReferencePath());
    if (!config) {
      loaded->error = "loading " + ReferencePath() + " failed: " + config.error().message;
      return loaded;
    }
    loaded->config = std::make_shared<const Config>(std::move(*config));
    Result<std::unique_ptr<Detector>> detector = Detector::Create(loaded->config, {});
    if (!detector) {
      loaded->error = "creating a Detector over the reference failed: " + detector.error().message;
      return loaded;
    }
    loaded->detector = std::move(*detector);
    return loaded;
  }();
  return *pack;
}

TEST(RuleCoverage, GitleaksReportsPositiveExamplesOfSharedIds) {
  LEAKSCAN_REQUIRE_SHARED();
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  const ReferencePack& reference = LoadReference();
  ASSERT_TRUE(reference.error.empty()) << reference.error;

  int checked = 0;
  for (const auto& [id, rule] : config->rules) {
    auto ref_rule = reference.config->rules.find(id);
    if (ref_rule == reference.config->rules.end()) continue;  // A rule beyond Gitleaks.
    for (const RuleExample& example : rule.examples) {
      std::string path = ScanPath(rule, example.text).value_or("");
      std::vector<Finding> findings =
          FindingsOfRule(*reference.detector, ref_rule->second, example.text, path);
      bool found = std::any_of(findings.begin(), findings.end(),
                               [&](const Finding& f) { return f.secret == example.secret; });
      EXPECT_TRUE(found) << id << ": Gitleaks' rule does not report [" << example.secret
                         << "] in: " << example.text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

// A pack rule that drops a Gitleaks keyword, raises the entropy threshold
// or changes the path restriction would miss findings Gitleaks makes.
TEST(RuleCoverage, SharedIdsKeepGitleaksKeywordsAndThresholds) {
  LEAKSCAN_REQUIRE_SHARED();
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  const ReferencePack& reference = LoadReference();
  ASSERT_TRUE(reference.error.empty()) << reference.error;

  int checked = 0;
  for (const auto& [id, ref_rule] : reference.config->rules) {
    auto it = config->rules.find(id);
    if (it == config->rules.end()) continue;  // Reported by the id coverage tests.
    const Rule& rule = it->second;
    for (const std::string& keyword : ref_rule.keywords) {
      EXPECT_NE(std::find(rule.keywords.begin(), rule.keywords.end(), keyword), rule.keywords.end())
          << id << ": Gitleaks keyword " << keyword << " is missing";
    }
    EXPECT_LE(rule.entropy, ref_rule.entropy)
        << id << ": entropy threshold is higher than Gitleaks'";
    EXPECT_EQ(rule.path, ref_rule.path) << id << ": path restriction differs from Gitleaks'";
    EXPECT_EQ(rule.regex.has_value(), ref_rule.regex.has_value()) << id;
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

// A finding reduced to what must agree between the two rule sets.
using FindingKey = std::tuple<std::string, std::string, int, std::string>;

FindingKey KeyOf(const Finding& finding) {
  return {finding.file, finding.rule_id, finding.start_line, finding.secret};
}

// Gitleaks findings in the test data that the pack drops on purpose, each
// with the reason. The pack must report every other one.
const std::map<FindingKey, std::string>& IntendedDrops() {
  static const std::map<FindingKey, std::string> drops = {};
  return drops;
}

bool LooksBinary(const std::string& content) { return content.find('\0', 0) != std::string::npos; }

// Scans every text file under the conformance test data (git metadata
// excluded) as one fragment per file.
std::multiset<FindingKey> ScanTestdata(const Detector& detector, const fs::path& root) {
  std::multiset<FindingKey> keys;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && it->path().filename() == "dotGit") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->file_size() > (1 << 20)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (content.empty() || LooksBinary(content)) continue;

    Fragment fragment;
    fragment.raw = content;
    fragment.file_path = fs::relative(it->path(), root).generic_string();
    fragment.start_line = 1;
    for (const Finding& finding : detector.Detect(fragment)) keys.insert(KeyOf(finding));
  }
  return keys;
}

// Whether a generic-api-key finding of Gitleaks is replaced in `actual` by
// a finding of another rule on the same line whose secret contains it. The
// generic de-duplication then drops the generic finding, which happens
// when a rule beyond Gitleaks recognises the value.
bool CoveredByNonGenericRule(const FindingKey& key, const std::multiset<FindingKey>& actual) {
  const auto& [file, rule_id, line, secret] = key;
  if (rule_id.find("generic") == std::string::npos) return false;
  return std::any_of(actual.begin(), actual.end(), [&](const FindingKey& other) {
    const auto& [other_file, other_rule, other_line, other_secret] = other;
    return other_file == file && other_line == line &&
           other_rule.find("generic") == std::string::npos &&
           other_secret.find(secret) != std::string::npos;
  });
}

TEST(RuleCoverage, PackReportsWhatGitleaksReportsInTestdata) {
  LEAKSCAN_REQUIRE_SHARED();
  const Detector* pack = BuiltinDetector();
  ASSERT_NE(pack, nullptr);
  const ReferencePack& reference = LoadReference();
  ASSERT_TRUE(reference.error.empty()) << reference.error;

  fs::path root = fs::path(*conformance::SharedDir()) / "conformance" / "testdata";
  std::multiset<FindingKey> expected = ScanTestdata(*reference.detector, root);
  std::multiset<FindingKey> actual = ScanTestdata(*pack, root);
  ASSERT_FALSE(expected.empty()) << "Gitleaks' rules report nothing in " << root;

  std::set<FindingKey> dropped_on_purpose;
  for (const FindingKey& key : expected) {
    const auto& [file, rule_id, line, secret] = key;
    if (IntendedDrops().contains(key)) {
      EXPECT_FALSE(actual.contains(key))
          << "listed as dropped but reported: " << file << ":" << rule_id << ":" << line;
      dropped_on_purpose.insert(key);
      continue;
    }
    EXPECT_TRUE(actual.contains(key) || CoveredByNonGenericRule(key, actual))
        << "the pack misses " << file << ":" << rule_id << ":" << line << " [" << secret << "]";
  }
  EXPECT_EQ(dropped_on_purpose.size(), IntendedDrops().size())
      << "an intended drop no longer occurs in the test data; remove it from the list";
}

}  // namespace
}  // namespace leakscan::rules_test
