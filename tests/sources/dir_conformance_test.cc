// Runs the dir and archives conformance groups through library calls:
// ScanDirectory feeds the Detector, and a FindingSink adds fingerprints
// and applies the case's .gitleaksignore. Every case runs; none is skipped.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "config/loader.h"
#include "scanner/detector.h"
#include "scanner/finding_sink.h"
#include "scanner/gitleaks_ignore.h"
#include "sources/dir_source.h"
#include "tests/conformance/conformance.h"
#include "tests/sources/source_test_util.h"

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

bool GetBool(simdjson::dom::element element, std::string_view key) {
  bool value = false;
  if (element[key].get(value) != simdjson::SUCCESS) return false;
  return value;
}

bool HasFeature(simdjson::dom::element test_case, std::string_view feature) {
  for (simdjson::dom::element item : test_case["features"].get_array()) {
    if (item.get_string().value() == feature) return true;
  }
  return false;
}

// Scans one dir-mode case from the current working directory; returns a
// description of the mismatch, or "" when the result is as expected.
std::string RunDirCase(simdjson::dom::element test_case) {
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

  std::atomic<bool> cancelled{GetBool(options, "cancel_before_scan")};
  DirScanOptions scan;
  scan.path = GetString(test_case["input"], "path");
  scan.follow_symlinks = GetBool(options, "follow_symlinks");
  scan.source.threads = 2;
  scan.source.max_archive_depth = GetInt(options, "max_archive_depth");
  scan.source.cancelled = &cancelled;
  scan.config = shared_config.get();
  const Detector& engine = **detector;
  Status status = ScanDirectory(scan, [&](const Fragment& fragment) {
    sink.Accept(engine.Detect(fragment), fragment.order_major, fragment.order_minor);
  });

  std::string expected_error = GetString(test_case, "expected_error");
  if (expected_error.empty() && !status) return "unexpected error: " + status.error().message;
  if (!expected_error.empty()) {
    if (status) return "expected error '" + expected_error + "', got success";
    if (status.error().message != expected_error) {
      return "expected error '" + expected_error + "', got '" + status.error().message + "'";
    }
  }
  return conf::CompareFindings(test_case, sink.TakeSorted());
}

// A copy of the symlink fixture with the link restored, because checkouts
// may turn it into a regular file. Cases run from `cases()`, a sibling of
// the copied testdata, so their "../testdata/..." paths still resolve.
class SymlinkFixture {
 public:
  SymlinkFixture() {
    std::string testdata = conf::CasesDir() + "/../testdata";
    for (const char* part : {"repos/symlinks", "config"}) {
      fs::create_directories(fs::path(dir_.Path("testdata/" + std::string(part))).parent_path());
      fs::copy(testdata + "/" + part, dir_.Path("testdata/" + std::string(part)),
               fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    }
    std::string link = dir_.Path("testdata/repos/symlinks/file_symlink/symlinked_id_ed25519");
    if (!fs::is_symlink(link)) {
      fs::permissions(fs::path(link).parent_path(), fs::perms::owner_all, fs::perm_options::add);
      fs::remove(link);
      fs::create_symlink("../source_file/id_ed25519", link);
    }
    dir_.MakeDir("cases");
  }
  std::string cases() const { return dir_.Path("cases"); }

 private:
  testing::TempDir dir_;
};

void RunDirGroup(const std::string& group, size_t expected_cases) {
  auto cases = conf::LoadGroup(group);
  conf::CasesWorkingDir working_dir;
  size_t count = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    ++count;
    std::string id = GetString(test_case, "id");
    ASSERT_EQ(GetString(test_case, "mode"), "dir") << id;
    if (!HasFeature(test_case, "symlinks")) {
      EXPECT_EQ(RunDirCase(test_case), "") << id;
      continue;
    }
    SymlinkFixture fixture;
    std::string previous = fs::current_path().string();
    fs::current_path(fixture.cases());
    std::string mismatch = RunDirCase(test_case);
    fs::current_path(previous);
    EXPECT_EQ(mismatch, "") << id;
  }
  EXPECT_EQ(count, expected_cases);
}

TEST(DirConformanceTest, DirGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  RunDirGroup("dir", 4);
}

TEST(DirConformanceTest, ArchivesGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  RunDirGroup("archives", 7);
}

}  // namespace
}  // namespace leakscan
