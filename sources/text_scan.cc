#include "sources/text_scan.h"

#include <algorithm>

#include "sources/binary_sniff.h"
#include "util/log.h"

namespace leakscan {
namespace {

bool IsCancelled(const std::atomic<bool>* cancelled) {
  return cancelled != nullptr && cancelled->load(std::memory_order_relaxed);
}

}  // namespace

Status ScanText(ByteReader& reader, Fragment& fragment, uint64_t* next_order_minor,
                const std::atomic<bool>* cancelled, const FragmentHandler& handler,
                ChunkSizes sizes) {
  ChunkReader chunks(reader, sizes);
  int newlines_before = 0;
  while (true) {
    if (IsCancelled(cancelled)) return MakeError(std::string(kCancelledMessage));
    auto more = chunks.ReadChunk();
    if (!more) return MakeError("could not read file: " + more.error().message);
    if (!*more) return Ok();

    // Gitleaks sniffs every chunk until the file has shown a newline, so a
    // long first line can still turn out binary in a later chunk.
    if (newlines_before == 0 && !SniffBinaryType(chunks.chunk()).empty()) {
      log::Debug("skipping binary file", {{"path", fragment.file_path}});
      return Ok();
    }
    if (auto extended = chunks.ExtendToSafeBoundary(); !extended) {
      return MakeError("could not read file: " + extended.error().message);
    }

    std::string_view chunk = chunks.chunk();
    fragment.raw = chunk;
    fragment.start_line = 1 + newlines_before;
    fragment.order_minor = (*next_order_minor)++;
    handler(fragment);
    fragment.raw = {};
    newlines_before += static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n'));
  }
}

}  // namespace leakscan
