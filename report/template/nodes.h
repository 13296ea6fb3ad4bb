// Nodes: the parse tree of a report template, mirroring the node kinds of
// Go's text/template/parse. Built by the parser, walked by the executor.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace leakscan::template_internal {

enum class NodeType {
  // Statements.
  kList,      // children
  kText,      // text
  kAction,    // pipe
  kIf,        // pipe, list, else_list
  kRange,     // pipe, list, else_list
  kWith,      // pipe, list, else_list
  kTemplate,  // text = template name, pipe (may be null)
  kBreak,
  kContinue,
  // Pipelines and operands.
  kPipe,        // decl, is_assign, children = commands
  kCommand,     // children = arguments
  kField,       // idents = {"A", "B"} for .A.B
  kVariable,    // idents = {"$x", "A"} for $x.A
  kChain,       // operand, idents: (pipeline).A.B
  kIdentifier,  // text = function name
  kDot,
  kNil,
  kBool,    // bool_value
  kNumber,  // number fields
  kString,  // text = unquoted value
};

struct Node {
  NodeType type = NodeType::kList;
  size_t pos = 0;      // Byte offset in the source, for error positions.
  std::string text;    // See NodeType.
  std::string source;  // The node as written, for "executing ... at <...>" errors.
  std::vector<std::unique_ptr<Node>> children;
  std::vector<std::string> idents;
  std::unique_ptr<Node> operand;
  std::unique_ptr<Node> pipe;
  std::unique_ptr<Node> list;
  std::unique_ptr<Node> else_list;
  // kPipe: the variables declared ($x :=) or assigned ($x =).
  std::vector<std::string> decl;
  bool is_assign = false;
  bool bool_value = false;
  // kNumber: which interpretations of the literal are valid, as in Go.
  bool is_int = false;
  bool is_float = false;
  bool float_syntax = false;  // Written with '.', an exponent: a float64 constant.
  int64_t int_value = 0;
  double float_value = 0;
};

// The parsed templates: the main one and every {{define}} / {{block}}.
struct TemplateSet {
  std::string name;    // Name of the main template.
  std::string source;  // Full source text, for error positions.
  std::map<std::string, std::shared_ptr<const Node>> trees;
};

}  // namespace leakscan::template_internal
