// The parsed command line: which command runs and with which settings.
// Filled by cli/command_line.cc, consumed by the command runners.
#pragma once

#include <string>
#include <vector>

#include "port/port_options.h"

namespace leakscan {

enum class Command {
  kNone,         // No sub-command: print help.
  kGit,          // git [repo]
  kDir,          // dir [path], aliases file, files, directory
  kStdin,        // stdin
  kVersion,      // version
  kRules,        // rules [--format text|toml]
  kInstallHook,  // install-hook [--force] [repo]
  kPortSend,     // port send FILE.sarif
};

// Flags every scanning command accepts (Gitleaks' persistent flags).
struct ScanFlags {
  std::string config;
  int exit_code = 1;
  std::string report_path;
  std::string report_format;
  std::string report_template;
  std::string sarif_style = "enriched";
  std::string baseline_path;
  std::string log_level = "info";
  bool verbose = false;
  bool no_color = false;
  int max_target_megabytes = 0;
  bool ignore_gitleaks_allow = false;
  int redact = 0;
  bool no_banner = false;
  std::vector<std::string> enable_rules;
  std::string gitleaks_ignore_path = ".";
  int max_decode_depth = 5;
  int max_archive_depth = 0;
  int timeout_seconds = 0;
  int threads = 0;  // 0: all cores.
  std::string diagnostics;
  std::string diagnostics_dir;
};

struct Invocation {
  Command command = Command::kNone;
  ScanFlags flags;
  std::vector<std::string> positionals;
  // git
  std::string platform;
  bool staged = false;
  bool pre_commit = false;
  std::string log_opts;
  // dir
  bool follow_symlinks = false;
  // detect/protect compatibility: the --source value.
  std::string source = ".";
  // rules
  std::string rules_format = "text";
  // install-hook
  bool force = false;
  // port
  PortOptions port;
  std::string port_sarif_path;
};

}  // namespace leakscan
