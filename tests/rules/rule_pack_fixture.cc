#include "tests/rules/rule_pack_fixture.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>

#include "config/loader.h"
#include "scanner/fragment.h"

namespace leakscan::rules_test {
namespace {

struct LoadedPack {
  std::shared_ptr<const Config> config;
  std::unique_ptr<Detector> detector;
  std::string error;
};

const LoadedPack& Pack() {
  static const LoadedPack* const pack = [] {
    auto* loaded = new LoadedPack;
    Result<Config> config = LoadDefaultConfig();
    if (!config) {
      loaded->error = "loading the built-in rule pack failed: " + config.error().message;
      return loaded;
    }
    loaded->config = std::make_shared<const Config>(std::move(*config));
    Result<std::unique_ptr<Detector>> detector = Detector::Create(loaded->config, {});
    if (!detector) {
      loaded->error = "creating a Detector over the rule pack failed: " + detector.error().message;
      return loaded;
    }
    loaded->detector = std::move(*detector);
    return loaded;
  }();
  return *pack;
}

}  // namespace

const Config* BuiltinConfig() {
  const LoadedPack& pack = Pack();
  if (!pack.error.empty() || pack.config == nullptr) {
    ADD_FAILURE() << pack.error;
    return nullptr;
  }
  return pack.config.get();
}

const Detector* BuiltinDetector() {
  const LoadedPack& pack = Pack();
  if (!pack.error.empty() || pack.detector == nullptr) {
    ADD_FAILURE() << pack.error;
    return nullptr;
  }
  return pack.detector.get();
}

std::optional<std::string> ExamplePath(const Rule& rule) {
  if (rule.compiled_path == nullptr) return std::string(kExamplePaths[0]);
  for (std::string_view candidate : kExamplePaths) {
    if (RE2::PartialMatch(candidate, *rule.compiled_path)) return std::string(candidate);
  }
  return std::nullopt;
}

std::optional<std::string> ScanPath(const Rule& rule, const std::string& text) {
  if (!rule.regex) return text;
  return ExamplePath(rule);
}

std::vector<Finding> FindingsOfRule(const Detector& detector, const Rule& rule,
                                    std::string_view text, const std::string& path) {
  Fragment fragment;
  fragment.raw = text;
  fragment.file_path = path;
  std::vector<Finding> own;
  for (Finding& finding : detector.Detect(fragment)) {
    if (finding.rule_id == rule.id) own.push_back(std::move(finding));
  }
  return own;
}

}  // namespace leakscan::rules_test
