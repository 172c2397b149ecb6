// Helpers for tests that craft archive bytes: read and write a value at an offset, and the
// error (or "ok") an archive loads with.
#ifndef ZEREN_TESTS_ARCHIVE_BYTES_H_
#define ZEREN_TESTS_ARCHIVE_BYTES_H_

#include <cstddef>
#include <cstring>
#include <string>

#include "absl/strings/string_view.h"
#include "zeren/archive.h"

namespace zeren::archive_bytes {

inline std::string ErrorOf(absl::string_view bytes) {
  absl::StatusOr<LoadedArchive> loaded = ArchiveFromBytes(bytes);
  return loaded.ok() ? "ok" : std::string(loaded.status().message());
}

template <typename T>
void Poke(std::string* bytes, size_t offset, T value) {
  std::memcpy(bytes->data() + offset, &value, sizeof(T));
}

template <typename T>
T Peek(const std::string& bytes, size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

}  // namespace zeren::archive_bytes

#endif  // ZEREN_TESTS_ARCHIVE_BYTES_H_
