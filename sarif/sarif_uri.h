// Converting a finding's file path into a SARIF artifactLocation.uri for
// the enriched SARIF style. Gitleaks writes the raw path, which is not a
// valid URI reference when it contains spaces, `%`, `#`, `?`, backslashes
// or non-ASCII text. The SARIF validator rejects such URIs.
// Covered by tests/sarif/sarif_uri_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Returns `path` as an RFC 3986 URI reference. A relative path stays a
// relative reference with `/` between segments. Unreserved characters,
// sub-delimiters and `@` stay as they are, and so does `:` outside the
// first segment, where it cannot be read as a scheme. Every other byte is
// percent-encoded with upper-case hex. An absolute path becomes a
// `file://` URI. Paths made only of allowed characters, such as
// `src/app.py` or `a.zip!conf/prod.env`, are unchanged.
std::string PathToUriReference(std::string_view path);

// Returns the path that PathToUriReference turned into `uri`: a `file://`
// prefix is removed and %XX sequences are decoded. Readers of enriched
// SARIF (baselines) use it to compare a location with a finding's File.
std::string UriReferenceToPath(std::string_view uri);

// Returns `directory` as an absolute `file://` URI ending in `/`, for
// originalUriBaseIds.
std::string DirectoryToFileUri(std::string_view directory);

}  // namespace leakscan
