#include "port/redaction.h"

#include <gtest/gtest.h>

#include "port_test_support.h"

namespace leakscan {
namespace {

TEST(RedactSecrets, ReplacesEveryOccurrence) {
  EXPECT_EQ(RedactSecrets("a s3cr3t b s3cr3t", {"s3cr3t"}), "a REDACTED b REDACTED");
}

TEST(RedactSecrets, ReplacesLongerSecretWhole) {
  EXPECT_EQ(RedactSecrets("key=abcdef", {"abcdef", "abc"}), "key=REDACTED");
}

TEST(RedactSecrets, IgnoresEmptySecrets) { EXPECT_EQ(RedactSecrets("text", {""}), "text"); }

TEST(CollectSnippetTexts, FindsSnippetsAtAnyDepth) {
  simdjson::dom::parser parser;
  auto result = port_test::ParseJson(parser, R"({
    "locations": [
      {"physicalLocation": {"region": {"snippet": {"text": "first"}},
                            "contextRegion": {"snippet": {"text": "line with first"}}}},
      {"physicalLocation": {"region": {"snippet": {"text": "REDACTED"}}}},
      {"physicalLocation": {"region": {"snippet": {"text": ""}}}}
    ]})");
  EXPECT_EQ(CollectSnippetTexts(result), (std::vector<std::string>{"first", "line with first"}));
}

std::string RedactResult(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element result = port_test::ParseJson(parser, json);
  SecretRedactingFilter filter(CollectSnippetTexts(result));
  std::string out;
  AppendJson(result, &out, &filter);
  return out;
}

TEST(SecretRedactingFilter, RedactsSnippetAndOtherCopies) {
  std::string out = RedactResult(R"({
    "message": {"text": "found tok_123"},
    "locations": [{"physicalLocation": {"region": {"snippet": {"text": "tok_123"}}}}],
    "partialFingerprints": {"commitMessage": "oops, added tok_123 and tok_123"}})");
  EXPECT_EQ(out.find("tok_123"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("snippet":{"text":"REDACTED"})"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("commitMessage":"oops, added REDACTED and REDACTED")"), std::string::npos)
      << out;
  EXPECT_NE(out.find(R"("text":"found REDACTED")"), std::string::npos) << out;
}

TEST(SecretRedactingFilter, LeavesKeysAndOtherStringsAlone) {
  std::string out = RedactResult(R"({
    "ruleId": "demo",
    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a/b.py"},
                                        "region": {"snippet": {"text": "zz"}}}}]})");
  EXPECT_EQ(out, R"({"ruleId":"demo","locations":[{"physicalLocation":{"artifactLocation":)"
                 R"({"uri":"a/b.py"},"region":{"snippet":{"text":"REDACTED"}}}}]})");
}

TEST(SecretRedactingFilter, RedactsSiblingCopiesOfSnippet) {
  std::string out = RedactResult(R"({"snippet": {"text": "abc", "other": "abc"}})");
  // "abc" is collected as the secret, so the sibling copy goes too.
  EXPECT_EQ(out, R"({"snippet":{"text":"REDACTED","other":"REDACTED"}})");
}

}  // namespace
}  // namespace leakscan
