// Checks every rule of the built-in pack (rules/*.yaml) against its own
// data. The pack must load and compile, ids must be unique, and each rule
// needs a description and enough examples. Every positive example must be
// reported with the stated secret by a Detector over the full pack, so the
// keyword prefilter, entropy, allowlists and generic de-duplication all
// apply. No negative example may be reported by its rule. The pack's global
// allowlists are checked against Gitleaks' default-allowlist cases.
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/allowlist.h"
#include "rules/builtin_rules.h"
#include "scanner/entropy.h"
#include "tests/conformance/conformance.h"
#include "tests/rules/rule_pack_fixture.h"

namespace leakscan::rules_test {
namespace {

std::string AsciiLower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

// Rule keys as rules/README.md spells them. The loader ignores unknown
// keys, as Gitleaks does, so a misspelt key would silently drop data.
const std::set<std::string>& KnownRuleKeys() {
  static const std::set<std::string> keys = {"id",
                                             "description",
                                             "regex",
                                             "path",
                                             "secretGroup",
                                             "entropy",
                                             "keywords",
                                             "tags",
                                             "skipReport",
                                             "allowlists",
                                             "required",
                                             "examples",
                                             "negative_examples"};
  return keys;
}

TEST(RulePack, LoadsWithEveryPatternCompiled) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  ASSERT_FALSE(config->rules.empty());

  for (const auto& [id, rule] : config->rules) {
    EXPECT_TRUE(rule.regex.has_value() || rule.path.has_value()) << id;
    if (rule.regex) {
      ASSERT_NE(rule.compiled_regex, nullptr) << id;
      EXPECT_TRUE(rule.compiled_regex->ok()) << id << ": " << rule.compiled_regex->error();
    }
    if (rule.path) {
      ASSERT_NE(rule.compiled_path, nullptr) << id;
      EXPECT_TRUE(rule.compiled_path->ok()) << id << ": " << rule.compiled_path->error();
    }
  }
  EXPECT_FALSE(config->allowlists.empty()) << "rules/_global.yaml defines no global allowlist";
}

TEST(RulePack, RuleIdsAreUniqueAcrossFiles) {
  std::map<std::string, std::string> file_of_id;
  for (const BuiltinRuleFile& file : BuiltinRuleFiles()) {
    YAML::Node root = YAML::Load(std::string(file.yaml));
    for (const YAML::Node& rule : root["rules"]) {
      std::string id = rule["id"].as<std::string>();
      auto [it, inserted] = file_of_id.emplace(id, std::string(file.name));
      EXPECT_TRUE(inserted) << "rule id " << id << " is defined in " << it->second << " and in "
                            << file.name;
    }
  }
  EXPECT_FALSE(file_of_id.empty());

  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  EXPECT_EQ(config->rules.size(), file_of_id.size());
}

const std::set<std::string>& KnownAllowlistKeys() {
  static const std::set<std::string> keys = {"description", "condition",  "regexTarget",
                                             "regexes",     "paths",      "stopwords",
                                             "commits",     "targetRules"};
  return keys;
}

void ExpectKnownAllowlistKeys(const YAML::Node& allowlists, std::string_view where) {
  for (const YAML::Node& allowlist : allowlists) {
    for (const auto& entry : allowlist) {
      std::string key = entry.first.as<std::string>();
      EXPECT_TRUE(KnownAllowlistKeys().contains(key)) << where << ": unknown allowlist key " << key;
    }
  }
}

TEST(RulePack, RulesUseOnlyDocumentedKeys) {
  for (const BuiltinRuleFile& file : BuiltinRuleFiles()) {
    YAML::Node root = YAML::Load(std::string(file.yaml));
    for (const auto& entry : root) {
      std::string key = entry.first.as<std::string>();
      EXPECT_TRUE(key == "rules" || key == "allowlists")
          << file.name << ": unknown top-level key " << key;
    }
    ExpectKnownAllowlistKeys(root["allowlists"], std::string(file.name) + " global allowlists");
    for (const YAML::Node& rule : root["rules"]) {
      std::string where = std::string(file.name) + ": rule " + rule["id"].as<std::string>("?");
      for (const auto& entry : rule) {
        std::string key = entry.first.as<std::string>();
        EXPECT_TRUE(KnownRuleKeys().contains(key)) << where << " has unknown key " << key;
      }
      ExpectKnownAllowlistKeys(rule["allowlists"], where);
    }
  }
}

TEST(RulePack, KeywordsOccurInPositiveExamples) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  int checked = 0;
  for (const auto& [id, rule] : config->rules) {
    if (rule.keywords.empty()) continue;
    for (const RuleExample& example : rule.examples) {
      std::string lowered = AsciiLower(example.text);
      bool any = std::any_of(rule.keywords.begin(), rule.keywords.end(), [&](const std::string& k) {
        return lowered.find(k) != std::string::npos;
      });
      EXPECT_TRUE(any) << id << ": no keyword of the rule occurs in: " << example.text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(RulePack, ExampleSecretsExceedEntropyThresholds) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  int checked = 0;
  for (const auto& [id, rule] : config->rules) {
    if (rule.entropy == 0) continue;
    for (const RuleExample& example : rule.examples) {
      EXPECT_GT(ShannonEntropy(example.secret), rule.entropy) << id << ": " << example.secret;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

// A rule with both a path and a regex must not report its examples in a
// file its path regex does not match.
TEST(RulePack, PathRestrictionsAreEnforced) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  const Detector* detector = BuiltinDetector();
  ASSERT_NE(detector, nullptr);
  const std::string other_path = "docs/notes.md";
  int checked = 0;
  for (const auto& [id, rule] : config->rules) {
    if (!rule.regex || !rule.path) continue;
    ASSERT_FALSE(RE2::PartialMatch(other_path, *rule.compiled_path)) << id;
    for (const RuleExample& example : rule.examples) {
      EXPECT_TRUE(FindingsOfRule(*detector, rule, example.text, other_path).empty())
          << id << ": reported outside the rule's path: " << example.text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(RuleExamples, EveryRuleHasDescriptionAndExamples) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  for (const auto& [id, rule] : config->rules) {
    EXPECT_FALSE(rule.description.empty()) << id;
    EXPECT_GE(rule.examples.size(), 2u) << id;
    EXPECT_GE(rule.negative_examples.size(), 2u) << id;
  }
}

TEST(RuleExamples, PositiveExamplesAreReported) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  const Detector* detector = BuiltinDetector();
  ASSERT_NE(detector, nullptr);
  int checked = 0;
  for (const auto& [id, rule] : config->rules) {
    for (const RuleExample& example : rule.examples) {
      std::optional<std::string> path = ScanPath(rule, example.text);
      ASSERT_TRUE(path.has_value()) << id << ": its path regex matches no entry of kExamplePaths";
      std::vector<Finding> findings = FindingsOfRule(*detector, rule, example.text, *path);
      bool found = std::any_of(findings.begin(), findings.end(),
                               [&](const Finding& f) { return f.secret == example.secret; });
      std::string secrets;
      for (const Finding& finding : findings) secrets += " [" + finding.secret + "]";
      EXPECT_TRUE(found) << id << ": example not reported with secret [" << example.secret
                         << "]: " << example.text << "\nsecrets reported:" << secrets;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(RuleExamples, NegativeExamplesAreNotReported) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  const Detector* detector = BuiltinDetector();
  ASSERT_NE(detector, nullptr);
  int checked = 0;
  for (const auto& [id, rule] : config->rules) {
    for (const std::string& text : rule.negative_examples) {
      std::optional<std::string> path = ScanPath(rule, text);
      ASSERT_TRUE(path.has_value()) << id << ": its path regex matches no entry of kExamplePaths";
      std::vector<Finding> findings = FindingsOfRule(*detector, rule, text, *path);
      EXPECT_TRUE(findings.empty())
          << id << ": negative example reported with secret ["
          << (findings.empty() ? "" : findings[0].secret) << "]: " << text;
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

bool AnyGlobalAllowlist(const Config& config, bool check_paths, std::string_view value) {
  for (const Allowlist& allowlist : config.allowlists) {
    bool hit = check_paths ? PathAllowed(allowlist, value) : RegexAllowed(allowlist, value);
    if (hit) return true;
  }
  return false;
}

// The default_allowlist group lists values that Gitleaks' default global
// allowlist must and must not allow; the pack's global allowlists must
// return the same results.
TEST(GlobalAllowlists, AgreeWithDefaultAllowlistCases) {
  LEAKSCAN_REQUIRE_SHARED();
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  auto cases = conformance::LoadGroup("default_allowlist");
  int checked = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    std::string_view id = test_case["id"].get_string().value();
    std::string_view check = test_case["check"].get_string().value();
    std::string_view value = test_case["value"].get_string().value();
    bool expected = test_case["expected"].get_bool().value();
    ASSERT_TRUE(check == "regex_allowed" || check == "path_allowed") << id;

    EXPECT_EQ(AnyGlobalAllowlist(*config, check == "path_allowed", value), expected)
        << id << ": " << check << " on \"" << value << "\"";
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

// Values outside the conformance cases that the global allowlists must
// treat as Gitleaks does, including the case-insensitivity that Gitleaks
// gets from joining its patterns into one alternation.
TEST(GlobalAllowlists, MatchGitleaksJoinedPatternCaseRules) {
  const Config* config = BuiltinConfig();
  ASSERT_NE(config, nullptr);
  EXPECT_TRUE(AnyGlobalAllowlist(*config, false, "$MixedCase_Var"));
  EXPECT_TRUE(AnyGlobalAllowlist(*config, false, "x9FALSEq2"));
  EXPECT_TRUE(AnyGlobalAllowlist(*config, false, "%X"));
  EXPECT_FALSE(AnyGlobalAllowlist(*config, false, "q8Zr2vT5mK1w"));
  EXPECT_TRUE(AnyGlobalAllowlist(*config, true, "web/NODE_MODULES/pkg/index.js"));
  EXPECT_TRUE(AnyGlobalAllowlist(*config, true, "src/Go.Sum"));
  EXPECT_TRUE(AnyGlobalAllowlist(*config, true, "cfg/gitleaks.toml"));
  EXPECT_FALSE(AnyGlobalAllowlist(*config, true, "cfg/GITLEAKS.TOML"));
  EXPECT_FALSE(AnyGlobalAllowlist(*config, true, "src/main.go"));
}

}  // namespace
}  // namespace leakscan::rules_test
