#include "cli/scan_driver.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/report_output.h"
#include "config/loader.h"
#include "port/port_client.h"
#include "report/verbose_printer.h"
#include "scanner/baseline.h"
#include "scanner/detector.h"
#include "scanner/finding_sink.h"
#include "scanner/gitleaks_ignore.h"
#include "sources/dir_source.h"
#include "sources/git_source.h"
#include "sources/scm_link.h"
#include "sources/stdin_source.h"
#include "util/log.h"

namespace leakscan {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int Fatal(std::string_view message, log::Fields fields = {}) {
  log::Write(log::Level::kFatal, message, std::move(fields));
  return kExitError;
}

// Cleans a path like Go's filepath.Clean for the cases users type:
// "" and "./" become ".", trailing slashes go.
std::string CleanSourcePath(std::string path) {
  if (path.empty()) return ".";
  std::string cleaned = fs::path(path).lexically_normal().string();
  while (cleaned.size() > 1 && cleaned.back() == '/') cleaned.pop_back();
  return cleaned.empty() ? "." : cleaned;
}

std::string SourceFor(const Invocation& inv) {
  if (inv.command == Command::kStdin) return ".";
  if (inv.positionals.size() != 1) return ".";
  return inv.command == Command::kGit ? CleanSourcePath(inv.positionals[0])
                                      : (inv.positionals[0].empty() ? "." : inv.positionals[0]);
}

int ThreadCount(const ScanFlags& flags) {
  if (flags.threads > 0) return flags.threads;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

// Everything one scan needs, built step by step by RunScan.
struct ScanState {
  const Invocation& inv;
  std::string source;
  Clock::time_point start = Clock::now();
  std::shared_ptr<const Config> config;
  std::unique_ptr<Detector> detector;
  IgnoreSet ignore;
  std::optional<Baseline> baseline;
  ReportPlan report;
  ScmRemote remote{ScmPlatform::kNone, ""};
  std::atomic<bool> cancelled{false};
  std::atomic<uint64_t> bytes{0};
  std::mutex verbose_mutex;

  explicit ScanState(const Invocation& invocation) : inv(invocation) {}
};

// Applies --log-level; an unknown value warns and keeps info.
void ApplyLogLevel(const ScanFlags& flags) {
  log::Level level;
  if (log::ParseLevel(flags.log_level, &level)) {
    log::SetLevel(level);
  } else {
    log::Warn("unknown log level: " + flags.log_level);
  }
}

// Checks that the scan source exists, so a typo is an error, not an
// empty scan.
int CheckSourceExists(const ScanState& state) {
  if (state.inv.command == Command::kStdin) return kExitOk;
  struct stat info {};
  if (stat(state.source.c_str(), &info) != 0) {
    return Fatal("stat " + state.source + ": " + std::strerror(errno));
  }
  return kExitOk;
}

int LoadConfigStep(ScanState& state) {
  auto resolved = ResolveConfig(state.inv.flags.config, state.source);
  if (!resolved) {
    const std::string& message = resolved.error().message;
    switch (ClassifyConfigError(resolved.error())) {
      case ConfigErrorKind::kLookup:
        // Gitleaks' message does not name the file; the field does.
        if (!state.inv.flags.config.empty()) {
          return Fatal(message, {{"path", state.inv.flags.config}});
        }
        return Fatal(message);
      case ConfigErrorKind::kInvalidRegex:
        log::Write(log::Level::kFatal, "Failed to load config", {{"error", message}});
        return kExitInvalidRegex;
      case ConfigErrorKind::kInvalid:
        break;
    }
    return Fatal("Failed to load config", {{"error", message}});
  }
  state.config = std::make_shared<const Config>(std::move(resolved->config));
  if (state.config->rules.empty()) {
    log::Warn("config has no rules, so nothing can be found; check the [[rules]] tables",
              {{"config", resolved->origin}});
  }
  state.report.config_path = resolved->remembered_path;
  return kExitOk;
}

// Makes the baseline path relative to the source, as Gitleaks compares it
// with fragment paths.
std::string RelativeBaselinePath(const std::string& baseline, const std::string& source) {
  std::error_code error;
  fs::path absolute_baseline = fs::absolute(baseline, error);
  fs::path absolute_source = fs::absolute(source, error);
  return absolute_baseline.lexically_normal()
      .lexically_relative(absolute_source.lexically_normal())
      .string();
}

int BuildDetectorStep(ScanState& state) {
  const ScanFlags& flags = state.inv.flags;
  DetectorOptions options;
  options.max_decode_depth = flags.max_decode_depth;
  options.max_target_megabytes = flags.max_target_megabytes;
  options.ignore_gitleaks_allow = flags.ignore_gitleaks_allow;
  options.redact_percent = flags.redact;
  options.enabled_rules = flags.enable_rules;
  options.config_path = state.report.config_path;
  options.cancelled = &state.cancelled;

  std::string ignore_source = state.inv.command == Command::kStdin ? "" : state.source;
  if (Status loaded = state.ignore.LoadForScan(flags.gitleaks_ignore_path, ignore_source);
      !loaded) {
    return Fatal("could not call AddGitleaksIgnore", {{"error", loaded.error().message}});
  }
  if (!flags.baseline_path.empty()) {
    auto baseline = Baseline::Load(flags.baseline_path);
    if (baseline) {
      state.baseline = std::move(*baseline);
      options.baseline_path = RelativeBaselinePath(flags.baseline_path, state.source);
    } else {
      log::Err(
          "Could not load baseline. The path must point of a gitleaks report generated "
          "using the default format: " +
          baseline.error().message);
    }
  }
  if (!flags.enable_rules.empty()) {
    std::string ids;
    for (const auto& id : flags.enable_rules) ids += (ids.empty() ? "" : ", ") + id;
    log::Info("Overriding enabled rules: " + ids);
  }
  auto detector = Detector::Create(state.config, std::move(options));
  if (!detector) return Fatal(detector.error().message);
  state.detector = std::move(*detector);
  return kExitOk;
}

int ResolveLinksStep(ScanState& state) {
  const Invocation& inv = state.inv;
  if (inv.command != Command::kGit || inv.staged || inv.pre_commit) return kExitOk;
  auto platform = ParsePlatform(inv.platform);
  if (!platform) return Fatal(platform.error().message);
  if (*platform == ScmPlatform::kNone) return kExitOk;
  std::optional<std::string> url = RemoteUrl(state.source);
  if (!url) {
    log::Debug("skipping finding links: repository has no configured remote.");
    if (*platform != ScmPlatform::kUnknown) state.remote = ScmRemote{*platform, ""};
    return kExitOk;
  }
  state.remote = ResolveRemote(*url, *platform);
  return kExitOk;
}

void StartTimeout(ScanState& state, std::thread* timer, std::condition_variable* done,
                  std::mutex* mutex, bool* finished) {
  int seconds = state.inv.flags.timeout_seconds;
  if (seconds <= 0) return;
  *timer = std::thread([&state, seconds, done, mutex, finished] {
    std::unique_lock<std::mutex> lock(*mutex);
    if (!done->wait_for(lock, std::chrono::seconds(seconds), [finished] { return *finished; })) {
      state.cancelled = true;
    }
  });
}

// Detects one fragment, fills links and hands the findings to the sink.
FragmentHandler MakeHandler(ScanState& state, FindingSink& sink) {
  return [&state, &sink](const Fragment& fragment) {
    state.bytes.fetch_add(fragment.raw.size(), std::memory_order_relaxed);
    std::vector<Finding> findings = state.detector->Detect(fragment);
    if (findings.empty()) return;
    bool has_commit = fragment.commit != nullptr && !fragment.commit->sha.empty();
    if (has_commit && state.remote.platform != ScmPlatform::kNone) {
      for (Finding& finding : findings) finding.link = BuildLink(state.remote, finding);
    }
    sink.Accept(std::move(findings), fragment.order_major, fragment.order_minor);
  };
}

struct SourceOutcome {
  Status status;
  uint64_t commits = 0;
};

SourceOutcome RunSource(ScanState& state, const FragmentHandler& handler) {
  const Invocation& inv = state.inv;
  SourceOptions source;
  source.threads = ThreadCount(inv.flags);
  source.max_archive_depth = inv.flags.max_archive_depth;
  source.max_target_megabytes = inv.flags.max_target_megabytes;
  source.cancelled = &state.cancelled;
  SourceOutcome outcome;
  if (inv.command == Command::kGit) {
    GitScanOptions options;
    options.repo_path = state.source;
    options.log_opts = inv.log_opts;
    options.staged = inv.staged;
    options.pre_commit = inv.pre_commit;
    options.source = source;
    options.config = state.config.get();
    auto stats = ScanGit(options, handler);
    if (stats)
      outcome.commits = stats->commits;
    else
      outcome.status = std::unexpected(stats.error());
  } else if (inv.command == Command::kDir) {
    DirScanOptions options;
    options.path = state.source;
    options.follow_symlinks = inv.follow_symlinks;
    options.source = source;
    options.config = state.config.get();
    outcome.status = ScanDirectory(options, handler);
  } else {
    outcome.status = ScanStream(STDIN_FILENO, source, handler);
  }
  return outcome;
}

void LogSummary(const ScanState& state, size_t leaks, bool partial) {
  uint64_t bytes = state.bytes.load();
  std::string size = "~" + std::to_string(bytes) + " bytes (" + HumanBytes(bytes) + ")";
  std::string took = HumanDuration(Clock::now() - state.start);
  if (!partial) {
    log::Info("scanned " + size + " in " + took);
    if (leaks > 0)
      log::Warn("leaks found: " + std::to_string(leaks));
    else
      log::Info("no leaks found");
    return;
  }
  log::Warn("scanned " + size);
  log::Warn("partial scan completed in " + took);
  if (leaks > 0)
    log::Warn(std::to_string(leaks) + " leaks found in partial scan");
  else
    log::Warn("no leaks found in partial scan");
}

// Returns the absolute folder SARIF locations are relative to: the
// repository for git scans, the working directory otherwise.
std::string SourceRoot(const ScanState& state) {
  std::error_code error;
  fs::path base =
      state.inv.command == Command::kGit ? fs::path(state.source) : fs::current_path(error);
  fs::path absolute = fs::absolute(base, error).lexically_normal();
  std::string root = absolute.string();
  if (root.size() > 1 && root.back() == '/') root.pop_back();
  return root;
}

void PrintVerbose(ScanState& state, const Finding& finding) {
  // Gitleaks shows the match in its line unless --no-color; escapes only
  // go to a terminal.
  VerboseStyle style = VerboseStyle::kPlain;
  if (!state.inv.flags.no_color) {
    style = isatty(STDOUT_FILENO) != 0 ? VerboseStyle::kColor : VerboseStyle::kContext;
  }
  std::string text = FormatVerboseFinding(finding, style);
  std::lock_guard<std::mutex> lock(state.verbose_mutex);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

int PrepareScan(ScanState& state) {
  const ScanFlags& flags = state.inv.flags;
  ApplyLogLevel(flags);
  if (flags.no_color) log::SetColor(false);
  if (!flags.no_banner) std::fputs(kBanner, stderr);
  if (int code = CheckSourceExists(state); code != kExitOk) return code;
  if (int code = LoadConfigStep(state); code != kExitOk) return code;
  if (flags.no_color) log::SetColor(false);
  if (int code = BuildDetectorStep(state); code != kExitOk) return code;
  if (int code = PrepareReport(flags, state.report); code != kExitOk) return code;
  return ResolveLinksStep(state);
}

}  // namespace

int RunScan(const Invocation& inv) {
  ScanState state(inv);
  state.source = SourceFor(inv);
  if (int code = PrepareScan(state); code != kExitOk) return code;

  FindingSink sink(&state.ignore, state.baseline ? &*state.baseline : nullptr,
                   inv.flags.redact > 0);
  sink.SetKeepLine(state.report.enabled && state.report.format == ReportFormat::kTemplate);
  if (inv.flags.verbose) {
    sink.SetOnAccepted([&state](const Finding& finding) { PrintVerbose(state, finding); });
  }
  std::thread timer;
  std::condition_variable done;
  std::mutex mutex;
  bool finished = false;
  StartTimeout(state, &timer, &done, &mutex, &finished);
  SourceOutcome outcome = RunSource(state, MakeHandler(state, sink));
  {
    std::lock_guard<std::mutex> lock(mutex);
    finished = true;
  }
  done.notify_all();
  if (timer.joinable()) timer.join();

  bool partial = state.cancelled.load();
  if (!outcome.status && !partial) return Fatal(outcome.status.error().message);
  if (inv.command == Command::kGit)
    log::Info(std::to_string(outcome.commits) + " commits scanned.");
  std::vector<Finding> findings = sink.TakeSorted();
  if (partial) {
    bool git = inv.command == Command::kGit;
    log::Err(git ? "failed to scan Git repository" : "failed scan directory",
             {{"error", "context deadline exceeded"}});
  }
  LogSummary(state, findings.size(), partial);
  state.report.source_root = SourceRoot(state);
  if (int code = WriteReportStep(*state.config, findings, inv.flags, state.report);
      code != kExitOk) {
    return code;
  }
  if (int code = UploadToPort(*state.config, findings, inv, state.report.source_root);
      code != kExitOk) {
    return code;
  }
  if (partial) return kExitError;
  return findings.empty() ? kExitOk : inv.flags.exit_code;
}

}  // namespace leakscan
