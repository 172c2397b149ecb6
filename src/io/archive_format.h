// The .zrn envelope (docs/archive.md): a fixed header, a section table and a header
// checksum, then the sections back to back. Every field is checked here before any
// section is handed to Boost.Serialization.
#ifndef ZEREN_SRC_IO_ARCHIVE_FORMAT_H_
#define ZEREN_SRC_IO_ARCHIVE_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace zeren::archive {

inline constexpr char kMagic[8] = {'\x89', 'Z', 'R', 'N', '\r', '\n', '\x1a', '\n'};
// The envelope's version: bumped when the header or a section's meaning changes so that an
// older zeren must refuse the file.
inline constexpr uint32_t kFormatVersion = 1;
// Written in the writer's byte order; read back as 0x04030201 on a machine of the other.
inline constexpr uint32_t kByteOrderMark = 0x01020304;
inline constexpr size_t kFixedHeaderSize = 24;  // magic, byte order, version, count, size
inline constexpr size_t kSectionEntrySize = 32;  // kind, version, offset, size, checksum
inline constexpr uint32_t kMaxSections = 16;

enum SectionKind : uint32_t { kModelSection = 1, kSnapshotSection = 2 };

struct Section {
  uint32_t kind = 0;
  uint32_t version = 0;  // the layout of the section's payload
  uint64_t offset = 0;   // from the start of the file
  uint64_t size = 0;
  uint64_t checksum = 0;  // XXH3_64bits of the payload
};

// "model", "snapshot" or "kind N".
std::string SectionName(uint32_t kind);

inline size_t HeaderSize(size_t sections) {
  return kFixedHeaderSize + kSectionEntrySize * sections + sizeof(uint64_t);
}

uint64_t Checksum(absl::string_view bytes);

// The header for `sections` (offsets, sizes and checksums filled in).
std::string EncodeHeader(const std::vector<Section>& sections);

// Checks the header of `bytes` (a whole archive) and every section's place and checksum.
// Messages do not name the file; the caller prefixes it.
absl::StatusOr<std::vector<Section>> ReadEnvelope(absl::string_view bytes);

// Recomputes every checksum of a crafted archive whose header is well formed, so that
// tests reach the checks behind them.
void RepairChecksums(std::string* bytes);

}  // namespace zeren::archive

#endif  // ZEREN_SRC_IO_ARCHIVE_FORMAT_H_
