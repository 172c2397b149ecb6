// The three forms a model takes on the command line: a JSON document, a folder of CSV
// files (docs/csv.md) and a .zrn archive (docs/archive.md). Every command that reads MODEL
// reads it through here, and `convert` and `generate` write through here.
#ifndef ZEREN_TOOLS_MODEL_INPUT_H_
#define ZEREN_TOOLS_MODEL_INPUT_H_

#include <iosfwd>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "zeren/model.h"
#include "zeren/problem.h"
#include "zeren/snapshot.h"

namespace zeren::cli {

enum class ModelForm { kJson, kCsv, kArchive };

// "json", "csv" or "zrn".
std::optional<ModelForm> ParseModelForm(absl::string_view name);

// The form of an existing input: a name ending in .json is JSON, in .zrn an archive; else
// a folder is CSV and anything else JSON.
ModelForm InputFormOf(const std::string& path);
// The form of an output: .zrn an archive, .json JSON, anything else a CSV folder.
ModelForm OutputFormOf(const std::string& path);

struct LoadedModel {
  Model model;
  std::optional<Snapshot> snapshot;  // an archive's, when it holds one
};

// Writes a failed load's problems to `err`, each as "SOURCE: WHERE: MESSAGE" (the
// status message alone when there are none).
void ReportProblems(absl::string_view source, const absl::Status& status,
                    const ProblemList& problems, std::ostream& err);

// Reads a model in `form` (by InputFormOf when absent). On failure writes every problem to
// `err` as "PATH: WHERE: MESSAGE" and returns nullopt.
std::optional<LoadedModel> LoadModelInput(const std::string& path, std::ostream& err,
                                          std::optional<ModelForm> form = std::nullopt);

// The model's snapshot: the archive's when it has one, else compiled. On failure reports
// it and returns nullopt.
std::optional<Snapshot> SnapshotOf(const std::string& path, const LoadedModel& loaded,
                                   std::ostream& err);

// Writes `model` (and `snapshot` into an archive, when given) atomically in `form`.
absl::Status SaveModelOutput(const std::string& path, ModelForm form, const Model& model,
                             const Snapshot* snapshot = nullptr);

}  // namespace zeren::cli

#endif  // ZEREN_TOOLS_MODEL_INPUT_H_
