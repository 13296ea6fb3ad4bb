#include "port/sarif_document.h"

#include <simdjson.h>

#include <unordered_map>

#include "port/json_writer.h"
#include "port/redaction.h"

namespace leakscan {
namespace {

using simdjson::dom::element;
using simdjson::dom::key_value_pair;
using simdjson::dom::object;

// Collects fixed text and holes into a body template.
class TemplateBuilder {
 public:
  std::string* text() { return &current_; }
  void Append(std::string_view text) { current_ += text; }
  void Hole(BodyHole hole) {
    pieces_.push_back({std::move(current_), hole});
    current_.clear();
  }
  std::vector<BodyPiece> Finish() {
    pieces_.push_back({std::move(current_), BodyHole::kNone});
    return std::move(pieces_);
  }

 private:
  std::vector<BodyPiece> pieces_;
  std::string current_;
};

void AppendKey(std::string_view key, TemplateBuilder* body) {
  AppendJsonString(key, body->text());
  body->Append(":");
}

// Writes `"key":[<hole>]`.
void AppendArrayHole(std::string_view key, BodyHole hole, TemplateBuilder* body) {
  AppendKey(key, body);
  body->Append("[");
  body->Hole(hole);
  body->Append("]");
}

// Writes the members of an object, calling `special` for each member; it
// returns true when it wrote the member itself.
template <typename Special>
void AppendMembers(object members, TemplateBuilder* body, Special special) {
  bool first = true;
  for (key_value_pair member : members) {
    if (!first) body->Append(",");
    first = false;
    if (special(member)) continue;
    AppendKey(member.key, body);
    AppendJson(member.value, body->text());
  }
}

void AppendTool(element tool, TemplateBuilder* body) {
  if (!tool.is_object()) {
    AppendJson(tool, body->text());
    return;
  }
  body->Append("{");
  AppendMembers(object(tool), body, [&](key_value_pair member) {
    if (member.key != "driver" || !member.value.is_object()) return false;
    AppendKey("driver", body);
    body->Append("{");
    AppendMembers(object(member.value), body, [&](key_value_pair driver_member) {
      if (driver_member.key != "rules" || !driver_member.value.is_array()) return false;
      AppendArrayHole("rules", BodyHole::kRules, body);
      return true;
    });
    body->Append("}");
    return true;
  });
  body->Append("}");
}

// Writes `"properties":{<existing members>,"leakscanRequestId":"<hole>"}`;
// `properties` is null when the run has none.
void AppendRunProperties(const object* properties, TemplateBuilder* body) {
  AppendKey("properties", body);
  body->Append("{");
  bool first = true;
  if (properties != nullptr) {
    for (key_value_pair member : *properties) {
      if (member.key == kRequestIdProperty) continue;
      if (!first) body->Append(",");
      first = false;
      AppendKey(member.key, body);
      AppendJson(member.value, body->text());
    }
  }
  if (!first) body->Append(",");
  AppendKey(kRequestIdProperty, body);
  body->Append("\"");
  body->Hole(BodyHole::kRequestId);
  body->Append("\"}");
}

Status AppendRun(object run, const std::string& path, TemplateBuilder* body) {
  bool has_properties = false;
  Status status = Ok();
  body->Append("{");
  AppendMembers(run, body, [&](key_value_pair member) {
    if (member.key == "tool") {
      AppendKey("tool", body);
      AppendTool(member.value, body);
      return true;
    }
    if (member.key == "results") {
      AppendArrayHole("results", BodyHole::kResults, body);
      return true;
    }
    if (member.key == "properties") {
      if (!member.value.is_object()) {
        status = MakeError("invalid SARIF: " + path + ".properties is not an object");
        return true;
      }
      has_properties = true;
      object properties(member.value);
      AppendRunProperties(&properties, body);
      return true;
    }
    return false;
  });
  if (!has_properties) {
    body->Append(run.size() > 0 ? "," : "");
    AppendRunProperties(nullptr, body);
  }
  body->Append("}");
  return status;
}

// Builds the document with `run` as its only run.
Result<std::vector<BodyPiece>> BuildEnvelope(object root, object run, const std::string& path) {
  TemplateBuilder body;
  Status status = Ok();
  body.Append("{");
  AppendMembers(root, &body, [&](key_value_pair member) {
    if (member.key != "runs") return false;
    AppendKey("runs", &body);
    body.Append("[");
    status = AppendRun(run, path, &body);
    body.Append("]");
    return true;
  });
  body.Append("}");
  if (!status) return std::unexpected(status.error());
  return body.Finish();
}

size_t EnvelopeSize(const std::vector<BodyPiece>& envelope) {
  size_t size = 0;
  for (const BodyPiece& piece : envelope) {
    size += piece.text.size();
    if (piece.hole == BodyHole::kRequestId) size += kRequestIdSize;
  }
  return size;
}

// Returns the ruleId of a result, or the id of the rule its ruleIndex names.
std::string_view RuleIdOf(object result, const std::vector<std::string>& rule_ids) {
  std::string_view rule_id;
  if (result["ruleId"].get(rule_id) == simdjson::SUCCESS) return rule_id;
  uint64_t index = 0;
  if (result["ruleIndex"].get(index) == simdjson::SUCCESS && index < rule_ids.size()) {
    return rule_ids[index];
  }
  return {};
}

void AppendResult(element result_value, std::string_view rule_id, bool include_secret,
                  std::string* out) {
  object result(result_value);
  SecretRedactingFilter redactor(include_secret ? std::vector<std::string>()
                                                : CollectSnippetTexts(result_value));
  const JsonStringFilter* filter = include_secret ? nullptr : &redactor;
  bool has_rule_id = result["ruleId"].error() == simdjson::SUCCESS;

  *out += '{';
  bool first = true;
  for (key_value_pair member : result) {
    std::string_view key = member.key;
    if (key == "ruleIndex" && (has_rule_id || rule_id.empty())) continue;
    if (!first) *out += ',';
    first = false;
    if (key == "ruleIndex") {
      AppendJsonString("ruleId", out);
      *out += ':';
      AppendJsonString(rule_id, out);
      continue;
    }
    AppendJsonString(key, out);
    *out += ':';
    AppendJson(member.value, out, filter);
  }
  *out += '}';
}

Status PrepareRun(object root, element run_value, size_t run_index, bool include_secret,
                  PreparedRun* run) {
  std::string path = "runs[" + std::to_string(run_index) + "]";
  object run_object;
  if (run_value.get(run_object) != simdjson::SUCCESS) {
    return MakeError("invalid SARIF: " + path + " is not an object");
  }
  simdjson::dom::array results;
  if (run_object["results"].get(results) != simdjson::SUCCESS) {
    return MakeError("invalid SARIF: " + path + ".results is missing or not an array");
  }

  std::vector<std::string> rule_ids;
  std::unordered_map<std::string_view, std::vector<size_t>> rules_by_id;
  simdjson::dom::array rules;
  if (run_object.at_pointer("/tool/driver/rules").get(rules) == simdjson::SUCCESS) {
    for (element rule : rules) {
      std::string_view id;
      if (rule["id"].get(id) != simdjson::SUCCESS) id = {};
      rule_ids.emplace_back(id);
      rules_by_id[id].push_back(run->rules.size());
      run->rules.emplace_back();
      AppendJson(rule, &run->rules.back());
    }
  }

  for (element result_value : results) {
    object result;
    if (result_value.get(result) != simdjson::SUCCESS) {
      return MakeError("invalid SARIF: " + path + ".results[" +
                       std::to_string(run->results.size()) + "] is not an object");
    }
    std::string_view rule_id = RuleIdOf(result, rule_ids);
    auto rules_found = rule_id.empty() ? rules_by_id.end() : rules_by_id.find(rule_id);
    run->rules_of_result.push_back(rules_found == rules_by_id.end() ? std::vector<size_t>()
                                                                    : rules_found->second);
    run->results.emplace_back();
    AppendResult(result_value, rule_id, include_secret, &run->results.back());
  }

  Result<std::vector<BodyPiece>> envelope = BuildEnvelope(root, run_object, path);
  if (!envelope) return std::unexpected(envelope.error());
  run->envelope = std::move(*envelope);
  run->envelope_size = EnvelopeSize(run->envelope);
  return Ok();
}

}  // namespace

Result<PreparedSarif> PrepareSarif(std::string_view sarif_json, bool include_secret) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(sarif_json);
  element root_value;
  if (auto error = parser.parse(padded).get(root_value); error != simdjson::SUCCESS) {
    return MakeError(std::string("invalid SARIF: not valid JSON (") +
                     simdjson::error_message(error) + ")");
  }
  object root;
  simdjson::dom::array runs;
  if (root_value.get(root) != simdjson::SUCCESS || root["runs"].get(runs) != simdjson::SUCCESS) {
    return MakeError("invalid SARIF: the document has no \"runs\" array");
  }

  PreparedSarif prepared;
  size_t run_index = 0;
  for (element run_value : runs) {
    PreparedRun& run = prepared.runs.emplace_back();
    if (Status status = PrepareRun(root, run_value, run_index++, include_secret, &run); !status) {
      return std::unexpected(status.error());
    }
    prepared.result_count += run.results.size();
  }
  return prepared;
}

}  // namespace leakscan
