#include "config/config_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "config/node_coerce.h"
#include "config/text_case.h"
#include "config/toml_reader.h"
#include "config/yaml_reader.h"
#include "rules/builtin_rules.h"

namespace leakscan {
namespace {

// Formats an OS error the way Go prints it: "<op> <path>: <reason>", with
// the reason in lower case.
std::string OsError(std::string_view op, const std::string& path, int error) {
  std::string reason = std::strerror(error);
  if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
  return std::string(op) + " " + path + ": " + reason;
}

Result<std::string> ReadFileText(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return MakeError(OsError("open", path, errno));
  if (S_ISDIR(info.st_mode)) return MakeError(OsError("read", path, EISDIR));
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(OsError("open", path, errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return MakeError(OsError("read", path, EIO));
  return text.str();
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         EqualsIgnoringAsciiCase(text.substr(text.size() - suffix.size()), suffix);
}

// Appends the table list under `key` of one rule file to `out`.
Status AppendTables(const ConfigNode& file, std::string_view key, std::string_view name,
                    std::vector<ConfigNode>* out) {
  const ConfigNode* node = file.Find(key);
  if (node == nullptr) return Ok();
  Result<std::vector<const ConfigNode*>> tables =
      CoerceTableList(*node, std::string(name) + ": " + std::string(key));
  if (!tables) return std::unexpected(tables.error());
  for (const ConfigNode* table : *tables) out->push_back(*table);
  return Ok();
}

// Merges one parsed rule file into the combined document `merged`.
Status MergeRuleFile(const ConfigNode& file, std::string_view name, ConfigNode* merged,
                     std::vector<ConfigNode>* rules, std::vector<ConfigNode>* allowlists) {
  if (file.kind != ConfigNode::Kind::kTable) {
    return MakeError("built-in rule file " + std::string(name) + ": expected a table");
  }
  for (std::string_view key : {"title", "description", "minversion"}) {
    if (file.Find(key) != nullptr && merged->Find(key) == nullptr) {
      merged->fields.emplace_back(std::string(key), *file.Find(key));
    }
  }
  if (file.Find("allowlist") != nullptr && file.Find("allowlists") != nullptr) {
    return MakeError("built-in rule file " + std::string(name) +
                     ": [allowlist] is deprecated, it cannot be used alongside [[allowlists]]");
  }
  Status status = AppendTables(file, "rules", name, rules);
  if (status) status = AppendTables(file, "allowlist", name, allowlists);
  if (status) status = AppendTables(file, "allowlists", name, allowlists);
  return status;
}

Result<ConfigNode> MergeBuiltinRuleFiles() {
  std::vector<BuiltinRuleFile> files(BuiltinRuleFiles().begin(), BuiltinRuleFiles().end());
  std::sort(files.begin(), files.end(),
            [](const BuiltinRuleFile& a, const BuiltinRuleFile& b) { return a.name < b.name; });
  ConfigNode merged(ConfigNode::Kind::kTable);
  ConfigNode rules(ConfigNode::Kind::kList);
  ConfigNode allowlists(ConfigNode::Kind::kList);
  for (const BuiltinRuleFile& file : files) {
    Result<ConfigNode> parsed = ParseYamlText(file.yaml);
    if (!parsed) {
      return MakeError("built-in rule file " + std::string(file.name) + ": " +
                       parsed.error().message);
    }
    Status status = MergeRuleFile(*parsed, file.name, &merged, &rules.items, &allowlists.items);
    if (!status) return std::unexpected(status.error());
  }
  merged.fields.emplace_back("rules", std::move(rules));
  merged.fields.emplace_back("allowlists", std::move(allowlists));
  return merged;
}

}  // namespace

ConfigFormat FormatForPath(std::string_view path) {
  return EndsWith(path, ".yaml") || EndsWith(path, ".yml") ? ConfigFormat::kYaml
                                                           : ConfigFormat::kToml;
}

Result<ConfigNode> ParseConfigText(std::string_view text, ConfigFormat format) {
  return format == ConfigFormat::kYaml ? ParseYamlText(text) : ParseTomlText(text);
}

Result<ConfigNode> ReadConfigFile(const std::string& path) {
  Result<std::string> text = ReadFileText(path);
  if (!text) return std::unexpected(text.error());
  return ParseConfigText(*text, FormatForPath(path));
}

Result<ConfigNode> ReadTomlConfigFile(const std::string& path) {
  Result<std::string> text = ReadFileText(path);
  if (!text) return std::unexpected(text.error());
  return ParseTomlText(*text);
}

Result<ConfigNode> ReadDefaultConfig(const LoadContext& context) {
  if (!context.default_text.empty()) {
    return ParseConfigText(context.default_text, context.default_format);
  }
  return MergeBuiltinRuleFiles();
}

}  // namespace leakscan
