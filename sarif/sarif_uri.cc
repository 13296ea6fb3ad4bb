#include "sarif/sarif_uri.h"

namespace leakscan {
namespace {

constexpr char kUpperHex[] = "0123456789ABCDEF";

bool IsUnreservedOrSubDelimiter(unsigned char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case '@':
      return true;
    default:
      return false;
  }
}

// Appends `path` with every byte outside the allowed set percent-encoded.
// `encode_first_colon_segment` encodes `:` up to the first `/`.
void AppendEncodedPath(std::string_view path, bool encode_first_colon_segment, std::string* out) {
  bool in_first_segment = true;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '/') in_first_segment = false;
    bool keep = IsUnreservedOrSubDelimiter(byte) || c == '/' ||
                (c == ':' && !(in_first_segment && encode_first_colon_segment));
    if (keep) {
      out->push_back(c);
      continue;
    }
    out->push_back('%');
    out->push_back(kUpperHex[byte >> 4]);
    out->push_back(kUpperHex[byte & 0xF]);
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string PathToUriReference(std::string_view path) {
  std::string uri;
  uri.reserve(path.size() + 8);
  if (!path.empty() && path.front() == '/') {
    uri.append("file://");
    AppendEncodedPath(path, /*encode_first_colon_segment=*/false, &uri);
    return uri;
  }
  AppendEncodedPath(path, /*encode_first_colon_segment=*/true, &uri);
  return uri;
}

std::string UriReferenceToPath(std::string_view uri) {
  if (uri.starts_with("file://")) uri.remove_prefix(7);
  std::string path;
  path.reserve(uri.size());
  for (size_t i = 0; i < uri.size(); ++i) {
    bool escape = uri[i] == '%' && i + 2 < uri.size() && HexValue(uri[i + 1]) >= 0 &&
                  HexValue(uri[i + 2]) >= 0;
    if (!escape) {
      path.push_back(uri[i]);
      continue;
    }
    path.push_back(static_cast<char>(HexValue(uri[i + 1]) * 16 + HexValue(uri[i + 2])));
    i += 2;
  }
  return path;
}

std::string DirectoryToFileUri(std::string_view directory) {
  std::string uri = PathToUriReference(directory);
  if (uri.empty() || uri.back() != '/') uri.push_back('/');
  return uri;
}

}  // namespace leakscan
