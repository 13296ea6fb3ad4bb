#include "port/webhook_url.h"

#include <gtest/gtest.h>

namespace leakscan {
namespace {

TEST(ParseWebhookUrl, AcceptsHttps) {
  Result<WebhookUrl> url = ParseWebhookUrl("https://ingest.getport.io/AbCdEf123?x=1");
  ASSERT_TRUE(url.has_value()) << url.error().message;
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "ingest.getport.io");
}

TEST(ParseWebhookUrl, AcceptsHttpToLoopback) {
  for (const char* text : {"http://127.0.0.1:8080/hook", "http://localhost/hook",
                           "http://[::1]:9/hook", "http://127.1.2.3/x"}) {
    EXPECT_TRUE(ParseWebhookUrl(text).has_value()) << text;
  }
}

TEST(ParseWebhookUrl, RejectsHttpToOtherHosts) {
  Result<WebhookUrl> url = ParseWebhookUrl("http://ingest.getport.io/SecretPath");
  ASSERT_FALSE(url.has_value());
  EXPECT_EQ(url.error().message,
            "invalid --port-webhook-url: the URL for host ingest.getport.io must use https "
            "(plain http is accepted for loopback hosts only)");
}

TEST(ParseWebhookUrl, RejectsOtherSchemesAndGarbage) {
  for (const char* text : {"ftp://example.com/x", "not a url", "/relative/path", ""}) {
    Result<WebhookUrl> url = ParseWebhookUrl(text);
    ASSERT_FALSE(url.has_value()) << text;
    EXPECT_TRUE(url.error().message.starts_with("invalid --port-webhook-url")) << text;
  }
}

TEST(ParseWebhookUrl, ErrorNeverContainsPathOrQuery) {
  Result<WebhookUrl> url = ParseWebhookUrl("gopher://example.com/SecretPath?token=SecretQuery");
  ASSERT_FALSE(url.has_value());
  EXPECT_EQ(url.error().message.find("Secret"), std::string::npos) << url.error().message;
}

TEST(PercentEncode, KeepsUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("Acme-Org_1.x~y"), "Acme-Org_1.x~y");
  EXPECT_EQ(PercentEncode("acme/widgets"), "acme%2Fwidgets");
  EXPECT_EQ(PercentEncode("a b&c=d#é"), "a%20b%26c%3Dd%23%C3%A9");
}

TEST(AppendRepoQuery, StartsQuery) {
  EXPECT_EQ(AppendRepoQuery("https://h/p", "o/n"), "https://h/p?repo=o%2Fn");
}

TEST(AppendRepoQuery, KeepsExistingQuery) {
  EXPECT_EQ(AppendRepoQuery("https://h/p?a=1", "o/n"), "https://h/p?a=1&repo=o%2Fn");
  EXPECT_EQ(AppendRepoQuery("https://h/p?", "o/n"), "https://h/p?repo=o%2Fn");
  EXPECT_EQ(AppendRepoQuery("https://h/p?a=1&", "o/n"), "https://h/p?a=1&repo=o%2Fn");
}

TEST(AppendRepoQuery, KeepsFragmentLast) {
  EXPECT_EQ(AppendRepoQuery("https://h/p?a=1#f", "o/n"), "https://h/p?a=1&repo=o%2Fn#f");
}

TEST(ScrubUrl, RemovesUrlAndPath) {
  std::string url = "https://ingest.getport.io/AbCdEf123?repo=o%2Fn";
  EXPECT_EQ(ScrubUrl("failed: " + url, url), "failed: <webhook-url>");
  EXPECT_EQ(ScrubUrl("bad path /AbCdEf123?repo=o%2Fn here", url), "bad path <webhook-url> here");
  EXPECT_EQ(ScrubUrl("Could not resolve host: ingest.getport.io", url),
            "Could not resolve host: ingest.getport.io");
}

}  // namespace
}  // namespace leakscan
