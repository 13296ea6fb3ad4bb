// [extend]: loading the config a config inherits from (the default config
// or extend.path) and merging it in, with Gitleaks' merge rules. Called by
// translate.cc while it translates the extending config.
// Covered by tests/config/extend_test.cc and config_conformance_test.cc.
#pragma once

#include "config/config.h"
#include "config/load_context.h"
#include "config/raw_config.h"
#include "util/error.h"

namespace leakscan {

// Loads the config `extend` names at level depth + 1 and merges it into
// `config` (MergeExtendedConfig). Nothing to do when neither useDefault nor
// path is set. Errors: both set gives "unable to load config due to
// extend.path and extend.useDefault being set"; a failed load is wrapped as
// "failed to load extended default config, err: ..." or
// "failed to load extended config, err: ...". extend.path is resolved
// against the process working directory.
[[nodiscard]] Status ApplyExtend(const RawExtend& extend, int depth, const LoadContext& context,
                                 Config* config);

// Merges the inherited `base` into `config`:
// - base rules listed in disabledRules are dropped, with a warning for each
//   listed id that base does not define;
// - base rules that `config` lacks are added;
// - for a rule both define, the non-empty description, regex and path and
//   the non-zero entropy and secretGroup of `config` replace base's values.
//   Tags, keywords and allowlists become base's followed by config's.
//   skipReport and required entries stay base's.
// Then base's global allowlists are appended and the rule order is sorted.
void MergeExtendedConfig(const RawExtend& extend, Config base, Config* config);

}  // namespace leakscan
