#include "port/redaction.h"

#include <algorithm>

namespace leakscan {
namespace {

void CollectInto(simdjson::dom::element value, std::vector<std::string>* texts) {
  if (value.is_array()) {
    for (simdjson::dom::element item : simdjson::dom::array(value)) CollectInto(item, texts);
    return;
  }
  if (!value.is_object()) return;

  for (simdjson::dom::key_value_pair member : simdjson::dom::object(value)) {
    std::string_view text;
    if (member.key == "snippet" && member.value.is_object() &&
        member.value["text"].get(text) == simdjson::SUCCESS && !text.empty() &&
        text != kRedactedText) {
      texts->emplace_back(text);
    }
    CollectInto(member.value, texts);
  }
}

}  // namespace

std::vector<std::string> CollectSnippetTexts(simdjson::dom::element result) {
  std::vector<std::string> texts;
  CollectInto(result, &texts);
  return texts;
}

std::string RedactSecrets(std::string_view text, const std::vector<std::string>& secrets) {
  std::string redacted;
  redacted.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto secret = std::find_if(secrets.begin(), secrets.end(), [&](const std::string& candidate) {
      return !candidate.empty() && text.substr(i).starts_with(candidate);
    });
    if (secret != secrets.end()) {
      redacted += kRedactedText;
      i += secret->size();
    } else {
      redacted += text[i];
      ++i;
    }
  }
  return redacted;
}

SecretRedactingFilter::SecretRedactingFilter(std::vector<std::string> secrets)
    : secrets_(std::move(secrets)) {
  std::erase_if(secrets_, [](const std::string& secret) { return secret.empty(); });
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void SecretRedactingFilter::AppendString(std::string_view parent_key, std::string_view key,
                                         std::string_view value, std::string* out) const {
  if (parent_key == "snippet" && key == "text") {
    AppendJsonString(kRedactedText, out);
    return;
  }
  bool contains_secret = std::any_of(secrets_.begin(), secrets_.end(), [&](const std::string& s) {
    return value.find(s) != std::string_view::npos;
  });
  if (!contains_secret) {
    AppendJsonString(value, out);
    return;
  }
  AppendJsonString(RedactSecrets(value, secrets_), out);
}

}  // namespace leakscan
