#include "report/pretty_json.h"

#include "report/json_encoder.h"

namespace leakscan {

PrettyJson::PrettyJson(std::string* out, std::string_view indent) : out_(out), indent_(indent) {}

void PrettyJson::NewLine(size_t depth) {
  out_->push_back('\n');
  for (size_t i = 0; i < depth; ++i) out_->append(indent_);
}

void PrettyJson::BeginValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_->push_back(',');
  NewLine(counts_.size());
}

void PrettyJson::BeginObject() {
  BeginValue();
  out_->push_back('{');
  counts_.push_back(0);
}

void PrettyJson::EndObject() {
  int count = counts_.back();
  counts_.pop_back();
  if (count > 0) NewLine(counts_.size());
  out_->push_back('}');
}

void PrettyJson::BeginArray() {
  BeginValue();
  out_->push_back('[');
  counts_.push_back(0);
}

void PrettyJson::EndArray() {
  int count = counts_.back();
  counts_.pop_back();
  if (count > 0) NewLine(counts_.size());
  out_->push_back(']');
}

void PrettyJson::Key(std::string_view key) {
  BeginValue();
  AppendJsonString(key, out_);
  out_->append(": ");
  after_key_ = true;
}

void PrettyJson::String(std::string_view value) {
  BeginValue();
  AppendJsonString(value, out_);
}

void PrettyJson::Int(int64_t value) {
  BeginValue();
  out_->append(std::to_string(value));
}

void PrettyJson::Float32(float value) {
  BeginValue();
  AppendJsonFloat32(value, out_);
}

void PrettyJson::StringArray(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& value : values) String(value);
  EndArray();
}

void PrettyJson::Member(std::string_view key, std::string_view value) {
  Key(key);
  String(value);
}

void PrettyJson::Member(std::string_view key, int64_t value) {
  Key(key);
  Int(value);
}

}  // namespace leakscan
