// Lenient value coercion for config decoding. It reproduces the weakly
// typed decoding Gitleaks gets from viper and mapstructure. A string may
// stand for a number or boolean, and a number or boolean for a string. A
// single value may stand for a list, and a comma-separated string for a list
// of strings. Used by config_decode.cc. Covered by
// tests/config/node_coerce_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_node.h"
#include "util/error.h"

namespace leakscan {

// Each function names `field` (e.g. "rules[2].entropy") in its error, e.g.
// "invalid rules[2].entropy: expected a number, got string \"high\"".

// Numbers are written as Go's strconv does ("3", "3.5"), booleans as "1"/"0".
[[nodiscard]] Result<std::string> CoerceString(const ConfigNode& node, std::string_view field);

// Strings are parsed like Go's strconv.ParseInt with base 0 ("0x1f", "0o17",
// "1_000"); the empty string is 0; floats are truncated.
[[nodiscard]] Result<int64_t> CoerceInteger(const ConfigNode& node, std::string_view field);

// Like CoerceInteger, limited to the range of int.
[[nodiscard]] Result<int> CoerceInt(const ConfigNode& node, std::string_view field);

// Strings are parsed like Go's strconv.ParseFloat; the empty string is 0.
[[nodiscard]] Result<double> CoerceFloat(const ConfigNode& node, std::string_view field);

// Strings follow Go's strconv.ParseBool ("1", "t", "TRUE", "false", ...);
// the empty string is false; numbers are true when non-zero.
[[nodiscard]] Result<bool> CoerceBool(const ConfigNode& node, std::string_view field);

// A list coerces element by element (null elements become ""), a string is
// split on every comma with no trimming ("" gives an empty list), another
// scalar becomes a one-element list and an empty table an empty list.
[[nodiscard]] Result<std::vector<std::string>> CoerceStringList(const ConfigNode& node,
                                                                std::string_view field);

// A list must contain only tables (a null element counts as an empty table).
// A single table becomes a one-element list, or an empty list when it has no
// keys. The pointers refer into `node`.
[[nodiscard]] Result<std::vector<const ConfigNode*>> CoerceTableList(const ConfigNode& node,
                                                                     std::string_view field);

// Returns an error unless `node` is a table.
[[nodiscard]] Status ExpectTable(const ConfigNode& node, std::string_view field);

// Formats `value` as Go's strconv.FormatFloat(value, 'f', -1, 64) does.
std::string FormatGoFloat(double value);

}  // namespace leakscan
