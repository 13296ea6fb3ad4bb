#include "report/json_writer.h"

#include "report/finding_json.h"
#include "report/pretty_json.h"

namespace leakscan {

void WriteJson(const std::vector<Finding>& findings, std::string* out) {
  PrettyJson json(out, " ");
  json.BeginArray();
  for (const Finding& finding : findings) WriteFindingObject(finding, &json);
  json.EndArray();
  out->push_back('\n');
}

}  // namespace leakscan
