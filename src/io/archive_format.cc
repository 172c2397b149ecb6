#include "src/io/archive_format.h"

#include <cstring>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "xxhash.h"

namespace zeren::archive {
namespace {

// Header fields are in the writer's byte order, as the Boost sections are; the byte order
// mark tells a reader of the other order before any other field is believed.
template <typename T>
T Get(absl::string_view bytes, size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

template <typename T>
void Put(std::string* bytes, T value) {
  bytes->append(reinterpret_cast<const char*>(&value), sizeof(T));
}

absl::Status Truncated(size_t have, absl::string_view need) {
  return absl::DataLossError(absl::StrCat("truncated archive: ", have, " bytes, ", need));
}

absl::Status Corrupt(absl::string_view what) {
  return absl::DataLossError(absl::StrCat("corrupt archive: ", what));
}

// Magic, byte order, version, section count and header size, in that order: each is
// believed only once the ones before it are sound.
absl::StatusOr<uint32_t> ReadFixedHeader(absl::string_view bytes) {
  const absl::string_view magic(kMagic, sizeof(kMagic));
  const size_t prefix = std::min(bytes.size(), magic.size());
  if (bytes.substr(0, prefix) != magic.substr(0, prefix)) {
    return absl::DataLossError("not a zeren archive (no .zrn magic at the start)");
  }
  if (bytes.size() < kFixedHeaderSize) {
    return Truncated(bytes.size(), absl::StrCat("the header needs at least ", kFixedHeaderSize));
  }
  const uint32_t mark = Get<uint32_t>(bytes, 8);
  if (mark == 0x04030201u) {
    return absl::DataLossError(
        "archive written on a machine of the other byte order; this zeren reads only its own");
  }
  if (mark != kByteOrderMark) return Corrupt(absl::StrFormat("bad byte order mark 0x%08x", mark));
  const uint32_t version = Get<uint32_t>(bytes, 12);
  if (version > kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "archive format version ", version, " is newer than this zeren reads (", kFormatVersion, ")"));
  }
  if (version == 0) return Corrupt("format version 0");
  const uint32_t count = Get<uint32_t>(bytes, 16);
  if (count == 0 || count > kMaxSections) {
    return Corrupt(absl::StrCat(count, " sections (1 to ", kMaxSections, " allowed)"));
  }
  const uint32_t header_size = Get<uint32_t>(bytes, 20);
  if (header_size != HeaderSize(count)) {
    return Corrupt(absl::StrCat("header size ", header_size, " does not match ", count,
                                " sections (", HeaderSize(count), ")"));
  }
  if (bytes.size() < header_size) {
    return Truncated(bytes.size(), absl::StrCat("the header needs ", header_size));
  }
  const size_t covered = header_size - sizeof(uint64_t);
  if (Get<uint64_t>(bytes, covered) != Checksum(bytes.substr(0, covered))) {
    return Corrupt("header checksum mismatch");
  }
  return count;
}

Section SectionAt(absl::string_view bytes, uint32_t i) {
  const size_t at = kFixedHeaderSize + kSectionEntrySize * i;
  return {Get<uint32_t>(bytes, at), Get<uint32_t>(bytes, at + 4), Get<uint64_t>(bytes, at + 8),
          Get<uint64_t>(bytes, at + 16), Get<uint64_t>(bytes, at + 24)};
}

}  // namespace

std::string SectionName(uint32_t kind) {
  switch (kind) {
    case kModelSection: return "model";
    case kSnapshotSection: return "snapshot";
    default: return absl::StrCat("kind ", kind);
  }
}

uint64_t Checksum(absl::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string EncodeHeader(const std::vector<Section>& sections) {
  std::string header(kMagic, sizeof(kMagic));
  Put(&header, kByteOrderMark);
  Put(&header, kFormatVersion);
  Put(&header, static_cast<uint32_t>(sections.size()));
  Put(&header, static_cast<uint32_t>(HeaderSize(sections.size())));
  for (const Section& s : sections) {
    Put(&header, s.kind);
    Put(&header, s.version);
    Put(&header, s.offset);
    Put(&header, s.size);
    Put(&header, s.checksum);
  }
  Put(&header, Checksum(header));
  return header;
}

absl::StatusOr<std::vector<Section>> ReadEnvelope(absl::string_view bytes) {
  absl::StatusOr<uint32_t> count = ReadFixedHeader(bytes);
  if (!count.ok()) return count.status();
  std::vector<Section> sections;
  uint64_t end = HeaderSize(*count);  // sections follow the header back to back
  for (uint32_t i = 0; i < *count; ++i) {
    const Section s = SectionAt(bytes, i);
    const std::string name = absl::StrCat("section ", i + 1, " (", SectionName(s.kind), ")");
    if (s.offset != end) {
      return Corrupt(absl::StrCat(name, " starts at byte ", s.offset, ", not ", end));
    }
    if (s.size > bytes.size() - end) {
      return Truncated(bytes.size(),
                       absl::StrCat(name, " needs ", s.size, " bytes from byte ", s.offset));
    }
    end += s.size;
    sections.push_back(s);
  }
  if (end != bytes.size()) {
    return Corrupt(absl::StrCat(bytes.size() - end, " bytes after the last section"));
  }
  for (size_t i = 0; i < sections.size(); ++i) {
    const Section& s = sections[i];
    if (Checksum(bytes.substr(s.offset, s.size)) != s.checksum) {
      return Corrupt(absl::StrCat("section ", i + 1, " (", SectionName(s.kind), ") checksum mismatch"));
    }
  }
  return sections;
}

void RepairChecksums(std::string* bytes) {
  const uint32_t count = Get<uint32_t>(*bytes, 16);
  for (uint32_t i = 0; i < count; ++i) {
    const Section s = SectionAt(*bytes, i);
    if (s.offset > bytes->size()) continue;
    const uint64_t sum = Checksum(absl::string_view(*bytes).substr(s.offset, s.size));
    std::memcpy(bytes->data() + kFixedHeaderSize + kSectionEntrySize * i + 24, &sum, sizeof(sum));
  }
  const size_t covered = HeaderSize(count) - sizeof(uint64_t);
  const uint64_t sum = Checksum(absl::string_view(*bytes).substr(0, covered));
  std::memcpy(bytes->data() + covered, &sum, sizeof(sum));
}

}  // namespace zeren::archive
