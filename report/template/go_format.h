// Go-compatible text formatting for report templates: the subset of Go's
// fmt and strconv packages that text/template and Sprig use to print
// values (%v), build strings (print, printf, println) and quote them
// (quote, %q). Covered by tests/report/template_format_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "report/template/value.h"

namespace leakscan::template_internal {

// Formats a float like Go's %v: the shortest decimal that round-trips the
// 32-bit or 64-bit value, in exponent form (1e+06) when the decimal
// exponent is below -4 or at least 6.
std::string FormatGoFloat(double value, bool is_float32);

// Formats a value like Go's fmt %v ("<nil>" for nil, "[a b]" for lists).
std::string FormatValue(const Value& value);

// Joins values like fmt.Sprint: a space between two operands when neither
// is a string.
std::string Sprint(const List& args);

// Joins values like fmt.Sprintln: spaces between all operands, then "\n".
std::string Sprintln(const List& args);

// Formats like fmt.Sprintf, with Go's %!verb(...) markers for mismatched,
// missing and extra arguments.
std::string Sprintf(std::string_view format, const List& args);

// Quotes text like strconv.Quote: printable runes kept, others escaped.
std::string GoQuote(std::string_view text);

// Returns true for runes Go's strconv.IsPrint accepts.
// NOTE: approximated; controls, non-ASCII spaces, format characters,
// private-use and noncharacters are non-printable, but unassigned code
// points count as printable here while Go escapes them.
bool IsGoPrintable(char32_t rune);

}  // namespace leakscan::template_internal
