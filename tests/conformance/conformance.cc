#include "tests/conformance/conformance.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

namespace leakscan::conformance {
namespace fs = std::filesystem;

std::optional<std::string> SharedDir() {
  std::string dir;
  if (const char* env = std::getenv("LEAKSCAN_SHARED_DIR"); env != nullptr && *env != '\0') {
    dir = env;
  } else {
    dir = LEAKSCAN_SHARED_DIR_DEFAULT;
  }
  std::error_code error;
  if (!fs::is_directory(fs::path(dir) / "conformance" / "cases", error)) return std::nullopt;
  return fs::canonical(dir, error).string();
}

std::string CasesDir() { return *SharedDir() + "/conformance/cases"; }

std::unique_ptr<CaseFile> LoadGroup(const std::string& group) {
  auto file = std::make_unique<CaseFile>();
  std::string path = CasesDir() + "/" + group + ".json";
  auto result = file->parser.load(path);
  if (result.error()) throw std::runtime_error("cannot parse " + path);
  file->root = result.value();
  return file;
}

CasesWorkingDir::CasesWorkingDir() : previous_(fs::current_path().string()) {
  fs::current_path(CasesDir());
}

CasesWorkingDir::~CasesWorkingDir() {
  std::error_code error;
  fs::current_path(previous_, error);
}

std::string CopyFixtureRepo(const std::string& repo_path) {
  std::string pattern = (fs::temp_directory_path() / "leakscan-fixture-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  fs::path target = fs::path(buffer.data()) / fs::path(repo_path).filename();
  fs::copy(repo_path, target, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  fs::rename(target / "dotGit", target / ".git");
  // Copies are read-only when shared/ is; git needs to write its lock files.
  for (auto& entry : fs::recursive_directory_iterator(target)) {
    if (!entry.is_symlink()) {
      fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
    }
  }
  fs::permissions(target, fs::perms::owner_write, fs::perm_options::add);
  return target.string();
}

namespace {

std::string GetString(simdjson::dom::object object, std::string_view key) {
  std::string_view value;
  if (object[key].get(value) != simdjson::SUCCESS) return "";
  return std::string(value);
}

int GetInt(simdjson::dom::object object, std::string_view key) {
  int64_t value = 0;
  if (object[key].get(value) != simdjson::SUCCESS) return 0;
  return static_cast<int>(value);
}

bool Has(simdjson::dom::object object, std::string_view key) {
  simdjson::dom::element element;
  return object[key].get(element) == simdjson::SUCCESS;
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out;
}

std::string Describe(const Finding& f) {
  std::ostringstream out;
  out << "{" << f.rule_id << " " << Escape(f.file) << ":" << f.start_line << "-" << f.end_line
      << " col " << f.start_column << "-" << f.end_column << " secret='" << Escape(f.secret)
      << "' match='" << Escape(f.match) << "' commit=" << f.commit << " line='" << Escape(f.line)
      << "' entropy=" << f.entropy << " fp=" << f.fingerprint << "}";
  return out.str();
}

struct EntropyRule {
  bool exact_float32 = true;
  double relative_tolerance = 0;
};

bool EntropyEqual(double expected, float actual, const EntropyRule& rule) {
  if (rule.exact_float32) return static_cast<float>(expected) == actual;
  double a = actual;
  return std::fabs(a - expected) <=
             rule.relative_tolerance * std::min(std::fabs(a), std::fabs(expected)) ||
         a == expected;
}

// Returns the first differing field name, or "" when equal.
std::string FirstDifference(simdjson::dom::object expected, const Finding& actual,
                            const std::set<std::string>& ignored, const EntropyRule& entropy) {
  auto check_string = [&](std::string_view key, const std::string& value) -> bool {
    if (ignored.count(std::string(key)) || !Has(expected, key)) return true;
    return GetString(expected, key) == value;
  };
  auto check_int = [&](std::string_view key, int value) -> bool {
    if (ignored.count(std::string(key)) || !Has(expected, key)) return true;
    return GetInt(expected, key) == value;
  };
  if (!check_string("RuleID", actual.rule_id)) return "RuleID";
  if (!check_string("Description", actual.description)) return "Description";
  if (!check_int("StartLine", actual.start_line)) return "StartLine";
  if (!check_int("EndLine", actual.end_line)) return "EndLine";
  if (!check_int("StartColumn", actual.start_column)) return "StartColumn";
  if (!check_int("EndColumn", actual.end_column)) return "EndColumn";
  if (!check_string("Line", actual.line)) return "Line";
  if (!check_string("Match", actual.match)) return "Match";
  if (!check_string("Secret", actual.secret)) return "Secret";
  if (!check_string("File", actual.file)) return "File";
  if (!check_string("SymlinkFile", actual.symlink_file)) return "SymlinkFile";
  if (!check_string("Commit", actual.commit)) return "Commit";
  if (!check_string("Link", actual.link)) return "Link";
  if (!check_string("Author", actual.author)) return "Author";
  if (!check_string("Email", actual.email)) return "Email";
  if (!check_string("Date", actual.date)) return "Date";
  if (!check_string("Message", actual.message)) return "Message";
  if (!check_string("Fingerprint", actual.fingerprint)) return "Fingerprint";
  if (!ignored.count("Entropy") && Has(expected, "Entropy")) {
    double value = 0;
    if (expected["Entropy"].get(value) != simdjson::SUCCESS) {
      int64_t integer = 0;
      if (expected["Entropy"].get(integer) == simdjson::SUCCESS)
        value = static_cast<double>(integer);
    }
    if (!EntropyEqual(value, actual.entropy, entropy)) return "Entropy";
  }
  if (!ignored.count("Tags")) {
    std::vector<std::string> tags;
    simdjson::dom::array array;
    if (expected["Tags"].get(array) == simdjson::SUCCESS) {
      for (auto tag : array) tags.emplace_back(std::string_view(tag));
    }
    if (tags != actual.tags) return "Tags";
  }
  if (!ignored.count("RequiredFindings") && Has(expected, "RequiredFindings")) {
    simdjson::dom::array array = expected["RequiredFindings"];
    if (array.size() != actual.required.size()) return "RequiredFindings";
    size_t index = 0;
    for (simdjson::dom::object required : array) {
      const Finding& got = actual.required[index++];
      if (GetString(required, "RuleID") != got.rule_id ||
          GetInt(required, "StartLine") != got.start_line ||
          GetString(required, "Secret") != got.secret) {
        return "RequiredFindings";
      }
    }
  }
  return "";
}

}  // namespace

Finding FindingFromJson(simdjson::dom::object object) {
  Finding f;
  f.rule_id = GetString(object, "RuleID");
  f.description = GetString(object, "Description");
  f.start_line = GetInt(object, "StartLine");
  f.end_line = GetInt(object, "EndLine");
  f.start_column = GetInt(object, "StartColumn");
  f.end_column = GetInt(object, "EndColumn");
  f.line = GetString(object, "Line");
  f.match = GetString(object, "Match");
  f.secret = GetString(object, "Secret");
  f.file = GetString(object, "File");
  f.symlink_file = GetString(object, "SymlinkFile");
  f.commit = GetString(object, "Commit");
  f.link = GetString(object, "Link");
  double entropy = 0;
  if (object["Entropy"].get(entropy) == simdjson::SUCCESS) f.entropy = static_cast<float>(entropy);
  f.author = GetString(object, "Author");
  f.email = GetString(object, "Email");
  f.date = GetString(object, "Date");
  f.message = GetString(object, "Message");
  simdjson::dom::array tags;
  if (object["Tags"].get(tags) == simdjson::SUCCESS) {
    for (auto tag : tags) f.tags.emplace_back(std::string_view(tag));
  }
  f.fingerprint = GetString(object, "Fingerprint");
  return f;
}

std::string CompareFindings(simdjson::dom::element test_case, const std::vector<Finding>& actual) {
  std::set<std::string> ignored;
  EntropyRule entropy;
  simdjson::dom::object compare;
  if (test_case["compare"].get(compare) == simdjson::SUCCESS) {
    simdjson::dom::array fields;
    if (compare["ignore_fields"].get(fields) == simdjson::SUCCESS) {
      for (auto field : fields) ignored.insert(std::string(std::string_view(field)));
    }
    simdjson::dom::object rule;
    if (compare["entropy"].get(rule) == simdjson::SUCCESS) {
      double tolerance = 0;
      if (rule["relative_tolerance"].get(tolerance) == simdjson::SUCCESS) {
        entropy.exact_float32 = false;
        entropy.relative_tolerance = tolerance;
      }
    }
  }

  std::vector<simdjson::dom::object> expected;
  for (simdjson::dom::object object : test_case["expected_findings"].get_array()) {
    expected.push_back(object);
  }
  std::ostringstream report;
  if (expected.size() != actual.size()) {
    report << "expected " << expected.size() << " findings, got " << actual.size() << "\n";
  }
  std::vector<bool> used(actual.size(), false);
  for (size_t i = 0; i < expected.size(); ++i) {
    std::string closest;
    bool matched = false;
    for (size_t j = 0; j < actual.size() && !matched; ++j) {
      if (used[j]) continue;
      std::string difference = FirstDifference(expected[i], actual[j], ignored, entropy);
      if (difference.empty()) {
        used[j] = true;
        matched = true;
      } else if (closest.empty() || difference != "RuleID") {
        closest = difference + " differs from " + Describe(actual[j]);
      }
    }
    if (!matched) {
      report << "expected finding " << i << " (" << Describe(FindingFromJson(expected[i]))
             << ") not found; closest: " << closest << "\n";
    }
  }
  for (size_t j = 0; j < actual.size(); ++j) {
    if (!used[j]) report << "unexpected finding " << Describe(actual[j]) << "\n";
  }
  return report.str();
}

}  // namespace leakscan::conformance
