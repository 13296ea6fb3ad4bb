#include "sarif/result_fingerprint.h"

#include <openssl/evp.h>

#include <string_view>

namespace leakscan {
namespace {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // When EVP_Digest fails (for example when OpenSSL cannot allocate its
  // context), length stays 0 and the hex string is empty.
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

}  // namespace

std::string ResultFingerprint(const Finding& finding) {
  std::string material;
  for (std::string_view part : {std::string_view(finding.rule_id), std::string_view(finding.file),
                                std::string_view(finding.commit)}) {
    material.append(part);
    material.push_back('\0');
  }
  for (int number :
       {finding.start_line, finding.start_column, finding.end_line, finding.end_column}) {
    material.append(std::to_string(number));
    material.push_back('\0');
  }
  return Sha256Hex(material);
}

}  // namespace leakscan
