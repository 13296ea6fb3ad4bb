#include "sarif/sarif_writer.h"

#include <string_view>
#include <unordered_map>

#include "report/pretty_json.h"
#include "sarif/result_fingerprint.h"
#include "sarif/rule_help.h"
#include "sarif/sarif_uri.h"

namespace leakscan {
namespace {

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kSourceRootId = "SRCROOT";

// The rules written to tool.driver.rules. The Gitleaks style lists the
// configured rules as given; the enriched style drops repeated ids (SARIF
// requires unique entries) and adds a rule for each finding whose rule is
// not configured, so every result can point at its rule.
struct RuleTable {
  std::vector<SarifRule> rules;
  std::unordered_map<std::string, size_t> index_by_id;
};

RuleTable BuildRuleTable(const std::vector<SarifRule>& configured,
                         const std::vector<Finding>& findings, bool enriched) {
  RuleTable table;
  if (!enriched) {
    table.rules = configured;
    return table;
  }
  table.rules.reserve(configured.size());
  auto add = [&table](const std::string& id, const std::string& description) {
    if (table.index_by_id.count(id) > 0) return;
    table.index_by_id.emplace(id, table.rules.size());
    table.rules.push_back({id, description});
  };
  for (const SarifRule& rule : configured) add(rule.id, rule.description);
  for (const Finding& finding : findings) add(finding.rule_id, finding.description);
  return table;
}

std::string ResultMessage(const Finding& finding) {
  std::string message = finding.rule_id + " has detected secret for file " + finding.file;
  if (!finding.commit.empty()) message += " at commit " + finding.commit;
  message.push_back('.');
  return message;
}

class SarifBuilder {
 public:
  SarifBuilder(const SarifOptions& options, std::string* out)
      : json_(out, " "),
        options_(options),
        enriched_(options.style == SarifStyle::kEnriched),
        has_source_root_(enriched_ && !options.source_root.empty() &&
                         options.source_root.front() == '/') {}

  void Write(const std::vector<Finding>& findings, const RuleTable& rules) {
    json_.BeginObject();
    json_.Member("$schema", kSchemaUri);
    json_.Member("version", "2.1.0");
    json_.Key("runs");
    json_.BeginArray();
    json_.BeginObject();
    WriteTool(rules);
    json_.Key("results");
    json_.BeginArray();
    for (const Finding& finding : findings) WriteResult(finding, rules);
    json_.EndArray();
    if (enriched_) WriteRunAdditions();
    json_.EndObject();
    json_.EndArray();
    json_.EndObject();
  }

 private:
  void WriteTool(const RuleTable& rules) {
    json_.Key("tool");
    json_.BeginObject();
    json_.Key("driver");
    json_.BeginObject();
    json_.Member("name", "gitleaks");
    json_.Member("semanticVersion", "v8.0.0");
    json_.Member("informationUri", "https://github.com/gitleaks/gitleaks");
    json_.Key("rules");
    json_.BeginArray();
    for (const SarifRule& rule : rules.rules) WriteRule(rule);
    json_.EndArray();
    if (enriched_ && !options_.tool_version.empty()) {
      json_.Member("version", options_.tool_version);
    }
    json_.EndObject();
    json_.EndObject();
  }

  void WriteText(std::string_view key, std::string_view text) {
    json_.Key(key);
    json_.BeginObject();
    json_.Member("text", text);
    json_.EndObject();
  }

  void WriteRule(const SarifRule& rule) {
    json_.BeginObject();
    json_.Member("id", rule.id);
    if (!enriched_) {
      WriteText("shortDescription", rule.description);
      json_.EndObject();
      return;
    }
    std::string summary = RuleSummary(rule);
    WriteText("shortDescription", summary);
    WriteText("fullDescription", summary);
    json_.Key("help");
    json_.BeginObject();
    json_.Member("text", RuleHelpText(rule));
    json_.Member("markdown", RuleHelpMarkdown(rule));
    json_.EndObject();
    json_.Key("defaultConfiguration");
    json_.BeginObject();
    json_.Member("level", "error");
    json_.EndObject();
    json_.Key("properties");
    json_.BeginObject();
    json_.Key("tags");
    json_.StringArray({"security", "secret"});
    json_.EndObject();
    json_.EndObject();
  }

  void WriteResult(const Finding& finding, const RuleTable& rules) {
    json_.BeginObject();
    WriteText("message", ResultMessage(finding));
    json_.Member("ruleId", finding.rule_id);
    if (enriched_) {
      json_.Member("ruleIndex", static_cast<int64_t>(rules.index_by_id.at(finding.rule_id)));
      json_.Member("level", "error");
    }
    json_.Key("locations");
    json_.BeginArray();
    WriteLocation(finding);
    json_.EndArray();
    WritePartialFingerprints(finding);
    json_.Key("properties");
    json_.BeginObject();
    json_.Key("tags");
    json_.StringArray(finding.tags);
    json_.EndObject();
    json_.EndObject();
  }

  void WriteLocation(const Finding& finding) {
    const std::string& path = finding.symlink_file.empty() ? finding.file : finding.symlink_file;
    json_.BeginObject();
    json_.Key("physicalLocation");
    json_.BeginObject();
    json_.Key("artifactLocation");
    json_.BeginObject();
    if (enriched_) {
      std::string uri = PathToUriReference(path);
      bool relative = uri.rfind("file://", 0) != 0;
      json_.Member("uri", uri);
      if (has_source_root_ && relative) json_.Member("uriBaseId", kSourceRootId);
    } else {
      json_.Member("uri", path);
    }
    json_.EndObject();
    json_.Key("region");
    if (enriched_) {
      WriteValidRegion(finding);
    } else {
      WriteGitleaksRegion(finding);
    }
    json_.EndObject();
    json_.EndObject();
  }

  void WriteGitleaksRegion(const Finding& finding) {
    json_.BeginObject();
    json_.Member("startLine", finding.start_line);
    json_.Member("startColumn", finding.start_column);
    json_.Member("endLine", finding.end_line);
    json_.Member("endColumn", finding.end_column);
    WriteText("snippet", finding.secret);
    json_.EndObject();
  }

  // Writes the finding's region with only values SARIF accepts: a
  // path-only finding (line 0) points at line 1, a 0 column is left out,
  // and an end column before the start column on the same line is left out.
  void WriteValidRegion(const Finding& finding) {
    json_.BeginObject();
    if (finding.start_line < 1) {
      json_.Member("startLine", 1);
      WriteText("snippet", finding.secret);
      json_.EndObject();
      return;
    }
    int start_column = finding.start_column >= 1 ? finding.start_column : 1;
    int end_line = finding.end_line >= finding.start_line ? finding.end_line : finding.start_line;
    bool end_column_valid = finding.end_column >= 1 &&
                            (end_line > finding.start_line || finding.end_column >= start_column);
    json_.Member("startLine", finding.start_line);
    if (finding.start_column >= 1) json_.Member("startColumn", finding.start_column);
    json_.Member("endLine", end_line);
    if (end_column_valid) json_.Member("endColumn", finding.end_column);
    WriteText("snippet", finding.secret);
    json_.EndObject();
  }

  void WritePartialFingerprints(const Finding& finding) {
    json_.Key("partialFingerprints");
    json_.BeginObject();
    json_.Member("commitSha", finding.commit);
    json_.Member("email", finding.email);
    json_.Member("author", finding.author);
    json_.Member("date", finding.date);
    json_.Member("commitMessage", finding.message);
    if (enriched_) json_.Member(kResultFingerprintKey, ResultFingerprint(finding));
    json_.EndObject();
  }

  void WriteRunAdditions() {
    json_.Member("columnKind", "utf16CodeUnits");
    if (!has_source_root_) return;
    json_.Key("originalUriBaseIds");
    json_.BeginObject();
    json_.Key(kSourceRootId);
    json_.BeginObject();
    json_.Member("uri", DirectoryToFileUri(options_.source_root));
    json_.EndObject();
    json_.EndObject();
  }

  PrettyJson json_;
  const SarifOptions& options_;
  bool enriched_;
  bool has_source_root_;
};

}  // namespace

void WriteSarif(const std::vector<Finding>& findings, const std::vector<SarifRule>& rules,
                const SarifOptions& options, std::string* out) {
  RuleTable table = BuildRuleTable(rules, findings, options.style == SarifStyle::kEnriched);
  SarifBuilder(options, out).Write(findings, table);
  out->push_back('\n');
}

}  // namespace leakscan
