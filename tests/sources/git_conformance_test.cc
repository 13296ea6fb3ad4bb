// Runs the git and staged conformance groups through library calls. A
// copy of each fixture repository is scanned by ScanGit and its fragments
// go through the Detector. Links are built from the copy's remote, and a
// FindingSink applies the case's .gitleaksignore and adds fingerprints.
// Every case runs and none is skipped.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "config/loader.h"
#include "scanner/detector.h"
#include "scanner/finding_sink.h"
#include "scanner/gitleaks_ignore.h"
#include "sources/git_source.h"
#include "sources/scm_link.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

namespace conf = conformance;
namespace fs = std::filesystem;

std::string GetString(simdjson::dom::element element, std::string_view key) {
  std::string_view value;
  if (element[key].get(value) != simdjson::SUCCESS) return "";
  return std::string(value);
}

int GetInt(simdjson::dom::element element, std::string_view key) {
  int64_t value = 0;
  if (element[key].get(value) != simdjson::SUCCESS) return 0;
  return static_cast<int>(value);
}

// Removes the temporary copy of a fixture repository.
class RepoCopy {
 public:
  explicit RepoCopy(const std::string& fixture) : path_(conf::CopyFixtureRepo(fixture)) {}
  ~RepoCopy() {
    std::error_code error;
    fs::remove_all(fs::path(path_).parent_path(), error);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The links of a case: "auto" resolves the copy's remote like the scan
// driver does, anything else means no links.
ScmRemote RemoteFor(simdjson::dom::element options, const std::string& repo, bool staged) {
  if (staged || GetString(options, "platform") != "auto") return ScmRemote{ScmPlatform::kNone, ""};
  std::optional<std::string> url = RemoteUrl(repo);
  if (!url) return ScmRemote{ScmPlatform::kNone, ""};
  return ResolveRemote(*url, ScmPlatform::kUnknown);
}

// Scans one git or staged case from the cases folder and returns a
// description of the mismatch, or "" when the result is as expected.
std::string RunGitCase(simdjson::dom::element test_case) {
  simdjson::dom::element options = test_case["options"];
  std::string config_path = GetString(test_case, "config");
  Result<Config> config = LoadConfigFile(config_path);
  if (!config) return "config failed to load: " + config.error().message;
  auto shared_config = std::make_shared<const Config>(std::move(*config));

  DetectorOptions detector_options;
  detector_options.max_decode_depth = GetInt(options, "max_decode_depth");
  detector_options.config_path = config_path;
  auto detector = Detector::Create(shared_config, detector_options);
  if (!detector) return "detector failed: " + detector.error().message;

  IgnoreSet ignore;
  if (std::string ignore_path = GetString(options, "gitleaksignore"); !ignore_path.empty()) {
    if (auto loaded = ignore.LoadFile(ignore_path); !loaded) return loaded.error().message;
  }
  FindingSink sink(&ignore, nullptr, false);

  bool staged = GetString(test_case, "mode") == "staged";
  RepoCopy repo(GetString(test_case["input"], "repo"));
  ScmRemote remote = RemoteFor(options, repo.path(), staged);
  GitScanOptions scan;
  scan.repo_path = repo.path();
  scan.log_opts = GetString(test_case["input"], "log_opts");
  scan.staged = staged;
  scan.source.threads = 2;
  scan.source.max_archive_depth = GetInt(options, "max_archive_depth");
  scan.config = shared_config.get();
  const Detector& engine = **detector;
  auto stats = ScanGit(scan, [&](const Fragment& fragment) {
    std::vector<Finding> findings = engine.Detect(fragment);
    for (Finding& finding : findings) finding.link = BuildLink(remote, finding);
    sink.Accept(std::move(findings), fragment.order_major, fragment.order_minor);
  });
  if (!stats) return "scan failed: " + stats.error().message;
  return conf::CompareFindings(test_case, sink.TakeSorted());
}

void RunGroup(const std::string& group, const std::string& mode, size_t expected_cases) {
  auto cases = conf::LoadGroup(group);
  conf::CasesWorkingDir working_dir;
  size_t count = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    ++count;
    std::string id = GetString(test_case, "id");
    ASSERT_EQ(GetString(test_case, "mode"), mode) << id;
    EXPECT_EQ(RunGitCase(test_case), "") << id;
  }
  EXPECT_EQ(count, expected_cases);
}

TEST(GitConformanceTest, GitGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  RunGroup("git", "git", 2);
}

TEST(GitConformanceTest, StagedGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  RunGroup("staged", "staged", 1);
}

}  // namespace
}  // namespace leakscan
