#include "cli/install_hook.h"

#include <git2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/exit_codes.h"
#include "util/log.h"

namespace leakscan {
namespace {

namespace fs = std::filesystem;

std::string SelfPath() {
  char buffer[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (length <= 0) return "leakscan";
  return std::string(buffer, static_cast<size_t>(length));
}

// Returns the hooks folder of the repository containing `path`, honouring
// core.hooksPath, or an error naming the path.
Result<fs::path> HooksDir(const std::string& path) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  if (git_repository_open_ext(&repo, path.c_str(), 0, nullptr) != 0) {
    git_libgit2_shutdown();
    return MakeError("not a git repository: " + path);
  }
  fs::path hooks = fs::path(git_repository_path(repo)) / "hooks";
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repo) == 0) {
    git_buf value = GIT_BUF_INIT;
    if (git_config_get_path(&value, config, "core.hooksPath") == 0) {
      fs::path configured(value.ptr);
      const char* workdir = git_repository_workdir(repo);
      hooks = configured.is_absolute() || workdir == nullptr ? configured
                                                             : fs::path(workdir) / configured;
      git_buf_dispose(&value);
    }
    git_config_free(config);
  }
  git_repository_free(repo);
  git_libgit2_shutdown();
  return hooks;
}

bool IsLeakscanHook(const fs::path& hook) {
  std::ifstream in(hook);
  std::string line;
  while (std::getline(in, line)) {
    if (line == kHookMarker) return true;
  }
  return false;
}

}  // namespace

std::string PreCommitHookScript(const std::string& binary_path) {
  std::ostringstream script;
  script << "#!/bin/sh\n"
         << kHookMarker << "\n"
         << "# Blocks a commit whose staged changes contain a secret.\n"
         << "# Skip it once with: SKIP=leakscan git commit ...\n"
         << "case \",${SKIP:-},\" in\n"
         << "  *,leakscan,*) echo \"leakscan: hook skipped (SKIP)\" >&2; exit 0 ;;\n"
         << "esac\n"
         << "bin=\"${LEAKSCAN_BIN:-" << binary_path << "}\"\n"
         << "if [ ! -x \"$bin\" ]; then\n"
         << "  bin=$(command -v leakscan) || {\n"
         << "    echo \"leakscan: binary not found; set LEAKSCAN_BIN\" >&2\n"
         << "    exit 1\n"
         << "  }\n"
         << "fi\n"
         << "exec \"$bin\" git --pre-commit --staged --redact --verbose --no-banner --no-color .\n";
  return script.str();
}

int RunInstallHook(const Invocation& invocation) {
  std::string repo = invocation.positionals.empty() ? "." : invocation.positionals[0];
  auto hooks = HooksDir(repo);
  if (!hooks) {
    log::Write(log::Level::kFatal, hooks.error().message);
    return kExitError;
  }
  fs::path hook = *hooks / "pre-commit";
  std::error_code error;
  if (fs::exists(hook, error) && !IsLeakscanHook(hook) && !invocation.force) {
    log::Write(log::Level::kFatal, "a pre-commit hook that leakscan did not write exists: " +
                                       hook.string() + "; rerun with --force to replace it");
    return kExitError;
  }
  fs::create_directories(*hooks, error);
  std::ofstream out(hook, std::ios::trunc);
  out << PreCommitHookScript(SelfPath());
  out.close();
  if (!out || chmod(hook.c_str(), 0755) != 0) {
    log::Write(log::Level::kFatal, "cannot write hook: " + hook.string());
    return kExitError;
  }
  log::Info("installed pre-commit hook: " + hook.string());
  return kExitOk;
}

}  // namespace leakscan
