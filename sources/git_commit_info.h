// Commit metadata for findings of a history scan. Gitleaks reads it from
// `git log`'s default ("medium") output, so these functions reproduce what
// survives that round trip: the mailmap-resolved author, the author date
// in UTC, and the message as git prints it (blank lines at the start
// dropped, trailing blanks cut, tabs expanded to 8 columns, 4-space
// indent, followed by the commit's note) and as Gitleaks then parses it (title paragraph joined
// into one line, indentation removed from the body, blank runs collapsed). Used by the git source
// workers. Covered by tests/sources/git_commit_info_test.cc and the differential test.
#pragma once

#include <git2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "scanner/fragment.h"

namespace leakscan::git {

// A note git log shows after the message ("Notes:" block), which
// Gitleaks reads as part of the message body.
struct CommitNote {
  std::string ref;   // The notes ref, e.g. "refs/notes/commits".
  std::string text;  // The note blob's content.
};

// Returns the message Gitleaks reports for a raw commit message and the
// commit's displayed note (null when there is none).
std::string NormalizeCommitMessage(std::string_view raw_message, const CommitNote* note = nullptr);

// Formats Unix seconds as "2006-01-02T15:04:05Z" (UTC).
std::string FormatUtcDate(int64_t unix_seconds);

// Returns the metadata of one commit. `mailmap` and `note` may be null.
std::shared_ptr<const CommitInfo> MakeCommitInfo(const git_commit* commit,
                                                 const git_mailmap* mailmap,
                                                 const CommitNote* note = nullptr);

// Returns the shared metadata of --staged and --pre-commit fragments:
// empty fields and the zero date "0001-01-01T00:00:00Z".
std::shared_ptr<const CommitInfo> UncommittedInfo();

}  // namespace leakscan::git
