#include "sources/dir_path_filter.h"

#include <re2/re2.h>

namespace leakscan {

bool GlobalAllowlistSkipsPath(const Config* config, std::string_view path) {
  if (config == nullptr) return false;
  for (const Allowlist& allowlist : config->allowlists) {
    if (allowlist.path_regex != nullptr && RE2::PartialMatch(path, *allowlist.path_regex)) {
      return true;
    }
  }
  return false;
}

}  // namespace leakscan
