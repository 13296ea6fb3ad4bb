// ScanStream: stdin mode (`leakscan stdin`). Reads a stream with the same
// chunking and binary sniffing as a file, with an empty path and no
// archive handling (archives are recognised by name and a stream has
// none). Runs on the calling thread; fragments get order_major 0 and
// order_minor = chunk index.
// Pipeline position: stdin source -> Detector -> FindingSink -> reports.
// Covered by tests/sources/stdin_source_test.cc and the reader
// conformance group.
#pragma once

#include "sources/chunk_reader.h"
#include "sources/source.h"
#include "util/error.h"

namespace leakscan {

// Scans everything readable from `fd` (not closed). Fails on a read error
// or cancellation; the chunks read before a read error were already
// handed to `handler`.
[[nodiscard]] Status ScanStream(int fd, const SourceOptions& options,
                                const FragmentHandler& handler);

// The same for any ByteReader.
[[nodiscard]] Status ScanByteStream(ByteReader& reader, const SourceOptions& options,
                                    const FragmentHandler& handler);

}  // namespace leakscan
