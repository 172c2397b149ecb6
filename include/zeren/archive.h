// The binary archive (.zrn): a model, and optionally its compiled snapshot, in one
// versioned, checksummed file, so that a large organization opens without parsing JSON or
// recompiling. docs/archive.md describes the format and its compatibility promise.
#ifndef ZEREN_ARCHIVE_H_
#define ZEREN_ARCHIVE_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zeren/model.h"
#include "zeren/problem.h"
#include "zeren/snapshot.h"

namespace zeren {

// What an archive holds: always a model; a snapshot when one was saved with it.
struct LoadedArchive {
  Model model;
  std::optional<Snapshot> snapshot;
};

// Writes `model` (and `snapshot`, which must be compiled from that model, when not null)
// to `path` atomically: a temporary file in the same folder, written as it is encoded,
// flushed, synced and renamed over `path`. A crash or kill mid-save leaves the previous
// file intact.
absl::Status SaveArchive(const std::string& path, const Model& model,
                         const Snapshot* snapshot = nullptr);

// Reads an archive. Every header field, size and checksum is checked before any section
// is decoded; the model is validated again (as Model::Create does, problems in
// `*problems` when given) and the snapshot's indices are checked for range. On any failure
// nothing is returned and the status message starts with the file's name.
absl::StatusOr<LoadedArchive> LoadArchive(const std::string& path,
                                          ProblemList* problems = nullptr);

// The same archive in memory, for tests, fuzzers and callers that keep bytes elsewhere.
absl::StatusOr<std::string> ArchiveToBytes(const Model& model, const Snapshot* snapshot = nullptr);
absl::StatusOr<LoadedArchive> ArchiveFromBytes(absl::string_view bytes,
                                               ProblemList* problems = nullptr);

}  // namespace zeren

#endif  // ZEREN_ARCHIVE_H_
