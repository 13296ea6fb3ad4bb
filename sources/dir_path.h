// Path helpers for the dir source: Go's filepath.Base (CleanPath and
// JoinPath come from util/path_clean.h), because Gitleaks
// reports walked paths in that form, and symlink resolution with the
// semantics of filepath.EvalSymlinks (result stays relative when the input
// is). Used by the walk, archive member naming and the archive name check.
// Covered by tests/sources/dir_path_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "util/error.h"
#include "util/path_clean.h"

namespace leakscan {

// Returns the last element of the path after removing trailing slashes:
// "." for an empty path and "/" for a path of only slashes.
std::string_view BaseName(std::string_view path);

// Resolves every symlink in the path, component by component, and returns
// the cleaned result (relative when the path is relative). Fails with a
// one-line error naming the path for a dangling link, a non-directory in
// the middle of the path, or more than 255 links (a loop).
[[nodiscard]] Result<std::string> ResolveSymlinks(std::string_view path);

}  // namespace leakscan
