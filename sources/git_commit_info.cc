#include "sources/git_commit_info.h"

#include <ctime>
#include <vector>

#include "sources/git_handle.h"
#include "sources/git_text_width.h"

namespace leakscan::git {
namespace {

constexpr std::string_view kMessageIndent = "    ";
constexpr int kTabWidth = 8;

// git's isspace() covers only space, tab, newline and carriage return.
bool IsGitSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Expands tabs to the next multiple of kTabWidth display columns, as
// git log does for messages in its medium format.
std::string ExpandTabs(std::string_view line) {
  std::string out;
  size_t tab;
  while ((tab = line.find('\t')) != std::string_view::npos) {
    std::string_view segment = line.substr(0, tab);
    out.append(segment);
    out.append(kTabWidth - DisplayWidth(segment) % kTabWidth, ' ');
    line.remove_prefix(tab + 1);
  }
  out.append(line);
  return out;
}

// Returns the message lines exactly as `git log` prints them.
std::vector<std::string> PrintedLines(std::string_view message) {
  std::vector<std::string> lines;
  bool first = true;
  while (!message.empty()) {
    size_t end = message.find('\n');
    std::string_view line = message.substr(0, end);
    message.remove_prefix(end == std::string_view::npos ? message.size() : end + 1);
    while (!line.empty() && IsGitSpace(line.back())) line.remove_suffix(1);
    if (line.empty() && first) continue;
    first = false;
    lines.push_back(std::string(kMessageIndent) + ExpandTabs(line));
  }
  return lines;
}

// Appends the note block as git log prints it: a blank line, the header,
// then every note line indented by four spaces.
void AppendNoteLines(const CommitNote& note, std::vector<std::string>* lines) {
  std::string_view ref = note.ref;
  lines->emplace_back();
  if (ref == "refs/notes/commits") {
    lines->emplace_back("Notes:");
  } else {
    if (ref.substr(0, 5) == "refs/") ref.remove_prefix(5);
    if (ref.substr(0, 6) == "notes/") ref.remove_prefix(6);
    lines->push_back("Notes (" + std::string(ref) + "):");
  }
  std::string_view text = note.text;
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  while (true) {
    size_t end = text.find('\n');
    lines->push_back(std::string(kMessageIndent) + std::string(text.substr(0, end)));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

// Rebuilds title and body from printed lines the way Gitleaks' patch
// header parser does.
std::string ParsePrintedMessage(const std::vector<std::string>& lines) {
  std::string title;
  std::string indent;
  size_t index = 0;
  for (; index < lines.size(); ++index) {
    std::string_view trimmed = TrimUnicodeSpace(lines[index]);
    if (trimmed.empty()) break;
    if (index == 0) indent = std::string(LeadingUnicodeSpace(lines[index]));
    if (!title.empty()) title += ' ';
    title.append(trimmed);
  }
  if (title.empty()) return title;

  std::string body;
  int blank_lines = 0;
  for (++index; index < lines.size(); ++index) {
    std::string_view line = TrimRightUnicodeSpace(lines[index]);
    if (line.substr(0, indent.size()) == indent) line.remove_prefix(indent.size());
    if (line.empty()) {
      ++blank_lines;
      continue;
    }
    if (!body.empty()) body += blank_lines > 0 ? "\n\n" : "\n";
    blank_lines = 0;
    body.append(line);
  }
  return body.empty() ? title : title + "\n\n" + body;
}

}  // namespace

std::string NormalizeCommitMessage(std::string_view raw_message, const CommitNote* note) {
  std::vector<std::string> lines = PrintedLines(raw_message);
  if (note != nullptr && !note->text.empty()) AppendNoteLines(*note, &lines);
  return ParsePrintedMessage(lines);
}

std::string FormatUtcDate(int64_t unix_seconds) {
  std::time_t time = static_cast<std::time_t>(unix_seconds);
  std::tm fields{};
  gmtime_r(&time, &fields);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &fields);
  return buffer;
}

std::shared_ptr<const CommitInfo> MakeCommitInfo(const git_commit* commit,
                                                 const git_mailmap* mailmap,
                                                 const CommitNote* note) {
  auto info = std::make_shared<CommitInfo>();
  info->sha = OidHex(*git_commit_id(commit));
  git_signature* author = nullptr;
  if (git_commit_author_with_mailmap(&author, commit, mailmap) == 0) {
    SignaturePtr owner(author);
    // Gitleaks reads "Name <email>" back: the name is what precedes the
    // first "<", the email runs up to the first ">" after it.
    std::string line = std::string(author->name) + " <" + author->email + ">";
    size_t open = line.find('<');
    size_t close = line.find('>', open);
    info->author = std::string(TrimUnicodeSpace(std::string_view(line).substr(0, open)));
    info->email =
        std::string(TrimUnicodeSpace(std::string_view(line).substr(open + 1, close - open - 1)));
    info->date = FormatUtcDate(author->when.time);
  }
  const char* message = git_commit_message_raw(commit);
  info->message = NormalizeCommitMessage(message == nullptr ? "" : message, note);
  return info;
}

std::shared_ptr<const CommitInfo> UncommittedInfo() {
  static const auto* info = new std::shared_ptr<const CommitInfo>(
      std::make_shared<const CommitInfo>(CommitInfo{"", "", "", "0001-01-01T00:00:00Z", ""}));
  return *info;
}

}  // namespace leakscan::git
