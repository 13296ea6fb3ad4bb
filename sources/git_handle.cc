#include "sources/git_handle.h"

#include <cstring>
#include <vector>

namespace leakscan::git {

std::string LastErrorText() {
  const git_error* error = git_error_last();
  if (error == nullptr || error->message == nullptr || *error->message == '\0') {
    return "unknown libgit2 error";
  }
  std::string text = error->message;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string OidHex(const git_oid& id) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof(buffer), &id);
  return std::string(buffer);
}

size_t OidHash::operator()(const git_oid& id) const {
  // Object ids are uniformly distributed, so any 8 bytes make a good hash.
  size_t hash = 0;
  std::memcpy(&hash, id.id, sizeof(hash));
  return hash;
}

git_strarray MakeStrArray(const std::vector<std::string>& items, std::vector<char*>* pointers) {
  pointers->clear();
  for (const std::string& item : items) pointers->push_back(const_cast<char*>(item.c_str()));
  return git_strarray{pointers->data(), pointers->size()};
}

}  // namespace leakscan::git
