#include "report/template/parser.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "report/template/functions.h"
#include "report/template/lexer.h"
#include "report/utf8.h"

namespace leakscan::template_internal {
namespace {

struct ParseError {
  std::string message;
};

// Decodes the escapes of a Go quoted string or char literal body, like
// strconv.Unquote; returns false on an invalid escape.
bool UnescapeGo(std::string_view body, char quote, std::string* out) {
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (++i >= body.size()) return false;
    char e = body[i];
    auto hex_value = [&](size_t digits, uint32_t* value) {
      *value = 0;
      for (size_t k = 1; k <= digits; ++k) {
        if (i + k >= body.size()) return false;
        char h = body[i + k];
        int v = h >= '0' && h <= '9'   ? h - '0'
                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                       : -1;
        if (v < 0) return false;
        *value = *value * 16 + static_cast<uint32_t>(v);
      }
      i += digits;
      return true;
    };
    uint32_t value = 0;
    switch (e) {
      case 'a':
        out->push_back('\a');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'v':
        out->push_back('\v');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '\'':
      case '"':
        if (e != quote) return false;
        out->push_back(e);
        break;
      case 'x':
        if (!hex_value(2, &value)) return false;
        out->push_back(static_cast<char>(value));
        break;
      case 'u':
      case 'U':
        if (!hex_value(e == 'u' ? 4 : 8, &value)) return false;
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
        AppendUtf8(value, out);
        break;
      default:
        if (e < '0' || e > '7' || i + 2 >= body.size()) return false;
        value = 0;
        for (size_t k = 0; k < 3; ++k) {
          char o = body[i + k];
          if (o < '0' || o > '7') return false;
          value = value * 8 + static_cast<uint32_t>(o - '0');
        }
        if (value > 255) return false;
        out->push_back(static_cast<char>(value));
        i += 2;
    }
  }
  return true;
}

class Parser {
 public:
  Parser(std::string_view source, std::string_view name)
      : tokens_(Lex(source)), set_(std::make_shared<TemplateSet>()) {
    set_->name = std::string(name);
    set_->source = std::string(source);
  }

  std::shared_ptr<const TemplateSet> Run() {
    current_name_ = set_->name;
    vars_ = {"$"};
    auto root = NewNode(NodeType::kList, 0);
    while (Peek().type != TokenType::kEof) {
      if (Peek().type == TokenType::kLeftDelim) {
        size_t mark = index_;
        Next();
        if (NextNonSpace().type == TokenType::kDefine) {
          ParseDefinition();
          continue;
        }
        index_ = mark;
      }
      std::unique_ptr<Node> node = TextOrAction();
      if (node->type == NodeType::kList && node->text == "end") Fail("unexpected {{end}}");
      if (node->type == NodeType::kList && node->text == "else") Fail("unexpected {{else}}");
      root->children.push_back(std::move(node));
    }
    AddTree(set_->name, std::move(root));
    return set_;
  }

 private:
  [[noreturn]] void Fail(const std::string& message) {
    throw ParseError{"template: " + current_name_ + ":" + std::to_string(line_) + ": " + message};
  }

  // Like Go's parser, errors report the line of the last token peeked or
  // read.
  const Token& Peek() {
    const Token& token = tokens_[index_];
    line_ = token.line;
    if (token.type == TokenType::kError) Fail(token.text);
    return token;
  }
  const Token& Next() {
    const Token& token = Peek();
    line_ = token.line;
    if (index_ + 1 < tokens_.size()) ++index_;
    return token;
  }
  void Backup() { --index_; }
  const Token& NextNonSpace() {
    while (Peek().type == TokenType::kSpace) Next();
    return Next();
  }
  const Token& PeekNonSpace() {
    while (Peek().type == TokenType::kSpace) Next();
    return Peek();
  }
  const Token& Expect(TokenType type, const std::string& context) {
    const Token& token = NextNonSpace();
    if (token.type != type) Unexpected(token, context);
    return token;
  }
  [[noreturn]] void Unexpected(const Token& token, const std::string& context) {
    if (token.type == TokenType::kError) Fail(token.text);
    Fail("unexpected " + DescribeToken(token) + " in " + context);
  }

  std::unique_ptr<Node> NewNode(NodeType type, size_t pos) {
    auto node = std::make_unique<Node>();
    node->type = type;
    node->pos = pos;
    return node;
  }

  void AddTree(const std::string& name, std::unique_ptr<Node> root) {
    auto existing = set_->trees.find(name);
    bool root_empty = IsEmptyTree(*root);
    if (existing != set_->trees.end() && !IsEmptyTree(*existing->second)) {
      if (!root_empty) Fail("template: multiple definition of template \"" + name + "\"");
      return;
    }
    set_->trees[name] = std::shared_ptr<const Node>(std::move(root));
  }

  static bool IsEmptyTree(const Node& list) {
    for (const auto& child : list.children) {
      if (child->type != NodeType::kText) return false;
      if (child->text.find_first_not_of(" \t\r\n") != std::string::npos) return false;
    }
    return true;
  }

  // Parses {{define "name"}} ... {{end}} after the "define" keyword.
  void ParseDefinition() {
    const Token& name_token = NextNonSpace();
    if (name_token.type != TokenType::kString && name_token.type != TokenType::kRawString) {
      Unexpected(name_token, "define clause");
    }
    std::string name = Unquote(name_token);
    Expect(TokenType::kRightDelim, "define clause");
    std::string saved_name = current_name_;
    std::vector<std::string> saved_vars = vars_;
    int saved_range_depth = range_depth_;
    current_name_ = name;
    vars_ = {"$"};
    range_depth_ = 0;
    auto [list, end] = ItemList();
    if (end->text != "end") Fail("unexpected {{else}} in define clause");
    AddTree(name, std::move(list));
    current_name_ = saved_name;
    vars_ = saved_vars;
    range_depth_ = saved_range_depth;
  }

  // Parses nodes up to {{end}} or {{else}}; returns the list and the
  // terminating node (a kList node whose text is "end" or "else").
  std::pair<std::unique_ptr<Node>, std::unique_ptr<Node>> ItemList() {
    auto list = NewNode(NodeType::kList, Peek().pos);
    while (PeekNonSpace().type != TokenType::kEof) {
      std::unique_ptr<Node> node = TextOrAction();
      if (node->type == NodeType::kList && (node->text == "end" || node->text == "else")) {
        return {std::move(list), std::move(node)};
      }
      list->children.push_back(std::move(node));
    }
    Fail("unexpected EOF");
  }

  std::unique_ptr<Node> TextOrAction() {
    const Token& token = NextNonSpace();
    if (token.type == TokenType::kText) {
      auto node = NewNode(NodeType::kText, token.pos);
      node->text = token.text;
      return node;
    }
    if (token.type == TokenType::kLeftDelim) return Action();
    Unexpected(token, "input");
  }

  std::unique_ptr<Node> Action() {
    const Token& token = NextNonSpace();
    switch (token.type) {
      case TokenType::kBlock:
        return BlockControl();
      case TokenType::kBreak:
      case TokenType::kContinue: {
        bool is_break = token.type == TokenType::kBreak;
        if (range_depth_ == 0) {
          Fail(is_break ? "{{break}} outside {{range}}" : "{{continue}} outside {{range}}");
        }
        auto node = NewNode(is_break ? NodeType::kBreak : NodeType::kContinue, token.pos);
        Expect(TokenType::kRightDelim, is_break ? "{{break}}" : "{{continue}}");
        return node;
      }
      case TokenType::kElse: {
        auto node = NewNode(NodeType::kList, token.pos);
        node->text = "else";
        // "else if" / "else with": leave the keyword for the enclosing control.
        TokenType next = PeekNonSpace().type;
        if (next != TokenType::kIf && next != TokenType::kWith) {
          Expect(TokenType::kRightDelim, "else");
        }
        return node;
      }
      case TokenType::kEnd: {
        auto node = NewNode(NodeType::kList, token.pos);
        node->text = "end";
        Expect(TokenType::kRightDelim, "end");
        return node;
      }
      case TokenType::kIf:
        return Control(NodeType::kIf, "if", token.pos);
      case TokenType::kRange:
        return Control(NodeType::kRange, "range", token.pos);
      case TokenType::kWith:
        return Control(NodeType::kWith, "with", token.pos);
      case TokenType::kTemplate:
        return TemplateControl();
      default:
        break;
    }
    Backup();
    auto node = NewNode(NodeType::kAction, token.pos);
    node->pipe = Pipeline("command", TokenType::kRightDelim);
    node->source = node->pipe->source;
    return node;
  }

  std::unique_ptr<Node> Control(NodeType type, const std::string& context, size_t pos) {
    size_t vars_mark = vars_.size();
    auto node = NewNode(type, pos);
    node->pipe = Pipeline(context, TokenType::kRightDelim);
    if (type == NodeType::kRange) ++range_depth_;
    auto [list, next] = ItemList();
    if (type == NodeType::kRange) --range_depth_;
    node->list = std::move(list);
    if (next->text == "else") {
      TokenType keyword = PeekNonSpace().type;
      bool chained = (type == NodeType::kIf && keyword == TokenType::kIf) ||
                     (type == NodeType::kWith && keyword == TokenType::kWith);
      if (chained) {
        size_t chained_pos = Next().pos;
        node->else_list = NewNode(NodeType::kList, chained_pos);
        node->else_list->children.push_back(Control(type, context, chained_pos));
      } else {
        auto [else_list, end] = ItemList();
        if (end->text != "end") Fail("expected end; found {{else}}");
        node->else_list = std::move(else_list);
      }
    }
    vars_.resize(vars_mark);
    return node;
  }

  std::string ParseTemplateName(const std::string& context) {
    const Token& token = NextNonSpace();
    if (token.type != TokenType::kString && token.type != TokenType::kRawString) {
      Unexpected(token, context);
    }
    return Unquote(token);
  }

  // Positions the node at the name, as Go does, for error messages.
  std::unique_ptr<Node> TemplateControl() {
    auto node = NewNode(NodeType::kTemplate, PeekNonSpace().pos);
    node->text = ParseTemplateName("template clause");
    node->source = "{{template \"" + node->text + "\"";
    if (NextNonSpace().type != TokenType::kRightDelim) {
      Backup();
      node->pipe = Pipeline("template clause", TokenType::kRightDelim);
      node->source += " " + node->pipe->source;
    }
    node->source += "}}";
    return node;
  }

  // {{block "name" pipeline}} body {{end}} defines "name" and runs it.
  std::unique_ptr<Node> BlockControl() {
    const std::string context = "block clause";
    auto node = NewNode(NodeType::kTemplate, PeekNonSpace().pos);
    node->text = ParseTemplateName(context);
    node->pipe = Pipeline(context, TokenType::kRightDelim);
    node->source = "{{template \"" + node->text + "\" " + node->pipe->source + "}}";

    std::string saved_name = current_name_;
    std::vector<std::string> saved_vars = vars_;
    int saved_range_depth = range_depth_;
    current_name_ = node->text;
    vars_ = {"$"};
    range_depth_ = 0;
    auto [list, end] = ItemList();
    if (end->text != "end") Fail("unexpected {{else}} in " + context);
    AddTree(node->text, std::move(list));
    current_name_ = saved_name;
    vars_ = saved_vars;
    range_depth_ = saved_range_depth;
    return node;
  }

  // Parses declarations ("$x :=", "$i, $e :=", "$x =") and the commands of
  // a pipeline up to `end`.
  std::unique_ptr<Node> Pipeline(const std::string& context, TokenType end) {
    auto pipe = NewNode(NodeType::kPipe, Peek().pos);
    size_t source_start = PeekNonSpace().pos;
    ParseDeclarations(pipe.get(), context);
    while (true) {
      const Token& token = NextNonSpace();
      if (token.type == end) {
        if (pipe->children.empty()) Fail("missing value for " + context);
        for (size_t i = 1; i < pipe->children.size(); ++i) {
          NodeType first = pipe->children[i]->children[0]->type;
          if (first == NodeType::kBool || first == NodeType::kDot || first == NodeType::kNil ||
              first == NodeType::kNumber || first == NodeType::kString) {
            Fail("non executable command in pipeline stage " + std::to_string(i + 1));
          }
        }
        pipe->source = set_->source.substr(source_start, token.pos - source_start);
        while (!pipe->source.empty() && pipe->source.back() == ' ') pipe->source.pop_back();
        return pipe;
      }
      switch (token.type) {
        case TokenType::kBool:
        case TokenType::kCharConstant:
        case TokenType::kDot:
        case TokenType::kField:
        case TokenType::kIdentifier:
        case TokenType::kNumber:
        case TokenType::kNil:
        case TokenType::kRawString:
        case TokenType::kString:
        case TokenType::kVariable:
        case TokenType::kLeftParen:
          Backup();
          pipe->children.push_back(Command());
          break;
        default:
          Unexpected(token, context);
      }
    }
  }

  void ParseDeclarations(Node* pipe, const std::string& context) {
    if (PeekNonSpace().type != TokenType::kVariable) return;
    size_t mark = index_;
    while (true) {
      const Token& variable = Next();
      const Token& after = PeekNonSpace();
      if (after.type == TokenType::kDeclare || after.type == TokenType::kAssign) {
        pipe->is_assign = after.type == TokenType::kAssign;
        Next();
        pipe->decl.push_back(variable.text);
        break;
      }
      if (after.type == TokenType::kChar && after.text == ",") {
        Next();
        pipe->decl.push_back(variable.text);
        if (context == "range" && pipe->decl.size() < 2 &&
            PeekNonSpace().type == TokenType::kVariable) {
          continue;
        }
        if (context == "range" && pipe->decl.size() < 2)
          Fail("range can only initialize variables");
        Fail("too many declarations in " + context);
      }
      // Not a declaration: the variable is the pipeline's first operand.
      pipe->decl.clear();
      index_ = mark;
      return;
    }
    for (const std::string& name : pipe->decl) {
      if (pipe->is_assign) {
        if (!HasVariable(name)) Fail("undefined variable \"" + name + "\"");
      } else {
        vars_.push_back(name);
      }
    }
  }

  bool HasVariable(const std::string& name) const {
    for (const std::string& var : vars_) {
      if (var == name) return true;
    }
    return false;
  }

  std::unique_ptr<Node> Command() {
    auto command = NewNode(NodeType::kCommand, PeekNonSpace().pos);
    size_t start = command->pos;
    while (true) {
      PeekNonSpace();
      std::unique_ptr<Node> operand = Operand();
      if (operand) command->children.push_back(std::move(operand));
      const Token& token = Next();
      if (token.type == TokenType::kSpace) continue;
      if (token.type == TokenType::kRightDelim || token.type == TokenType::kRightParen) {
        Backup();
      } else if (token.type != TokenType::kPipe) {
        Unexpected(token, "operand");
      }
      break;
    }
    if (command->children.empty()) Fail("empty command");
    size_t end = tokens_[index_].pos;
    command->source = set_->source.substr(start, end - start);
    while (!command->source.empty() &&
           (command->source.back() == ' ' || command->source.back() == '|')) {
      command->source.pop_back();
    }
    return command;
  }

  std::unique_ptr<Node> Operand() {
    std::unique_ptr<Node> node = Term();
    if (!node) return nullptr;
    if (Peek().type != TokenType::kField) return node;

    std::vector<std::string> fields;
    while (Peek().type == TokenType::kField) fields.push_back(Next().text.substr(1));
    switch (node->type) {
      case NodeType::kField:
      case NodeType::kVariable:
        for (auto& field : fields) {
          node->idents.push_back(field);
          node->source += "." + field;
        }
        return node;
      case NodeType::kBool:
      case NodeType::kString:
      case NodeType::kNumber:
      case NodeType::kNil:
      case NodeType::kDot:
        Fail("unexpected . after term \"" + node->source + "\"");
      default: {
        auto chain = NewNode(NodeType::kChain, node->pos);
        chain->source = node->source;
        for (auto& field : fields) chain->source += "." + field;
        chain->operand = std::move(node);
        chain->idents = std::move(fields);
        return chain;
      }
    }
  }

  std::unique_ptr<Node> Term() {
    const Token& token = NextNonSpace();
    std::unique_ptr<Node> node;
    switch (token.type) {
      case TokenType::kIdentifier:
        CheckFunction(token.text);
        node = NewNode(NodeType::kIdentifier, token.pos);
        node->text = token.text;
        break;
      case TokenType::kDot:
        node = NewNode(NodeType::kDot, token.pos);
        break;
      case TokenType::kNil:
        node = NewNode(NodeType::kNil, token.pos);
        break;
      case TokenType::kVariable: {
        std::string name = token.text;
        size_t dot = name.find('.');
        if (!HasVariable(name.substr(0, dot))) Fail("undefined variable \"" + name + "\"");
        node = NewNode(NodeType::kVariable, token.pos);
        node->idents.push_back(name);
        break;
      }
      case TokenType::kField:
        node = NewNode(NodeType::kField, token.pos);
        node->idents.push_back(token.text.substr(1));
        break;
      case TokenType::kBool:
        node = NewNode(NodeType::kBool, token.pos);
        node->bool_value = token.text == "true";
        break;
      case TokenType::kCharConstant:
      case TokenType::kNumber:
        node = NewNumber(token);
        break;
      case TokenType::kLeftParen: {
        node = Pipeline("parenthesized pipeline", TokenType::kRightParen);
        node->source = "(" + node->source + ")";
        return node;
      }
      case TokenType::kString:
      case TokenType::kRawString:
        node = NewNode(NodeType::kString, token.pos);
        node->text = Unquote(token);
        break;
      default:
        Backup();
        return nullptr;
    }
    node->source = token.text;
    return node;
  }

  void CheckFunction(const std::string& name) {
    switch (LookUpFunction(name)) {
      case FunctionStatus::kAvailable:
      case FunctionStatus::kLazy:
        return;
      case FunctionStatus::kNotDefined:
        Fail("function \"" + name + "\" not defined");
      case FunctionStatus::kUnsupported:
        Fail("function \"" + name +
             "\" is not supported by leakscan report templates (see report/template/README.md)");
    }
  }

  std::string Unquote(const Token& token) {
    const std::string& text = token.text;
    std::string value;
    if (token.type == TokenType::kRawString) {
      for (char c : std::string_view(text).substr(1, text.size() - 2)) {
        if (c != '\r') value.push_back(c);
      }
      return value;
    }
    if (!UnescapeGo(std::string_view(text).substr(1, text.size() - 2), text[0], &value)) {
      Fail("invalid syntax: " + text);
    }
    return value;
  }

  std::unique_ptr<Node> NewNumber(const Token& token) {
    auto node = NewNode(NodeType::kNumber, token.pos);
    const std::string& text = token.text;
    if (token.type == TokenType::kCharConstant) {
      std::string rune_text = Unquote(token);
      DecodedRune rune = DecodeRune(rune_text);
      if (rune_text.empty() || static_cast<size_t>(rune.size) != rune_text.size()) {
        Fail("malformed character constant: " + text);
      }
      node->is_int = node->is_float = true;
      node->int_value = rune.rune;
      node->float_value = rune.rune;
      return node;
    }
    if (!text.empty() && text.back() == 'i') {
      Fail("complex constant " + text + " is not supported by leakscan report templates");
    }
    std::string digits;
    for (char c : text) {
      if (c != '_') digits.push_back(c);
    }
    bool hex = digits.find("0x") != std::string::npos || digits.find("0X") != std::string::npos;
    node->float_syntax = digits.find_first_of(hex ? "pP." : ".eEpP") != std::string::npos;

    std::string int_digits = digits;
    int base = 10;
    bool negative = false;
    size_t at = 0;
    if (!int_digits.empty() && (int_digits[0] == '+' || int_digits[0] == '-')) {
      negative = int_digits[0] == '-';
      at = 1;
    }
    std::string body = int_digits.substr(at);
    if (body.size() > 1 && body[0] == '0') {
      char prefix = static_cast<char>(std::tolower(static_cast<unsigned char>(body[1])));
      if (prefix == 'x')
        base = 16, body = body.substr(2);
      else if (prefix == 'o')
        base = 8, body = body.substr(2);
      else if (prefix == 'b')
        base = 2, body = body.substr(2);
      else
        base = 8, body = body.substr(1);
    }
    if (!body.empty() && !node->float_syntax) {
      errno = 0;
      char* end = nullptr;
      unsigned long long magnitude = std::strtoull(body.c_str(), &end, base);
      bool fits = errno == 0 && *end == '\0' &&
                  magnitude <= (negative ? 9223372036854775808ULL : 9223372036854775807ULL);
      if (fits) {
        node->is_int = true;
        node->int_value =
            negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
        node->is_float = true;
        node->float_value = static_cast<double>(node->int_value);
        return node;
      }
    }
    errno = 0;
    char* end = nullptr;
    double value = std::strtod(digits.c_str(), &end);
    if (end == digits.c_str() || *end != '\0' || errno == ERANGE) {
      Fail("illegal number syntax: \"" + text + "\"");
    }
    node->is_float = true;
    node->float_value = value;
    if (std::trunc(value) == value && std::fabs(value) < 9.2e18) {
      node->is_int = true;
      node->int_value = static_cast<int64_t>(value);
    }
    return node;
  }

  std::vector<Token> tokens_;
  size_t index_ = 0;
  int line_ = 1;
  std::shared_ptr<TemplateSet> set_;
  std::string current_name_;
  std::vector<std::string> vars_;
  int range_depth_ = 0;
};

}  // namespace

Result<std::shared_ptr<const TemplateSet>> Parse(std::string_view source, std::string_view name) {
  try {
    return Parser(source, name).Run();
  } catch (const ParseError& error) {
    return MakeError(error.message);
  }
}

}  // namespace leakscan::template_internal
