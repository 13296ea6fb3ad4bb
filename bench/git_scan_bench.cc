// Google Benchmark: throughput of the git source alone (walk, diffs and
// fragments, without detection) over a generated history, for one and two
// worker threads. The history is written with `git fast-import` into a
// temporary folder. It has kCommits commits, each editing a few lines of
// some of kFiles files of kLines lines. Times are
// wall-clock, so run it on an idle machine and compare runs made together.
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include "sources/git_source.h"

namespace leakscan {
namespace {

constexpr int kCommits = 400;
constexpr int kFiles = 40;
constexpr int kLines = 200;

std::string FileContent(int file, int version) {
  std::string text;
  for (int line = 0; line < kLines; ++line) {
    int edited = (line * 7 + file) % 50 == version % 50 ? version : 0;
    text += "setting_" + std::to_string(file) + "_" + std::to_string(line) + " = value " +
            std::to_string(edited) + " of a realistic looking configuration line\n";
  }
  return text;
}

// Writes the fast-import stream for the benchmark history.
std::string FastImportStream() {
  std::string stream;
  for (int commit = 1; commit <= kCommits; ++commit) {
    std::string message = "commit " + std::to_string(commit) + "\n";
    stream += "commit refs/heads/main\n";
    stream += "committer Bench <bench@example.com> " + std::to_string(1600000000 + commit * 60) +
              " +0000\n";
    stream += "data " + std::to_string(message.size()) + "\n" + message;
    for (int file = commit % 4; file < kFiles; file += (commit == 1 ? 1 : 4)) {
      std::string content = FileContent(file, commit);
      stream += "M 100644 inline src/file" + std::to_string(file) + ".conf\n";
      stream += "data " + std::to_string(content.size()) + "\n" + content + "\n";
    }
  }
  return stream;
}

// A generated repository that lives as long as the process.
const std::string& BenchRepository() {
  static const std::string* path = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "leakscan-git-bench-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    std::string command =
        "git init -q " + pattern + " && git -C " + pattern + " fast-import --quiet";
    FILE* pipe = popen(command.c_str(), "w");
    std::string stream = FastImportStream();
    std::fwrite(stream.data(), 1, stream.size(), pipe);
    if (pclose(pipe) != 0) std::abort();
    // fast-import stores each version as a delta of the previous one.
    // Repacking gives the layout of repositories maintained by git gc, where
    // recent versions are stored whole.
    if (std::system(("git -C " + pattern + " repack -adfq").c_str()) != 0) std::abort();
    static std::string cleanup_path = pattern;
    std::atexit([] { std::filesystem::remove_all(cleanup_path); });
    return new std::string(pattern);
  }();
  return *path;
}

void BM_ScanGitHistory(benchmark::State& state) {
  GitScanOptions options;
  options.repo_path = BenchRepository();
  options.source.threads = static_cast<int>(state.range(0));
  std::atomic<uint64_t> bytes{0};
  std::clock_t cpu_start = std::clock();
  for (auto _ : state) {
    auto stats = ScanGit(options, [&bytes](const Fragment& fragment) {
      bytes.fetch_add(fragment.raw.size(), std::memory_order_relaxed);
    });
    if (!stats) state.SkipWithError(stats.error().message.c_str());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes.load()));
  // CPU seconds of all threads per scan, which is less noisy than wall
  // time on a shared machine.
  state.counters["process_cpu_s"] =
      static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / state.iterations();
}
BENCHMARK(BM_ScanGitHistory)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace leakscan

BENCHMARK_MAIN();
