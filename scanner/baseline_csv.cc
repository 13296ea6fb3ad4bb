// The CSV report reader for baselines. It reverses the CSV writer exactly:
// quoted fields keep their bytes (including "\r\n"), and "" is a quote.
#include <charconv>
#include <map>

#include "scanner/baseline_readers.h"

namespace leakscan::baseline_internal {
namespace {

using Record = std::vector<std::string>;

// Splits CSV text into records. Records end at "\n" or "\r\n" outside
// quotes; blank lines are skipped.
Result<std::vector<Record>> SplitRecords(std::string_view text) {
  std::vector<Record> records;
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\n' || text.substr(pos, 2) == "\r\n") {
      pos += text[pos] == '\n' ? 1 : 2;
      continue;
    }
    Record record;
    while (true) {
      std::string field;
      if (pos < text.size() && text[pos] == '"') {
        ++pos;
        while (true) {
          if (pos >= text.size()) {
            return MakeError("CSV record " + std::to_string(records.size() + 1) +
                             " has an unterminated quoted field");
          }
          if (text[pos] == '"' && pos + 1 < text.size() && text[pos + 1] == '"') {
            field += '"';
            pos += 2;
          } else if (text[pos] == '"') {
            ++pos;
            break;
          } else {
            field += text[pos++];
          }
        }
      } else {
        while (pos < text.size() && text[pos] != ',' && text[pos] != '\n' &&
               text.substr(pos, 2) != "\r\n") {
          if (text[pos] == '"') {
            return MakeError("CSV record " + std::to_string(records.size() + 1) +
                             " has a quote inside an unquoted field");
          }
          field += text[pos++];
        }
      }
      record.push_back(std::move(field));
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] != '\n' && text.substr(pos, 2) != "\r\n") {
        return MakeError("CSV record " + std::to_string(records.size() + 1) +
                         " has text after a closing quote");
      }
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

struct Column {
  std::string Finding::*text = nullptr;
  int Finding::*number = nullptr;
  uint32_t field = 0;
};

// The compared columns of the CSV report; SymlinkFile, Fingerprint, Tags
// and Link are read past.
const std::map<std::string, Column, std::less<>>& KnownColumns() {
  static const std::map<std::string, Column, std::less<>> columns = {
      {"RuleID", {&Finding::rule_id, nullptr, 0}},
      {"Commit", {&Finding::commit, nullptr, kBaselineCommit}},
      {"File", {&Finding::file, nullptr, kBaselineFile}},
      {"Secret", {&Finding::secret, nullptr, kBaselineSecret}},
      {"Match", {&Finding::match, nullptr, kBaselineMatch}},
      {"StartLine", {nullptr, &Finding::start_line, 0}},
      {"EndLine", {nullptr, &Finding::end_line, kBaselineEndLine}},
      {"StartColumn", {nullptr, &Finding::start_column, kBaselineStartColumn}},
      {"EndColumn", {nullptr, &Finding::end_column, kBaselineEndColumn}},
      {"Author", {&Finding::author, nullptr, kBaselineAuthor}},
      {"Message", {&Finding::message, nullptr, kBaselineMessage}},
      {"Date", {&Finding::date, nullptr, kBaselineDate}},
      {"Email", {&Finding::email, nullptr, kBaselineEmail}},
  };
  return columns;
}

bool ParseInt(const std::string& text, int* out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

Result<std::vector<BaselineEntry>> ReadCsvBaseline(std::string_view content) {
  auto records = SplitRecords(content);
  if (!records) return std::unexpected(records.error());
  const Record& header = records->front();

  std::vector<const Column*> columns;
  uint32_t fields = 0;
  bool has_start_line = false;
  for (const std::string& name : header) {
    auto known = KnownColumns().find(name);
    columns.push_back(known == KnownColumns().end() ? nullptr : &known->second);
    if (known != KnownColumns().end()) fields |= known->second.field;
    has_start_line = has_start_line || name == "StartLine";
  }
  if (!has_start_line) return MakeError("the CSV header has no StartLine column");

  std::vector<BaselineEntry> entries;
  for (size_t r = 1; r < records->size(); ++r) {
    const Record& record = (*records)[r];
    std::string where = "CSV record " + std::to_string(r + 1);
    if (record.size() != header.size()) {
      return MakeError(where + " has " + std::to_string(record.size()) +
                       " fields, the header has " + std::to_string(header.size()));
    }
    BaselineEntry entry;
    entry.fields = fields;
    for (size_t c = 0; c < record.size(); ++c) {
      const Column* column = columns[c];
      if (column == nullptr) continue;
      if (column->text != nullptr) {
        entry.finding.*(column->text) = record[c];
      } else if (!ParseInt(record[c], &(entry.finding.*(column->number)))) {
        return MakeError(where + ": " + header[c] + " is not an integer");
      }
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace leakscan::baseline_internal
