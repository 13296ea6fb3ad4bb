// The Gitleaks JSON report reader for baselines (simdjson On-Demand, so
// Entropy is parsed from its own digits straight to float32).
#include <simdjson.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "scanner/baseline_readers.h"

namespace leakscan::baseline_internal {
namespace {

namespace ondemand = simdjson::ondemand;
using ondemand::json_type;

// Gitleaks gives no reason for a malformed JSON baseline; neither do we.
std::unexpected<Error> NotSupported() { return MakeError(""); }

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Reads a string field; null leaves it unchanged, as in Go.
bool ReadString(ondemand::value value, std::string* out) {
  json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  if (type == json_type::null) return true;
  std::string_view text;
  if (type != json_type::string || value.get_string().get(text) != simdjson::SUCCESS) return false;
  out->assign(text);
  return true;
}

// Reads an int field: only integer literals that fit in 64 bits.
bool ReadInt(ondemand::value value, int* out) {
  json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  if (type == json_type::null) return true;
  int64_t number = 0;
  if (type != json_type::number || value.get_int64().get(number) != simdjson::SUCCESS) {
    return false;
  }
  *out = static_cast<int>(number);
  return number == *out;
}

// Reads a float32 from the literal's digits, rounding once as Go does.
bool ReadEntropy(ondemand::value value, float* out) {
  json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  if (type == json_type::null) return true;
  if (type != json_type::number) return false;
  std::string digits(value.raw_json_token());
  char* end = nullptr;
  errno = 0;
  float number = std::strtof(digits.c_str(), &end);
  if (end == digits.c_str() || std::isinf(number)) return false;
  *out = number;
  return true;
}

// Reads Tags; null empties the list, as in Go.
bool ReadTags(ondemand::value value, std::vector<std::string>* out) {
  json_type type;
  if (value.type().get(type) != simdjson::SUCCESS) return false;
  out->clear();
  if (type == json_type::null) return true;
  ondemand::array array;
  if (type != json_type::array || value.get_array().get(array) != simdjson::SUCCESS) return false;
  for (auto element : array) {
    ondemand::value tag;
    std::string_view text;
    if (element.get(tag) != simdjson::SUCCESS || tag.get_string().get(text) != simdjson::SUCCESS) {
      return false;
    }
    out->emplace_back(text);
  }
  return true;
}

bool ReadField(std::string_view key, ondemand::value value, Finding* f) {
  std::string name = Lower(key);
  if (name == "ruleid") return ReadString(value, &f->rule_id);
  if (name == "description") return ReadString(value, &f->description);
  if (name == "startline") return ReadInt(value, &f->start_line);
  if (name == "endline") return ReadInt(value, &f->end_line);
  if (name == "startcolumn") return ReadInt(value, &f->start_column);
  if (name == "endcolumn") return ReadInt(value, &f->end_column);
  if (name == "match") return ReadString(value, &f->match);
  if (name == "secret") return ReadString(value, &f->secret);
  if (name == "file") return ReadString(value, &f->file);
  if (name == "symlinkfile") return ReadString(value, &f->symlink_file);
  if (name == "commit") return ReadString(value, &f->commit);
  if (name == "link") return ReadString(value, &f->link);
  if (name == "entropy") return ReadEntropy(value, &f->entropy);
  if (name == "author") return ReadString(value, &f->author);
  if (name == "email") return ReadString(value, &f->email);
  if (name == "date") return ReadString(value, &f->date);
  if (name == "message") return ReadString(value, &f->message);
  if (name == "tags") return ReadTags(value, &f->tags);
  if (name == "fingerprint") return ReadString(value, &f->fingerprint);
  // "Line" is not part of the JSON report; it and unknown keys are skipped.
  return true;
}

// Reads one array element: an object, or null for an all-zero finding.
bool ReadEntry(ondemand::value element, BaselineEntry* entry) {
  json_type type;
  if (element.type().get(type) != simdjson::SUCCESS) return false;
  if (type == json_type::null) return true;
  ondemand::object object;
  if (type != json_type::object || element.get_object().get(object) != simdjson::SUCCESS) {
    return false;
  }
  for (auto field : object) {
    std::string_view key;
    ondemand::value value;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return false;
    if (field.value().get(value) != simdjson::SUCCESS) return false;
    if (!ReadField(key, value, &entry->finding)) return false;
  }
  return true;
}

}  // namespace

Result<std::vector<BaselineEntry>> ReadJsonBaseline(std::string_view content) {
  // On-Demand reads lazily, so a full DOM parse first rejects malformed
  // text and trailing content.
  simdjson::dom::parser validator;
  if (validator.parse(content.data(), content.size()).error() != simdjson::SUCCESS) {
    return NotSupported();
  }
  simdjson::padded_string padded(content);
  ondemand::parser parser;
  ondemand::document document;
  if (parser.iterate(padded).get(document) != simdjson::SUCCESS) return NotSupported();

  std::vector<BaselineEntry> entries;
  bool is_null = false;
  if (document.is_null().get(is_null) == simdjson::SUCCESS && is_null) {
    return entries;
  }
  ondemand::array array;
  if (document.get_array().get(array) != simdjson::SUCCESS) return NotSupported();
  for (auto element : array) {
    ondemand::value value;
    if (element.get(value) != simdjson::SUCCESS) return NotSupported();
    BaselineEntry entry;
    if (!ReadEntry(value, &entry)) return NotSupported();
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace leakscan::baseline_internal
