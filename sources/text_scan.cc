#include "sources/text_scan.h"

#include <cstring>

#include "sources/binary_sniff.h"
#include "util/log.h"

namespace leakscan {
namespace {

bool IsCancelled(const std::atomic<bool>* cancelled) {
  return cancelled != nullptr && cancelled->load(std::memory_order_relaxed);
}

// Counts '\n' bytes eight at a time. A byte of `word ^ kNewlines` is zero
// exactly where `word` has a newline, and the expression below sets the top
// bit of each zero byte only, because no carry crosses a byte. The per-byte
// flags are summed in `lanes`, which is folded before any byte overflows.
int CountNewlines(std::string_view text) {
  constexpr uint64_t kNewlines = 0x0A0A0A0A0A0A0A0Aull;
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  constexpr uint64_t kEvenBytes = 0x00FF00FF00FF00FFull;
  constexpr uint64_t kOnes16 = 0x0001000100010001ull;
  constexpr int kWordsPerFold = 255;
  size_t i = 0;
  int count = 0;
  while (i + 8 <= text.size()) {
    uint64_t lanes = 0;
    for (int words = 0; words < kWordsPerFold && i + 8 <= text.size(); ++words, i += 8) {
      uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      uint64_t x = word ^ kNewlines;
      lanes += (~(((x & kLow7) + kLow7) | x | kLow7)) >> 7;
    }
    // Pair the byte lanes into 16-bit lanes (at most 510 each), then add
    // those four with one multiplication.
    uint64_t pairs = (lanes & kEvenBytes) + ((lanes >> 8) & kEvenBytes);
    count += static_cast<int>((pairs * kOnes16) >> 48);
  }
  for (; i < text.size(); ++i) count += text[i] == '\n';
  return count;
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
    newlines_before += CountNewlines(chunk);
  }
}

}  // namespace leakscan
