// Lexer: splits a Go text/template source into tokens (text, delimiters,
// identifiers, fields, variables, literals, keywords), handling "{{-" and
// "-}}" trim markers and comments the way Go's text/template/parse does.
// Used by the parser; covered by tests/report/template_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leakscan::template_internal {

enum class TokenType {
  kError,  // `text` is the message.
  kEof,
  kText,
  kLeftDelim,
  kRightDelim,
  kSpace,
  kIdentifier,  // A function name.
  kField,       // ".Name"
  kVariable,    // "$name" or "$"
  kDot,
  kBool,
  kNil,
  kNumber,
  kCharConstant,
  kString,
  kRawString,
  kPipe,
  kLeftParen,
  kRightParen,
  kDeclare,  // :=
  kAssign,   // =
  kChar,     // Another printable ASCII character, e.g. ','.
  // Keywords.
  kBlock,
  kBreak,
  kContinue,
  kDefine,
  kElse,
  kEnd,
  kIf,
  kRange,
  kTemplate,
  kWith,
};

struct Token {
  TokenType type = TokenType::kEof;
  std::string text;
  size_t pos = 0;  // Byte offset in the source.
  int line = 1;    // 1-based line of the token's start.
};

// Tokenizes the whole source. The last token is kEof or kError.
std::vector<Token> Lex(std::string_view source);

// Returns how Go's parser names a token in "unexpected ..." messages.
std::string DescribeToken(const Token& token);

}  // namespace leakscan::template_internal
