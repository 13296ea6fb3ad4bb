#include "report/finding_json.h"

namespace leakscan {

void WriteFindingObject(const Finding& finding, PrettyJson* json) {
  json->BeginObject();
  json->Member("RuleID", finding.rule_id);
  json->Member("Description", finding.description);
  json->Member("StartLine", finding.start_line);
  json->Member("EndLine", finding.end_line);
  json->Member("StartColumn", finding.start_column);
  json->Member("EndColumn", finding.end_column);
  json->Member("Match", finding.match);
  json->Member("Secret", finding.secret);
  json->Member("File", finding.file);
  json->Member("SymlinkFile", finding.symlink_file);
  json->Member("Commit", finding.commit);
  if (!finding.link.empty()) json->Member("Link", finding.link);
  json->Key("Entropy");
  json->Float32(finding.entropy);
  json->Member("Author", finding.author);
  json->Member("Email", finding.email);
  json->Member("Date", finding.date);
  json->Member("Message", finding.message);
  json->Key("Tags");
  json->StringArray(finding.tags);
  json->Member("Fingerprint", finding.fingerprint);
  json->EndObject();
}

}  // namespace leakscan
