// Splitting a prepared SARIF report into Port requests. Port processes only
// the first 500 items of a request and rejects bodies over 512 KiB, so each
// chunk contains at most max_results results and its body (a complete SARIF
// document whose rules are only those its results use) at most
// max_body_bytes. Covered by tests/port/chunk_plan_test.cc.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "port/sarif_document.h"

namespace leakscan {

// Results [begin, end) of one run.
struct Chunk {
  size_t run = 0;
  size_t begin = 0;
  size_t end = 0;

  size_t size() const { return end - begin; }
  bool operator==(const Chunk&) const = default;
};

// Splits every run's results, in order, into chunks of at most
// `max_results` results whose bodies are at most `max_body_bytes`. A result
// too large for any body gets a chunk of its own; Port then responds with 413 and
// the upload fails naming it. Runs without results get no chunk.
std::vector<Chunk> PlanChunks(const PreparedSarif& sarif, size_t max_body_bytes,
                              size_t max_results);

// Splits a chunk of two or more results into two halves, the first one
// larger by at most one result.
std::pair<Chunk, Chunk> HalveChunk(const Chunk& chunk);

// Returns the indices of the rules the chunk's results use, in rule order.
std::vector<size_t> RulesUsed(const PreparedRun& run, const Chunk& chunk);

// Returns the size of the body BuildBody writes for `chunk`.
size_t BodySize(const PreparedSarif& sarif, const Chunk& chunk);

// Replaces `*body` with the request body for `chunk`: the run's envelope
// with the chunk's rules, results and `request_id` (kRequestIdSize
// characters) filled in.
void BuildBody(const PreparedSarif& sarif, const Chunk& chunk, std::string_view request_id,
               std::string* body);

}  // namespace leakscan
