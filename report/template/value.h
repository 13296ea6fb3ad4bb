// Value: the dynamic value a report template computes with, standing in for
// the Go values text/template passes around (nil, bool, int, float, string,
// slices, maps, a report finding, a time). Used by the executor and the
// template functions. Covered by tests/report/template_test.cc.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "scanner/finding.h"

namespace leakscan::template_internal {

class Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value>;

// A point in time with the zone it is shown in, like Go's time.Time.
struct TimeValue {
  int64_t unix_seconds = 0;
  int32_t nanoseconds = 0;
  int32_t offset_seconds = 0;  // Zone offset east of UTC.
  std::string zone_name;       // "UTC", or the local abbreviation ("CET").
};

// The Go type of a list's elements, for %T, typeOf and error messages.
enum class ListType { kInterface, kString, kFinding };

class Value {
 public:
  enum class Kind { kNil, kBool, kInt, kFloat, kString, kList, kMap, kFinding, kTime };

  Value() = default;  // nil: Go's missing value.
  static Value Bool(bool value);
  static Value Int(int64_t value);
  static Value Float(double value, bool is_float32 = false);
  static Value String(std::string value);
  static Value MakeList(List items, ListType type = ListType::kInterface);
  static Value MakeMap(std::shared_ptr<Map> map);
  static Value MakeFinding(const Finding* finding);
  static Value Time(TimeValue time);

  Kind kind() const { return kind_; }
  bool is_nil() const { return kind_ == Kind::kNil; }
  bool AsBool() const { return bool_; }
  int64_t AsInt() const { return int_; }
  double AsFloat() const { return float_; }
  bool is_float32() const { return is_float32_; }
  const std::string& AsString() const { return *string_; }
  const List& AsList() const { return *list_; }
  ListType list_type() const { return list_type_; }
  // Maps are shared and mutable, as Sprig's `set` changes a dict in place.
  Map& AsMap() const { return *map_; }
  const std::shared_ptr<Map>& map_pointer() const { return map_; }
  const Finding& AsFinding() const { return *finding_; }
  const TimeValue& AsTime() const { return *time_; }

  // Returns the Go type name ("int", "string", "[]string", "report.Finding").
  std::string TypeName() const;

  // Returns Go's truth: false for nil, false, 0, "" and empty lists and maps.
  bool IsTrue() const;

  // Returns true for nil, false, 0, "" and empty containers (Sprig `empty`).
  bool IsEmpty() const { return !IsTrue(); }

 private:
  Kind kind_ = Kind::kNil;
  bool bool_ = false;
  bool is_float32_ = false;
  ListType list_type_ = ListType::kInterface;
  int64_t int_ = 0;
  double float_ = 0;
  std::shared_ptr<const std::string> string_;
  std::shared_ptr<const List> list_;
  std::shared_ptr<Map> map_;
  const Finding* finding_ = nullptr;
  std::shared_ptr<const TimeValue> time_;
};

// Returns the value of a finding field by its Go name ("RuleID", "Tags");
// false when the finding has no such field.
bool FindingField(const Finding& finding, std::string_view name, Value* out);

// Returns the finding fields in Go struct order, for printing and JSON.
const std::vector<std::string>& FindingFieldNames();

}  // namespace leakscan::template_internal
