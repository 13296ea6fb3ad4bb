// The Port upload's public entry points: UploadSarif sends a SARIF report
// (the exact bytes of the local report) to a Port webhook, and AddPortFlags
// defines the --port-* flags that fill PortOptions. The CLI's
// `leakscan port send` (port_command.h) and the scan commands call these.
// Callers that need to tell bad input from a failed delivery use the
// two-step form in port_upload.h.
#pragma once

#include <string_view>

#include "port/port_options.h"
#include "util/error.h"

namespace CLI {
class App;
}  // namespace CLI

namespace leakscan {

// Redacts the SARIF results (unless include_secret), splits them into
// requests Port accepts, signs and sends each with retries, and fails
// unless every result was delivered. The error names what failed and the
// webhook's host, never the URL's path or query.
[[nodiscard]] Status UploadSarif(std::string_view sarif_json, const PortOptions& options);

// Adds the --port-* flags (group "Port upload") to `app`, bound to
// `*options`. PORT_WEBHOOK_URL, PORT_WEBHOOK_SECRET and GITHUB_REPOSITORY
// fill the URL, secret and repository when their flags are absent. With no
// repository at all, the upload uses the origin remote of the working
// directory's repository.
void AddPortFlags(CLI::App& app, PortOptions* options);

}  // namespace leakscan
