#include "config/config_decode.h"

#include "config/node_coerce.h"

namespace leakscan {
namespace {

// Reads the fields of one table into typed values. After the first error
// every further read is skipped and status() returns that error.
class FieldReader {
 public:
  FieldReader(const ConfigNode& table, std::string prefix)
      : table_(table), prefix_(std::move(prefix)) {}

  const ConfigNode* Get(std::string_view key) const { return status_ ? table_.Find(key) : nullptr; }
  std::string Field(std::string_view name) const { return prefix_ + std::string(name); }
  Status status() const { return status_; }
  void Fail(Error error) { status_ = std::unexpected(std::move(error)); }

  void String(std::string_view key, std::string_view name, std::string* out) {
    Read(key, name, CoerceString, out);
  }
  void Int(std::string_view key, std::string_view name, int* out) {
    Read(key, name, CoerceInt, out);
  }
  void Float(std::string_view key, std::string_view name, double* out) {
    Read(key, name, CoerceFloat, out);
  }
  void Bool(std::string_view key, std::string_view name, bool* out) {
    Read(key, name, CoerceBool, out);
  }
  void StringList(std::string_view key, std::string_view name, std::vector<std::string>* out) {
    Read(key, name, CoerceStringList, out);
  }
  void OptionalInt(std::string_view key, std::string_view name, std::optional<int>* out) {
    int value = 0;
    if (Get(key) == nullptr) return;
    Int(key, name, &value);
    if (status_) *out = value;
  }

 private:
  template <typename T, typename Coerce>
  void Read(std::string_view key, std::string_view name, Coerce coerce, T* out) {
    const ConfigNode* value = Get(key);
    if (value == nullptr) return;
    auto result = coerce(*value, Field(name));
    if (!result) {
      Fail(result.error());
      return;
    }
    *out = std::move(*result);
  }

  const ConfigNode& table_;
  std::string prefix_;
  Status status_;
};

std::string IndexedField(std::string_view prefix, std::string_view name, size_t index) {
  return std::string(prefix) + std::string(name) + "[" + std::to_string(index) + "]";
}

Result<RawAllowlist> DecodeAllowlist(const ConfigNode& table, const std::string& field) {
  RawAllowlist out;
  FieldReader reader(table, field + ".");
  reader.String("description", "description", &out.description);
  reader.String("condition", "condition", &out.condition);
  reader.StringList("commits", "commits", &out.commits);
  reader.StringList("paths", "paths", &out.paths);
  reader.String("regextarget", "regexTarget", &out.regex_target);
  reader.StringList("regexes", "regexes", &out.regexes);
  reader.StringList("stopwords", "stopwords", &out.stopwords);
  reader.StringList("targetrules", "targetRules", &out.target_rules);
  if (Status status = reader.status(); !status) return std::unexpected(status.error());
  return out;
}

// Decodes the deprecated single-table form ("allowlist") into `single` and
// the list form ("allowlists") into `list`.
Status DecodeAllowlists(const ConfigNode& parent, const std::string& prefix,
                        std::optional<RawAllowlist>* single, std::vector<RawAllowlist>* list) {
  if (const ConfigNode* node = parent.Find("allowlist")) {
    std::string field = prefix + "allowlist";
    if (Status status = ExpectTable(*node, field); !status) return status;
    Result<RawAllowlist> allowlist = DecodeAllowlist(*node, field);
    if (!allowlist) return std::unexpected(allowlist.error());
    *single = std::move(*allowlist);
  }
  const ConfigNode* node = parent.Find("allowlists");
  if (node == nullptr) return Ok();
  Result<std::vector<const ConfigNode*>> tables = CoerceTableList(*node, prefix + "allowlists");
  if (!tables) return std::unexpected(tables.error());
  for (size_t i = 0; i < tables->size(); ++i) {
    Result<RawAllowlist> allowlist =
        DecodeAllowlist(*(*tables)[i], IndexedField(prefix, "allowlists", i));
    if (!allowlist) return std::unexpected(allowlist.error());
    list->push_back(std::move(*allowlist));
  }
  return Ok();
}

Status DecodeRequired(const ConfigNode& rule, const std::string& prefix,
                      std::vector<RawRequired>* out) {
  const ConfigNode* node = rule.Find("required");
  if (node == nullptr) return Ok();
  Result<std::vector<const ConfigNode*>> tables = CoerceTableList(*node, prefix + "required");
  if (!tables) return std::unexpected(tables.error());
  for (size_t i = 0; i < tables->size(); ++i) {
    RawRequired required;
    FieldReader reader(*(*tables)[i], IndexedField(prefix, "required", i) + ".");
    reader.String("id", "id", &required.id);
    reader.OptionalInt("withinlines", "withinLines", &required.within_lines);
    reader.OptionalInt("withincolumns", "withinColumns", &required.within_columns);
    if (Status status = reader.status(); !status) return status;
    out->push_back(std::move(required));
  }
  return Ok();
}

// Decodes rule-pack examples: each is a table {text, secret} or a string.
Status DecodeExamples(const ConfigNode& rule, const std::string& prefix,
                      std::vector<RawExample>* out) {
  const ConfigNode* node = rule.Find("examples");
  if (node == nullptr) return Ok();
  std::vector<const ConfigNode*> items;
  if (node->kind == ConfigNode::Kind::kList) {
    for (const ConfigNode& item : node->items) items.push_back(&item);
  } else {
    items.push_back(node);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    std::string field = IndexedField(prefix, "examples", i);
    RawExample example;
    if (items[i]->kind == ConfigNode::Kind::kTable) {
      FieldReader reader(*items[i], field + ".");
      reader.String("text", "text", &example.text);
      reader.String("secret", "secret", &example.secret);
      if (Status status = reader.status(); !status) return status;
    } else {
      Result<std::string> text = CoerceString(*items[i], field);
      if (!text) return std::unexpected(text.error());
      example.text = std::move(*text);
    }
    out->push_back(std::move(example));
  }
  return Ok();
}

Result<RawRule> DecodeRule(const ConfigNode& table, const std::string& prefix) {
  RawRule rule;
  FieldReader reader(table, prefix);
  reader.String("id", "id", &rule.id);
  reader.String("description", "description", &rule.description);
  reader.String("path", "path", &rule.path);
  reader.String("regex", "regex", &rule.regex);
  reader.Int("secretgroup", "secretGroup", &rule.secret_group);
  reader.Float("entropy", "entropy", &rule.entropy);
  reader.StringList("keywords", "keywords", &rule.keywords);
  reader.StringList("tags", "tags", &rule.tags);
  reader.Bool("skipreport", "skipReport", &rule.skip_report);
  reader.StringList("negative_examples", "negative_examples", &rule.negative_examples);
  reader.StringList("negativeexamples", "negativeExamples", &rule.negative_examples);
  if (Status status = reader.status(); !status) return std::unexpected(status.error());

  Status status = DecodeAllowlists(table, prefix, &rule.allowlist, &rule.allowlists);
  if (status) status = DecodeRequired(table, prefix, &rule.required);
  if (status) status = DecodeExamples(table, prefix, &rule.examples);
  if (!status) return std::unexpected(status.error());
  return rule;
}

Status DecodeExtend(const ConfigNode& root, RawExtend* out) {
  const ConfigNode* node = root.Find("extend");
  if (node == nullptr) return Ok();
  if (Status status = ExpectTable(*node, "extend"); !status) return status;
  FieldReader reader(*node, "extend.");
  reader.String("path", "path", &out->path);
  reader.String("url", "url", &out->url);
  reader.Bool("usedefault", "useDefault", &out->use_default);
  reader.StringList("disabledrules", "disabledRules", &out->disabled_rules);
  return reader.status();
}

Status DecodeRules(const ConfigNode& root, std::vector<RawRule>* out) {
  const ConfigNode* node = root.Find("rules");
  if (node == nullptr) return Ok();
  Result<std::vector<const ConfigNode*>> tables = CoerceTableList(*node, "rules");
  if (!tables) return std::unexpected(tables.error());
  for (size_t i = 0; i < tables->size(); ++i) {
    Result<RawRule> rule = DecodeRule(*(*tables)[i], IndexedField("", "rules", i) + ".");
    if (!rule) return std::unexpected(rule.error());
    out->push_back(std::move(*rule));
  }
  return Ok();
}

}  // namespace

Result<RawConfig> DecodeConfig(const ConfigNode& root) {
  RawConfig config;
  if (root.kind == ConfigNode::Kind::kNull) return config;
  if (Status status = ExpectTable(root, "config"); !status) return std::unexpected(status.error());

  FieldReader reader(root, "");
  reader.String("title", "title", &config.title);
  reader.String("description", "description", &config.description);
  reader.String("minversion", "minVersion", &config.min_version);
  Status status = reader.status();
  if (status) status = DecodeExtend(root, &config.extend);
  if (status) status = DecodeRules(root, &config.rules);
  if (status) status = DecodeAllowlists(root, "", &config.allowlist, &config.allowlists);
  if (!status) return std::unexpected(status.error());
  return config;
}

}  // namespace leakscan
