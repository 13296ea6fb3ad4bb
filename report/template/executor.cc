#include "report/template/executor.h"

#include <algorithm>

#include "report/template/functions.h"
#include "report/template/go_format.h"

namespace leakscan::template_internal {
namespace {

// NOTE: Go allows 100000 nested template calls; this engine stops at 1000
// so deep recursion cannot exhaust the native stack.
constexpr int kMaxTemplateDepth = 1000;

struct ExecError {
  std::string message;
};

enum class Flow { kNormal, kBreak, kContinue };

class State {
 public:
  State(const TemplateSet& set, std::string* out, std::string name, int depth, Value data)
      : set_(set), out_(out), name_(std::move(name)), depth_(depth) {
    vars_.emplace_back("$", std::move(data));
  }

  Flow Walk(const Value& dot, const Node& node) {
    switch (node.type) {
      case NodeType::kList:
        for (const auto& child : node.children) {
          Flow flow = Walk(dot, *child);
          if (flow != Flow::kNormal) return flow;
        }
        return Flow::kNormal;
      case NodeType::kText:
        *out_ += node.text;
        return Flow::kNormal;
      case NodeType::kAction: {
        at_ = &node;
        Value value = EvalPipeline(dot, *node.pipe);
        if (node.pipe->decl.empty()) PrintValue(value);
        return Flow::kNormal;
      }
      case NodeType::kIf:
      case NodeType::kWith:
        return WalkIfOrWith(dot, node);
      case NodeType::kRange:
        return WalkRange(dot, node);
      case NodeType::kTemplate:
        WalkTemplate(dot, node);
        return Flow::kNormal;
      case NodeType::kBreak:
        return Flow::kBreak;
      case NodeType::kContinue:
        return Flow::kContinue;
      default:
        Fail("unknown node");
    }
  }

 private:
  [[noreturn]] void Fail(const std::string& message) {
    if (at_ == nullptr) throw ExecError{"template: " + name_ + ": " + message};
    std::string_view before = std::string_view(set_.source).substr(0, at_->pos);
    size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
    size_t newline = before.rfind('\n');
    size_t column = newline == std::string_view::npos ? at_->pos : at_->pos - newline - 1;
    std::string context = at_->source;
    if (context.size() > 20) {
      context.resize(20);
      context += "...";
    }
    throw ExecError{"template: " + set_.name + ":" + std::to_string(line) + ":" +
                    std::to_string(column) + ": executing \"" + name_ + "\" at <" + context +
                    ">: " + message};
  }

  void PrintValue(const Value& value) {
    *out_ += value.is_nil() ? "<no value>" : FormatValue(value);
  }

  void SetVar(const std::string& name, Value value) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->first == name) {
        it->second = std::move(value);
        return;
      }
    }
    Fail("undefined variable: " + name);
  }

  const Value& VarValue(const std::string& name) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    Fail("undefined variable: " + name);
  }

  Flow WalkIfOrWith(const Value& dot, const Node& node) {
    size_t mark = vars_.size();
    at_ = &node;
    Value value = EvalPipeline(dot, *node.pipe);
    Flow flow = Flow::kNormal;
    if (value.IsTrue()) {
      flow = Walk(node.type == NodeType::kWith ? value : dot, *node.list);
    } else if (node.else_list) {
      flow = Walk(dot, *node.else_list);
    }
    vars_.resize(mark);
    return flow;
  }

  Flow WalkRange(const Value& dot, const Node& node) {
    size_t mark = vars_.size();
    at_ = &node;
    Value value = EvalPipeline(dot, *node.pipe);
    size_t body_mark = vars_.size();
    const std::vector<std::string>& decl = node.pipe->decl;
    bool ran = false;
    auto iteration = [&](const Value& index, const Value& element) {
      ran = true;
      if (!decl.empty()) {
        if (node.pipe->is_assign)
          SetVar(decl[0], decl.size() > 1 ? index : element);
        else
          vars_[vars_.size() - 1].second = element;
      }
      if (decl.size() > 1) {
        if (node.pipe->is_assign)
          SetVar(decl[1], element);
        else
          vars_[vars_.size() - 2].second = index;
      }
      Flow flow = Walk(element, *node.list);
      vars_.resize(body_mark);
      return flow;
    };
    switch (value.kind()) {
      case Value::Kind::kList: {
        const List& items = value.AsList();
        for (size_t i = 0; i < items.size(); ++i) {
          if (iteration(Value::Int(static_cast<int64_t>(i)), items[i]) == Flow::kBreak) break;
        }
        break;
      }
      case Value::Kind::kMap: {
        // Copied, so a body that changes the dict does not disturb the loop.
        Map entries = value.AsMap();
        for (const auto& [key, item] : entries) {
          if (iteration(Value::String(key), item) == Flow::kBreak) break;
        }
        break;
      }
      case Value::Kind::kInt:
        if (decl.size() > 1) {
          Fail("can't use " + FormatValue(value) + " to iterate over more than one variable");
        }
        for (int64_t i = 0; i < value.AsInt(); ++i) {
          if (iteration(Value::Int(i), Value::Int(i)) == Flow::kBreak) break;
        }
        break;
      case Value::Kind::kNil:
        break;
      default:
        at_ = &node;
        Fail("range can't iterate over " + FormatValue(value));
    }
    if (!ran && node.else_list) {
      Flow flow = Walk(dot, *node.else_list);
      vars_.resize(mark);
      return flow;
    }
    vars_.resize(mark);
    return Flow::kNormal;
  }

  void WalkTemplate(const Value& dot, const Node& node) {
    at_ = &node;
    auto tree = set_.trees.find(node.text);
    if (tree == set_.trees.end()) Fail("template \"" + node.text + "\" not defined");
    if (depth_ + 1 >= kMaxTemplateDepth) {
      Fail("exceeded maximum template depth (" + std::to_string(kMaxTemplateDepth) + ")");
    }
    Value new_dot = node.pipe ? EvalPipeline(dot, *node.pipe) : Value();
    State nested(set_, out_, node.text, depth_ + 1, new_dot);
    nested.Walk(new_dot, *tree->second);
  }

  Value EvalPipeline(const Value& dot, const Node& pipe) {
    at_ = &pipe;
    Value value;
    bool has_final = false;
    for (const auto& command : pipe.children) {
      Value final_value = value;
      value = EvalCommand(dot, *command, has_final ? &final_value : nullptr);
      has_final = true;
    }
    for (const std::string& name : pipe.decl) {
      if (pipe.is_assign)
        SetVar(name, value);
      else
        vars_.emplace_back(name, value);
    }
    return value;
  }

  void NotAFunction(const Node& command, const Value* final_value) {
    if (command.children.size() > 1 || final_value != nullptr) {
      Fail("can't give argument to non-function " + command.children[0]->source);
    }
  }

  Value EvalCommand(const Value& dot, const Node& command, const Value* final_value) {
    const Node& first = *command.children[0];
    at_ = &first;
    switch (first.type) {
      case NodeType::kField:
        return EvalFieldChain(dot, first.idents, 0, HasArgs(command, final_value));
      case NodeType::kChain: {
        if (first.operand->type == NodeType::kNil) {
          Fail("indirection through explicit nil in " + first.source);
        }
        Value receiver = EvalArg(dot, *first.operand);
        at_ = &first;
        return EvalFieldChain(receiver, first.idents, 0, HasArgs(command, final_value));
      }
      case NodeType::kIdentifier:
        return EvalFunction(dot, first, command, final_value);
      case NodeType::kPipe:
        NotAFunction(command, final_value);
        return EvalPipeline(dot, first);
      case NodeType::kVariable:
        return EvalVariable(first, command, final_value);
      default:
        break;
    }
    NotAFunction(command, final_value);
    switch (first.type) {
      case NodeType::kBool:
        return Value::Bool(first.bool_value);
      case NodeType::kDot:
        return dot;
      case NodeType::kNil:
        Fail("nil is not a command");
      case NodeType::kNumber:
        return IdealConstant(first);
      case NodeType::kString:
        return Value::String(first.text);
      default:
        Fail("can't evaluate command " + first.source);
    }
  }

  Value IdealConstant(const Node& number) {
    if (number.is_float && number.float_syntax) return Value::Float(number.float_value);
    if (number.is_int) return Value::Int(number.int_value);
    Fail(number.source + " overflows int");
  }

  Value EvalVariable(const Node& node, const Node& command, const Value* final_value) {
    Value value = VarValue(node.idents[0]);
    if (node.idents.size() == 1) {
      NotAFunction(command, final_value);
      return value;
    }
    return EvalFieldChain(value, node.idents, 1, HasArgs(command, final_value));
  }

  // Evaluates receiver.idents[first].idents[first+1]...; only the last
  // field sees the command's arguments.
  Value EvalFieldChain(Value receiver, const std::vector<std::string>& idents, size_t first,
                       bool has_args) {
    for (size_t i = first; i + 1 < idents.size(); ++i) {
      receiver = EvalField(idents[i], false, receiver);
    }
    return EvalField(idents.back(), has_args, receiver);
  }

  static bool HasArgs(const Node& command, const Value* final_value) {
    return command.children.size() > 1 || final_value != nullptr;
  }

  Value EvalField(const std::string& name, bool has_args, const Value& receiver) {
    switch (receiver.kind()) {
      case Value::Kind::kNil:
        return Value();
      case Value::Kind::kFinding: {
        Value field;
        if (!FindingField(receiver.AsFinding(), name, &field)) {
          Fail("can't evaluate field " + name + " in type report.Finding");
        }
        if (has_args) Fail(name + " has arguments but cannot be invoked as function");
        return field;
      }
      case Value::Kind::kMap: {
        if (has_args) Fail(name + " is not a method but has arguments");
        auto found = receiver.AsMap().find(name);
        return found == receiver.AsMap().end() ? Value() : found->second;
      }
      default:
        Fail("can't evaluate field " + name + " in type " + receiver.TypeName());
    }
  }

  Value EvalArg(const Value& dot, const Node& node) {
    at_ = &node;
    switch (node.type) {
      case NodeType::kDot:
        return dot;
      case NodeType::kNil:
        return Value();
      case NodeType::kField:
        return EvalFieldChain(dot, node.idents, 0, false);
      case NodeType::kVariable: {
        Value value = VarValue(node.idents[0]);
        if (node.idents.size() == 1) return value;
        return EvalFieldChain(value, node.idents, 1, false);
      }
      case NodeType::kPipe:
        return EvalPipeline(dot, node);
      case NodeType::kIdentifier:
        return EvalFunctionWithArgs(dot, node, {}, nullptr);
      case NodeType::kChain: {
        if (node.operand->type == NodeType::kNil) {
          Fail("indirection through explicit nil in " + node.source);
        }
        Value receiver = EvalArg(dot, *node.operand);
        at_ = &node;
        for (size_t i = 0; i < node.idents.size(); ++i) {
          receiver = EvalField(node.idents[i], false, receiver);
        }
        return receiver;
      }
      case NodeType::kBool:
        return Value::Bool(node.bool_value);
      case NodeType::kNumber:
        return IdealConstant(node);
      case NodeType::kString:
        return Value::String(node.text);
      default:
        Fail("can't handle " + node.source + " as an argument");
    }
  }

  Value EvalFunction(const Value& dot, const Node& name, const Node& command,
                     const Value* final_value) {
    std::vector<const Node*> args;
    for (size_t i = 1; i < command.children.size(); ++i) args.push_back(command.children[i].get());
    return EvalFunctionWithArgs(dot, name, args, final_value);
  }

  Value EvalFunctionWithArgs(const Value& dot, const Node& name_node,
                             const std::vector<const Node*>& args, const Value* final_value) {
    const std::string& name = name_node.text;
    size_t count = args.size() + (final_value != nullptr ? 1 : 0);
    if (LookUpFunction(name) == FunctionStatus::kLazy) {
      at_ = &name_node;
      if (count < 1) {
        Fail("wrong number of args for " + name + ": want at least 1 got " +
             std::to_string(args.size()));
      }
      // and/or stop at the first argument that decides the result.
      Value value;
      for (const Node* arg : args) {
        value = EvalArg(dot, *arg);
        if (value.IsTrue() == (name == "or")) return value;
      }
      return final_value != nullptr ? *final_value : value;
    }

    const FunctionSpec* spec = FindFunction(name);
    at_ = &name_node;
    size_t fixed = spec->variadic ? spec->params.size() - 1 : spec->params.size();
    if (spec->variadic && count < fixed) {
      Fail("wrong number of args for " + name + ": want at least " + std::to_string(fixed) +
           " got " + std::to_string(args.size()));
    }
    if (!spec->variadic && count != fixed) {
      Fail("wrong number of args for " + name + ": want " + std::to_string(fixed) + " got " +
           std::to_string(count));
    }
    List values;
    values.reserve(count);
    for (const Node* arg : args) values.push_back(EvalArg(dot, *arg));
    if (final_value != nullptr) values.push_back(*final_value);
    at_ = &name_node;
    for (size_t i = 0; i < values.size(); ++i) {
      values[i] = Convert(values[i], spec->params[std::min(i, spec->params.size() - 1)]);
    }
    try {
      return spec->body(values);
    } catch (const FunctionError& error) {
      Fail("error calling " + name + ": " + error.what());
    }
  }

  // Checks an argument against the parameter type, as Go's reflection
  // call does, converting integers where a float is expected.
  Value Convert(const Value& value, Param param) {
    using Kind = Value::Kind;
    auto expect = [&](const std::string& type, bool ok) {
      if (ok) return;
      if (value.is_nil()) Fail("invalid value; expected " + type);
      Fail("wrong type for value; expected " + type + "; got " + value.TypeName());
    };
    switch (param) {
      case Param::kAny:
        return value;
      case Param::kString:
        expect("string", value.kind() == Kind::kString);
        return value;
      case Param::kInt:
        expect("int", value.kind() == Kind::kInt);
        return value;
      case Param::kFloat:
        expect("float64", value.kind() == Kind::kInt || value.kind() == Kind::kFloat);
        return value.kind() == Kind::kInt ? Value::Float(static_cast<double>(value.AsInt()))
                                          : value;
      case Param::kBool:
        expect("bool", value.kind() == Kind::kBool);
        return value;
      case Param::kList:
        expect("[]interface {}", value.kind() == Kind::kList);
        return value;
      case Param::kMap:
        expect("map[string]interface {}", value.kind() == Kind::kMap);
        return value;
      case Param::kTime:
        expect("time.Time", value.kind() == Kind::kTime);
        return value;
    }
    return value;
  }

  const TemplateSet& set_;
  std::string* out_;
  std::string name_;
  int depth_;
  std::vector<std::pair<std::string, Value>> vars_;
  const Node* at_ = nullptr;
};

}  // namespace

Status Execute(const TemplateSet& set, const std::vector<Finding>& findings, std::string* out) {
  List items;
  items.reserve(findings.size());
  for (const Finding& finding : findings) items.push_back(Value::MakeFinding(&finding));
  Value data = Value::MakeList(std::move(items), ListType::kFinding);
  auto root = set.trees.find(set.name);
  if (root == set.trees.end()) return MakeError("template: " + set.name + ": empty template");
  try {
    State state(set, out, set.name, 0, data);
    state.Walk(data, *root->second);
  } catch (const ExecError& error) {
    return MakeError(error.message);
  }
  return Ok();
}

}  // namespace leakscan::template_internal
