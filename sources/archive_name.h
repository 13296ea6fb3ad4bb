// LooksLikeArchive: decides from a file name alone whether the dir, git
// and archive readers treat a file as compressed, as an archive, or both.
// Gitleaks never looks at the content for this decision, so neither do
// we: "notes.tar.txt" counts as a tar archive and "x.tgz" as plain text.
// Covered by tests/sources/archive_name_test.cc.
#pragma once

#include <optional>
#include <string_view>

namespace leakscan {

struct ArchiveKind {
  bool compressed;  // A compression filter (gzip, bzip2, xz, zstd, ...).
  bool archive;     // A container of members (tar, zip, rar, 7z).
};

// Tests the lower-cased base name of `path`. Compression: contains ".br",
// ".bz2", ".gz", ".lz4", ".sz", ".s2", ".xz", ".zz" or ".zst", or its
// extension (from the last ".") is ".lz" or ".mz". Archive: contains
// ".tar", ".zip", ".rar" or ".7z". Returns nullopt when neither applies.
std::optional<ArchiveKind> LooksLikeArchive(std::string_view path);

// Returns true for names of archive formats that libarchive reads with
// random access (zip, 7z, rar): a nested member of that kind is copied to
// a temporary file before it is opened.
bool NeedsRandomAccess(std::string_view path);

}  // namespace leakscan
