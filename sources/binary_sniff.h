// Binary sniffing: recognises, from the first bytes of a chunk, the file
// types whose MIME type is "application/*" in the magic-number table that
// Gitleaks v8.30 uses (h2non/filetype v1.1.3): executables, archives,
// compressed streams, office documents, fonts and a few others. The file
// reader abandons a file when a chunk read before its first newline
// matches. Images, audio and video are not binary by this test.
// Covered by tests/sources/binary_sniff_test.cc.
#pragma once

#include <string_view>

namespace leakscan {

// Returns the short type name ("zip", "elf", "pdf", ...) of the first
// matching signature, or an empty view when the bytes look like text.
std::string_view SniffBinaryType(std::string_view bytes);

}  // namespace leakscan
