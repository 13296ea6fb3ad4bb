// Helpers for the SARIF tests: writing a SARIF log and parsing it back.
#pragma once

#include <simdjson.h>

#include <string>
#include <vector>

#include "sarif/sarif_writer.h"

namespace leakscan::testing {

inline std::string Sarif(const std::vector<Finding>& findings, const std::vector<SarifRule>& rules,
                         SarifStyle style, std::string source_root = "") {
  SarifOptions options;
  options.style = style;
  options.tool_version = "1.2.3";
  options.source_root = std::move(source_root);
  std::string out;
  WriteSarif(findings, rules, options, &out);
  return out;
}

// A parsed SARIF log; `root` stays valid while the object lives.
struct ParsedSarif {
  explicit ParsedSarif(const std::string& text) : json(text) {
    error = parser.parse(json).get(root);
  }
  simdjson::padded_string json;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::error_code error;

  simdjson::dom::element Run() { return root["runs"].at(0); }
  simdjson::dom::element Result(size_t index) { return Run()["results"].at(index); }
  simdjson::dom::element Rule(size_t index) { return Run()["tool"]["driver"]["rules"].at(index); }
  simdjson::dom::element Region(size_t result) {
    return Result(result)["locations"].at(0)["physicalLocation"]["region"];
  }
};

inline std::string Str(simdjson::simdjson_result<simdjson::dom::element> element) {
  std::string_view value;
  if (element.get(value) != simdjson::SUCCESS) return "<missing>";
  return std::string(value);
}

inline int64_t Int(simdjson::simdjson_result<simdjson::dom::element> element) {
  int64_t value = -1;
  if (element.get(value) != simdjson::SUCCESS) return -1;
  return value;
}

inline bool Has(simdjson::simdjson_result<simdjson::dom::element> element) {
  return element.error() == simdjson::SUCCESS;
}

}  // namespace leakscan::testing
