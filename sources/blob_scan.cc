#include "sources/blob_scan.h"

#include "sources/archive_scan.h"

namespace leakscan {

void ScanBlob(std::string_view bytes, const BlobContext& context, const SourceOptions& options,
              const FragmentHandler& handler) {
  FileScanSettings settings;
  settings.options = &options;
  settings.config = context.config;
  settings.handler = &handler;
  Fragment origin;
  origin.file_path = context.path;
  origin.symlink_file = context.symlink_file;
  origin.commit = context.commit;
  origin.order_major = context.order_major;
  // Problems are logged inside; the only error is cancellation, which the
  // calling source notices from the same flag.
  (void)ScanFile(ArchiveInput::FromMemory(bytes), bytes.size(), std::move(origin),
                 context.archive_depth, settings);
}

}  // namespace leakscan
