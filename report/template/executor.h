// Executor: runs a parsed report template over the findings list, with Go
// text/template semantics (truth, variables and their scopes, range over
// lists, maps and integers, break/continue, nested templates, pipelines
// passing the previous result as the last argument).
// Covered by tests/report/template_test.cc.
#pragma once

#include <string>
#include <vector>

#include "report/template/nodes.h"
#include "scanner/finding.h"
#include "util/error.h"

namespace leakscan::template_internal {

// Appends the output of the set's main template to `*out`. On error the
// output written so far stays in `*out`; the message reads like Go's:
// `template: custom:3:5: executing "custom" at <.Foo>: can't evaluate ...`.
[[nodiscard]] Status Execute(const TemplateSet& set, const std::vector<Finding>& findings,
                             std::string* out);

}  // namespace leakscan::template_internal
