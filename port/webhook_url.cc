#include "port/webhook_url.h"

#include <curl/curl.h>

#include <memory>

namespace leakscan {
namespace {

struct CurlUrlDeleter {
  void operator()(CURLU* handle) const { curl_url_cleanup(handle); }
};

// Returns one part of a parsed URL, or an empty string when it is absent.
std::string UrlPart(CURLU* handle, CURLUPart part) {
  char* value = nullptr;
  if (curl_url_get(handle, part, &value, 0) != CURLUE_OK || value == nullptr) return {};
  std::string result(value);
  curl_free(value);
  return result;
}

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "[::1]" || host.starts_with("127.");
}

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void ReplaceAll(std::string* text, std::string_view needle, std::string_view replacement) {
  if (needle.empty()) return;
  for (size_t at = text->find(needle); at != std::string::npos;
       at = text->find(needle, at + replacement.size())) {
    text->replace(at, needle.size(), replacement);
  }
}

}  // namespace

Result<WebhookUrl> ParseWebhookUrl(std::string_view url) {
  std::unique_ptr<CURLU, CurlUrlDeleter> handle(curl_url());
  if (!handle) return MakeError("port webhook URL: out of memory while parsing it");
  std::string text(url);
  if (curl_url_set(handle.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return MakeError("invalid --port-webhook-url: not an absolute http(s) URL");
  }

  WebhookUrl parsed{UrlPart(handle.get(), CURLUPART_SCHEME), UrlPart(handle.get(), CURLUPART_HOST)};
  if (parsed.host.empty()) return MakeError("invalid --port-webhook-url: the URL has no host");
  if (parsed.scheme == "https") return parsed;
  if (parsed.scheme == "http" && IsLoopbackHost(parsed.host)) return parsed;
  return MakeError("invalid --port-webhook-url: the URL for host " + parsed.host +
                   " must use https (plain http is accepted for loopback hosts only)");
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (unsigned char c : text) {
    if (IsUnreserved(c)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xf];
    }
  }
  return encoded;
}

std::string AppendRepoQuery(std::string_view url, std::string_view repo) {
  size_t fragment = url.find('#');
  std::string_view base = url.substr(0, fragment);
  std::string_view tail = fragment == std::string_view::npos ? "" : url.substr(fragment);

  std::string result(base);
  if (base.find('?') == std::string_view::npos) {
    result += '?';
  } else if (!base.ends_with('?') && !base.ends_with('&')) {
    result += '&';
  }
  result += "repo=";
  result += PercentEncode(repo);
  result += tail;
  return result;
}

std::string ScrubUrl(std::string text, std::string_view url) {
  constexpr std::string_view kPlaceholder = "<webhook-url>";
  ReplaceAll(&text, url, kPlaceholder);

  // The part after scheme://host carries the webhook's id and the query.
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return text;
  size_t path = url.find_first_of("/?#", scheme_end + 3);
  if (path == std::string_view::npos || url.size() - path <= 1) return text;
  ReplaceAll(&text, url.substr(path), kPlaceholder);
  return text;
}

}  // namespace leakscan
