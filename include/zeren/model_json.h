// The JSON model document (spec/model-format.md): load, validate, save.
#ifndef ZEREN_MODEL_JSON_H_
#define ZEREN_MODEL_JSON_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "zeren/model.h"
#include "zeren/problem.h"
#include "absl/strings/string_view.h"

namespace zeren {

// Parses and validates a whole document. On failure the problems are in `*problems` when
// given, each with its JSON path and id: JSON syntax; else every structural problem (types,
// unknown keys, enum values); else, when the structure is sound, every semantic one.
absl::StatusOr<Model> ParseModelJson(absl::string_view text, ProblemList* problems = nullptr);

// Reads a file and parses it. The status message starts with the file's name.
absl::StatusOr<Model> LoadModelFile(const std::string& path, ProblemList* problems = nullptr);

// The document, indented, with numbers as plain shortest decimals. Parsing the result gives
// back an equal model.
std::string ModelToJson(const Model& model);

// Writes ModelToJson atomically: a temporary file in the same folder, flushed, synced and
// renamed over `path`, so that a crash never leaves a half-written document.
absl::Status SaveModelFile(const Model& model, const std::string& path);

}  // namespace zeren

#endif  // ZEREN_MODEL_JSON_H_
