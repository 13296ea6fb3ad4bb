// ScanText: the last step of reading any file-like stream (a file on
// disk, stdin, an archive member, a decompressed stream). It sniffs for
// binary content while no newline has been seen, cuts the stream into
// chunks with ChunkReader and hands each chunk to the FragmentHandler with
// StartLine = 1 + the newlines of all earlier chunks.
// Covered by tests/sources/text_scan_test.cc.
#pragma once

#include <atomic>
#include <cstdint>

#include "scanner/fragment.h"
#include "sources/chunk_reader.h"
#include "sources/source.h"
#include "util/error.h"

namespace leakscan {

// The error ScanText and the sources return when the scan was cancelled,
// worded like Go's context error that Gitleaks reports.
inline constexpr std::string_view kCancelledMessage = "context canceled";

// Scans `reader` as one text file. `fragment` supplies the path, symlink,
// commit and order_major of every fragment; ScanText sets raw, start_line
// and order_minor, taking order_minor values from `*next_order_minor`.
// Returns Ok when the stream was scanned or skipped as binary; on a read
// error returns "could not read file: <reason>" after handing over the
// chunks read before it; on cancellation returns kCancelledMessage.
[[nodiscard]] Status ScanText(ByteReader& reader, Fragment& fragment, uint64_t* next_order_minor,
                              const std::atomic<bool>* cancelled, const FragmentHandler& handler,
                              ChunkSizes sizes = {});

}  // namespace leakscan
