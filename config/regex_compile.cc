#include "config/regex_compile.h"

#include <re2/re2.h>

namespace leakscan {
namespace {

std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

Result<std::shared_ptr<const re2::RE2>> CompileRegex(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kRegexMaxMemory);
  auto regex = std::make_shared<const re2::RE2>(pattern, options);
  if (!regex->ok()) {
    return MakeError("invalid regex `" + OneLine(pattern) + "`: " + OneLine(regex->error()));
  }
  return regex;
}

std::string JoinRegexOr(const std::vector<std::string>& patterns) {
  std::string joined = "(?:";
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (i > 0) joined += '|';
    joined += patterns[i];
  }
  joined += ')';
  return joined;
}

}  // namespace leakscan
