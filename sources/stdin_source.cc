#include "sources/stdin_source.h"

#include "sources/text_scan.h"

namespace leakscan {

Status ScanStream(int fd, const SourceOptions& options, const FragmentHandler& handler) {
  FdReader reader(fd, "stdin");
  return ScanByteStream(reader, options, handler);
}

Status ScanByteStream(ByteReader& reader, const SourceOptions& options,
                      const FragmentHandler& handler) {
  Fragment fragment;
  uint64_t next_order_minor = 0;
  return ScanText(reader, fragment, &next_order_minor, options.cancelled, handler);
}

}  // namespace leakscan
