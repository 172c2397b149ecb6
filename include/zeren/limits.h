// The limits zeren puts on what it reads, so that a broken or hostile input fails early
// with an error naming its JSON path, instead of exhausting memory or time, or overflowing
// the snapshot's 32-bit indices. docs/model-format.md ("Limits") is their contract.
#ifndef ZEREN_LIMITS_H_
#define ZEREN_LIMITS_H_

#include <cstddef>

namespace zeren {

// The largest JSON document (model, policy or scheme) read, unless the environment
// variable ZEREN_MAX_DOCUMENT_BYTES sets another (a positive decimal number of bytes).
inline constexpr std::size_t kDefaultMaxDocumentBytes = std::size_t{256} << 20;  // 256 MiB

// ZEREN_MAX_DOCUMENT_BYTES when it is a positive decimal integer, else the default. Read
// on every call, so that a host can change it while running.
std::size_t MaxDocumentBytes();

// Arrays and objects nest at most this deep in any JSON document.
inline constexpr std::size_t kMaxJsonDepth = 64;

// No JSON string or key is longer (in bytes, once unescaped).
inline constexpr std::size_t kMaxStringBytes = std::size_t{1} << 20;  // 1 MiB

// Ids (units, people, duties, directives, tasks, incidents) are at most this long.
inline constexpr std::size_t kMaxIdBytes = 1024;

// Free texts (names, kinds, titles, duty texts, notes, reasons, dimensions, case ids) are
// at most this long.
inline constexpr std::size_t kMaxTextBytes = 64 * 1024;

// Records of one kind (units, people, posts, links, duties, directives, tasks, incidents):
// indices are 32-bit and the largest one means "none".
inline constexpr std::size_t kMaxRecords = 0xFFFFFFFEu;

}  // namespace zeren

#endif  // ZEREN_LIMITS_H_
