#include "sources/binary_sniff.h"

#include <gtest/gtest.h>

#include <string>

namespace leakscan {
namespace {

std::string Bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out.push_back(static_cast<char>(v));
  return out;
}

// `prefix` followed by `size - prefix.size()` filler bytes.
std::string Padded(const std::string& prefix, size_t size, char filler = 'a') {
  std::string out = prefix;
  out.resize(std::max(size, prefix.size()), filler);
  return out;
}

TEST(SniffBinaryTypeTest, RecognisesApplicationSignatures) {
  const std::pair<std::string, std::string> cases[] = {
      {Bytes({0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00}), "wasm"},
      {Padded("PK\x03\x04rest", 64), "zip"},
      {Bytes({0x50, 0x4B, 0x05, 0x06}), "zip"},
      {Bytes({0x1F, 0x8B, 0x08, 0x00}), "gz"},
      {"BZh91AY", "bz2"},
      {Bytes({0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C}), "7z"},
      {Bytes({0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00}), "xz"},
      {Bytes({0x28, 0xB5, 0x2F, 0xFD}), "zst"},
      {"Rar!\x1A\x07" + Bytes({0x01}), "rar"},
      {"%PDF-1.7", "pdf"},
      {"MZ\x90", "exe"},
      {Padded("\x7F"
              "ELF",
              53),
       "elf"},
      {"SQLite format 3", "sqlite"},
      {"!<arch>\ndebian-binary", "ar"},
      {"{\\rtf1", "rtf"},
      {"%!PS-Adobe", "ps"},
      {"wOFF" + Bytes({0x00, 0x01, 0x00, 0x00}), "font"},
      {Bytes({0x00, 0x01, 0x00, 0x00, 0x00}), "font"},
      {Bytes({0xCA, 0xFE, 0xBA, 0xBE}), "macho"},
      {Bytes({0xD0, 0xCF, 0x11, 0xE0}), "ole-office"},
  };
  for (const auto& [bytes, expected] : cases) {
    EXPECT_EQ(SniffBinaryType(bytes), expected) << "expected " << expected;
  }
}

TEST(SniffBinaryTypeTest, TreatsTextAndImagesAsText) {
  EXPECT_EQ(SniffBinaryType("package main\n\nfunc main() {}\n"), "");
  EXPECT_EQ(SniffBinaryType("AKIAIOSFODNN7EXAMPLE"), "");
  EXPECT_EQ(SniffBinaryType(Bytes({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})), "");
  EXPECT_EQ(SniffBinaryType(Bytes({0xFF, 0xD8, 0xFF, 0xE0})), "");
  EXPECT_EQ(SniffBinaryType("GIF89a"), "");
  EXPECT_EQ(SniffBinaryType(std::string(1000, '\0')), "");
}

TEST(SniffBinaryTypeTest, SkipsTextWithMagicPrefixes) {
  // Quirks inherited from the sniffing table: these look like text but
  // start with a binary signature.
  EXPECT_EQ(SniffBinaryType("MZ is a postcode prefix\n"), "exe");
  EXPECT_EQ(SniffBinaryType("%!important note\n"), "ps");
  EXPECT_EQ(SniffBinaryType("FWS ticket 12\n"), "swf");
  EXPECT_EQ(SniffBinaryType("LZIP notes\n"), "lz");
  EXPECT_EQ(SniffBinaryType("Cr24 build\n"), "crx");
}

TEST(SniffBinaryTypeTest, ChecksLengthBeforeOffsets) {
  // ELF needs more than 52 bytes, tar more than 261, ISO 9660 more than 32773.
  EXPECT_EQ(SniffBinaryType("\x7F"
                            "ELF"),
            "");
  std::string tar = Padded("", 300);
  tar.replace(257, 5, "ustar");
  EXPECT_EQ(SniffBinaryType(tar), "tar");
  EXPECT_EQ(SniffBinaryType(tar.substr(0, 261)), "");
  std::string iso = Padded("", 32774);
  iso.replace(32769, 5, "CD001");
  EXPECT_EQ(SniffBinaryType(iso), "iso");
  EXPECT_EQ(SniffBinaryType(iso.substr(0, 32773)), "");
  std::string dicom = Padded("", 140);
  dicom.replace(128, 4, "DICM");
  EXPECT_EQ(SniffBinaryType(dicom), "dcm");
}

TEST(SniffBinaryTypeTest, OleNeedsKnownSubtypeWhenLong) {
  std::string ole = Padded(Bytes({0xD0, 0xCF, 0x11, 0xE0}), 600);
  EXPECT_EQ(SniffBinaryType(ole), "");
  ole[512] = static_cast<char>(0xEC);
  ole[513] = static_cast<char>(0xA5);
  EXPECT_EQ(SniffBinaryType(ole), "ole-office");
}

TEST(SniffBinaryTypeTest, ZstdAfterSkippableFrame) {
  std::string frame = Bytes({0x50, 0x2A, 0x4D, 0x18, 0x02, 0x00, 0x00, 0x00, 'x', 'y'});
  EXPECT_EQ(SniffBinaryType(frame + Bytes({0x28, 0xB5, 0x2F, 0xFD})), "zst");
  EXPECT_EQ(SniffBinaryType(frame + "text"), "");
}

TEST(SniffBinaryTypeTest, DexNeedsVersionByte) {
  std::string dex = Padded("dex\n035", 40, '\0');
  EXPECT_EQ(SniffBinaryType(dex), "");
  dex[36] = 0x70;
  EXPECT_EQ(SniffBinaryType(dex), "dex");
}

}  // namespace
}  // namespace leakscan
