// Time values for report templates: the current time (Sprig `now`) and
// formatting with Go's reference-time layouts ("2006-01-02 15:04:05").
// Covered by tests/report/template_format_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "report/template/value.h"

namespace leakscan::template_internal {

// Returns the current time in the local zone.
TimeValue Now();

// Returns `time` moved to UTC or to the local zone (same instant).
TimeValue InUtc(const TimeValue& time);
TimeValue InLocal(const TimeValue& time);

// Returns the time of a Unix timestamp in the local zone.
TimeValue FromUnix(int64_t seconds);

// Formats `time` with a Go layout, like time.Time.Format.
std::string FormatTime(const TimeValue& time, std::string_view layout);

// Formats like time.Time.String: "2006-01-02 15:04:05.999999999 -0700 MST".
std::string FormatTimeDefault(const TimeValue& time);

}  // namespace leakscan::template_internal
