// The SARIF reader for baselines. Each result becomes an entry that
// compares only the fields SARIF carries. These are ruleId, the driver
// rule's description when the rule is listed, the location uri, the region
// numbers present and the snippet (Secret). The partialFingerprints keys
// present add Commit, Author, Email, Date and Message.
#include <simdjson.h>

#include <map>

#include "scanner/baseline_readers.h"

namespace leakscan::baseline_internal {
namespace {

namespace dom = simdjson::dom;

bool GetString(dom::element parent, std::string_view key, std::string* out) {
  std::string_view text;
  if (parent[key].get(text) != simdjson::SUCCESS) return false;
  out->assign(text);
  return true;
}

bool GetInt(dom::element parent, std::string_view key, int* out) {
  int64_t number = 0;
  if (parent[key].get(number) != simdjson::SUCCESS) return false;
  *out = static_cast<int>(number);
  return true;
}

std::map<std::string, std::string, std::less<>> RuleDescriptions(dom::element run) {
  std::map<std::string, std::string, std::less<>> descriptions;
  dom::array rules;
  if (run.at_pointer("/tool/driver/rules").get(rules) != simdjson::SUCCESS) return descriptions;
  for (dom::element rule : rules) {
    std::string id;
    std::string text;
    dom::element short_description;
    if (GetString(rule, "id", &id) &&
        rule["shortDescription"].get(short_description) == simdjson::SUCCESS &&
        GetString(short_description, "text", &text)) {
      descriptions.emplace(std::move(id), std::move(text));
    }
  }
  return descriptions;
}

struct Optional {
  std::string_view key;
  std::string Finding::*target;
  uint32_t field;
};

constexpr Optional kPartialFingerprints[] = {
    {"commitSha", &Finding::commit, kBaselineCommit},
    {"author", &Finding::author, kBaselineAuthor},
    {"email", &Finding::email, kBaselineEmail},
    {"date", &Finding::date, kBaselineDate},
    {"commitMessage", &Finding::message, kBaselineMessage},
};

Result<BaselineEntry> ReadResult(
    dom::element result, const std::map<std::string, std::string, std::less<>>& descriptions,
    const std::string& where) {
  BaselineEntry entry;
  entry.fields = kBaselineFile;
  entry.file_is_uri = true;
  Finding& f = entry.finding;
  if (!GetString(result, "ruleId", &f.rule_id)) return MakeError(where + " is missing ruleId");
  dom::element location;
  dom::element artifact;
  if (result.at_pointer("/locations/0/physicalLocation").get(location) != simdjson::SUCCESS ||
      location["artifactLocation"].get(artifact) != simdjson::SUCCESS ||
      !GetString(artifact, "uri", &f.file)) {
    return MakeError(where + " is missing the location uri");
  }
  dom::element region;
  if (location["region"].get(region) != simdjson::SUCCESS ||
      !GetInt(region, "startLine", &f.start_line)) {
    return MakeError(where + " is missing region startLine");
  }
  if (GetInt(region, "startColumn", &f.start_column)) entry.fields |= kBaselineStartColumn;
  if (GetInt(region, "endLine", &f.end_line)) entry.fields |= kBaselineEndLine;
  if (GetInt(region, "endColumn", &f.end_column)) entry.fields |= kBaselineEndColumn;
  dom::element snippet;
  if (region["snippet"].get(snippet) == simdjson::SUCCESS &&
      GetString(snippet, "text", &f.secret)) {
    entry.fields |= kBaselineSecret;
  }

  auto description = descriptions.find(f.rule_id);
  if (description != descriptions.end()) {
    f.description = description->second;
    entry.fields |= kBaselineDescription;
  }
  dom::element partial;
  if (result["partialFingerprints"].get(partial) == simdjson::SUCCESS) {
    for (const Optional& key : kPartialFingerprints) {
      if (GetString(partial, key.key, &(f.*key.target))) entry.fields |= key.field;
    }
  }
  return entry;
}

}  // namespace

Result<std::vector<BaselineEntry>> ReadSarifBaseline(std::string_view content) {
  dom::parser parser;
  dom::element root;
  // A JSON object without "runs" is neither SARIF nor a Gitleaks report;
  // the empty reason keeps Gitleaks' plain message.
  if (parser.parse(content.data(), content.size()).get(root) != simdjson::SUCCESS ||
      !root.is_object() || root["runs"].error() != simdjson::SUCCESS) {
    return MakeError("");
  }
  dom::array runs;
  if (root["runs"].get(runs) != simdjson::SUCCESS)
    return MakeError("SARIF \"runs\" is not an array");

  std::vector<BaselineEntry> entries;
  size_t run_index = 0;
  for (dom::element run : runs) {
    auto descriptions = RuleDescriptions(run);
    dom::array results;
    if (run["results"].get(results) == simdjson::SUCCESS) {
      size_t result_index = 0;
      for (dom::element result : results) {
        std::string where =
            "SARIF run " + std::to_string(run_index) + " result " + std::to_string(result_index++);
        auto entry = ReadResult(result, descriptions, where);
        if (!entry) return std::unexpected(entry.error());
        entries.push_back(std::move(*entry));
      }
    }
    ++run_index;
  }
  return entries;
}

}  // namespace leakscan::baseline_internal
