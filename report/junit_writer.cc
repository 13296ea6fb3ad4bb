#include "report/junit_writer.h"

#include "report/finding_json.h"
#include "report/pretty_json.h"
#include "report/xml_escape.h"

namespace leakscan {
namespace {

std::string TestCaseMessage(const Finding& finding) {
  std::string message = finding.rule_id + " has detected a secret in file " + finding.file +
                        ", line " + std::to_string(finding.start_line);
  if (!finding.commit.empty()) message += ", at commit " + finding.commit;
  message.push_back('.');
  return message;
}

void AppendAttribute(std::string_view name, std::string_view value, std::string* out) {
  out->push_back(' ');
  out->append(name);
  out->append("=\"");
  AppendXmlEscaped(value, out);
  out->push_back('"');
}

void AppendTestCase(const Finding& finding, std::string* json, std::string* out) {
  std::string message = TestCaseMessage(finding);
  out->append("\n\t\t<testcase");
  AppendAttribute("classname", finding.description, out);
  AppendAttribute("file", finding.file, out);
  AppendAttribute("name", message, out);
  AppendAttribute("time", "", out);
  out->append(">\n\t\t\t<failure");
  AppendAttribute("message", message, out);
  AppendAttribute("type", finding.description, out);
  out->push_back('>');

  json->clear();
  PrettyJson printer(json, "\t");
  WriteFindingObject(finding, &printer);
  AppendXmlEscaped(*json, out);
  out->append("</failure>\n\t\t</testcase>");
}

}  // namespace

void WriteJunit(const std::vector<Finding>& findings, std::string* out) {
  std::string count = std::to_string(findings.size());
  out->append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n\t<testsuite");
  AppendAttribute("failures", count, out);
  AppendAttribute("name", "gitleaks", out);
  AppendAttribute("tests", count, out);
  AppendAttribute("time", "", out);
  out->push_back('>');
  std::string json;  // Reused for each finding's failure text.
  for (const Finding& finding : findings) AppendTestCase(finding, &json, out);
  if (!findings.empty()) out->append("\n\t");
  out->append("</testsuite>\n</testsuites>");
}

}  // namespace leakscan
