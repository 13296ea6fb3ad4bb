// Shared setup of the rule-pack tests: the built-in config and a Detector
// over it, both loaded once per test binary, and the helpers that turn a
// rule's example into a scanned fragment.
//
// Example conventions (also described in rules/README.md):
//  * a rule with a regex scans each example as the content of a file;
//  * that file is "src/example.txt", unless the rule has a `path`, in which
//    case it is the first of kExamplePaths that the path regex matches;
//  * a path-only rule (no regex) takes each example text, and each negative
//    example, as the file path itself, and expects an empty secret.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "scanner/detector.h"
#include "scanner/finding.h"

namespace leakscan::rules_test {

// File paths tried, in order, for the examples of a rule with a `path`.
inline constexpr std::string_view kExamplePaths[] = {
    "src/example.txt",      "config/secrets.php", "infra/main.tf",    "infra/variables.hcl",
    "deploy/secret.yaml",   "deploy/secret.yml",  "nuget.config",     "NuGet.Config",
    "certs/client.p12",     "certs/client.pfx",   "app/settings.py",  "app/.env",
    "src/main/config.json", "config/app.xml",     "scripts/deploy.sh"};

// The config built from the embedded rule pack. When the pack does not
// load, records a failure naming the problem and returns null.
const Config* BuiltinConfig();

// A Detector over BuiltinConfig() with default options (decoding on), or
// null after recording a failure, as for BuiltinConfig().
const Detector* BuiltinDetector();

// The file path under which `rule`'s content examples are scanned, or
// nullopt when the rule's path regex matches none of kExamplePaths.
std::optional<std::string> ExamplePath(const Rule& rule);

// The file path for scanning `text` as an example or negative example of
// `rule`: `text` itself for a path-only rule, else ExamplePath(rule).
std::optional<std::string> ScanPath(const Rule& rule, const std::string& text);

// Scans `text` as an example of `rule` (see the conventions above) and
// returns the findings reported under the rule's own id.
std::vector<Finding> FindingsOfRule(const Detector& detector, const Rule& rule,
                                    std::string_view text, const std::string& path);

}  // namespace leakscan::rules_test
