// `leakscan port send FILE.sarif`: reads a SARIF report and uploads it to
// Port. Exit status: 0 when every result was delivered, 1 when the file,
// its content or the options are invalid, kPortUploadFailedExitCode (3)
// when a request failed after its retries. Covered by
// tests/port/port_e2e_test.cc.
#pragma once

#include <string>

#include "port/port_options.h"

namespace leakscan {

int RunPortSend(const std::string& sarif_path, const PortOptions& options);

}  // namespace leakscan
