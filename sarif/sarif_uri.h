// Converting a finding's file path into a SARIF artifactLocation.uri for
// the enriched SARIF style. Gitleaks writes the raw path, which is not a
// valid URI reference when it contains spaces, `%`, `#`, `?`, backslashes
// or non-ASCII text; the SARIF validator and GitHub reject such URIs.
// Covered by tests/sarif/sarif_uri_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace leakscan {

// Returns `path` as an RFC 3986 URI reference. A relative path stays a
// relative reference: `/` separates segments; unreserved characters,
// sub-delimiters, `@`, and `:` outside the first segment stay as they are;
// every other byte is percent-encoded with upper-case hex (a `:` in the
// first segment is encoded so that it cannot read as a scheme). An
// absolute path becomes a `file://` URI. Paths made only of allowed
// characters, such as `src/app.py` or `a.zip!conf/prod.env`, are unchanged.
std::string PathToUriReference(std::string_view path);

// Returns `directory` as an absolute `file://` URI ending in `/`, for
// originalUriBaseIds.
std::string DirectoryToFileUri(std::string_view directory);

}  // namespace leakscan
