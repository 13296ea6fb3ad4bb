#include "sources/git_history_scan.h"

#include <algorithm>
#include <thread>

#include "sources/git_commit_info.h"
#include "sources/git_diff_fragments.h"
#include "sources/git_job_queue.h"
#include "util/log.h"

namespace leakscan::git {
namespace {

// A run of consecutive commits in walk order. Adjacent commits share most
// blobs, so one worker diffing a run finds them in its object cache.
struct HistoryJob {
  uint64_t first_ordinal = 0;
  std::vector<WalkedCommit> commits;
};

constexpr size_t kCommitsPerJob = 8;

// Jobs queued per worker: enough to keep workers busy, small enough that
// memory does not grow with history size.
constexpr size_t kJobsPerWorker = 4;

// libgit2 caches no blobs by default. Caching blobs up to 1 MB lets a
// worker load each version once for the two diffs it takes part in. The
// cache of all repositories together stays under 64 MB.
constexpr size_t kCachedBlobMaxBytes = size_t{1} << 20;
constexpr size_t kObjectCacheMaxBytes = size_t{64} << 20;

bool IsCancelled(const GitScanOptions& options) {
  return options.source.cancelled != nullptr && options.source.cancelled->load();
}

// Diffs commits on one thread with its own repository handle.
class DiffWorker {
 public:
  DiffWorker(const LogQuery& query, const std::vector<std::string>& pathspec,
             const GitScanOptions& options, const FragmentHandler& handler)
      : query_(query), pathspec_(pathspec), options_(options), handler_(handler) {}

  Status Open(const std::string& git_dir) {
    git_repository* repo = nullptr;
    if (git_repository_open(&repo, git_dir.c_str()) != 0) {
      return MakeError("failed to open git repository " + git_dir + ": " + LastErrorText());
    }
    repo_.reset(repo);
    git_mailmap* mailmap = nullptr;
    if (git_mailmap_from_repository(&mailmap, repo) == 0) mailmap_.reset(mailmap);
    notes_ref_ = DisplayedNotesRef(repo);
    settings_.filter = query_.diff_filter;
    settings_.source = options_.source;
    settings_.config = options_.config;
    flags_ = BaseDiffFlags(repo) | GIT_DIFF_INCLUDE_TYPECHANGE;
    return Ok();
  }

  void Run(JobQueue<HistoryJob>* queue) {
    while (auto job = queue->Pop()) {
      for (size_t i = 0; i < job->commits.size() && !IsCancelled(options_); ++i) {
        Process(job->first_ordinal + i, job->commits[i]);
      }
    }
  }

  uint64_t commits_with_fragments() const { return commits_with_fragments_; }

 private:
  void Process(uint64_t ordinal, const WalkedCommit& walked) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo_.get(), &walked.id) != 0) {
      log::Err("failed to read commit, skipping it",
               {{"commit", OidHex(walked.id)}, {"error", LastErrorText()}});
      return;
    }
    CommitPtr commit_owner(commit);
    git_tree* tree = nullptr;
    if (git_commit_tree(&tree, commit) != 0) {
      log::Err("failed to read the tree of a commit, skipping it",
               {{"commit", OidHex(walked.id)}, {"error", LastErrorText()}});
      return;
    }
    TreePtr tree_owner(tree);

    FragmentCursor cursor;
    std::optional<CommitNote> note = ReadNote(walked.id);
    cursor.commit = MakeCommitInfo(commit, mailmap_.get(), note ? &*note : nullptr);
    cursor.order_major = ordinal;
    const std::vector<git_oid>& parents = walked.parents;
    if (parents.empty()) {
      DiffAndEmit(nullptr, tree, &cursor);
    } else if (parents.size() == 1 || query_.first_parent) {
      DiffAgainstParent(parents[0], tree, &cursor);
    } else if (query_.merge_diffs) {
      for (const git_oid& parent : parents) DiffAgainstParent(parent, tree, &cursor);
    }
    if (cursor.emitted > 0) ++commits_with_fragments_;
  }

  // Returns the notes ref git log shows (core.notesRef, by default
  // refs/notes/commits), or "" when notes are off or the ref is absent.
  std::string DisplayedNotesRef(git_repository* repo) const {
    if (!query_.show_notes) return "";
    git_buf name = GIT_BUF_INIT;
    if (git_note_default_ref(&name, repo) != 0) return "";
    std::string ref(name.ptr, name.size);
    git_buf_dispose(&name);
    git_reference* reference = nullptr;
    if (git_reference_lookup(&reference, repo, ref.c_str()) != 0) return "";
    git_reference_free(reference);
    return ref;
  }

  std::optional<CommitNote> ReadNote(const git_oid& id) const {
    if (notes_ref_.empty()) return std::nullopt;
    git_note* note = nullptr;
    if (git_note_read(&note, repo_.get(), notes_ref_.c_str(), &id) != 0) return std::nullopt;
    CommitNote result{notes_ref_, git_note_message(note)};
    git_note_free(note);
    return result;
  }

  void DiffAgainstParent(const git_oid& parent_id, git_tree* tree, FragmentCursor* cursor) {
    git_commit* parent = nullptr;
    git_tree* parent_tree = nullptr;
    if (git_commit_lookup(&parent, repo_.get(), &parent_id) != 0 ||
        git_commit_tree(&parent_tree, parent) != 0) {
      log::Err("failed to read parent commit, skipping this diff", {{"commit", cursor->commit->sha},
                                                                    {"parent", OidHex(parent_id)},
                                                                    {"error", LastErrorText()}});
      git_commit_free(parent);
      return;
    }
    CommitPtr parent_owner(parent);
    TreePtr parent_tree_owner(parent_tree);
    DiffAndEmit(parent_tree, tree, cursor);
  }

  void DiffAndEmit(git_tree* old_tree, git_tree* new_tree, FragmentCursor* cursor) {
    git_diff_options diff_options = GIT_DIFF_OPTIONS_INIT;
    diff_options.context_lines = 0;
    diff_options.interhunk_lines = 0;
    diff_options.flags = flags_;
    diff_options.pathspec = MakeStrArray(pathspec_, &pathspec_pointers_);
    git_diff* diff = nullptr;
    if (git_diff_tree_to_tree(&diff, repo_.get(), old_tree, new_tree, &diff_options) != 0) {
      log::Err("failed to diff commit, skipping it",
               {{"commit", cursor->commit->sha}, {"error", LastErrorText()}});
      return;
    }
    DiffPtr owner(diff);
    if (query_.renames != RenameMode::kOff) {
      git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
      if (query_.renames == RenameMode::kOn) {
        find.flags = GIT_DIFF_FIND_RENAMES;
        find.rename_threshold = static_cast<uint16_t>(query_.rename_threshold);
      }
      if (git_diff_find_similar(diff, &find) != 0) {
        log::Warn("rename detection failed, scanning without it",
                  {{"commit", cursor->commit->sha}, {"error", LastErrorText()}});
      }
    }
    EmitDiffFragments(repo_.get(), diff, settings_, cursor, handler_, &buffer_);
  }

  const LogQuery& query_;
  const std::vector<std::string>& pathspec_;
  const GitScanOptions& options_;
  const FragmentHandler& handler_;
  RepositoryPtr repo_;
  MailmapPtr mailmap_;
  DiffScanSettings settings_;
  uint32_t flags_ = 0;
  std::string notes_ref_;
  std::vector<char*> pathspec_pointers_;
  std::string buffer_;
  uint64_t commits_with_fragments_ = 0;
};

void RunWalker(RevisionWalk* walk, const GitScanOptions& options, JobQueue<HistoryJob>* queue) {
  HistoryJob job;
  uint64_t ordinal = 0;
  while (!IsCancelled(options)) {
    std::optional<WalkedCommit> commit = walk->Next();
    if (!commit) break;
    job.commits.push_back(std::move(*commit));
    ++ordinal;
    if (job.commits.size() < kCommitsPerJob) continue;
    if (!queue->Push(std::move(job))) break;
    job = HistoryJob{ordinal, {}};
  }
  if (!job.commits.empty()) queue->Push(std::move(job));
  queue->Close();
}

}  // namespace

Result<uint64_t> ScanHistory(RepoLocation& location, const LogQuery& query, WalkInput walk_input,
                             const GitScanOptions& options, const FragmentHandler& handler) {
  std::vector<std::string> pathspec = walk_input.pathspec;
  auto walk = RevisionWalk::Create(location.repo.get(), query, std::move(walk_input),
                                   options.source.cancelled);
  if (!walk) return std::unexpected(walk.error());

  git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_BLOB, kCachedBlobMaxBytes);
  git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, static_cast<ssize_t>(kObjectCacheMaxBytes));
  size_t thread_count = static_cast<size_t>(std::max(1, options.source.threads));
  std::vector<std::unique_ptr<DiffWorker>> workers;
  for (size_t i = 0; i < thread_count; ++i) {
    auto worker = std::make_unique<DiffWorker>(query, pathspec, options, handler);
    if (Status status = worker->Open(location.git_dir); !status) {
      return std::unexpected(status.error());
    }
    workers.push_back(std::move(worker));
  }

  JobQueue<HistoryJob> queue(thread_count * kJobsPerWorker);
  std::vector<std::thread> threads;
  for (auto& worker : workers) {
    threads.emplace_back([&queue, worker = worker.get()] { worker->Run(&queue); });
  }
  RunWalker(walk->get(), options, &queue);
  for (std::thread& thread : threads) thread.join();

  if (IsCancelled(options)) return MakeError("context canceled");
  uint64_t commits = 0;
  for (const auto& worker : workers) commits += worker->commits_with_fragments();
  return commits;
}

}  // namespace leakscan::git
