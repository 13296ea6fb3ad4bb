#include "report/csv_writer.h"

#include <string>

#include "report/utf8.h"

namespace leakscan {
namespace {

constexpr std::string_view kHeader =
    "RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,"
    "Author,Message,Date,Email,Fingerprint,Tags";

bool FieldNeedsQuotes(std::string_view field) {
  if (field.empty()) return false;
  if (field == "\\.") return true;
  if (field.find_first_of(",\"\r\n") != std::string_view::npos) return true;
  return IsUnicodeSpace(DecodeRune(field).rune);
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string joined;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (i > 0) joined.push_back(' ');
    joined.append(tags[i]);
  }
  return joined;
}

void AppendRow(const Finding& finding, bool with_link, std::string* out) {
  const std::string_view text_fields_before_lines[] = {finding.rule_id, finding.commit,
                                                       finding.file,    finding.symlink_file,
                                                       finding.secret,  finding.match};
  for (std::string_view field : text_fields_before_lines) {
    AppendCsvField(field, out);
    out->push_back(',');
  }
  for (int number :
       {finding.start_line, finding.end_line, finding.start_column, finding.end_column}) {
    out->append(std::to_string(number));
    out->push_back(',');
  }
  const std::string_view text_fields_after_lines[] = {finding.author, finding.message, finding.date,
                                                      finding.email, finding.fingerprint};
  for (std::string_view field : text_fields_after_lines) {
    AppendCsvField(field, out);
    out->push_back(',');
  }
  AppendCsvField(JoinTags(finding.tags), out);
  if (with_link) {
    out->push_back(',');
    AppendCsvField(finding.link, out);
  }
  out->push_back('\n');
}

}  // namespace

void AppendCsvField(std::string_view field, std::string* out) {
  if (!FieldNeedsQuotes(field)) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void WriteCsv(const std::vector<Finding>& findings, std::string* out) {
  if (findings.empty()) return;
  bool with_link = !findings.front().link.empty();
  out->append(kHeader);
  if (with_link) out->append(",Link");
  out->push_back('\n');
  for (const Finding& finding : findings) AppendRow(finding, with_link, out);
}

}  // namespace leakscan
