#include "port/port_client.h"

#include "port/port_upload.h"

namespace leakscan {

Status UploadSarif(std::string_view sarif_json, const PortOptions& options) {
  Result<PortUpload> upload = PortUpload::Prepare(sarif_json, options);
  if (!upload) return std::unexpected(upload.error());
  Result<UploadSummary> summary = upload->Send();
  if (!summary) return std::unexpected(summary.error());
  return Ok();
}

}  // namespace leakscan
