#include "sources/git_diff_fragments.h"

#include <mutex>
#include <string_view>

#include "sources/archive_name.h"
#include "sources/blob_scan.h"
#include "sources/git_handle.h"
#include "util/log.h"

namespace leakscan::git {
namespace {

// Returns git's status letter for a delta, or '\0' for deltas git diff
// never prints (unmodified, untracked, ignored).
char StatusLetter(git_delta_t status) {
  switch (status) {
    case GIT_DELTA_ADDED:
      return 'A';
    case GIT_DELTA_DELETED:
      return 'D';
    case GIT_DELTA_MODIFIED:
      return 'M';
    case GIT_DELTA_RENAMED:
      return 'R';
    case GIT_DELTA_COPIED:
      return 'C';
    case GIT_DELTA_TYPECHANGE:
      return 'T';
    case GIT_DELTA_UNREADABLE:
      return 'X';
    case GIT_DELTA_CONFLICTED:
      return 'U';
    default:
      return '\0';
  }
}

bool Cancelled(const DiffScanSettings& settings) {
  return settings.source.cancelled != nullptr && settings.source.cancelled->load();
}

// Hands one fragment per hunk of `patch` to the handler.
void EmitHunks(git_patch* patch, const char* path, FragmentCursor* cursor,
               const FragmentHandler& handler, std::string* buffer) {
  size_t hunk_count = git_patch_num_hunks(patch);
  for (size_t h = 0; h < hunk_count; ++h) {
    const git_diff_hunk* hunk = nullptr;
    size_t line_count = 0;
    if (git_patch_get_hunk(&hunk, &line_count, patch, h) != 0) continue;
    buffer->clear();
    for (size_t l = 0; l < line_count; ++l) {
      const git_diff_line* line = nullptr;
      if (git_patch_get_line_in_hunk(&line, patch, h, l) != 0) continue;
      if (line->origin == GIT_DIFF_LINE_ADDITION) buffer->append(line->content, line->content_len);
    }
    Fragment fragment;
    fragment.raw = *buffer;
    fragment.file_path = path;
    fragment.start_line = hunk->new_start;
    fragment.commit = cursor->commit;
    fragment.order_major = cursor->order_major;
    fragment.order_minor = cursor->next_minor++;
    ++cursor->emitted;
    handler(fragment);
  }
}

std::optional<git_oid> ArchiveBlobId(const git_diff_delta* delta,
                                     const DiffScanSettings& settings) {
  if (settings.archive_blob == ArchiveBlob::kNewSide) return delta->new_file.id;
  if (settings.index == nullptr) return std::nullopt;
  const git_index_entry* entry = git_index_get_bypath(settings.index, delta->new_file.path, 0);
  if (entry == nullptr) return std::nullopt;
  return entry->id;
}

// Scans an archive-named binary file as a whole file, the way Gitleaks
// reads it with `git cat-file blob`.
void ScanArchive(git_repository* repo, const git_diff_delta* delta,
                 const DiffScanSettings& settings, FragmentCursor* cursor,
                 const FragmentHandler& handler) {
  auto id = ArchiveBlobId(delta, settings);
  git_blob* blob = nullptr;
  if (!id || git_blob_lookup(&blob, repo, &*id) != 0) {
    log::Err("failed to read archive blob, skipping it",
             {{"path", delta->new_file.path},
              {"object", id ? OidHex(*id) : std::string("(not in the index)")},
              {"commit", cursor->commit ? cursor->commit->sha : std::string()}});
    return;
  }
  BlobPtr owner(blob);
  std::string_view bytes(static_cast<const char*>(git_blob_rawcontent(blob)),
                         static_cast<size_t>(git_blob_rawsize(blob)));

  BlobContext context;
  context.path = delta->new_file.path;
  context.commit = cursor->commit;
  context.order_major = cursor->order_major;
  context.config = settings.config;
  // Archive members get the next positions of this commit, in the order
  // ScanBlob hands them over.
  std::mutex mutex;
  FragmentHandler renumbered = [&](const Fragment& member) {
    Fragment copy = member;
    {
      std::lock_guard<std::mutex> lock(mutex);
      copy.order_major = cursor->order_major;
      copy.order_minor = cursor->next_minor++;
      ++cursor->emitted;
    }
    handler(copy);
  };
  ScanBlob(bytes, context, settings.source, renumbered);
}

// Emits the added side of a type change (git prints it as a deletion
// followed by a new file).
void EmitTypeChange(git_repository* repo, const git_diff_delta* delta, FragmentCursor* cursor,
                    const FragmentHandler& handler, std::string* buffer) {
  const git_diff_file& file = delta->new_file;
  if (file.mode == GIT_FILEMODE_COMMIT) {
    *buffer = "Subproject commit " + OidHex(file.id) + "\n";
    Fragment fragment;
    fragment.raw = *buffer;
    fragment.file_path = file.path;
    fragment.start_line = 1;
    fragment.commit = cursor->commit;
    fragment.order_major = cursor->order_major;
    fragment.order_minor = cursor->next_minor++;
    ++cursor->emitted;
    handler(fragment);
    return;
  }
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo, &file.id) != 0) {
    log::Err("failed to read blob, skipping it",
             {{"path", file.path}, {"object", OidHex(file.id)}, {"error", LastErrorText()}});
    return;
  }
  BlobPtr owner(blob);
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.context_lines = 0;
  options.interhunk_lines = 0;
  options.flags = BaseDiffFlags(repo);
  git_patch* patch = nullptr;
  if (git_patch_from_blobs(&patch, nullptr, nullptr, blob, file.path, &options) != 0) return;
  PatchPtr patch_owner(patch);
  if (git_patch_get_delta(patch)->flags & GIT_DIFF_FLAG_BINARY) return;
  EmitHunks(patch, file.path, cursor, handler, buffer);
}

}  // namespace

uint32_t BaseDiffFlags(git_repository* repo) {
  uint32_t flags = GIT_DIFF_NORMAL;
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repo) != 0) return flags | GIT_DIFF_INDENT_HEURISTIC;
  ConfigPtr owner(config);
  int indent_heuristic = 1;
  if (git_config_get_bool(&indent_heuristic, config, "diff.indentHeuristic") != 0) {
    indent_heuristic = 1;
  }
  if (indent_heuristic) flags |= GIT_DIFF_INDENT_HEURISTIC;
  const char* algorithm = nullptr;
  if (git_config_get_string(&algorithm, config, "diff.algorithm") == 0) {
    std::string_view name(algorithm);
    if (name == "patience") flags |= GIT_DIFF_PATIENCE;
    if (name == "minimal") flags |= GIT_DIFF_MINIMAL;
    // NOTE: libgit2 1.5 has no histogram algorithm, so such repositories are
    // diffed with the default (Myers) algorithm, which may cut hunks
    // differently from git.
  }
  return flags;
}

void EmitDiffFragments(git_repository* repo, git_diff* diff, const DiffScanSettings& settings,
                       FragmentCursor* cursor, const FragmentHandler& handler,
                       std::string* buffer) {
  size_t delta_count = git_diff_num_deltas(diff);
  for (size_t i = 0; i < delta_count && !Cancelled(settings); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    char status = StatusLetter(delta->status);
    if (status == '\0' || status == 'D' || !settings.filter.Allows(status)) continue;
    if (status == 'T') {
      EmitTypeChange(repo, delta, cursor, handler, buffer);
      continue;
    }

    git_patch* patch = nullptr;
    if (git_patch_from_diff(&patch, diff, i) != 0) {
      log::Err("failed to diff file, skipping it",
               {{"path", delta->new_file.path},
                {"commit", cursor->commit ? cursor->commit->sha : std::string()},
                {"error", LastErrorText()}});
      continue;
    }
    PatchPtr owner(patch);
    const git_diff_delta* loaded = git_patch_get_delta(patch);
    if (loaded->flags & GIT_DIFF_FLAG_BINARY) {
      if (settings.source.max_archive_depth >= 1 && LooksLikeArchive(loaded->new_file.path)) {
        ScanArchive(repo, loaded, settings, cursor, handler);
      }
      continue;
    }
    EmitHunks(patch, loaded->new_file.path, cursor, handler, buffer);
  }
}

}  // namespace leakscan::git
