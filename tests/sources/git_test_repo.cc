#include "tests/sources/git_test_repo.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace leakscan::testing {
namespace fs = std::filesystem;

namespace {

// Keeps the user's and the system's git configuration out of the tests.
constexpr std::string_view kHermeticEnvironment =
    "GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null LC_ALL=C TZ=UTC ";

}  // namespace

std::string ShellQuote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string RunShell(const std::string& command, int* exit_status) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *exit_status = -1;
    return output;
  }
  char buffer[65536];
  size_t count;
  while ((count = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, count);
  int status = pclose(pipe);
  *exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

TestRepo::TestRepo() {
  std::string pattern = (fs::temp_directory_path() / "leakscan-git-test-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << pattern;
    return;
  }
  path_ = buffer.data();
  Git("init -q -b main .");
  Git("config user.name 'Default User'");
  Git("config user.email default@example.com");
  Git("config commit.gpgsign false");
  Git("config core.autocrlf false");
}

TestRepo::~TestRepo() {
  std::error_code error;
  if (!path_.empty()) fs::remove_all(path_, error);
}

void TestRepo::Write(const std::string& relative_path, std::string_view content) const {
  fs::path target = fs::path(path_) / relative_path;
  fs::create_directories(target.parent_path());
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

void TestRepo::Remove(const std::string& relative_path) const {
  std::error_code error;
  fs::remove(fs::path(path_) / relative_path, error);
}

std::string TestRepo::Git(const std::string& arguments, const std::string& environment) const {
  int status = 0;
  std::string command = std::string(kHermeticEnvironment) + environment + "git -C " +
                        ShellQuote(path_) + " " + arguments + " 2>/dev/null";
  std::string output = RunShell(command, &status);
  EXPECT_EQ(status, 0) << "git command failed: " << command;
  return output;
}

std::string TestRepo::DateEnvironment(int64_t author_time, int64_t committer_time,
                                      const std::string& author) {
  size_t open = author.find('<');
  std::string name = author.substr(0, open == std::string::npos ? author.size() : open);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  std::string email = open == std::string::npos
                          ? std::string()
                          : author.substr(open + 1, author.find('>', open) - open - 1);
  return "GIT_AUTHOR_NAME=" + ShellQuote(name) + " GIT_AUTHOR_EMAIL=" + ShellQuote(email) +
         " GIT_AUTHOR_DATE=" + ShellQuote("@" + std::to_string(author_time) + " +0200") +
         " GIT_COMMITTER_NAME='Carol Committer' GIT_COMMITTER_EMAIL=carol@example.com" +
         " GIT_COMMITTER_DATE=" + ShellQuote("@" + std::to_string(committer_time) + " +0000") + " ";
}

std::string TestRepo::CommitAll(const std::string& message, int64_t time, const std::string& author,
                                int64_t committer_time) const {
  Git("add -A");
  return Commit(message, time, author, committer_time);
}

std::string TestRepo::Commit(const std::string& message, int64_t time, const std::string& author,
                             int64_t committer_time) const {
  std::string message_file = path_ + "/.git/TEST_MESSAGE";
  {
    std::ofstream out(message_file, std::ios::binary | std::ios::trunc);
    out << message;
  }
  int status = 0;
  std::string command = std::string(kHermeticEnvironment) +
                        DateEnvironment(time, committer_time < 0 ? time : committer_time, author) +
                        "git -C " + ShellQuote(path_) +
                        " commit -q --allow-empty --cleanup=verbatim -F " +
                        ShellQuote(message_file) + " 2>&1";
  std::string output = RunShell(command, &status);
  EXPECT_EQ(status, 0) << "commit failed: " << output;
  std::string sha = Git("rev-parse HEAD");
  while (!sha.empty() && sha.back() == '\n') sha.pop_back();
  return sha;
}

FragmentHandler FragmentCollector::Handler() {
  return [this](const Fragment& fragment) {
    CollectedFragment copy;
    if (fragment.commit) {
      copy.sha = fragment.commit->sha;
      copy.author = fragment.commit->author;
      copy.email = fragment.commit->email;
      copy.date = fragment.commit->date;
      copy.message = fragment.commit->message;
    }
    copy.path = fragment.file_path;
    copy.start_line = fragment.start_line;
    copy.raw = std::string(fragment.raw);
    copy.order_major = fragment.order_major;
    copy.order_minor = fragment.order_minor;
    std::lock_guard<std::mutex> lock(mutex_);
    fragments_.push_back(std::move(copy));
  };
}

std::vector<CollectedFragment> FragmentCollector::Sorted() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<CollectedFragment> sorted = fragments_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.order_major, a.order_minor) < std::tie(b.order_major, b.order_minor);
  });
  return sorted;
}

}  // namespace leakscan::testing
