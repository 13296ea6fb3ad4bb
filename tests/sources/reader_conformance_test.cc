// Runs the reader conformance group: a byte stream delivered in a given
// way (one read, several reads, a failing read) is scanned like stdin with
// the default rules, and the number of findings and the error state must
// match. Every case runs; none is skipped.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "config/loader.h"
#include "scanner/detector.h"
#include "sources/stdin_source.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

namespace conf = conformance;

// Delivers the case's input the way its read_behaviour describes.
class CaseReader : public ByteReader {
 public:
  CaseReader(std::vector<std::string> reads, bool fail_after)
      : reads_(std::move(reads)), fail_after_(fail_after) {}

  Result<size_t> Read(char* buffer, size_t size) override {
    if (next_ == reads_.size()) {
      if (fail_after_) return MakeError("read test stream: simulated read error");
      return 0;
    }
    std::string& current = reads_[next_];
    size_t n = std::min(size, current.size() - offset_);
    std::copy_n(current.data() + offset_, n, buffer);
    offset_ += n;
    if (offset_ == current.size()) {
      ++next_;
      offset_ = 0;
    }
    return n;
  }

 private:
  std::vector<std::string> reads_;
  bool fail_after_;
  size_t next_ = 0;
  size_t offset_ = 0;
};

// plain and data-with-eof: one read of everything, then the end of the
// stream. plain-multi: one read per input chunk. error-immediately: the
// first read fails. data-then-error: Go's reader returns the data and the
// error together, which a ByteReader cannot do. So the data comes first and
// the next read fails. The expected result (an error and no findings) still
// holds, because that read happens while the chunk is being extended.
std::unique_ptr<CaseReader> MakeReader(simdjson::dom::element test_case) {
  std::vector<std::string> chunks;
  for (simdjson::dom::element chunk : test_case["input_chunks"].get_array()) {
    chunks.emplace_back(chunk.get_string().value());
  }
  std::string behaviour(test_case["read_behaviour"].get_string().value());
  std::string joined;
  for (const std::string& chunk : chunks) joined += chunk;
  if (behaviour == "plain-multi") return std::make_unique<CaseReader>(chunks, false);
  if (behaviour == "error-immediately")
    return std::make_unique<CaseReader>(std::vector<std::string>{}, true);
  bool fail_after = behaviour == "data-then-error";
  std::vector<std::string> reads;
  if (!joined.empty()) reads.push_back(joined);
  EXPECT_TRUE(behaviour == "plain" || behaviour == "data-with-eof" || fail_after) << behaviour;
  return std::make_unique<CaseReader>(reads, fail_after);
}

TEST(ReaderConformanceTest, ReaderGroup) {
  LEAKSCAN_REQUIRE_SHARED();
  auto cases = conf::LoadGroup("reader");
  Result<Config> config = LoadConfigFile(*conf::SharedDir() + "/reference/gitleaks-default.toml");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  auto detector = Detector::Create(std::make_shared<const Config>(std::move(*config)), {});
  ASSERT_TRUE(detector.has_value()) << detector.error().message;

  size_t count = 0;
  for (simdjson::dom::element test_case : cases->root.get_array()) {
    ++count;
    std::string id(test_case["id"].get_string().value());
    auto reader = MakeReader(test_case);
    int64_t findings = 0;
    Status status = ScanByteStream(*reader, SourceOptions{}, [&](const Fragment& fragment) {
      findings += static_cast<int64_t>((*detector)->Detect(fragment).size());
    });
    bool expected_error = test_case["expected_error"].get_bool().value();
    EXPECT_EQ(!status.has_value(), expected_error) << id;
    EXPECT_EQ(findings, test_case["expected_count"].get_int64().value()) << id;
  }
  EXPECT_EQ(count, 9u);
}

}  // namespace
}  // namespace leakscan
