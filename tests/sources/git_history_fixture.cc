#include "tests/sources/git_history_fixture.h"

#include <filesystem>

namespace leakscan::testing {
namespace fs = std::filesystem;

namespace {

constexpr const char* kBob = "Bob <bob@example.com>";

std::string NumberedLines(int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) {
    text += "value_" + std::to_string(i) + " = compute(" + std::to_string(i) + ")\n";
  }
  return text;
}

// Replaces the whole line `number` (1-based) of `text`.
std::string ReplaceLine(const std::string& text, int number, const std::string& line) {
  size_t start = 0;
  for (int i = 1; i < number; ++i) start = text.find('\n', start) + 1;
  size_t end = text.find('\n', start);
  return text.substr(0, start) + line + text.substr(end);
}

std::string DeleteLines(const std::string& text, int first, int count) {
  size_t start = 0;
  for (int i = 1; i < first; ++i) start = text.find('\n', start) + 1;
  size_t end = start;
  for (int i = 0; i < count; ++i) end = text.find('\n', end) + 1;
  return text.substr(0, start) + text.substr(end);
}

void AddInitialFiles(const TestRepo& repo) {
  repo.Write("README.md", "# Project\nsecret_token = abc123\n");
  repo.Write("src/app.py", NumberedLines(40));
  repo.Write("nonl.txt", "first\nsecond");
  repo.Write("crlf.txt", "alpha\r\nbeta\r\n");
  repo.Write("d\xc3\xafr/na\xc3\xafve \xc3\xa9.txt", "unicode path\n");
  repo.Write("with space/file name.txt", "spaces in the path\nline two\nline three\n");
  repo.Write("tab\tname.txt", "tab in the name\n");
  repo.Write("bin.dat", std::string("\0\1binary\0data", 14));
  repo.Write("pkg.tar.gz", std::string("\x1f\x8b\x08\0fake\0archive", 16));
  repo.Write("empty.txt", "");
}

std::string EditedApp() {
  std::string app = NumberedLines(40);
  app = ReplaceLine(app, 5, "value_5 = changed(5)");
  app = ReplaceLine(app, 20, "value_20 = changed(20)");
  app = ReplaceLine(app, 21, "value_21 = changed(21)");
  app = DeleteLines(app, 30, 2);
  return app + "appended_1 = True\nappended_2 = False\n";
}

void AddSideBranch(const TestRepo& repo, int64_t t) {
  repo.Git("checkout -q -b side");
  repo.Write("side.txt", "side content\nkey = side-secret-value\n");
  repo.CommitAll("Side work\n", t + 150, kBob);
  repo.Write("side.txt", "side content\nkey = changed-secret\nmore\n");
  // The committer clock runs behind the parent's: git log order must cope.
  repo.CommitAll("Side skewed clock\n", t + 250, kBob, t + 20);
  repo.Git("checkout -q main");
}

void MoveFiles(const TestRepo& repo) {
  repo.Remove("src/app.py");
  repo.Write("lib/app.py", ReplaceLine(EditedApp(), 10, "value_10 = moved(10)"));
  repo.Remove("with space/file name.txt");
  repo.Write("moved/file name.txt", "spaces in the path\nline two\nline three\n");
  repo.Remove("README.md");
  repo.Write("config/settings.ini", "[db]\npassword = hunter2\n");
}

// Mode change, file -> symlink, a new symlink and a submodule pointer.
void ChangeModesAndLinks(const TestRepo& repo, const std::string& submodule_commit) {
  fs::path root(repo.path());
  fs::permissions(root / "nonl.txt", fs::perms::owner_exec, fs::perm_options::add);
  repo.Remove("crlf.txt");
  fs::create_symlink("nonl.txt", root / "crlf.txt");
  fs::create_symlink("config/settings.ini", root / "link-to-config");
  fs::create_directories(root / "vendor/sub");
  repo.Git("add -A");
  repo.Git("update-index --add --cacheinfo 160000," + submodule_commit + ",vendor/sub");
}

}  // namespace

std::unique_ptr<TestRepo> BuildHistoryFixture() {
  auto owner = std::make_unique<TestRepo>();
  const TestRepo& repo = *owner;
  const int64_t t = kFixtureTime;

  AddInitialFiles(repo);
  std::string initial = repo.CommitAll("Initial commit\n", t);

  // A commit that only a tag keeps alive.
  repo.Git("checkout -q -b topic");
  repo.Write("topic.txt", "topic work\n");
  repo.CommitAll("Topic work\n", t + 50);
  repo.Git("tag old-topic");
  repo.Git("checkout -q main");
  repo.Git("branch -q -D topic");

  repo.Write("src/app.py", EditedApp());
  repo.Write("nonl.txt", "first\nsecond\nthird");
  repo.Write("crlf.txt", "alpha\r\nbeta\r\ngamma\r\n");
  repo.Write("empty.txt", "now has content\n");
  repo.CommitAll(
      "\n\n  Title line\twith tab  \ncontinued title\n\n\n\tbody line one   \n    body two\n\n\n\n"
      "last line\n\n",
      t + 100);

  AddSideBranch(repo, t);
  MoveFiles(repo);
  std::string moved = repo.CommitAll("Move files around\n", t + 200);
  ChangeModesAndLinks(repo, initial);
  repo.Commit("Modes, links and a submodule\n", t + 200);

  // A merge that also edits a file of its own.
  repo.Git("merge -q --no-ff --no-commit side", TestRepo::DateEnvironment(t + 300, t + 300, kBob));
  repo.Write("config/settings.ini", "[db]\npassword = hunter2\nmerge_note = added in merge\n");
  repo.Git("add -A");
  repo.Commit("Merge branch 'side'\n", t + 300);

  repo.Write("bin.dat", std::string("\0\2changed\0", 10));
  repo.Write("image.zip", std::string("PK\3\4\0\0binary zip", 16));
  repo.Write(".mailmap", "Robert Builder <robert@example.com> Bob <bob@example.com>\n");
  repo.CommitAll("Binary changes and mailmap\n", t + 400, "Dora Dev <dora@example.com>");
  repo.Git("tag -a v1 -m 'Release one' " + moved,
           TestRepo::DateEnvironment(t + 410, t + 410, kBob));
  repo.Git("tag lw");

  repo.Git("checkout -q -b temp");
  repo.Write("remote-only.txt", "fetched = true\n");
  std::string fetched = repo.CommitAll("Remote work\n", t + 450);
  repo.Git("checkout -q main");
  repo.Git("branch -q -D temp");
  repo.Git("update-ref refs/remotes/origin/feature " + fetched);

  repo.CommitAll("Empty commit\n", t + 500);

  repo.Git("notes add -m 'a note with password = notesecret' " + initial,
           TestRepo::DateEnvironment(t + 600, t + 600, kBob));
  repo.Write("nonl.txt", "first\nsecond\nstaged for the stash\n");
  repo.Git("add nonl.txt");
  repo.Write("nonl.txt", "first\nsecond\nstaged for the stash\nunstaged too\n");
  repo.Git("stash -q", TestRepo::DateEnvironment(t + 700, t + 700, kBob));
  return owner;
}

}  // namespace leakscan::testing
