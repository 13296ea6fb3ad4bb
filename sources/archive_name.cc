#include "sources/archive_name.h"

#include <array>
#include <string>

#include "sources/dir_path.h"

namespace leakscan {
namespace {

constexpr std::array<std::string_view, 9> kCompressedInfixes = {".br", ".bz2", ".gz", ".lz4", ".sz",
                                                                ".s2", ".xz",  ".zz", ".zst"};
constexpr std::array<std::string_view, 2> kCompressedExtensions = {".lz", ".mz"};
constexpr std::array<std::string_view, 4> kArchiveInfixes = {".tar", ".zip", ".rar", ".7z"};
constexpr std::array<std::string_view, 3> kRandomAccessInfixes = {".zip", ".rar", ".7z"};

std::string LowerBaseName(std::string_view path) {
  std::string name(BaseName(path));
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

template <size_t N>
bool ContainsAny(std::string_view name, const std::array<std::string_view, N>& infixes) {
  for (std::string_view infix : infixes) {
    if (name.find(infix) != std::string_view::npos) return true;
  }
  return false;
}

// The extension as Go's filepath.Ext returns it: from the last "." on.
std::string_view Extension(std::string_view name) {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : name.substr(dot);
}

}  // namespace

std::optional<ArchiveKind> LooksLikeArchive(std::string_view path) {
  std::string name = LowerBaseName(path);
  std::string_view extension = Extension(name);
  ArchiveKind kind{.compressed = ContainsAny(name, kCompressedInfixes),
                   .archive = ContainsAny(name, kArchiveInfixes)};
  for (std::string_view candidate : kCompressedExtensions) {
    if (extension == candidate) kind.compressed = true;
  }
  if (!kind.compressed && !kind.archive) return std::nullopt;
  return kind;
}

bool NeedsRandomAccess(std::string_view path) {
  return ContainsAny(LowerBaseName(path), kRandomAccessInfixes);
}

}  // namespace leakscan
