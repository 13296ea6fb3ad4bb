#include "report/template/template.h"

#include "report/template/executor.h"
#include "report/template/nodes.h"
#include "report/template/parser.h"

namespace leakscan {

const std::string& Template::name() const { return set_->name; }

Result<Template> ParseTemplate(std::string_view text, std::string_view name) {
  auto set = template_internal::Parse(text, name);
  if (!set) return std::unexpected(set.error());
  Template parsed;
  parsed.set_ = std::move(*set);
  return parsed;
}

Status ExecuteTemplate(const Template& tmpl, const std::vector<Finding>& findings,
                       std::string* out) {
  if (tmpl.set_ == nullptr) return MakeError("template: executing an empty template");
  return template_internal::Execute(*tmpl.set_, findings, out);
}

}  // namespace leakscan
