// Webhook URL handling for the Port upload: validating the URL, adding the
// `repo` query parameter, and keeping the URL out of messages. The URL is a
// credential (whoever has it can write entities), so only its host may
// appear in logs and errors. Covered by tests/port/webhook_url_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "util/error.h"

namespace leakscan {

struct WebhookUrl {
  std::string scheme;  // "https", or "http" for a loopback host
  std::string host;
};

// Parses `url` and checks that it is https, or http to 127.0.0.0/8,
// localhost or [::1] (local test servers and proxies). Errors name the host
// at most, never the path or query.
[[nodiscard]] Result<WebhookUrl> ParseWebhookUrl(std::string_view url);

// Percent-encodes everything except RFC 3986 unreserved characters, so
// "acme/widgets" becomes "acme%2Fwidgets".
std::string PercentEncode(std::string_view text);

// Appends `repo=<encoded repo>` to the query of `url`, keeping any existing
// query parameters and fragment.
std::string AppendRepoQuery(std::string_view url, std::string_view repo);

// Replaces every occurrence of the URL, and of its part after the host, in
// `text` by "<webhook-url>" so that a library message can be shown safely.
std::string ScrubUrl(std::string text, std::string_view url);

}  // namespace leakscan
