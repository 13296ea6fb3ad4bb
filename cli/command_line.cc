#include "cli/command_line.h"

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/exit_codes.h"
#include "port/port_client.h"

namespace leakscan {
namespace {

void AddScanFlags(CLI::App& app, ScanFlags& f) {
  app.add_option("-c,--config", f.config,
                 "config file path (default: $GITLEAKS_CONFIG, "
                 "$GITLEAKS_CONFIG_TOML, <source>/.gitleaks.toml, built-in rules)");
  app.add_option("--exit-code", f.exit_code, "exit code when leaks are found")
      ->capture_default_str();
  app.add_option("-r,--report-path", f.report_path, "report file ('-' for stdout)");
  app.add_option("-f,--report-format", f.report_format,
                 "report format: json, csv, junit, sarif, template");
  app.add_option("--report-template", f.report_template,
                 "Go text/template file for --report-format template");
  app.add_option("--sarif-style", f.sarif_style,
                 "SARIF layout: enriched (GitHub-ready, default) or gitleaks (byte-identical)")
      ->check(CLI::IsMember({"enriched", "gitleaks"}));
  app.add_option("-b,--baseline-path", f.baseline_path,
                 "report (JSON, CSV or SARIF) whose findings are ignored");
  app.add_option("-l,--log-level", f.log_level, "trace, debug, info, warn, error, fatal")
      ->capture_default_str();
  app.add_flag("-v,--verbose", f.verbose, "print each finding as it is found");
  app.add_flag("--no-color", f.no_color, "disable colour in logs and verbose output");
  app.add_option("--max-target-megabytes", f.max_target_megabytes,
                 "skip files and fragments larger than this many megabytes (0: no limit)");
  app.add_flag("--ignore-gitleaks-allow", f.ignore_gitleaks_allow,
               "report findings on lines marked gitleaks:allow");
  app.add_flag("--redact{100}", f.redact,
               "redact secrets in output; --redact=N keeps the first (100-N)% of each")
      ->check(CLI::Range(0, 100));
  app.add_flag("--no-banner", f.no_banner, "do not print the banner");
  app.add_option("--enable-rule", f.enable_rules, "only run these rule ids (comma-separated)")
      ->delimiter(',');
  app.add_option("-i,--gitleaks-ignore-path", f.gitleaks_ignore_path,
                 ".gitleaksignore file or folder containing one")
      ->capture_default_str();
  app.add_option("--max-decode-depth", f.max_decode_depth,
                 "decoding rounds for base64, hex, percent and unicode escapes (0: off)")
      ->capture_default_str();
  app.add_option("--max-archive-depth", f.max_archive_depth,
                 "archive nesting depth to open (0: archives are not opened)")
      ->capture_default_str();
  app.add_option("--timeout", f.timeout_seconds, "stop the scan after this many seconds (0: none)");
  app.add_option("-j,--threads", f.threads, "worker threads (0: one per core)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--diagnostics", f.diagnostics, "accepted for Gitleaks compatibility; ignored");
  app.add_option("--diagnostics-dir", f.diagnostics_dir,
                 "accepted for Gitleaks compatibility; ignored");
}

CLI::App* AddGit(CLI::App& app, Invocation& inv) {
  CLI::App* git = app.add_subcommand("git", "scan git history (or staged changes) of a repository");
  git->add_option("repo", inv.positionals, "repository path (default: .)");
  git->add_option("--platform", inv.platform,
                  "link platform: github, gitlab, azuredevops, gitea, bitbucket, none");
  git->add_flag("--staged", inv.staged, "scan staged changes (index against HEAD)");
  git->add_flag("--pre-commit", inv.pre_commit, "scan the working tree against the index");
  git->add_option("--log-opts", inv.log_opts,
                  "git log options: revision ranges, --all, --since, --until, -n, -- paths");
  return git;
}

CLI::App* AddDir(CLI::App& app, Invocation& inv) {
  CLI::App* dir = app.add_subcommand("dir", "scan a directory or file");
  dir->alias("file");
  dir->alias("files");
  dir->alias("directory");
  dir->add_option("path", inv.positionals, "path to scan (default: .)");
  dir->add_flag("--follow-symlinks", inv.follow_symlinks, "scan files that are symlinks");
  return dir;
}

struct Legacy {
  CLI::App* detect = nullptr;
  CLI::App* protect = nullptr;
  bool no_git = false;
  bool pipe = false;
  bool protect_staged = false;
};

void AddLegacy(CLI::App& app, Invocation& inv, Legacy& legacy) {
  legacy.detect = app.add_subcommand("detect", "deprecated: use git, dir or stdin");
  legacy.detect->group("");
  legacy.detect->add_flag("--no-git", legacy.no_git);
  legacy.detect->add_flag("--pipe", legacy.pipe);
  legacy.detect->add_flag("--follow-symlinks", inv.follow_symlinks);
  legacy.detect->add_option("-s,--source", inv.source);
  legacy.detect->add_option("--log-opts", inv.log_opts);
  legacy.detect->add_option("--platform", inv.platform);

  legacy.protect = app.add_subcommand("protect", "deprecated: use git --pre-commit");
  legacy.protect->group("");
  legacy.protect->add_flag("--staged", legacy.protect_staged);
  legacy.protect->add_option("--log-opts", inv.log_opts);
  legacy.protect->add_option("-s,--source", inv.source);
}

// Maps the deprecated detect/protect commands onto git, dir and stdin.
void ApplyLegacy(const Legacy& legacy, Invocation& inv) {
  if (legacy.detect->parsed()) {
    inv.positionals = {inv.source};
    if (legacy.no_git) {
      inv.command = Command::kDir;
    } else if (legacy.pipe) {
      inv.command = Command::kStdin;
    } else {
      inv.command = Command::kGit;
    }
  } else if (legacy.protect->parsed()) {
    inv.positionals = {inv.source};
    inv.command = Command::kGit;
    inv.pre_commit = true;
    inv.staged = legacy.protect_staged;
    inv.platform = "none";
    inv.log_opts.clear();
  }
}

int ExitCodeFor(const CLI::ParseError& error) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    std::string what = error.what();
    if (what.find(" -") != std::string::npos || what.find("[-") != std::string::npos) {
      return kExitUnknownFlag;
    }
  }
  return kExitError;
}

}  // namespace

ParseOutcome ParseCommandLine(const std::vector<std::string>& args) {
  ParseOutcome outcome;
  Invocation& inv = outcome.invocation;

  CLI::App app{
      "leakscan: find secrets in git history, directories and standard input.\n"
      "Gitleaks-compatible configs, ignore files, baselines and reports.",
      "leakscan"};
  app.fallthrough();
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "print the version and exit");
  AddScanFlags(app, inv.flags);

  CLI::App* git = AddGit(app, inv);
  CLI::App* dir = AddDir(app, inv);
  CLI::App* stdin_command = app.add_subcommand("stdin", "scan standard input");
  CLI::App* version = app.add_subcommand("version", "print the version");
  CLI::App* rules = app.add_subcommand("rules", "list the built-in rules, or print them as TOML");
  rules->add_option("--format", inv.rules_format, "text or toml")
      ->check(CLI::IsMember({"text", "toml"}));
  CLI::App* hook =
      app.add_subcommand("install-hook", "write a git pre-commit hook that runs leakscan");
  hook->add_flag("--force", inv.force, "overwrite an existing hook that leakscan did not write");
  hook->add_option("repo", inv.positionals, "repository path (default: .)");
  CLI::App* port = app.add_subcommand("port", "Port (getport.io) integration");
  CLI::App* port_send =
      port->add_subcommand("send", "upload an existing SARIF file to a Port webhook");
  port_send->add_option("sarif", inv.port_sarif_path, "SARIF file")->required();
  port->require_subcommand(1);
  AddPortFlags(app, &inv.port);
  Legacy legacy;
  AddLegacy(app, inv, legacy);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& help) {
    outcome.exit_now = true;
    outcome.output = app.help();
    if (!app.get_subcommands().empty()) outcome.output = app.get_subcommands().back()->help();
    return outcome;
  } catch (const CLI::ParseError& error) {
    outcome.exit_now = true;
    outcome.exit_code = ExitCodeFor(error);
    outcome.error = error.what();
    return outcome;
  }

  if (show_version || version->parsed())
    inv.command = Command::kVersion;
  else if (git->parsed())
    inv.command = Command::kGit;
  else if (dir->parsed())
    inv.command = Command::kDir;
  else if (stdin_command->parsed())
    inv.command = Command::kStdin;
  else if (rules->parsed())
    inv.command = Command::kRules;
  else if (hook->parsed())
    inv.command = Command::kInstallHook;
  else if (port_send->parsed())
    inv.command = Command::kPortSend;
  ApplyLegacy(legacy, inv);

  if (inv.command == Command::kNone) {
    outcome.exit_now = true;
    outcome.output = app.help();
  } else if (inv.command == Command::kGit && inv.positionals.size() > 1) {
    outcome.exit_now = true;
    outcome.exit_code = kExitError;
    outcome.error =
        "git accepts at most one repository path, got " + std::to_string(inv.positionals.size());
  } else if (inv.command == Command::kDir && inv.positionals.size() > 1) {
    // Gitleaks silently scans "." here; scanning the wrong folder hides leaks.
    outcome.exit_now = true;
    outcome.exit_code = kExitError;
    outcome.error = "dir accepts at most one path, got " + std::to_string(inv.positionals.size()) +
                    "; run one scan per path";
  }
  return outcome;
}

}  // namespace leakscan
