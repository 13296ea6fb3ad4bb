#include "report/template/lexer.h"

#include <cstdio>
#include <map>

namespace leakscan::template_internal {
namespace {

constexpr std::string_view kLeft = "{{";
constexpr std::string_view kRight = "}}";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsAlphaNumeric(unsigned char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c >= 0x80;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

const std::map<std::string_view, TokenType>& Keywords() {
  static const std::map<std::string_view, TokenType> keywords = {
      {"block", TokenType::kBlock},
      {"break", TokenType::kBreak},
      {"continue", TokenType::kContinue},
      {"define", TokenType::kDefine},
      {"else", TokenType::kElse},
      {"end", TokenType::kEnd},
      {"if", TokenType::kIf},
      {"range", TokenType::kRange},
      {"nil", TokenType::kNil},
      {"template", TokenType::kTemplate},
      {"with", TokenType::kWith},
  };
  return keywords;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  std::vector<Token> Run() {
    while (!done_) LexText();
    return std::move(tokens_);
  }

 private:
  void Emit(TokenType type, size_t start, size_t end) {
    tokens_.push_back(
        Token{type, std::string(source_.substr(start, end - start)), start, LineAt(start)});
  }
  void Error(std::string message) {
    tokens_.push_back(Token{TokenType::kError, std::move(message), pos_, LineAt(pos_)});
    done_ = true;
  }
  int LineAt(size_t pos) {
    while (line_pos_ < pos && line_pos_ < source_.size()) {
      if (source_[line_pos_++] == '\n') ++line_;
    }
    return line_;
  }
  bool At(std::string_view text) const { return source_.substr(pos_, text.size()) == text; }
  bool AtLeftTrim() const {
    return pos_ + 3 <= source_.size() && source_[pos_ + 2] == '-' && pos_ + 3 < source_.size() &&
           IsSpace(source_[pos_ + 3]);
  }
  // Returns true at "}}" or " -}}"; sets `trim` for the latter.
  bool AtRightDelim(bool* trim) const {
    if (At(kRight)) {
      *trim = false;
      return true;
    }
    if (pos_ + 4 <= source_.size() && IsSpace(source_[pos_]) && source_[pos_ + 1] == '-' &&
        source_.substr(pos_ + 2, 2) == kRight) {
      *trim = true;
      return true;
    }
    return false;
  }

  void LexText() {
    size_t start = pos_;
    size_t delim = source_.find(kLeft, pos_);
    if (delim == std::string_view::npos) {
      if (start < source_.size()) Emit(TokenType::kText, start, source_.size());
      pos_ = source_.size();
      Emit(TokenType::kEof, pos_, pos_);
      done_ = true;
      return;
    }
    pos_ = delim;
    bool trim = AtLeftTrim();
    size_t text_end = delim;
    if (trim) {
      while (text_end > start && IsSpace(source_[text_end - 1])) --text_end;
    }
    if (text_end > start) Emit(TokenType::kText, start, text_end);
    LexLeftDelim(trim);
  }

  void LexLeftDelim(bool trim) {
    size_t delim_start = pos_;
    pos_ += kLeft.size();
    size_t after_marker = trim ? 2 : 0;
    if (source_.substr(pos_ + after_marker, 2) == "/*") {
      pos_ += after_marker;
      LexComment();
      return;
    }
    Emit(TokenType::kLeftDelim, delim_start, pos_);
    pos_ += after_marker;
    paren_depth_ = 0;
    while (!done_ && LexInsideAction()) {
    }
  }

  void LexComment() {
    size_t end = source_.find("*/", pos_ + 2);
    if (end == std::string_view::npos) return Error("unclosed comment");
    pos_ = end + 2;
    bool trim = false;
    if (!AtRightDelim(&trim)) return Error("comment ends before closing delimiter");
    pos_ += trim ? 4 : 2;
    if (trim) SkipLeadingSpace();
  }

  void SkipLeadingSpace() {
    while (pos_ < source_.size() && IsSpace(source_[pos_])) ++pos_;
  }

  // Lexes one token inside an action; returns false after the right
  // delimiter or an error.
  bool LexInsideAction() {
    bool trim = false;
    if (AtRightDelim(&trim)) {
      if (paren_depth_ != 0) {
        Error("unclosed left paren");
        return false;
      }
      size_t start = pos_ + (trim ? 2 : 0);
      pos_ += trim ? 4 : 2;
      Emit(TokenType::kRightDelim, start, pos_);
      if (trim) SkipLeadingSpace();
      return false;
    }
    if (pos_ >= source_.size()) {
      Error("unclosed action");
      return false;
    }
    size_t start = pos_;
    char c = source_[pos_++];
    if (IsSpace(c)) {
      while (pos_ < source_.size() && IsSpace(source_[pos_])) ++pos_;
      // Leave the last space to a following "-}}", so the delimiter check
      // sees the trim marker " -}}".
      if (source_.substr(pos_, 3) == "-}}") --pos_;
      if (pos_ > start) Emit(TokenType::kSpace, start, pos_);
    } else if (c == '=') {
      Emit(TokenType::kAssign, start, pos_);
    } else if (c == ':') {
      if (pos_ >= source_.size() || source_[pos_] != '=') {
        Error("expected :=");
        return false;
      }
      ++pos_;
      Emit(TokenType::kDeclare, start, pos_);
    } else if (c == '|') {
      Emit(TokenType::kPipe, start, pos_);
    } else if (c == '"') {
      return LexQuote(start, '"', TokenType::kString, "unterminated quoted string");
    } else if (c == '`') {
      size_t end = source_.find('`', pos_);
      if (end == std::string_view::npos) {
        Error("unterminated raw quoted string");
        return false;
      }
      pos_ = end + 1;
      Emit(TokenType::kRawString, start, pos_);
    } else if (c == '$') {
      return LexFieldOrVariable(start, TokenType::kVariable);
    } else if (c == '\'') {
      return LexQuote(start, '\'', TokenType::kCharConstant, "unterminated character constant");
    } else if (c == '.') {
      if (pos_ < source_.size() && IsDigit(source_[pos_])) {
        pos_ = start;
        return LexNumber();
      }
      return LexFieldOrVariable(start, TokenType::kField);
    } else if (c == '+' || c == '-' || IsDigit(c)) {
      pos_ = start;
      return LexNumber();
    } else if (IsAlphaNumeric(static_cast<unsigned char>(c))) {
      return LexIdentifier(start);
    } else if (c == '(') {
      Emit(TokenType::kLeftParen, start, pos_);
      ++paren_depth_;
    } else if (c == ')') {
      if (--paren_depth_ < 0) {
        Error("unexpected right paren");
        return false;
      }
      Emit(TokenType::kRightParen, start, pos_);
    } else if (static_cast<unsigned char>(c) < 0x7F && c >= ' ') {
      Emit(TokenType::kChar, start, pos_);
    } else {
      char buffer[48];
      std::snprintf(buffer, sizeof buffer, "unrecognized character in action: U+%04X",
                    static_cast<unsigned char>(c));
      Error(buffer);
      return false;
    }
    return true;
  }

  bool LexQuote(size_t start, char quote, TokenType type, const char* unterminated) {
    while (true) {
      if (pos_ >= source_.size() || source_[pos_] == '\n') {
        Error(unterminated);
        return false;
      }
      char c = source_[pos_++];
      if (c == '\\') {
        if (pos_ >= source_.size() || source_[pos_] == '\n') {
          Error(unterminated);
          return false;
        }
        ++pos_;
      } else if (c == quote) {
        break;
      }
    }
    Emit(type, start, pos_);
    return true;
  }

  // Returns true at a character that may follow an identifier or field.
  bool AtTerminator() {
    if (pos_ >= source_.size()) return true;
    char c = source_[pos_];
    if (IsSpace(c)) return true;
    switch (c) {
      case '.':
      case ',':
      case '|':
      case ':':
      case ')':
      case '(':
        return true;
    }
    return At(kRight);
  }

  bool BadCharacter() {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "bad character U+%04X '%c'",
                  static_cast<unsigned char>(source_[pos_]), source_[pos_]);
    Error(buffer);
    return false;
  }

  bool LexFieldOrVariable(size_t start, TokenType type) {
    if (AtTerminator()) {
      Emit(type == TokenType::kVariable ? TokenType::kVariable : TokenType::kDot, start, pos_);
      return true;
    }
    while (pos_ < source_.size() && IsAlphaNumeric(static_cast<unsigned char>(source_[pos_]))) {
      ++pos_;
    }
    if (!AtTerminator()) return BadCharacter();
    Emit(type, start, pos_);
    return true;
  }

  bool LexIdentifier(size_t start) {
    while (pos_ < source_.size() && IsAlphaNumeric(static_cast<unsigned char>(source_[pos_]))) {
      ++pos_;
    }
    if (!AtTerminator()) return BadCharacter();
    std::string_view word = source_.substr(start, pos_ - start);
    auto keyword = Keywords().find(word);
    if (keyword != Keywords().end()) {
      Emit(keyword->second, start, pos_);
    } else if (word == "true" || word == "false") {
      Emit(TokenType::kBool, start, pos_);
    } else {
      Emit(TokenType::kIdentifier, start, pos_);
    }
    return true;
  }

  // Scans a Go number literal (sign, base prefix, digits with '_', fraction,
  // exponent, imaginary suffix); the parser validates its value.
  bool LexNumber() {
    size_t start = pos_;
    if (source_[pos_] == '+' || source_[pos_] == '-') ++pos_;
    std::string_view digits = "0123456789_";
    bool hex = false;
    if (At("0x") || At("0X")) {
      pos_ += 2;
      digits = "0123456789abcdefABCDEF_";
      hex = true;
    } else if (At("0o") || At("0O")) {
      pos_ += 2;
      digits = "01234567_";
    } else if (At("0b") || At("0B")) {
      pos_ += 2;
      digits = "01_";
    }
    auto run = [&](std::string_view set) {
      while (pos_ < source_.size() && set.find(source_[pos_]) != std::string_view::npos) ++pos_;
    };
    run(digits);
    if (pos_ < source_.size() && source_[pos_] == '.') {
      ++pos_;
      run(digits);
    }
    std::string_view exponent = hex ? "pP" : "eE";
    if (pos_ < source_.size() && exponent.find(source_[pos_]) != std::string_view::npos) {
      ++pos_;
      if (pos_ < source_.size() && (source_[pos_] == '+' || source_[pos_] == '-')) ++pos_;
      run("0123456789_");
    }
    if (pos_ < source_.size() && source_[pos_] == 'i') ++pos_;
    if (pos_ < source_.size() && IsAlphaNumeric(static_cast<unsigned char>(source_[pos_]))) {
      ++pos_;
      Error("bad number syntax: \"" + std::string(source_.substr(start, pos_ - start)) + "\"");
      return false;
    }
    Emit(TokenType::kNumber, start, pos_);
    return true;
  }

  std::string_view source_;
  size_t pos_ = 0;
  size_t line_pos_ = 0;
  int line_ = 1;
  int paren_depth_ = 0;
  bool done_ = false;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> Lex(std::string_view source) { return Lexer(source).Run(); }

std::string DescribeToken(const Token& token) {
  switch (token.type) {
    case TokenType::kEof:
      return "EOF";
    case TokenType::kError:
      return token.text;
    case TokenType::kBlock:
    case TokenType::kBreak:
    case TokenType::kContinue:
    case TokenType::kDefine:
    case TokenType::kElse:
    case TokenType::kEnd:
    case TokenType::kIf:
    case TokenType::kRange:
    case TokenType::kTemplate:
    case TokenType::kWith:
    case TokenType::kNil:
      return "<" + token.text + ">";
    default:
      break;
  }
  std::string text = token.text;
  if (text.size() > 10) return "\"" + text.substr(0, 10) + "\"...";
  return "\"" + text + "\"";
}

}  // namespace leakscan::template_internal
