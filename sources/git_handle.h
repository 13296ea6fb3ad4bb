// Owning handles for libgit2 objects, the library's init/shutdown guard and
// the conversion of libgit2 errors into one-line messages. Every other
// git_* file of the git source uses these instead of raw pointers, so no
// libgit2 type escapes the sources module.
// Covered indirectly by tests/sources/git_source_test.cc.
#pragma once

#include <git2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace leakscan::git {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* pointer) const { Free(pointer); }
};

using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using DiffPtr = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using PatchPtr = std::unique_ptr<git_patch, Deleter<git_patch, git_patch_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using MailmapPtr = std::unique_ptr<git_mailmap, Deleter<git_mailmap, git_mailmap_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using RemotePtr = std::unique_ptr<git_remote, Deleter<git_remote, git_remote_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config, git_config_free>>;

// Initialises libgit2 for the lifetime of the object. libgit2 counts
// init/shutdown pairs, so nested and concurrent sessions are fine.
class LibrarySession {
 public:
  LibrarySession() { git_libgit2_init(); }
  ~LibrarySession() { git_libgit2_shutdown(); }
  LibrarySession(const LibrarySession&) = delete;
  LibrarySession& operator=(const LibrarySession&) = delete;
};

// Returns libgit2's message for the last failure on this thread, or
// "unknown libgit2 error", with newlines replaced so it fits one line.
std::string LastErrorText();

// Returns the full lower-case hex form of an object id.
std::string OidHex(const git_oid& id);

// Hash and equality for using git_oid as an unordered_map key.
struct OidHash {
  size_t operator()(const git_oid& id) const;
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};

// Returns a git_strarray view over `items` (valid while `items` and
// `pointers` live).
git_strarray MakeStrArray(const std::vector<std::string>& items, std::vector<char*>* pointers);

}  // namespace leakscan::git
