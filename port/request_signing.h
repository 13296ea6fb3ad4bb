// Request signing and request ids for the Port upload. Port's webhook
// `security` block compares a header with prefix + lowercase hex
// HMAC(secret, raw body) for sha1/sha256, or with the secret itself for
// `plain`. Its `requestIdentifierPath` points at the id each body carries.
// Covered by tests/port/request_signing_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "util/error.h"

namespace leakscan {

// Returns the signature header value for `body`: prefix + lowercase hex
// HMAC-SHA256/HMAC-SHA1 of the exact body bytes, or prefix + secret for
// "plain". An unknown algorithm is an error naming
// --port-signature-algorithm.
[[nodiscard]] Result<std::string> SignatureHeaderValue(std::string_view algorithm,
                                                       std::string_view secret,
                                                       std::string_view prefix,
                                                       std::string_view body);

// Returns a random version 4 UUID (lowercase, 8-4-4-4-12) from OpenSSL's
// RAND_bytes, or an error when the random generator fails.
[[nodiscard]] Result<std::string> NewRequestId();

}  // namespace leakscan
