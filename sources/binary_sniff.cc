#include "sources/binary_sniff.h"

#include <array>
#include <cstdint>

namespace leakscan {
namespace {

using Bytes = std::string_view;

uint8_t At(Bytes b, size_t i) { return static_cast<uint8_t>(b[i]); }

// True when `b` contains `prefix` at `offset`.
bool HasAt(Bytes b, size_t offset, Bytes prefix) {
  return b.size() >= offset + prefix.size() && b.substr(offset, prefix.size()) == prefix;
}

uint32_t LittleEndian32(Bytes b, size_t offset) {
  return static_cast<uint32_t>(At(b, offset)) | static_cast<uint32_t>(At(b, offset + 1)) << 8 |
         static_cast<uint32_t>(At(b, offset + 2)) << 16 |
         static_cast<uint32_t>(At(b, offset + 3)) << 24;
}

bool IsWasm(Bytes b) { return HasAt(b, 0, Bytes("\x00\x61\x73\x6D\x01\x00\x00\x00", 8)); }

bool IsDex(Bytes b) { return b.size() > 36 && HasAt(b, 0, "dex\n") && At(b, 36) == 0x70; }

// A "dey" (optimised dex) file embeds a dex header at offset 40.
bool IsDey(Bytes b) { return b.size() > 100 && HasAt(b, 0, "dey\n") && IsDex(b.substr(40, 60)); }

bool IsFont(Bytes b) {
  return HasAt(b, 0, Bytes("wOFF\x00\x01\x00\x00", 8)) ||
         HasAt(b, 0, Bytes("wOF2\x00\x01\x00\x00", 8)) ||
         HasAt(b, 0, Bytes("\x00\x01\x00\x00\x00", 5)) || HasAt(b, 0, Bytes("OTTO\x00", 5));
}

// Old Office formats (OLE2 compound files). With more than 513 bytes the
// sub-type at offset 512 must be Word, Excel or PowerPoint.
bool IsOleOffice(Bytes b) {
  if (!HasAt(b, 0, "\xD0\xCF\x11\xE0")) return false;
  if (b.size() <= 513) return true;
  Bytes subtype = b.substr(512, 2);
  return subtype == "\xEC\xA5" || subtype == Bytes("\x09\x08", 2) || subtype == "\xFD\xFF" ||
         subtype == "\xA0\x46";
}

// Also covers docx/xlsx/pptx, odt and epub, which are zip files.
bool IsZip(Bytes b) {
  if (b.size() < 4 || !HasAt(b, 0, "PK")) return false;
  uint8_t third = At(b, 2);
  uint8_t fourth = At(b, 3);
  return (third == 3 || third == 5 || third == 7) && (fourth == 4 || fourth == 6 || fourth == 8);
}

bool IsTar(Bytes b) { return b.size() > 261 && HasAt(b, 257, "ustar"); }

bool IsRar(Bytes b) {
  return b.size() > 6 && HasAt(b, 0, "Rar!\x1A\x07") && (At(b, 6) == 0 || At(b, 6) == 1);
}

// Zstandard frame, possibly after skippable frames (magic 0x184D2A5?).
bool IsZstd(Bytes b) {
  while (true) {
    if (HasAt(b, 0, "\x28\xB5\x2F\xFD")) return true;
    if (b.size() < 8 || (LittleEndian32(b, 0) & 0xFFFFFFF0u) != 0x184D2A50u) return false;
    uint64_t skip = 8 + static_cast<uint64_t>(LittleEndian32(b, 4));
    if (skip > b.size()) return false;
    b.remove_prefix(static_cast<size_t>(skip));
  }
}

bool IsEot(Bytes b) {
  if (b.size() <= 35 || !HasAt(b, 34, "LP")) return false;
  Bytes version = b.substr(8, 3);
  return version == Bytes("\x02\x00\x01", 3) || version == Bytes("\x01\x00\x00", 3) ||
         version == Bytes("\x02\x00\x02", 3);
}

bool IsMachO(Bytes b) {
  constexpr std::array<std::string_view, 6> kMagics = {"\xFE\xED\xFA\xCF", "\xFE\xED\xFA\xCE",
                                                       "\xBE\xBA\xFE\xCA", "\xCF\xFA\xED\xFE",
                                                       "\xCE\xFA\xED\xFE", "\xCA\xFE\xBA\xBE"};
  for (std::string_view magic : kMagics) {
    if (HasAt(b, 0, magic)) return true;
  }
  return false;
}

struct Signature {
  std::string_view name;
  bool (*matches)(Bytes);
};

// In the order the sniffing library tries them; the first match wins.
constexpr std::array<Signature, 31> kSignatures = {{
    {"wasm", IsWasm},
    {"dex", IsDex},
    {"dey", IsDey},
    {"font", IsFont},
    {"ole-office", IsOleOffice},
    {"zip", IsZip},
    {"tar", IsTar},
    {"rar", IsRar},
    {"gz", [](Bytes b) { return HasAt(b, 0, "\x1F\x8B\x08"); }},
    {"bz2", [](Bytes b) { return HasAt(b, 0, "BZh"); }},
    {"7z", [](Bytes b) { return HasAt(b, 0, "7z\xBC\xAF\x27\x1C"); }},
    {"xz",
     [](Bytes b) {
       return HasAt(b, 0,
                    Bytes("\xFD"
                          "7zXZ\x00",
                          6));
     }},
    {"zst", IsZstd},
    {"pdf", [](Bytes b) { return HasAt(b, 0, "%PDF"); }},
    {"exe", [](Bytes b) { return HasAt(b, 0, "MZ"); }},
    {"swf", [](Bytes b) { return HasAt(b, 0, "CWS") || HasAt(b, 0, "FWS"); }},
    {"rtf", [](Bytes b) { return HasAt(b, 0, "{\\rtf"); }},
    {"eot", IsEot},
    {"ps", [](Bytes b) { return HasAt(b, 0, "%!"); }},
    {"sqlite", [](Bytes b) { return HasAt(b, 0, "SQLi"); }},
    {"nes", [](Bytes b) { return HasAt(b, 0, "NES\x1A"); }},
    {"crx", [](Bytes b) { return HasAt(b, 0, "Cr24"); }},
    {"cab", [](Bytes b) { return HasAt(b, 0, "MSCF") || HasAt(b, 0, "ISc("); }},
    {"ar", [](Bytes b) { return HasAt(b, 0, "!<arch>"); }},  // Also covers deb.
    {"Z", [](Bytes b) { return HasAt(b, 0, "\x1F\xA0") || HasAt(b, 0, "\x1F\x9D"); }},
    {"lz", [](Bytes b) { return HasAt(b, 0, "LZIP"); }},
    {"rpm", [](Bytes b) { return b.size() > 96 && HasAt(b, 0, "\xED\xAB\xEE\xDB"); }},
    {"elf",
     [](Bytes b) {
       return b.size() > 52 && HasAt(b, 0,
                                     "\x7F"
                                     "ELF");
     }},
    {"dcm", [](Bytes b) { return HasAt(b, 128, "DICM"); }},
    {"iso", [](Bytes b) { return HasAt(b, 32769, "CD001"); }},
    {"macho", IsMachO},
}};

}  // namespace

std::string_view SniffBinaryType(std::string_view bytes) {
  for (const Signature& signature : kSignatures) {
    if (signature.matches(bytes)) return signature.name;
  }
  return {};
}

}  // namespace leakscan
