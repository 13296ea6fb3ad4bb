#include "port/request_signing.h"

#include <gtest/gtest.h>

#include <set>

namespace leakscan {
namespace {

constexpr std::string_view kBody = "The quick brown fox jumps over the lazy dog";

TEST(SignatureHeaderValue, HmacSha256WithPrefix) {
  Result<std::string> value = SignatureHeaderValue("sha256", "key", "sha256=", kBody);
  ASSERT_TRUE(value.has_value()) << value.error().message;
  EXPECT_EQ(*value, "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}

TEST(SignatureHeaderValue, HmacSha1WithPrefix) {
  Result<std::string> value = SignatureHeaderValue("sha1", "key", "sha1=", kBody);
  ASSERT_TRUE(value.has_value()) << value.error().message;
  EXPECT_EQ(*value, "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9");
}

TEST(SignatureHeaderValue, HmacOfEmptyBodyAndEmptyPrefix) {
  Result<std::string> value = SignatureHeaderValue("sha256", "", "", "");
  ASSERT_TRUE(value.has_value()) << value.error().message;
  EXPECT_EQ(*value, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(SignatureHeaderValue, PlainSendsPrefixAndSecret) {
  Result<std::string> value = SignatureHeaderValue("plain", "s3cret", "Token ", kBody);
  ASSERT_TRUE(value.has_value()) << value.error().message;
  EXPECT_EQ(*value, "Token s3cret");
}

TEST(SignatureHeaderValue, SignatureDependsOnEveryBodyByte) {
  Result<std::string> a = SignatureHeaderValue("sha256", "key", "", "{\"a\":1}");
  Result<std::string> b = SignatureHeaderValue("sha256", "key", "", "{\"a\":1} ");
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_NE(*a, *b);
}

TEST(SignatureHeaderValue, RejectsUnknownAlgorithm) {
  Result<std::string> value = SignatureHeaderValue("md5", "key", "", kBody);
  ASSERT_FALSE(value.has_value());
  EXPECT_EQ(value.error().message,
            "invalid --port-signature-algorithm \"md5\": expected sha256, sha1 or plain");
}

TEST(NewRequestId, IsVersion4Uuid) {
  Result<std::string> id = NewRequestId();
  ASSERT_TRUE(id.has_value()) << id.error().message;
  ASSERT_EQ(id->size(), 36u);
  for (size_t i : {8, 13, 18, 23}) EXPECT_EQ((*id)[i], '-') << *id;
  EXPECT_EQ((*id)[14], '4') << *id;
  EXPECT_NE(std::string("89ab").find((*id)[19]), std::string::npos) << *id;
  for (char c : *id) {
    EXPECT_TRUE(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << *id;
  }
}

TEST(NewRequestId, DiffersBetweenCalls) {
  std::set<std::string> ids;
  for (int i = 0; i < 100; ++i) ids.insert(NewRequestId().value());
  EXPECT_EQ(ids.size(), 100u);
}

}  // namespace
}  // namespace leakscan
