#include "sources/git_revisions.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "sources/git_handle.h"
#include "util/log.h"

namespace leakscan::git {
namespace {

// Peels a tag chain down to a commit. Returns nullopt when it ends at a
// tree or blob.
std::optional<git_oid> PeelToCommit(git_object* object) {
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) return std::nullopt;
  ObjectPtr owner(peeled);
  return *git_object_id(peeled);
}

std::optional<git_oid> ResolveCommit(git_repository* repo, const std::string& spec) {
  git_object* object = nullptr;
  if (git_revparse_single(&object, repo, spec.c_str()) != 0) return std::nullopt;
  ObjectPtr owner(object);
  return PeelToCommit(object);
}

// Returns the commit a ref leads to. A ref whose object is missing is
// logged. One that leads to a tree or blob is skipped silently, as git
// log does for --all.
std::optional<git_oid> ResolveRef(git_repository* repo, const std::string& name) {
  git_reference* reference = nullptr;
  if (git_reference_lookup(&reference, repo, name.c_str()) != 0) return std::nullopt;
  ReferencePtr reference_owner(reference);
  git_reference* resolved = nullptr;
  if (git_reference_resolve(&resolved, reference) != 0) return std::nullopt;
  ReferencePtr resolved_owner(resolved);
  const git_oid* target = git_reference_target(resolved);
  if (target == nullptr) return std::nullopt;
  git_object* object = nullptr;
  if (git_object_lookup(&object, repo, target, GIT_OBJECT_ANY) != 0) {
    log::Err("failed to read the object of a ref",
             {{"ref", name}, {"object", OidHex(*target)}, {"error", LastErrorText()}});
    return std::nullopt;
  }
  ObjectPtr object_owner(object);
  return PeelToCommit(object);
}

std::vector<std::string> SortedRefNames(git_repository* repo, std::string_view prefix) {
  std::vector<std::string> names;
  git_reference_iterator* iterator = nullptr;
  if (git_reference_iterator_new(&iterator, repo) != 0) return names;
  const char* name = nullptr;
  while (git_reference_next_name(&name, iterator) == 0) {
    if (std::string_view(name).substr(0, prefix.size()) == prefix) names.emplace_back(name);
  }
  git_reference_iterator_free(iterator);
  std::sort(names.begin(), names.end());
  return names;
}

void AddWorktreeHeads(git_repository* repo, bool uninteresting, std::vector<StartCommit>* out) {
  git_strarray names{};
  if (git_worktree_list(&names, repo) != 0) return;
  for (size_t i = 0; i < names.count; ++i) {
    git_worktree* worktree = nullptr;
    if (git_worktree_lookup(&worktree, repo, names.strings[i]) != 0) continue;
    git_repository* worktree_repo = nullptr;
    if (git_repository_open_from_worktree(&worktree_repo, worktree) == 0) {
      RepositoryPtr owner(worktree_repo);
      if (auto head = ResolveCommit(worktree_repo, "HEAD")) out->push_back({*head, uninteresting});
    }
    git_worktree_free(worktree);
  }
  git_strarray_dispose(&names);
}

class Resolver {
 public:
  Resolver(git_repository* repo, const std::string& folder, const std::string& repo_label)
      : repo_(repo), folder_(folder), repo_label_(repo_label) {}

  Status Add(const RevisionArg& arg) {
    switch (arg.kind) {
      case RevisionArg::Kind::kAllRefs:
        AddRefs("refs/", arg.negated);
        if (auto head = ResolveCommit(repo_, "HEAD")) Push(*head, arg.negated);
        AddWorktreeHeads(repo_, arg.negated, &result_.commits);
        return Ok();
      case RevisionArg::Kind::kBranches:
        AddRefs("refs/heads/", arg.negated);
        return Ok();
      case RevisionArg::Kind::kTags:
        AddRefs("refs/tags/", arg.negated);
        return Ok();
      case RevisionArg::Kind::kRemotes:
        AddRefs("refs/remotes/", arg.negated);
        return Ok();
      case RevisionArg::Kind::kRevision:
        return AddWord(arg.text, arg.negated);
    }
    return Ok();
  }

  ResolvedRevisions Take() { return std::move(result_); }
  size_t path_count() const { return result_.paths.size(); }

 private:
  void Push(const git_oid& id, bool uninteresting) {
    result_.commits.push_back({id, uninteresting});
  }

  void AddRefs(std::string_view prefix, bool negated) {
    for (const std::string& name : SortedRefNames(repo_, prefix)) {
      if (auto commit = ResolveRef(repo_, name)) Push(*commit, negated);
    }
  }

  Status AddWord(const std::string& word, bool negated) {
    if (word.size() > 1 && word[0] == '^') {
      auto commit = ResolveCommit(repo_, word.substr(1));
      if (!commit) return BadRevision(word);
      Push(*commit, !negated);
      return Ok();
    }
    if (word.find("..") != std::string::npos) return AddRange(word, negated);
    if (auto commit = ResolveCommit(repo_, word)) {
      Push(*commit, negated);
      return Ok();
    }
    std::error_code error;
    if (!word.empty() && std::filesystem::exists(std::filesystem::path(folder_) / word, error)) {
      result_.paths.push_back(word);
      return Ok();
    }
    return BadRevision(word);
  }

  Status AddRange(const std::string& word, bool negated) {
    git_revspec spec{};
    if (git_revparse(&spec, repo_, word.c_str()) != 0) return BadRevision(word);
    ObjectPtr from(spec.from);
    ObjectPtr to(spec.to);
    std::optional<git_oid> left = from ? PeelToCommit(from.get()) : std::nullopt;
    std::optional<git_oid> right = to ? PeelToCommit(to.get()) : std::nullopt;
    if (!left || !right) return BadRevision(word);
    if ((spec.flags & GIT_REVSPEC_MERGE_BASE) == 0) {
      Push(*left, !negated);
      Push(*right, negated);
      return Ok();
    }
    git_oidarray bases{};
    int status = git_merge_bases(&bases, repo_, &*left, &*right);
    if (status == 0) {
      for (size_t i = 0; i < bases.count; ++i) Push(bases.ids[i], !negated);
      git_oidarray_dispose(&bases);
    } else if (status != GIT_ENOTFOUND) {
      return MakeError("failed to compute the merge bases of '" + word + "' in " + repo_label_ +
                       ": " + LastErrorText());
    }
    Push(*left, negated);
    Push(*right, negated);
    return Ok();
  }

  Status BadRevision(const std::string& word) {
    return MakeError("bad revision '" + word + "' in " + repo_label_);
  }

  git_repository* repo_;
  const std::string& folder_;
  const std::string& repo_label_;
  ResolvedRevisions result_;
};

}  // namespace

Result<ResolvedRevisions> ResolveRevisions(git_repository* repo,
                                           const std::vector<RevisionArg>& revisions,
                                           const std::string& folder,
                                           const std::string& repo_label) {
  Resolver resolver(repo, folder, repo_label);
  for (const RevisionArg& arg : revisions) {
    if (Status status = resolver.Add(arg); !status) return std::unexpected(status.error());
  }
  // Without any revision or ref group (path words do not count) git
  // starts from HEAD.
  if (revisions.size() == resolver.path_count()) {
    if (Status status = resolver.Add({RevisionArg::Kind::kRevision, "HEAD", false}); !status) {
      return std::unexpected(status.error());
    }
  }
  return resolver.Take();
}

}  // namespace leakscan::git
