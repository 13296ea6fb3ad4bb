#include "report/template/value.h"

namespace leakscan::template_internal {

Value Value::Bool(bool value) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = value;
  return v;
}

Value Value::Int(int64_t value) {
  Value v;
  v.kind_ = Kind::kInt;
  v.int_ = value;
  return v;
}

Value Value::Float(double value, bool is_float32) {
  Value v;
  v.kind_ = Kind::kFloat;
  v.float_ = value;
  v.is_float32_ = is_float32;
  return v;
}

Value Value::String(std::string value) {
  Value v;
  v.kind_ = Kind::kString;
  v.string_ = std::make_shared<const std::string>(std::move(value));
  return v;
}

Value Value::MakeList(List items, ListType type) {
  Value v;
  v.kind_ = Kind::kList;
  v.list_ = std::make_shared<const List>(std::move(items));
  v.list_type_ = type;
  return v;
}

Value Value::MakeMap(std::shared_ptr<Map> map) {
  Value v;
  v.kind_ = Kind::kMap;
  v.map_ = std::move(map);
  return v;
}

Value Value::MakeFinding(const Finding* finding) {
  Value v;
  v.kind_ = Kind::kFinding;
  v.finding_ = finding;
  return v;
}

Value Value::Time(TimeValue time) {
  Value v;
  v.kind_ = Kind::kTime;
  v.time_ = std::make_shared<const TimeValue>(std::move(time));
  return v;
}

std::string Value::TypeName() const {
  switch (kind_) {
    case Kind::kNil:
      return "<nil>";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kFloat:
      return is_float32_ ? "float32" : "float64";
    case Kind::kString:
      return "string";
    case Kind::kList:
      if (list_type_ == ListType::kString) return "[]string";
      if (list_type_ == ListType::kFinding) return "[]report.Finding";
      return "[]interface {}";
    case Kind::kMap:
      return "map[string]interface {}";
    case Kind::kFinding:
      return "report.Finding";
    case Kind::kTime:
      return "time.Time";
  }
  return "";
}

bool Value::IsTrue() const {
  switch (kind_) {
    case Kind::kNil:
      return false;
    case Kind::kBool:
      return bool_;
    case Kind::kInt:
      return int_ != 0;
    case Kind::kFloat:
      return float_ != 0;
    case Kind::kString:
      return !string_->empty();
    case Kind::kList:
      return !list_->empty();
    case Kind::kMap:
      return !map_->empty();
    case Kind::kFinding:
    case Kind::kTime:
      return true;  // Structs are always true in Go templates.
  }
  return false;
}

const std::vector<std::string>& FindingFieldNames() {
  static const std::vector<std::string> names = {
      "RuleID", "Description", "StartLine", "EndLine",     "StartColumn", "EndColumn",   "Line",
      "Match",  "Secret",      "File",      "SymlinkFile", "Commit",      "Link",        "Entropy",
      "Author", "Email",       "Date",      "Message",     "Tags",        "Fingerprint",
  };
  return names;
}

bool FindingField(const Finding& f, std::string_view name, Value* out) {
  if (name == "RuleID")
    *out = Value::String(f.rule_id);
  else if (name == "Description")
    *out = Value::String(f.description);
  else if (name == "StartLine")
    *out = Value::Int(f.start_line);
  else if (name == "EndLine")
    *out = Value::Int(f.end_line);
  else if (name == "StartColumn")
    *out = Value::Int(f.start_column);
  else if (name == "EndColumn")
    *out = Value::Int(f.end_column);
  else if (name == "Line")
    *out = Value::String(f.line);
  else if (name == "Match")
    *out = Value::String(f.match);
  else if (name == "Secret")
    *out = Value::String(f.secret);
  else if (name == "File")
    *out = Value::String(f.file);
  else if (name == "SymlinkFile")
    *out = Value::String(f.symlink_file);
  else if (name == "Commit")
    *out = Value::String(f.commit);
  else if (name == "Link")
    *out = Value::String(f.link);
  else if (name == "Entropy")
    *out = Value::Float(f.entropy, true);
  else if (name == "Author")
    *out = Value::String(f.author);
  else if (name == "Email")
    *out = Value::String(f.email);
  else if (name == "Date")
    *out = Value::String(f.date);
  else if (name == "Message")
    *out = Value::String(f.message);
  else if (name == "Fingerprint")
    *out = Value::String(f.fingerprint);
  else if (name == "Tags") {
    List tags;
    tags.reserve(f.tags.size());
    for (const std::string& tag : f.tags) tags.push_back(Value::String(tag));
    *out = Value::MakeList(std::move(tags), ListType::kString);
  } else {
    return false;
  }
  return true;
}

}  // namespace leakscan::template_internal
