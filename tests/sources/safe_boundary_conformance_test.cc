// Runs the safe_boundary conformance group: how an initial read is
// extended to a blank-line boundary.
#include <gtest/gtest.h>

#include <string>

#include "sources/chunk_reader.h"
#include "tests/conformance/conformance.h"

namespace leakscan {
namespace {

TEST(SafeBoundaryConformanceTest, AllCases) {
  LEAKSCAN_REQUIRE_SHARED();
  auto file = conformance::LoadGroup("safe_boundary");
  int checked = 0;
  for (simdjson::dom::element test_case : file->root.get_array()) {
    std::string_view id = test_case["id"].get_string().value();
    std::string_view input = test_case["input"].get_string().value();
    std::string_view expected = test_case["expected"].get_string().value();
    auto initial_read = static_cast<size_t>(test_case["initial_read"].get_int64().value());
    auto max_peek = static_cast<size_t>(test_case["max_peek"].get_int64().value());

    MemoryReader reader(input);
    ChunkReader chunks(reader,
                       {.direct_read = initial_read, .read_ahead = 4096, .max_peek = max_peek});
    ASSERT_TRUE(chunks.ReadChunk().value()) << id;
    ASSERT_TRUE(chunks.ExtendToSafeBoundary().has_value()) << id;
    EXPECT_EQ(chunks.chunk(), expected) << id;
    ++checked;
  }
  EXPECT_EQ(checked, 6);
}

}  // namespace
}  // namespace leakscan
