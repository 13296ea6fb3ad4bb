#include "port/port_command.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "port/port_upload.h"
#include "util/log.h"

namespace leakscan {
namespace {

constexpr int kInvalidInputExitCode = 1;

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return MakeError(path + ": " + std::strerror(errno));
  std::ostringstream content;
  content << file.rdbuf();
  if (file.bad()) return MakeError(path + ": read failed");
  return content.str();
}

}  // namespace

int RunPortSend(const std::string& sarif_path, const PortOptions& options) {
  Result<std::string> sarif = ReadFile(sarif_path);
  if (!sarif) {
    log::Err("failed to read SARIF report", {{"error", sarif.error().message}});
    return kInvalidInputExitCode;
  }

  Result<PortUpload> upload = PortUpload::Prepare(*sarif, options);
  if (!upload) {
    log::Err("cannot upload SARIF report to Port",
             {{"path", sarif_path}, {"error", upload.error().message}});
    return kInvalidInputExitCode;
  }

  Result<UploadSummary> summary = upload->Send();
  if (!summary) {
    log::Err("port upload failed", {{"path", sarif_path}, {"error", summary.error().message}});
    return kPortUploadFailedExitCode;
  }
  return 0;
}

}  // namespace leakscan
