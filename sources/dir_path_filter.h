// Walk-time path filter: the dir walk and first-level archive members skip
// any path that a global allowlist's `paths` regex matches. Unlike the
// Detector's allowlist check, this one ignores the allowlist's condition,
// commits, regexes and stopwords, as Gitleaks' directory walk does.
// Covered by tests/sources/dir_walk_test.cc.
#pragma once

#include <string_view>

#include "config/config.h"

namespace leakscan {

// Returns true when any global allowlist of `config` has a path regex that
// matches somewhere in `path`. A null config matches nothing.
bool GlobalAllowlistSkipsPath(const Config* config, std::string_view path);

}  // namespace leakscan
