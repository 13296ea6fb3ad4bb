#include "sources/git_rev_walk.h"

#include <cstdint>
#include <deque>
#include <fstream>
#include <limits>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "sources/git_handle.h"
#include "sources/git_identity_filter.h"
#include "util/log.h"

namespace leakscan::git {
namespace {

// Commit flags, named after the git flags they mirror.
enum Flag : uint32_t {
  kSeen = 1u << 0,           // Queued once already.
  kAdded = 1u << 1,          // Parents processed.
  kUninteresting = 1u << 2,  // Reachable from a negative revision.
  kBottom = 1u << 3,         // A negative revision given on the command line.
  kTreesame = 1u << 4,       // No change within the path limits.
  kShown = 1u << 5,
  kQueued = 1u << 6,
};

// How many more uninteresting commits git pops after everything queued is
// uninteresting, to tolerate clock skew.
constexpr int kSlop = 5;

struct Node {
  git_oid id{};
  git_oid tree{};
  int64_t date = 0;  // Committer time.
  uint32_t flags = 0;
  bool parsed = false;
  bool readable = true;
  std::vector<Node*> parents;
  // Per-parent "no change within the path limits", kept for merges under
  // --full-history so limiting can revisit it.
  std::vector<bool> treesame_parents;
};

// A commit in the date-ordered queue; ties keep insertion order.
struct QueueEntry {
  int64_t date;
  uint64_t sequence;
  Node* node;
  bool operator<(const QueueEntry& other) const {
    if (date != other.date) return date > other.date;
    return sequence < other.sequence;
  }
};

// Returns the boundary commits of a shallow clone, listed one hex id per
// line in the "shallow" file of the git directory. libgit2 1.5 does not
// hide their missing parents itself.
std::unordered_set<git_oid, OidHash, OidEqual> ReadShallowCommits(git_repository* repo) {
  std::unordered_set<git_oid, OidHash, OidEqual> commits;
  std::ifstream in(std::string(git_repository_commondir(repo)) + "shallow");
  for (std::string line; std::getline(in, line);) {
    git_oid id;
    if (line.size() >= GIT_OID_HEXSZ && git_oid_fromstrn(&id, line.c_str(), GIT_OID_HEXSZ) == 0) {
      commits.insert(id);
    }
  }
  return commits;
}

bool Relevant(const Node* node) {
  return (node->flags & (kUninteresting | kBottom)) != kUninteresting;
}

}  // namespace

class RevisionWalk::Impl {
 public:
  Impl(git_repository* repo, const LogQuery& query, WalkInput input, IdentityFilter filter,
       const std::atomic<bool>* cancelled)
      : repo_(repo),
        query_(query),
        input_(std::move(input)),
        filter_(std::move(filter)),
        cancelled_(cancelled),
        skip_(query.skip),
        remaining_(query.max_count) {
    pathspec_ = MakeStrArray(input_.pathspec, &pathspec_pointers_);
    shallow_ = ReadShallowCommits(repo);
    AddStarts();
  }

  std::optional<WalkedCommit> Next() {
    while (true) {
      if (remaining_ == 0 || Cancelled()) return std::nullopt;
      Node* node = limited_ ? NextLimited() : NextUnlimited();
      if (node == nullptr) return std::nullopt;
      if (skip_ > 0) {
        --skip_;
        continue;
      }
      if (remaining_ > 0) --remaining_;
      WalkedCommit commit{node->id, {}};
      for (const Node* parent : node->parents) commit.parents.push_back(parent->id);
      return commit;
    }
  }

 private:
  bool Cancelled() const { return cancelled_ != nullptr && cancelled_->load(); }

  Node* Lookup(const git_oid& id) {
    auto found = index_.find(id);
    if (found != index_.end()) return found->second;
    Node& node = nodes_.emplace_back();
    node.id = id;
    index_.emplace(id, &node);
    return &node;
  }

  void Parse(Node* node) {
    if (node->parsed) return;
    node->parsed = true;
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo_, &node->id) != 0) {
      node->readable = false;
      log::Err("failed to read commit, skipping its history",
               {{"commit", OidHex(node->id)}, {"error", LastErrorText()}});
      return;
    }
    CommitPtr owner(commit);
    node->date = git_commit_time(commit);
    node->tree = *git_commit_tree_id(commit);
    // git shows the boundary commits of a shallow clone as root commits.
    if (shallow_.count(node->id) > 0) return;
    unsigned count = git_commit_parentcount(commit);
    for (unsigned i = 0; i < count; ++i)
      node->parents.push_back(Lookup(*git_commit_parent_id(commit, i)));
  }

  void Insert(Node* node) {
    node->flags |= kQueued;
    queue_.insert({node->date, next_sequence_++, node});
  }

  Node* Pop() {
    Node* node = queue_.begin()->node;
    queue_.erase(queue_.begin());
    node->flags &= ~kQueued;
    return node;
  }

  // Queues the starting commits: de-duplicated, then stably sorted by date.
  void AddStarts() {
    std::vector<Node*> pending;
    for (const StartCommit& start : input_.starts) {
      Node* node = Lookup(start.id);
      Parse(node);
      if (start.uninteresting) {
        node->flags |= kUninteresting | kBottom;
        limited_ = true;
      }
      pending.push_back(node);
    }
    for (Node* node : pending) {
      if (node->flags & kUninteresting) MarkParentsUninteresting(node);
    }
    for (Node* node : pending) {
      if (node->flags & kSeen) continue;
      node->flags |= kSeen;
      Insert(node);
    }
  }

  void MarkParentsUninteresting(Node* node) {
    std::vector<Node*> stack(node->parents.rbegin(), node->parents.rend());
    while (!stack.empty()) {
      Node* parent = stack.back();
      stack.pop_back();
      if (parent->flags & kUninteresting) continue;
      parent->flags |= kUninteresting;
      stack.insert(stack.end(), parent->parents.rbegin(), parent->parents.rend());
    }
  }

  void ProcessParents(Node* node) {
    if (node->flags & kAdded) return;
    node->flags |= kAdded;
    if (node->flags & kUninteresting) {
      for (Node* parent : node->parents) {
        parent->flags |= kUninteresting;
        Parse(parent);
        if (!parent->parents.empty()) MarkParentsUninteresting(parent);
        if (parent->flags & kSeen) continue;
        parent->flags |= kSeen;
        Insert(parent);
      }
      return;
    }
    if (input_.prune) Simplify(node);
    for (Node* parent : node->parents) {
      Parse(parent);
      if (parent->readable && !(parent->flags & kSeen)) {
        parent->flags |= kSeen;
        Insert(parent);
      }
      if (query_.first_parent) break;
    }
  }

  // Returns true when `tree` has no entry within the path limits.
  bool TreeEmpty(const git_oid& tree_id) { return !Differs(nullptr, &tree_id); }

  bool TreesEqual(const Node* parent, const Node* node) {
    if (!parent->readable || !node->readable) return false;
    if (git_oid_equal(&parent->tree, &node->tree)) return true;
    if (input_.pathspec.empty()) return false;
    return !Differs(&parent->tree, &node->tree);
  }

  // Returns true when the trees differ within the path limits (a null
  // `old_id` is the empty tree).
  bool Differs(const git_oid* old_id, const git_oid* new_id) {
    git_tree* old_tree = nullptr;
    git_tree* new_tree = nullptr;
    if (old_id != nullptr && git_tree_lookup(&old_tree, repo_, old_id) != 0) return true;
    TreePtr old_owner(old_tree);
    if (git_tree_lookup(&new_tree, repo_, new_id) != 0) return true;
    TreePtr new_owner(new_tree);
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.pathspec = pathspec_;
    git_diff* diff = nullptr;
    if (git_diff_tree_to_tree(&diff, repo_, old_tree, new_tree, &options) != 0) return true;
    DiffPtr diff_owner(diff);
    return git_diff_num_deltas(diff) > 0;
  }

  // Marks commits without changes in the path limits and, unless
  // --full-history, follows only the first parent without changes.
  void Simplify(Node* node) {
    if (!node->readable) return;
    if (node->parents.empty()) {
      if (TreeEmpty(node->tree)) node->flags |= kTreesame;
      return;
    }
    bool record = query_.full_history && node->parents.size() > 1;
    if (record) node->treesame_parents.assign(node->parents.size(), false);
    int relevant_parents = 0;
    bool relevant_change = false;
    bool irrelevant_change = false;
    for (size_t nth = 0; nth < node->parents.size(); ++nth) {
      Node* parent = node->parents[nth];
      if (Relevant(parent)) ++relevant_parents;
      if (nth == 1 && query_.first_parent) break;
      Parse(parent);
      bool same = TreesEqual(parent, node);
      if (record) node->treesame_parents[nth] = same;
      if (same) {
        if (query_.full_history || !Relevant(parent)) continue;
        node->parents = {parent};
        node->flags |= kTreesame;
        return;
      }
      (Relevant(parent) ? relevant_change : irrelevant_change) = true;
    }
    if (relevant_parents > 0 ? !relevant_change : !irrelevant_change) node->flags |= kTreesame;
  }

  // Re-evaluates a --full-history merge once limiting has decided which
  // parents are uninteresting.
  void UpdateTreesame(Node* node) {
    if (node->parents.size() < 2 || node->treesame_parents.size() != node->parents.size()) return;
    int relevant_parents = 0;
    bool relevant_change = false;
    bool irrelevant_change = false;
    for (size_t nth = 0; nth < node->parents.size(); ++nth) {
      bool changed = !node->treesame_parents[nth];
      if (Relevant(node->parents[nth])) {
        ++relevant_parents;
        relevant_change |= changed;
      } else {
        irrelevant_change |= changed;
      }
    }
    if (relevant_parents > 0 ? relevant_change : irrelevant_change) {
      node->flags &= ~kTreesame;
    } else {
      node->flags |= kTreesame;
    }
  }

  bool Shown(Node* node) {
    if (node->flags & (kShown | kUninteresting)) return false;
    if (!node->readable) return false;
    if (query_.until && node->date > *query_.until) return false;
    size_t parent_count = node->parents.size();
    if (query_.no_merges && parent_count > 1) return false;
    if (query_.merges_only && parent_count < 2) return false;
    if (input_.prune && (node->flags & kTreesame)) return false;
    if (!filter_.empty() && !filter_.Matches(repo_, node->id)) return false;
    node->flags |= kShown;
    return true;
  }

  Node* NextUnlimited() {
    while (!queue_.empty()) {
      if (Cancelled()) return nullptr;
      Node* node = Pop();
      if (query_.since && node->date < *query_.since) continue;
      ProcessParents(node);
      if (Shown(node)) return node;
    }
    return nullptr;
  }

  Node* NextLimited() {
    if (!limited_list_ready_) {
      LimitList();
      limited_list_ready_ = true;
    }
    while (limited_position_ < limited_list_.size()) {
      Node* node = limited_list_[limited_position_++];
      if (Shown(node)) return node;
    }
    return nullptr;
  }

  // Walks everything reachable from the positive starts until only
  // uninteresting commits remain queued, as git's limit_list does.
  void LimitList() {
    int64_t date = std::numeric_limits<int64_t>::max();
    int slop = kSlop;
    while (!queue_.empty() && !Cancelled()) {
      Node* node = Pop();
      if (query_.since && node->date < *query_.since) node->flags |= kUninteresting;
      ProcessParents(node);
      if (node->flags & kUninteresting) {
        MarkParentsUninteresting(node);
        slop = StillInteresting(date, slop);
        if (slop > 0) continue;
        break;
      }
      if (query_.until && node->date > *query_.until) continue;
      date = node->date;
      limited_list_.push_back(node);
    }
    if (input_.prune && query_.full_history) {
      for (Node* node : limited_list_) {
        if (!(node->flags & (kUninteresting | kTreesame))) UpdateTreesame(node);
      }
    }
  }

  int StillInteresting(int64_t date, int slop) {
    if (queue_.empty()) return 0;
    if (date <= queue_.begin()->date) return kSlop;
    if (!EverybodyUninteresting()) return kSlop;
    return slop - 1;
  }

  bool EverybodyUninteresting() {
    if (interesting_cache_ != nullptr && (interesting_cache_->flags & kQueued) &&
        !(interesting_cache_->flags & kUninteresting)) {
      return false;
    }
    for (const QueueEntry& entry : queue_) {
      if (entry.node->flags & kUninteresting) continue;
      interesting_cache_ = entry.node;
      return false;
    }
    return true;
  }

  git_repository* repo_;
  LogQuery query_;
  WalkInput input_;
  IdentityFilter filter_;
  const std::atomic<bool>* cancelled_;
  std::vector<char*> pathspec_pointers_;
  git_strarray pathspec_{};

  std::unordered_set<git_oid, OidHash, OidEqual> shallow_;
  std::deque<Node> nodes_;
  std::unordered_map<git_oid, Node*, OidHash, OidEqual> index_;
  std::set<QueueEntry> queue_;
  uint64_t next_sequence_ = 0;
  bool limited_ = false;
  bool limited_list_ready_ = false;
  std::vector<Node*> limited_list_;
  size_t limited_position_ = 0;
  Node* interesting_cache_ = nullptr;
  int64_t skip_;
  int64_t remaining_;  // -1: no limit.
};

Result<std::unique_ptr<RevisionWalk>> RevisionWalk::Create(git_repository* repo,
                                                           const LogQuery& query, WalkInput input,
                                                           const std::atomic<bool>* cancelled) {
  auto filter = IdentityFilter::Create(repo, query);
  if (!filter) return std::unexpected(filter.error());
  auto impl = std::make_unique<Impl>(repo, query, std::move(input), std::move(*filter), cancelled);
  return std::unique_ptr<RevisionWalk>(new RevisionWalk(std::move(impl)));
}

RevisionWalk::RevisionWalk(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RevisionWalk::~RevisionWalk() = default;

std::optional<WalkedCommit> RevisionWalk::Next() { return impl_->Next(); }

}  // namespace leakscan::git
