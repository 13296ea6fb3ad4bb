// UTF-8 helpers for reproducing commit messages: the display width git
// uses to expand tabs, and the whitespace trimming of Go's strings package
// (unicode.IsSpace) that Gitleaks applies when it reads them back.
// Used by git_commit_info.cc and covered by tests/sources/git_commit_info_test.cc.
#pragma once

#include <string_view>

namespace leakscan::git {

// Returns the display width of `text` as git 2.39 computes it for tab
// expansion: ANSI colour sequences count 0, control characters 0,
// combining marks 0, East Asian wide characters 2, others 1. Invalid
// UTF-8 makes the width the byte length.
// NOTE: the zero-width and double-width ranges cover the common blocks,
// not every code point of git's generated Unicode tables.
int DisplayWidth(std::string_view text);

// Trimming with Go's unicode.IsSpace definition of white space.
std::string_view TrimUnicodeSpace(std::string_view text);
std::string_view TrimRightUnicodeSpace(std::string_view text);
// Returns the leading white space of `text`.
std::string_view LeadingUnicodeSpace(std::string_view text);

}  // namespace leakscan::git
