#include "scanner/baseline.h"

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <utility>

#include "scanner/baseline_readers.h"

namespace leakscan {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string IndexKey(const std::string& rule_id, int start_line) {
  return rule_id + "\n" + std::to_string(start_line);
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool Matches(const BaselineEntry& entry, const Finding& finding, bool redacting) {
  const Finding& known = entry.finding;
  uint32_t fields = entry.fields;
  if (redacting) fields &= ~(kBaselineMatch | kBaselineSecret);
  auto differs = [fields](BaselineField field, bool equal) { return (fields & field) && !equal; };

  const std::string& file =
      entry.file_is_uri && !finding.symlink_file.empty() ? finding.symlink_file : finding.file;
  return known.rule_id == finding.rule_id && known.start_line == finding.start_line &&
         !differs(kBaselineDescription, known.description == finding.description) &&
         !differs(kBaselineEndLine, known.end_line == finding.end_line) &&
         !differs(kBaselineStartColumn, known.start_column == finding.start_column) &&
         !differs(kBaselineEndColumn, known.end_column == finding.end_column) &&
         !differs(kBaselineFile, known.file == file) &&
         !differs(kBaselineCommit, known.commit == finding.commit) &&
         !differs(kBaselineAuthor, known.author == finding.author) &&
         !differs(kBaselineEmail, known.email == finding.email) &&
         !differs(kBaselineDate, known.date == finding.date) &&
         !differs(kBaselineMessage, known.message == finding.message) &&
         !differs(kBaselineEntropy, known.entropy == finding.entropy) &&
         !differs(kBaselineMatch, known.match == finding.match) &&
         !differs(kBaselineSecret, known.secret == finding.secret);
}

}  // namespace

Result<Baseline> Baseline::Load(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0 || S_ISDIR(info.st_mode)) {
    return MakeError("could not open " + path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("could not open " + path);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError("could not open " + path);
  return Parse(content, path);
}

Result<Baseline> Baseline::Parse(std::string_view content, const std::string& path) {
  size_t first = 0;
  while (first < content.size() && IsJsonSpace(content[first])) ++first;
  // An empty CSV report is a zero-byte file, so empty text is an empty
  // baseline (Gitleaks rejects it).
  if (first == content.size()) return FromEntries({}, BaselineFormat::kCsv);

  std::string_view without_bom = content;
  if (without_bom.starts_with(kUtf8Bom)) without_bom.remove_prefix(kUtf8Bom.size());
  BaselineFormat format = BaselineFormat::kJson;
  Result<std::vector<BaselineEntry>> entries;
  if (without_bom.starts_with("RuleID,")) {
    format = BaselineFormat::kCsv;
    entries = baseline_internal::ReadCsvBaseline(without_bom);
  } else if (content[first] == '{') {
    format = BaselineFormat::kSarif;
    entries = baseline_internal::ReadSarifBaseline(content);
  } else {
    entries = baseline_internal::ReadJsonBaseline(content);
  }
  if (!entries) {
    std::string message = "the format of the file " + path + " is not supported";
    if (!entries.error().message.empty()) message += ": " + entries.error().message;
    return MakeError(message);
  }
  return FromEntries(std::move(*entries), format);
}

Baseline Baseline::FromEntries(std::vector<BaselineEntry> entries, BaselineFormat format) {
  Baseline baseline;
  baseline.format_ = format;
  baseline.entries_ = std::move(entries);
  for (size_t i = 0; i < baseline.entries_.size(); ++i) {
    const Finding& finding = baseline.entries_[i].finding;
    baseline.index_[IndexKey(finding.rule_id, finding.start_line)].push_back(i);
  }
  return baseline;
}

bool Baseline::Contains(const Finding& finding, bool redacting) const {
  if (entries_.empty()) return false;
  auto candidates = index_.find(IndexKey(finding.rule_id, finding.start_line));
  if (candidates == index_.end()) return false;
  for (size_t i : candidates->second) {
    if (Matches(entries_[i], finding, redacting)) return true;
  }
  return false;
}

}  // namespace leakscan
