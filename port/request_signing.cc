#include "port/request_signing.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>

namespace leakscan {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void AppendHex(const unsigned char* bytes, size_t size, std::string* out) {
  for (size_t i = 0; i < size; ++i) {
    *out += kHexDigits[bytes[i] >> 4];
    *out += kHexDigits[bytes[i] & 0xf];
  }
}

}  // namespace

Result<std::string> SignatureHeaderValue(std::string_view algorithm, std::string_view secret,
                                         std::string_view prefix, std::string_view body) {
  std::string value(prefix);
  if (algorithm == "plain") {
    value += secret;
    return value;
  }

  const EVP_MD* digest = nullptr;
  if (algorithm == "sha256") {
    digest = EVP_sha256();
  } else if (algorithm == "sha1") {
    digest = EVP_sha1();
  } else {
    return MakeError("invalid --port-signature-algorithm \"" + std::string(algorithm) +
                     "\": expected sha256, sha1 or plain");
  }

  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_size = 0;
  if (HMAC(digest, secret.data(), static_cast<int>(secret.size()),
           reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac.data(),
           &mac_size) == nullptr) {
    return MakeError("port request signing failed: OpenSSL HMAC-" + std::string(algorithm) +
                     " returned an error");
  }
  AppendHex(mac.data(), mac_size, &value);
  return value;
}

Result<std::string> NewRequestId() {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return MakeError("port request id: OpenSSL RAND_bytes failed");
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;  // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80;  // RFC 4122 variant

  std::string id;
  id.reserve(36);
  constexpr std::array<size_t, 5> kGroupSizes = {4, 2, 2, 2, 6};
  size_t offset = 0;
  for (size_t group = 0; group < kGroupSizes.size(); ++group) {
    if (group > 0) id += '-';
    AppendHex(bytes.data() + offset, kGroupSizes[group], &id);
    offset += kGroupSizes[group];
  }
  return id;
}

}  // namespace leakscan
