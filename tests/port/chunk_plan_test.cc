#include "port/chunk_plan.h"

#include <gtest/gtest.h>

#include "port_test_support.h"

namespace leakscan {
namespace {

using port_test::ParseJson;
using port_test::ResultsOf;
using port_test::TestFindings;
using port_test::TestSarif;

constexpr std::string_view kRequestId = "00000000-0000-4000-8000-000000000000";

PreparedSarif Prepare(const std::string& sarif) {
  Result<PreparedSarif> prepared = PrepareSarif(sarif, false);
  EXPECT_TRUE(prepared.has_value()) << prepared.error().message;
  return prepared ? std::move(*prepared) : PreparedSarif{};
}

std::string Body(const PreparedSarif& sarif, const Chunk& chunk) {
  std::string body;
  BuildBody(sarif, chunk, kRequestId, &body);
  return body;
}

// Checks that the chunks cover every result of every run once, in order.
void ExpectContiguousCover(const PreparedSarif& sarif, const std::vector<Chunk>& chunks) {
  size_t next_run = 0;
  size_t next_result = 0;
  for (const Chunk& chunk : chunks) {
    while (next_run < sarif.runs.size() && next_result == sarif.runs[next_run].results.size()) {
      ++next_run;
      next_result = 0;
    }
    ASSERT_EQ(chunk.run, next_run);
    ASSERT_EQ(chunk.begin, next_result);
    ASSERT_GT(chunk.end, chunk.begin);
    next_result = chunk.end;
  }
  size_t total = 0;
  for (const Chunk& chunk : chunks) total += chunk.size();
  EXPECT_EQ(total, sarif.result_count);
}

TEST(BuildBody, PredictedSizeMatchesBody) {
  for (SarifStyle style : {SarifStyle::kGitleaks, SarifStyle::kEnriched}) {
    PreparedSarif sarif = Prepare(TestSarif(TestFindings(40), style));
    for (Chunk chunk : {Chunk{0, 0, 1}, Chunk{0, 0, 40}, Chunk{0, 7, 19}, Chunk{0, 39, 40}}) {
      EXPECT_EQ(Body(sarif, chunk).size(), BodySize(sarif, chunk))
          << "chunk " << chunk.begin << "-" << chunk.end;
    }
  }
}

TEST(BuildBody, WritesCompleteSarifWithChunkResultsOnly) {
  PreparedSarif sarif = Prepare(TestSarif(TestFindings(10), SarifStyle::kEnriched));
  simdjson::dom::parser parser;
  simdjson::dom::element body = ParseJson(parser, Body(sarif, Chunk{0, 3, 6}));

  EXPECT_EQ(std::string_view(body["$schema"]), "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(std::string_view(body["version"]), "2.1.0");
  EXPECT_EQ(std::string_view(body.at_pointer("/runs/0/tool/driver/name")), "gitleaks");
  EXPECT_EQ(std::string_view(body.at_pointer("/runs/0/columnKind")), "utf16CodeUnits");
  EXPECT_EQ(simdjson::dom::array(body["runs"]).size(), 1u);
  simdjson::dom::array results = ResultsOf(body);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(std::string_view(results.at(0)["ruleId"]), "rule-3");
  EXPECT_EQ(std::string_view(results.at(2)["ruleId"]), "rule-0");
}

TEST(BuildBody, ListsOnlyRulesOfItsResults) {
  PreparedSarif sarif = Prepare(TestSarif(TestFindings(10), SarifStyle::kGitleaks));
  simdjson::dom::parser parser;
  simdjson::dom::element body = ParseJson(parser, Body(sarif, Chunk{0, 3, 6}));
  simdjson::dom::array rules = body.at_pointer("/runs/0/tool/driver/rules");
  std::vector<std::string> ids;
  for (simdjson::dom::element rule : rules) ids.emplace_back(std::string_view(rule["id"]));
  EXPECT_EQ(ids, (std::vector<std::string>{"rule-0", "rule-3", "rule-4"}));
}

TEST(BuildBody, PutsRequestIdIntoRunProperties) {
  PreparedSarif sarif = Prepare(TestSarif(TestFindings(2), SarifStyle::kGitleaks));
  simdjson::dom::parser parser;
  simdjson::dom::element body = ParseJson(parser, Body(sarif, Chunk{0, 0, 2}));
  EXPECT_EQ(std::string_view(body.at_pointer("/runs/0/properties/leakscanRequestId")), kRequestId);
}

TEST(BuildBody, KeepsExistingRunPropertiesAndReplacesOldId) {
  PreparedSarif sarif = Prepare(R"({"runs": [{"results": [{"ruleId": "a"}],
      "properties": {"team": "x", "leakscanRequestId": "old"}}]})");
  std::string body = Body(sarif, Chunk{0, 0, 1});
  EXPECT_EQ(body, std::string(R"({"runs":[{"results":[{"ruleId":"a"}],"properties":)") +
                      R"({"team":"x","leakscanRequestId":")" + std::string(kRequestId) +
                      R"("}}]})");
  EXPECT_EQ(body.size(), BodySize(sarif, Chunk{0, 0, 1}));
}

TEST(PlanChunks, LimitsResultsPerRequest) {
  PreparedSarif sarif = Prepare(TestSarif(TestFindings(1200), SarifStyle::kGitleaks));
  std::vector<Chunk> chunks = PlanChunks(sarif, kPortMaxBodyBytes * 100, 500);
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0], (Chunk{0, 0, 500}));
  EXPECT_EQ(chunks[1], (Chunk{0, 500, 1000}));
  EXPECT_EQ(chunks[2], (Chunk{0, 1000, 1200}));
}

TEST(PlanChunks, LimitsBodySize) {
  PreparedSarif sarif = Prepare(TestSarif(TestFindings(300), SarifStyle::kEnriched));
  constexpr size_t kLimit = 20 * 1024;
  std::vector<Chunk> chunks = PlanChunks(sarif, kLimit, 500);
  EXPECT_GT(chunks.size(), 3u);
  ExpectContiguousCover(sarif, chunks);
  for (const Chunk& chunk : chunks) {
    EXPECT_LE(Body(sarif, chunk).size(), kLimit);
    // Full chunks could not take their next result.
    if (chunk.end < sarif.runs[0].results.size()) {
      EXPECT_GT(BodySize(sarif, Chunk{0, chunk.begin, chunk.end + 1}), kLimit);
    }
  }
}

TEST(PlanChunks, GivesOversizedResultItsOwnChunk) {
  PreparedSarif sarif = Prepare(TestSarif(TestFindings(5), SarifStyle::kGitleaks));
  size_t one_result = BodySize(sarif, Chunk{0, 0, 1});
  std::vector<Chunk> chunks = PlanChunks(sarif, one_result - 1, 500);
  ASSERT_EQ(chunks.size(), 5u);
  ExpectContiguousCover(sarif, chunks);
}

TEST(PlanChunks, SplitsRunsSeparatelyAndSkipsEmptyRuns) {
  PreparedSarif sarif = Prepare(R"({"runs": [
      {"results": [{"ruleId": "a"}, {"ruleId": "b"}]},
      {"results": []},
      {"results": [{"ruleId": "c"}]}]})");
  std::vector<Chunk> chunks = PlanChunks(sarif, kPortMaxBodyBytes, 500);
  ASSERT_EQ(chunks.size(), 2u);
  EXPECT_EQ(chunks[0], (Chunk{0, 0, 2}));
  EXPECT_EQ(chunks[1], (Chunk{2, 0, 1}));
}

TEST(PlanChunks, ReturnsNoChunkWithoutResults) {
  PreparedSarif sarif = Prepare(TestSarif({}, SarifStyle::kGitleaks));
  EXPECT_TRUE(PlanChunks(sarif, kPortMaxBodyBytes, 500).empty());
}

TEST(HalveChunk, SplitsIntoTwoHalves) {
  auto [first, second] = HalveChunk(Chunk{1, 10, 15});
  EXPECT_EQ(first, (Chunk{1, 10, 13}));
  EXPECT_EQ(second, (Chunk{1, 13, 15}));
  auto [left, right] = HalveChunk(Chunk{0, 4, 6});
  EXPECT_EQ(left, (Chunk{0, 4, 5}));
  EXPECT_EQ(right, (Chunk{0, 5, 6}));
}

}  // namespace
}  // namespace leakscan
