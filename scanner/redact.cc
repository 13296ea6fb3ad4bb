#include "scanner/redact.h"

#include <cmath>

#include "util/utf8.h"

namespace leakscan {

std::string RedactSecret(std::string_view secret, int percent) {
  if (percent > 100) percent = 100;
  if (secret.empty()) return std::string();
  double kept_length =
      static_cast<double>(secret.size()) * static_cast<double>(100 - percent) / 100.0;
  // std::nearbyint rounds half to even in the default rounding mode.
  size_t length = static_cast<size_t>(std::nearbyint(kept_length));
  if (length > secret.size()) length = secret.size();
  std::string masked(secret.substr(0, length));
  masked += "...";
  return masked;
}

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  if (from.empty()) {
    size_t pos = 0;
    while (pos < text.size()) {
      int width = utf8::DecodeRune(text, pos).width;
      out.append(to);
      out.append(text.substr(pos, static_cast<size_t>(width)));
      pos += static_cast<size_t>(width);
    }
    out.append(to);
    return out;
  }
  size_t pos = 0;
  while (true) {
    size_t hit = text.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(text.substr(pos));
  return out;
}

void Redact(Finding& finding, int percent) {
  if (percent <= 0) return;
  std::string masked =
      percent >= 100 ? std::string("REDACTED") : RedactSecret(finding.secret, percent);
  finding.line = ReplaceAll(finding.line, finding.secret, masked);
  finding.match = ReplaceAll(finding.match, finding.secret, masked);
  finding.secret = std::move(masked);
}

}  // namespace leakscan
