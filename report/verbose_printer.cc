#include "report/verbose_printer.h"

#include <cstdio>
#include <string_view>

#include "report/utf8.h"

namespace leakscan {
namespace {

constexpr std::string_view kMatchStyle = "38;2;245;212;69";      // #f5d445
constexpr std::string_view kSecretStyle = "1;3;38;2;240;92;7";   // bold italic #f05c07
constexpr std::string_view kRequiredStyle = "38;2;191;148;120";  // #bf9478
constexpr size_t kContextBytes = 20;
constexpr size_t kMaxSecretBytes = 100;
constexpr size_t kMaxRequiredSecretBytes = 40;

void AppendLabel(std::string_view label, std::string* out) {
  out->append(label);
  out->append(label.size() < 12 ? 12 - label.size() : 0, ' ');
  out->push_back(' ');
}

void AppendLine(std::string_view label, std::string_view value, std::string* out) {
  AppendLabel(label, out);
  out->append(value);
  out->push_back('\n');
}

size_t RuneCount(std::string_view text) {
  size_t count = 0;
  while (!text.empty()) {
    text.remove_prefix(DecodeRune(text).size);
    ++count;
  }
  return count;
}

// Appends `text` the way Gitleaks' styling library (lipgloss) renders a
// styled piece. CRLF becomes LF and tabs become four spaces. The lines of a
// multi-line piece are padded with spaces to equal width. With `ansi`, each
// line is wrapped in the SGR sequence `sgr` and a reset.
// NOTE: widths count code points; the library counts East Asian wide
// characters as two columns, so such pieces may be padded differently.
void AppendStyled(std::string_view text, std::string_view sgr, bool ansi, std::string* out) {
  std::string plain;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    if (text[i] == '\t') {
      plain.append(4, ' ');
    } else {
      plain.push_back(text[i]);
    }
  }
  std::vector<std::string_view> lines;
  size_t width = 0;
  for (size_t start = 0;;) {
    size_t end = plain.find('\n', start);
    std::string_view line = std::string_view(plain).substr(start, end - start);
    lines.push_back(line);
    width = std::max(width, RuneCount(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out->push_back('\n');
    if (ansi) out->append("\x1b[").append(sgr).append("m");
    out->append(lines[i]);
    if (lines.size() > 1) out->append(width - RuneCount(lines[i]), ' ');
    if (ansi) out->append("\x1b[0m");
  }
}

struct TrimmedFinding {
  std::string_view line;
  std::string_view match;
  std::string_view secret;
};

// Appends the `Finding:` and `Secret:` lines in context form. Returns false,
// appending nothing, when the match is not in the line (Gitleaks then uses
// the plain form) or the secret is not in the match (Gitleaks would crash).
bool AppendContextForm(const TrimmedFinding& f, bool ansi, std::string* out) {
  size_t match_at = f.line.find(f.match);
  size_t secret_at = f.match.find(f.secret);
  if (match_at == std::string_view::npos || secret_at == std::string_view::npos) return false;

  std::string prefix;
  if (match_at > kContextBytes) {
    prefix = "...";
    prefix.append(f.line.substr(match_at - kContextBytes, kContextBytes));
  } else {
    prefix.assign(f.line.substr(0, match_at));
  }
  std::string_view shown_prefix = prefix;
  shown_prefix.remove_prefix(std::min(shown_prefix.find_first_not_of(' '), shown_prefix.size()));
  if (!shown_prefix.empty() && shown_prefix.front() == '\n') shown_prefix.remove_prefix(1);

  // Quirk kept from Gitleaks: a single byte after the match is not shown.
  size_t tail_at = match_at + f.match.size();
  if (tail_at + 1 >= f.line.size()) tail_at = f.line.size();
  std::string tail(f.line.substr(tail_at));
  if (tail.size() > kContextBytes) {
    tail.resize(kContextBytes);
    tail += "...";
  }

  std::string shown_secret(f.secret);
  if (shown_secret.size() > kMaxSecretBytes) {
    shown_secret.resize(kMaxSecretBytes);
    shown_secret += "...";
  }

  AppendLabel("Finding:", out);
  out->append(shown_prefix);
  AppendStyled(f.match.substr(0, secret_at), kMatchStyle, ansi, out);
  AppendStyled(shown_secret, kSecretStyle, ansi, out);
  AppendStyled(f.match.substr(secret_at + f.secret.size()), kMatchStyle, ansi, out);
  out->append(tail);
  out->push_back('\n');
  AppendLabel("Secret:", out);
  AppendStyled(shown_secret, kSecretStyle, ansi, out);
  out->push_back('\n');
  return true;
}

void AppendFindingAndSecret(const Finding& finding, VerboseStyle style, std::string* out) {
  TrimmedFinding trimmed{TrimUnicodeSpace(finding.line), TrimUnicodeSpace(finding.match),
                         TrimUnicodeSpace(finding.secret)};
  bool path_only = trimmed.match.starts_with("file detected:");
  if (style != VerboseStyle::kPlain && !path_only &&
      AppendContextForm(trimmed, style == VerboseStyle::kColor, out)) {
    return;
  }
  AppendLine("Finding:", trimmed.match, out);
  AppendLine("Secret:", trimmed.secret, out);
}

void AppendRequired(const Finding& finding, bool ansi, std::string* out) {
  for (size_t i = 0; i < finding.required.size(); ++i) {
    const Finding& required = finding.required[i];
    AppendLabel(i == 0 ? "Required:" : "", out);
    std::string secret(TrimUnicodeSpace(required.secret));
    if (secret.size() > kMaxRequiredSecretBytes) {
      secret.resize(kMaxRequiredSecretBytes - 3);
      secret += "...";
    }
    out->append(required.rule_id).append(":").append(std::to_string(required.start_line));
    out->push_back(':');
    AppendStyled(secret, kRequiredStyle, ansi, out);
    out->push_back('\n');
  }
}

std::string FormatTags(const std::vector<std::string>& tags) {
  std::string text = "[";
  for (size_t i = 0; i < tags.size(); ++i) {
    if (i > 0) text.push_back(' ');
    text.append(tags[i]);
  }
  text.push_back(']');
  return text;
}

std::string FormatEntropy(float entropy) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%f", static_cast<double>(entropy));
  return buffer;
}

}  // namespace

std::string FormatVerboseFinding(const Finding& finding, VerboseStyle style) {
  bool ansi = style == VerboseStyle::kColor;
  std::string out;
  AppendFindingAndSecret(finding, style, &out);
  AppendLine("RuleID:", finding.rule_id, &out);
  AppendLine("Entropy:", FormatEntropy(finding.entropy), &out);
  if (!finding.file.empty()) {
    if (!finding.tags.empty()) AppendLine("Tags:", FormatTags(finding.tags), &out);
    AppendLine("File:", finding.file, &out);
    AppendLine("Line:", std::to_string(finding.start_line), &out);
    if (!finding.commit.empty()) {
      AppendLine("Commit:", finding.commit, &out);
      AppendLine("Author:", finding.author, &out);
      AppendLine("Email:", finding.email, &out);
      AppendLine("Date:", finding.date, &out);
    }
    AppendLine("Fingerprint:", finding.fingerprint, &out);
    if (!finding.commit.empty() && !finding.link.empty()) AppendLine("Link:", finding.link, &out);
  }
  AppendRequired(finding, ansi, &out);
  out.push_back('\n');
  return out;
}

std::string FormatVerboseFinding(const Finding& finding, bool color) {
  return FormatVerboseFinding(finding, color ? VerboseStyle::kColor : VerboseStyle::kPlain);
}

}  // namespace leakscan
