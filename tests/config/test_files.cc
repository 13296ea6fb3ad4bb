#include "tests/config/test_files.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "util/log.h"

namespace leakscan::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "leakscan-config-XXXXXX").string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = buffer.data();
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

std::string TempDir::Write(const std::string& name, const std::string& content) const {
  fs::path full = fs::path(path_) / name;
  fs::create_directories(full.parent_path());
  std::ofstream out(full, std::ios::binary);
  out << content;
  return full.string();
}

ScopedEnv::ScopedEnv(const std::map<std::string, std::optional<std::string>>& values) {
  for (const auto& [name, value] : values) {
    const char* old = std::getenv(name.c_str());
    previous_[name] = old == nullptr ? std::nullopt : std::optional<std::string>(old);
    if (value) {
      setenv(name.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name.c_str());
    }
  }
}

ScopedEnv::~ScopedEnv() {
  for (const auto& [name, value] : previous_) {
    if (value) {
      setenv(name.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name.c_str());
    }
  }
}

ScopedWorkingDir::ScopedWorkingDir(const std::string& path)
    : previous_(fs::current_path().string()) {
  fs::current_path(path);
}

ScopedWorkingDir::~ScopedWorkingDir() {
  std::error_code error;
  fs::current_path(previous_, error);
}

ScopedLogCapture::ScopedLogCapture() {
  log::SetColor(false);
  log::CaptureForTest(&text_);
}

ScopedLogCapture::~ScopedLogCapture() {
  log::CaptureForTest(nullptr);
  log::SetColor(true);
}

}  // namespace leakscan::testing
