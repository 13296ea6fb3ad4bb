#include "sarif/sarif_writer.h"

#include <gtest/gtest.h>

#include "sarif/result_fingerprint.h"
#include "tests/report/sample_findings.h"
#include "tests/sarif/sarif_test_util.h"

namespace leakscan {
namespace {

using testing::DirFinding;
using testing::GitFinding;
using testing::Has;
using testing::Int;
using testing::ParsedSarif;
using testing::Sarif;
using testing::Str;

const std::vector<SarifRule> kRules = {{"aws-access-key", "AWS Access Key"},
                                       {"demo-token", "Demo token"}};

Finding PathOnlyFinding() {
  Finding f;
  f.rule_id = "key-file";
  f.description = "Key file";
  f.match = "file detected: keys/id_rsa";
  f.file = "keys/id_rsa";
  f.fingerprint = "keys/id_rsa:key-file:0";
  return f;
}

TEST(GitleaksSarifTest, EmptyLogHasEmptyRulesAndResults) {
  EXPECT_EQ(Sarif({}, {}, SarifStyle::kGitleaks),
            "{\n"
            " \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
            " \"version\": \"2.1.0\",\n"
            " \"runs\": [\n"
            "  {\n"
            "   \"tool\": {\n"
            "    \"driver\": {\n"
            "     \"name\": \"gitleaks\",\n"
            "     \"semanticVersion\": \"v8.0.0\",\n"
            "     \"informationUri\": \"https://github.com/gitleaks/gitleaks\",\n"
            "     \"rules\": []\n"
            "    }\n"
            "   },\n"
            "   \"results\": []\n"
            "  }\n"
            " ]\n"
            "}\n");
}

TEST(GitleaksSarifTest, DirFindingResultMatchesGitleaksLayout) {
  std::string out = Sarif({DirFinding()}, kRules, SarifStyle::kGitleaks);
  std::string expected_result =
      "   \"results\": [\n"
      "    {\n"
      "     \"message\": {\n"
      "      \"text\": \"demo-token has detected secret for file app/settings.py.\"\n"
      "     },\n"
      "     \"ruleId\": \"demo-token\",\n"
      "     \"locations\": [\n"
      "      {\n"
      "       \"physicalLocation\": {\n"
      "        \"artifactLocation\": {\n"
      "         \"uri\": \"app/settings.py\"\n"
      "        },\n"
      "        \"region\": {\n"
      "         \"startLine\": 2,\n"
      "         \"startColumn\": 15,\n"
      "         \"endLine\": 2,\n"
      "         \"endColumn\": 34,\n"
      "         \"snippet\": {\n"
      "          \"text\": \"tok_9fK2mQ7xLp4Rz8Wv\"\n"
      "         }\n"
      "        }\n"
      "       }\n"
      "      }\n"
      "     ],\n"
      "     \"partialFingerprints\": {\n"
      "      \"commitSha\": \"\",\n"
      "      \"email\": \"\",\n"
      "      \"author\": \"\",\n"
      "      \"date\": \"\",\n"
      "      \"commitMessage\": \"\"\n"
      "     },\n"
      "     \"properties\": {\n"
      "      \"tags\": [\n"
      "       \"demo\"\n"
      "      ]\n"
      "     }\n"
      "    }\n"
      "   ]\n";
  EXPECT_NE(out.find(expected_result), std::string::npos) << out;
}

TEST(GitleaksSarifTest, KeepsDuplicateRulesAndRawValues) {
  Finding path_only = PathOnlyFinding();
  path_only.symlink_file = "links/my key";
  std::vector<SarifRule> rules = {{"dup", "First"}, {"dup", "First"}, {"empty", ""}};
  ParsedSarif sarif(Sarif({path_only}, rules, SarifStyle::kGitleaks));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  EXPECT_EQ(Str(sarif.Rule(0)["id"]), "dup");
  EXPECT_EQ(Str(sarif.Rule(1)["id"]), "dup");
  EXPECT_EQ(Str(sarif.Rule(2)["shortDescription"]["text"]), "");
  EXPECT_EQ(Str(sarif.Result(0)["locations"].at(0)["physicalLocation"]["artifactLocation"]["uri"]),
            "links/my key");
  EXPECT_EQ(Int(sarif.Region(0)["startLine"]), 0);
  EXPECT_EQ(Int(sarif.Region(0)["startColumn"]), 0);
  EXPECT_EQ(Int(sarif.Region(0)["endLine"]), 0);
  EXPECT_EQ(Int(sarif.Region(0)["endColumn"]), 0);
  EXPECT_FALSE(Has(sarif.Result(0)["level"]));
  EXPECT_FALSE(Has(sarif.Run()["columnKind"]));
}

TEST(GitleaksSarifTest, GitFindingMessageNamesCommit) {
  ParsedSarif sarif(Sarif({GitFinding()}, kRules, SarifStyle::kGitleaks));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  EXPECT_EQ(Str(sarif.Result(0)["message"]["text"]),
            "demo-token has detected secret for file app/settings.py at commit "
            "0123456789abcdef0123456789abcdef01234567.");
}

// Checks that every value in `gitleaks` appears at the same place in
// `enriched`; arrays are compared element by element.
void ExpectContains(simdjson::dom::element gitleaks, simdjson::dom::element enriched,
                    const std::string& path) {
  if (gitleaks.is_object()) {
    ASSERT_TRUE(enriched.is_object()) << path;
    for (auto [key, value] : gitleaks.get_object()) {
      simdjson::dom::element other;
      ASSERT_EQ(enriched[key].get(other), simdjson::SUCCESS) << path << "." << key << " missing";
      ExpectContains(value, other, path + "." + std::string(key));
    }
    return;
  }
  if (gitleaks.is_array()) {
    ASSERT_TRUE(enriched.is_array()) << path;
    simdjson::dom::array mine = gitleaks.get_array();
    simdjson::dom::array theirs = enriched.get_array();
    ASSERT_EQ(mine.size(), theirs.size()) << path;
    for (size_t i = 0; i < mine.size(); ++i) {
      ExpectContains(mine.at(i).value(), theirs.at(i).value(),
                     path + "[" + std::to_string(i) + "]");
    }
    return;
  }
  EXPECT_EQ(simdjson::to_string(gitleaks), simdjson::to_string(enriched)) << path;
}

TEST(EnrichedSarifTest, KeepsEveryGitleaksValueOfOrdinaryFindings) {
  std::vector<Finding> findings = {DirFinding(), GitFinding()};
  ParsedSarif gitleaks(Sarif(findings, kRules, SarifStyle::kGitleaks));
  ParsedSarif enriched(Sarif(findings, kRules, SarifStyle::kEnriched));
  ASSERT_EQ(gitleaks.error, simdjson::SUCCESS);
  ASSERT_EQ(enriched.error, simdjson::SUCCESS);
  ExpectContains(gitleaks.root, enriched.root, "$");
}

TEST(EnrichedSarifTest, ProvidesFieldsThePortMappingReads) {
  ParsedSarif sarif(Sarif({GitFinding()}, kRules, SarifStyle::kEnriched));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  simdjson::dom::element result = sarif.Result(0);
  EXPECT_EQ(Str(result["ruleId"]), "demo-token");
  EXPECT_EQ(Str(result["message"]["text"]),
            "demo-token has detected secret for file app/settings.py at commit "
            "0123456789abcdef0123456789abcdef01234567.");
  simdjson::dom::element location = result["locations"].at(0)["physicalLocation"];
  EXPECT_EQ(Str(location["artifactLocation"]["uri"]), "app/settings.py");
  EXPECT_EQ(Int(location["region"]["startLine"]), 2);
  simdjson::dom::element fingerprints = result["partialFingerprints"];
  EXPECT_EQ(Str(fingerprints["commitSha"]), "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(Str(fingerprints["email"]), "jane@example.org");
  EXPECT_EQ(Str(fingerprints["author"]), "Jane Roe");
  EXPECT_EQ(Str(fingerprints["date"]), "2024-05-06T07:08:09Z");
  EXPECT_EQ(Str(fingerprints["commitMessage"]), "Add settings, part 1");
}

TEST(EnrichedSarifTest, AddsRuleMetadataAndToolVersion) {
  ParsedSarif sarif(Sarif({DirFinding()}, kRules, SarifStyle::kEnriched));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  EXPECT_EQ(Str(sarif.Run()["tool"]["driver"]["version"]), "1.2.3");
  EXPECT_EQ(Str(sarif.Run()["columnKind"]), "utf16CodeUnits");
  simdjson::dom::element rule = sarif.Rule(1);
  EXPECT_EQ(Str(rule["id"]), "demo-token");
  EXPECT_EQ(Str(rule["shortDescription"]["text"]), "Demo token");
  EXPECT_EQ(Str(rule["fullDescription"]["text"]), "Demo token");
  EXPECT_NE(Str(rule["help"]["text"]).find("rotate"), std::string::npos);
  EXPECT_NE(Str(rule["help"]["markdown"]).find("`demo-token`"), std::string::npos);
  EXPECT_EQ(Str(rule["defaultConfiguration"]["level"]), "error");
  EXPECT_EQ(Str(rule["properties"]["tags"].at(0)), "security");
}

TEST(EnrichedSarifTest, ResultsPointAtTheirRules) {
  Finding unconfigured = DirFinding();
  unconfigured.rule_id = "custom-rule";
  unconfigured.description = "Custom";
  ParsedSarif sarif(Sarif({DirFinding(), unconfigured}, kRules, SarifStyle::kEnriched));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  EXPECT_EQ(Int(sarif.Result(0)["ruleIndex"]), 1);
  EXPECT_EQ(Str(sarif.Result(0)["level"]), "error");
  EXPECT_EQ(Int(sarif.Result(1)["ruleIndex"]), 2);
  EXPECT_EQ(Str(sarif.Rule(2)["id"]), "custom-rule");
  EXPECT_EQ(Str(sarif.Rule(2)["shortDescription"]["text"]), "Custom");
}

TEST(EnrichedSarifTest, DropsRepeatedRuleIdsAndFillsEmptyDescriptions) {
  std::vector<SarifRule> rules = {{"dup", "First"}, {"dup", "First"}, {"empty", ""}};
  ParsedSarif sarif(Sarif({}, rules, SarifStyle::kEnriched));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  simdjson::dom::array list = sarif.Run()["tool"]["driver"]["rules"].get_array();
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(Str(sarif.Rule(0)["id"]), "dup");
  EXPECT_EQ(Str(sarif.Rule(1)["id"]), "empty");
  EXPECT_EQ(Str(sarif.Rule(1)["shortDescription"]["text"]),
            "Possible secret matched by rule empty.");
}

TEST(EnrichedSarifTest, PathOnlyFindingPointsAtLineOne) {
  ParsedSarif sarif(Sarif({PathOnlyFinding()}, kRules, SarifStyle::kEnriched));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  simdjson::dom::element region = sarif.Region(0);
  EXPECT_EQ(Int(region["startLine"]), 1);
  EXPECT_FALSE(Has(region["startColumn"]));
  EXPECT_FALSE(Has(region["endLine"]));
  EXPECT_FALSE(Has(region["endColumn"]));
  EXPECT_EQ(Str(region["snippet"]["text"]), "");
}

TEST(EnrichedSarifTest, OmitsInvalidEndColumns) {
  Finding zero_end = DirFinding();  // A key running into an unterminated last line.
  zero_end.end_column = 0;
  Finding reversed = DirFinding();
  reversed.start_column = 20;
  reversed.end_column = 5;
  Finding multi_line = DirFinding();
  multi_line.end_line = 4;
  multi_line.end_column = 5;
  ParsedSarif sarif(Sarif({zero_end, reversed, multi_line}, kRules, SarifStyle::kEnriched));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  EXPECT_FALSE(Has(sarif.Region(0)["endColumn"]));
  EXPECT_EQ(Int(sarif.Region(0)["startColumn"]), 15);
  EXPECT_FALSE(Has(sarif.Region(1)["endColumn"]));
  EXPECT_EQ(Int(sarif.Region(2)["endLine"]), 4);
  EXPECT_EQ(Int(sarif.Region(2)["endColumn"]), 5);
}

TEST(EnrichedSarifTest, UrisAreValidReferences) {
  Finding spaced = DirFinding();
  spaced.file = "my docs/a#1.env";
  Finding absolute = DirFinding();
  absolute.file = "/srv/app/.env";
  Finding linked = DirFinding();
  linked.symlink_file = "link to/key";
  ParsedSarif sarif(Sarif({spaced, absolute, linked}, kRules, SarifStyle::kEnriched));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  auto uri = [&](size_t i) {
    return Str(sarif.Result(i)["locations"].at(0)["physicalLocation"]["artifactLocation"]["uri"]);
  };
  EXPECT_EQ(uri(0), "my%20docs/a%231.env");
  EXPECT_EQ(uri(1), "file:///srv/app/.env");
  EXPECT_EQ(uri(2), "link%20to/key");
}

TEST(EnrichedSarifTest, SourceRootBecomesUriBase) {
  Finding absolute = DirFinding();
  absolute.file = "/srv/app/.env";
  ParsedSarif sarif(Sarif({DirFinding(), absolute}, kRules, SarifStyle::kEnriched, "/work/repo"));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  EXPECT_EQ(Str(sarif.Run()["originalUriBaseIds"]["SRCROOT"]["uri"]), "file:///work/repo/");
  auto artifact = [&](size_t i) {
    return sarif.Result(i)["locations"].at(0)["physicalLocation"]["artifactLocation"];
  };
  EXPECT_EQ(Str(artifact(0)["uriBaseId"]), "SRCROOT");
  EXPECT_FALSE(Has(artifact(1)["uriBaseId"]));
}

TEST(EnrichedSarifTest, RelativeSourceRootIsIgnored) {
  ParsedSarif sarif(Sarif({DirFinding()}, kRules, SarifStyle::kEnriched, "repo"));
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  EXPECT_FALSE(Has(sarif.Run()["originalUriBaseIds"]));
}

TEST(EnrichedSarifTest, FingerprintIsStableAndHidesSecret) {
  Finding finding = GitFinding();
  std::string first = Sarif({finding}, kRules, SarifStyle::kEnriched);
  std::string second = Sarif({finding}, kRules, SarifStyle::kEnriched);
  EXPECT_EQ(first, second);
  ParsedSarif sarif(first);
  ASSERT_EQ(sarif.error, simdjson::SUCCESS);
  std::string fingerprint = Str(sarif.Result(0)["partialFingerprints"]["leakscan/v1"]);
  EXPECT_EQ(fingerprint, ResultFingerprint(finding));
  EXPECT_EQ(fingerprint.find(finding.secret), std::string::npos);
}

}  // namespace
}  // namespace leakscan
