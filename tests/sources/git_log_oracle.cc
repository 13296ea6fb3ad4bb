#include "tests/sources/git_log_oracle.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <ctime>
#include <sstream>

namespace leakscan::testing {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// "Fri Dec 4 16:25:07 2026 +0200" -> "2026-12-04T14:25:07Z".
std::string ParseDefaultDate(std::string_view text) {
  std::string value(Trim(text));
  size_t zone_start = value.rfind(' ');
  std::string zone = value.substr(zone_start + 1);
  std::tm fields{};
  if (strptime(value.substr(0, zone_start).c_str(), "%a %b %d %H:%M:%S %Y", &fields) == nullptr) {
    return "unparsed:" + value;
  }
  int offset = std::stoi(zone.substr(1, 2)) * 3600 + std::stoi(zone.substr(3, 2)) * 60;
  if (zone[0] == '-') offset = -offset;
  std::time_t utc = timegm(&fields) - offset;
  std::tm out{};
  gmtime_r(&utc, &out);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &out);
  return buffer;
}

// Rebuilds the message from the indented lines, as Gitleaks' parser does.
std::string ParseMessage(const std::vector<std::string>& lines) {
  std::string title;
  std::string indent;
  size_t i = 0;
  for (; i < lines.size(); ++i) {
    std::string_view trimmed = Trim(lines[i]);
    if (trimmed.empty()) break;
    if (i == 0) indent = lines[i].substr(0, lines[i].find_first_not_of(" \t"));
    if (!title.empty()) title += " ";
    title += trimmed;
  }
  if (title.empty()) return "";
  std::vector<std::string> body_lines;
  bool pending_blank = false;
  for (++i; i < lines.size(); ++i) {
    std::string line = lines[i];
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (StartsWith(line, indent)) line = line.substr(indent.size());
    if (line.empty()) {
      pending_blank = true;
      continue;
    }
    if (!body_lines.empty() && pending_blank) body_lines.push_back("");
    pending_blank = false;
    body_lines.push_back(line);
  }
  std::string body;
  for (size_t j = 0; j < body_lines.size(); ++j) body += (j > 0 ? "\n" : "") + body_lines[j];
  return body.empty() ? title : title + "\n\n" + body;
}

// The b-side path of a "diff --git a/X b/Y" line.
std::string PathFromDiffLine(std::string_view rest) {
  if (!rest.empty() && rest.back() == '"') {
    size_t start = rest.rfind(" \"b/");
    return UnquoteGitPath(rest.substr(start + 1)).substr(2);
  }
  size_t start = rest.rfind(" b/");
  return std::string(rest.substr(start + 3));
}

class PatchParser {
 public:
  OracleOutput Parse(std::string_view output) {
    while (!output.empty()) {
      size_t end = output.find('\n');
      std::string_view line = output.substr(0, end);
      output.remove_prefix(end == std::string_view::npos ? output.size() : end + 1);
      ParseLine(line);
    }
    FinishFile();
    FinishMessage();
    return std::move(out_);
  }

 private:
  void ParseLine(std::string_view line) {
    if (StartsWith(line, "commit ")) {
      FinishFile();
      FinishMessage();
      std::string_view rest = line.substr(7);
      meta_ = CollectedFragment{};
      meta_.sha = std::string(rest.substr(0, rest.find(' ')));
      out_.commits.push_back(meta_.sha);
      in_header_ = true;
      return;
    }
    if (in_header_) {
      ParseHeaderLine(line);
      return;
    }
    if (in_message_ && !StartsWith(line, "diff --git ")) {
      message_lines_.emplace_back(line);
      return;
    }
    FinishMessage();
    if (StartsWith(line, "diff --git ")) {
      FinishFile();
      in_file_ = true;
      deleted_ = binary_ = false;
      path_ = PathFromDiffLine(line.substr(11));
      return;
    }
    if (in_hunk_ && ParseHunkLine(line)) return;
    if (in_file_) ParseFileHeaderLine(line);
  }

  void ParseHeaderLine(std::string_view line) {
    if (StartsWith(line, "Author: ")) {
      std::string_view value = line.substr(8);
      size_t open = value.find('<');
      size_t close = value.find('>', open);
      meta_.author = std::string(Trim(value.substr(0, open)));
      meta_.email = std::string(Trim(value.substr(open + 1, close - open - 1)));
    } else if (StartsWith(line, "Date: ")) {
      meta_.date = ParseDefaultDate(line.substr(6));
    } else if (line.empty()) {
      in_header_ = false;
      in_message_ = true;
      message_lines_.clear();
    }
  }

  void FinishMessage() {
    if (!in_message_) return;
    in_message_ = false;
    meta_.message = ParseMessage(message_lines_);
  }

  bool ParseHunkLine(std::string_view line) {
    if (line.empty() || line[0] == ' ') {
      last_origin_ = ' ';
    } else if (line[0] == '+') {
      hunk_.raw.append(line.substr(1));
      hunk_.raw.push_back('\n');
      last_origin_ = '+';
    } else if (line[0] == '-') {
      last_origin_ = '-';
    } else if (line[0] == '\\') {
      if (last_origin_ == '+' && !hunk_.raw.empty()) hunk_.raw.pop_back();
    } else {
      return false;
    }
    return true;
  }

  void ParseFileHeaderLine(std::string_view line) {
    if (StartsWith(line, "@@ ")) {
      FinishHunk();
      size_t plus = line.find(" +");
      hunk_ = meta_;
      hunk_.path = path_;
      hunk_.start_line = std::stoi(std::string(line.substr(plus + 2)));
      hunk_.raw.clear();
      in_hunk_ = true;
      last_origin_ = ' ';
    } else if (StartsWith(line, "deleted file mode")) {
      deleted_ = true;
    } else if (StartsWith(line, "rename to ") || StartsWith(line, "copy to ")) {
      path_ = UnquoteGitPath(line.substr(line.find(" to ") + 4));
    } else if (StartsWith(line, "+++ ")) {
      // git ends the name with a tab when it contains a space.
      std::string_view rest = line.substr(4);
      if (!rest.empty() && rest.back() == '\t') rest.remove_suffix(1);
      if (rest == "/dev/null") {
        deleted_ = true;
      } else {
        path_ = UnquoteGitPath(rest).substr(2);
      }
    } else if (StartsWith(line, "Binary files ") || StartsWith(line, "GIT binary patch")) {
      binary_ = true;
    }
  }

  void FinishHunk() {
    if (in_hunk_ && !deleted_ && !binary_) out_.fragments.push_back(hunk_);
    in_hunk_ = false;
  }

  void FinishFile() {
    FinishHunk();
    if (in_file_ && binary_ && !deleted_) out_.binary_paths.push_back(path_);
    in_file_ = false;
  }

  OracleOutput out_;
  CollectedFragment meta_;
  bool in_header_ = false;
  bool in_message_ = false;
  std::vector<std::string> message_lines_;
  bool in_file_ = false;
  bool deleted_ = false;
  bool binary_ = false;
  std::string path_;
  bool in_hunk_ = false;
  CollectedFragment hunk_;
  char last_origin_ = ' ';
};

}  // namespace

std::string UnquoteGitPath(std::string_view path) {
  if (path.size() < 2 || path.front() != '"' || path.back() != '"') return std::string(path);
  path = path.substr(1, path.size() - 2);
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '\\' || i + 1 >= path.size()) {
      out += path[i];
      continue;
    }
    char next = path[++i];
    if (next >= '0' && next <= '7' && i + 2 < path.size()) {
      out += static_cast<char>(std::stoi(std::string(path.substr(i, 3)), nullptr, 8));
      i += 2;
      continue;
    }
    switch (next) {
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'v':
        out += '\v';
        break;
      case 'f':
        out += '\f';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        out += next;
        break;
    }
  }
  return out;
}

OracleOutput ParseGitPatchOutput(std::string_view output) { return PatchParser().Parse(output); }

namespace {

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Describe(const CollectedFragment& f) {
  std::ostringstream out;
  out << f.sha.substr(0, 10) << " " << Escape(f.path) << ":" << f.start_line << " raw='"
      << Escape(f.raw) << "'";
  return out.str();
}

std::string DescribeMetadata(const CollectedFragment& f) {
  return f.sha.substr(0, 10) + " author='" + f.author + "' email='" + f.email + "' date=" + f.date +
         " message='" + Escape(f.message) + "'";
}

}  // namespace

void ExpectSameFragments(const std::vector<CollectedFragment>& expected,
                         const std::vector<CollectedFragment>& actual, const std::string& label) {
  size_t count = std::min(expected.size(), actual.size());
  for (size_t i = 0; i < count; ++i) {
    const CollectedFragment& e = expected[i];
    const CollectedFragment& a = actual[i];
    bool same =
        e.sha == a.sha && e.path == a.path && e.start_line == a.start_line && e.raw == a.raw;
    ASSERT_TRUE(same) << label << ": fragment " << i << " differs\n  git:      " << Describe(e)
                      << "\n  leakscan: " << Describe(a);
    bool same_metadata =
        e.author == a.author && e.email == a.email && e.date == a.date && e.message == a.message;
    ASSERT_TRUE(same_metadata) << label << ": metadata of fragment " << i
                               << " differs\n  git:      " << DescribeMetadata(e)
                               << "\n  leakscan: " << DescribeMetadata(a);
  }
  if (expected.size() != actual.size()) {
    const auto& longer = expected.size() > actual.size() ? expected : actual;
    FAIL() << label << ": git gave " << expected.size() << " fragments, leakscan " << actual.size()
           << "; first extra: " << Describe(longer[count]);
  }
}

}  // namespace leakscan::testing
