// Detector throughput (bytes/second) on realistic mixed text: source code,
// config lines and JSON with credential-like lines (API keys, base64
// blobs, AWS keys, passwords, URL tokens) at a chosen density. Uses Gitleaks'
// default rules from the reference material when it is present (set
// LEAKSCAN_SHARED_DIR to point at it), else leakscan's built-in rule pack.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "config/loader.h"
#include "scanner/decoder.h"
#include "scanner/detector.h"
#include "scanner/keyword_filter.h"
#include "scanner/unicode_lower.h"

namespace leakscan {
namespace {

std::shared_ptr<const Config> LoadRules() {
  static std::shared_ptr<const Config> config = [] {
    const char* env = std::getenv("LEAKSCAN_SHARED_DIR");
    std::string shared = (env != nullptr && *env != '\0') ? env : LEAKSCAN_SHARED_DIR_DEFAULT;
    std::ifstream in(shared + "/reference/gitleaks-default.toml", std::ios::binary);
    Result<Config> loaded = MakeError("no reference config");
    if (in) {
      std::stringstream text;
      text << in.rdbuf();
      loaded = LoadConfigText(text.str(), ConfigFormat::kToml);
    }
    if (!loaded) loaded = LoadDefaultConfig();
    if (!loaded) {
      std::fprintf(stderr, "detector_bench: cannot load rules: %s\n",
                   loaded.error().message.c_str());
      std::exit(1);
    }
    return std::make_shared<const Config>(std::move(*loaded));
  }();
  return config;
}

// Deterministic pseudo-random numbers, so every run scans the same text.
class Lcg {
 public:
  uint32_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }
  std::string Token(size_t length, const char* alphabet) {
    std::string out;
    size_t size = std::char_traits<char>::length(alphabet);
    for (size_t i = 0; i < length; ++i) out += alphabet[Next() % size];
    return out;
  }

 private:
  uint64_t state_ = 42;
};

constexpr const char* kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

// One line of typical source code, chosen by `kind`.
std::string CodeLine(Lcg& random, uint32_t kind) {
  switch (kind % 10) {
    case 0:
      return "func handle" + random.Token(8, kAlnum) +
             "(w http.ResponseWriter, r *http.Request) {\n";
    case 1:
      return "\tif err := client.Do(ctx, req); err != nil {\n\t\treturn fmt.Errorf(\"request: "
             "%w\", err)\n\t}\n";
    case 2:
      return "  \"name\": \"" + random.Token(12, kAlnum) + "\", \"version\": \"1.2." +
             std::to_string(random.Next() % 100) + "\",\n";
    case 3:
      return "# Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.\n";
    case 4:
      return "const uniqueIdentifierForTheRequestHandler = computeSomething(a, b, c);\n";
    case 5:
      return "SELECT id, name, created_at FROM users WHERE email = $1 ORDER BY id;\n";
    case 6:
      return "    for (size_t i = 0; i < items.size(); ++i) total += items[i].price;\n";
    case 7:
      return "import { useState, useEffect } from 'react';\n";
    case 8:
      return "logger.info(\"processed %d records in %s\", count, elapsed)\n";
    default:
      return "\n";
  }
}

// One line that looks like a credential, or is one.
std::string SecretLine(Lcg& random, uint32_t kind) {
  switch (kind % 5) {
    case 0:
      return "api_key = \"" + random.Token(32, kAlnum) + "\"\n";
    case 1:
      return "blob: " + random.Token(64, kAlnum) + "==\n";
    case 2:
      return "aws_access_key_id = AKIA" + random.Token(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") +
             "\n";
    case 3:
      return "password: changeme\nuser: admin\n";
    default:
      return "url = \"https://example.com/path?token=" + random.Token(20, kAlnum) + "\"\n";
  }
}

// Builds about `size` bytes of text in which one line in `secret_every`
// looks like a credential.
std::string MixedText(size_t size, uint32_t secret_every) {
  Lcg random;
  std::string text;
  while (text.size() < size) {
    uint32_t kind = random.Next();
    text += (kind % secret_every == 0) ? SecretLine(random, kind / secret_every)
                                       : CodeLine(random, kind / secret_every);
  }
  return text;
}

// Arguments: text size in bytes, then one credential-like line per N lines.
void BM_Detect(benchmark::State& state, int decode_depth) {
  DetectorOptions options;
  options.max_decode_depth = decode_depth;
  auto detector = Detector::Create(LoadRules(), options);
  if (!detector) {
    state.SkipWithError(detector.error().message.c_str());
    return;
  }
  std::string text =
      MixedText(static_cast<size_t>(state.range(0)), static_cast<uint32_t>(state.range(1)));
  Fragment fragment;
  fragment.raw = text;
  fragment.file_path = "src/service/handler.go";
  size_t findings = 0;
  for (auto _ : state) {
    std::vector<Finding> result = (*detector)->Detect(fragment);
    findings = result.size();
    benchmark::DoNotOptimize(result.data());
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}

void BM_DetectDefaultDepth(benchmark::State& state) { BM_Detect(state, 5); }
void BM_DetectWithoutDecoding(benchmark::State& state) { BM_Detect(state, 0); }
BENCHMARK(BM_DetectDefaultDepth)
    ->Args({4 << 10, 50})
    ->Args({100'000, 50})
    ->Args({100'000, 3})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DetectWithoutDecoding)
    ->Args({100'000, 50})
    ->Args({100'000, 3})
    ->Unit(benchmark::kMillisecond);

void BM_KeywordPrefilter(benchmark::State& state) {
  std::vector<std::string> keywords(LoadRules()->keywords.begin(), LoadRules()->keywords.end());
  KeywordFilter filter(keywords);
  std::string text = MixedText(100'000, 50);
  std::string lowered;
  std::vector<uint8_t> present;
  for (auto _ : state) {
    // As the detector does it: no lower-cased copy for ASCII text.
    if (!filter.FindPresentInAscii(text, &present)) {
      ToLowerInto(text, &lowered);
      filter.FindPresent(lowered, &present);
    }
    benchmark::DoNotOptimize(present.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_KeywordPrefilter);

void BM_DecodeRound(benchmark::State& state) {
  std::string text = MixedText(100'000, 50);
  std::string decoded;
  for (auto _ : state) {
    DecodeRounds rounds;
    benchmark::DoNotOptimize(DecodeRound(text, &rounds, &decoded));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_DecodeRound);

}  // namespace
}  // namespace leakscan

BENCHMARK_MAIN();
