// Parser: turns report template source into a TemplateSet, following Go's
// text/template/parse grammar. It rejects at parse time every function the
// engine does not provide, naming it and the line, so an unsupported
// template never starts writing a report. Covered by
// tests/report/template_test.cc.
#pragma once

#include <memory>
#include <string_view>

#include "report/template/nodes.h"
#include "util/error.h"

namespace leakscan::template_internal {

// Parses `source` as template `name`. Errors read like Go's:
// `template: custom:1: function "env" not defined`.
[[nodiscard]] Result<std::shared_ptr<const TemplateSet>> Parse(std::string_view source,
                                                               std::string_view name);

}  // namespace leakscan::template_internal
