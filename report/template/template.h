// Report templates (--report-format template): a Go text/template engine
// with the Sprig functions report templates commonly use. Gitleaks runs
// user templates with Go's text/template and Sprig, minus env, expandenv
// and getHostByName. This engine supports the subset documented in
// report/template/README.md and rejects anything else at parse time.
//
//   auto parsed = ParseTemplate(text, "custom");
//   if (!parsed) return parsed.error();
//   std::string report;
//   Status status = ExecuteTemplate(*parsed, findings, &report);
//
// Pipeline position: FindingSink -> report writers (this one for
// templates). Covered by tests/report/template_test.cc and the template
// cases of the report conformance group.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/finding.h"
#include "util/error.h"

namespace leakscan {

namespace template_internal {
struct TemplateSet;
}

// A parsed template; cheap to copy, safe to execute from several threads.
class Template {
 public:
  const std::string& name() const;

 private:
  friend Result<Template> ParseTemplate(std::string_view text, std::string_view name);
  friend Status ExecuteTemplate(const Template& tmpl, const std::vector<Finding>& findings,
                                std::string* out);

  std::shared_ptr<const template_internal::TemplateSet> set_;
};

// Parses a template. Errors read like Go's, e.g.
// `template: custom:1: function "env" not defined`.
[[nodiscard]] Result<Template> ParseTemplate(std::string_view text, std::string_view name);

// Runs the template with the findings list as data and appends the output
// to `*out`. On error `*out` keeps what was written before the error.
[[nodiscard]] Status ExecuteTemplate(const Template& tmpl, const std::vector<Finding>& findings,
                                     std::string* out);

}  // namespace leakscan
