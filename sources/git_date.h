// Date values of the --since/--after and --until/--before log options, read
// the way git 2.39's "approxidate" reads the forms people commonly write.
// Used by the --log-opts parser. The walk compares the result with commit
// (committer) dates. Covered by tests/sources/git_date_test.cc and by the
// --since cases of tests/sources/git_differential_test.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace leakscan::git {

// Parses `text` relative to `now` (Unix seconds) and returns Unix seconds.
// Accepted forms:
//   "@1700000000" or a bare number of at least 9 digits: Unix time;
//   "2024-01-31" (also with "/" or "."): that day at the current local
//     time of day, as git does when no time is given;
//   "2024-01-31T10:20[:30]" with an optional "Z", "+01:00", "+0100" or
//     "-05" zone: that instant, in local time when no zone is given;
//   "now", "yesterday", and relative amounts such as "2.weeks.ago",
//     "3.days", "1.year.6.months.ago" (units second, minute, hour, day,
//     week, month, year, singular or plural; words separated by ".", "-",
//     "_" or ",").
// Returns nullopt for anything else, where git would guess silently.
std::optional<int64_t> ParseApproxDate(std::string_view text, int64_t now);

}  // namespace leakscan::git
