#include "tools/model_input.h"

#include <filesystem>
#include <ostream>
#include <utility>

#include "absl/strings/match.h"
#include "zeren/archive.h"
#include "zeren/model_csv.h"
#include "zeren/model_json.h"
#include "zeren/problem.h"

namespace zeren::cli {
namespace {

absl::StatusOr<LoadedModel> Read(const std::string& path, ModelForm form,
                                 ProblemList* problems) {
  switch (form) {
    case ModelForm::kCsv: {
      absl::StatusOr<CsvImport> imported = ImportCsvFolder(path, problems);
      if (!imported.ok()) return imported.status();
      return LoadedModel{std::move(imported->model), std::nullopt};
    }
    case ModelForm::kArchive: {
      absl::StatusOr<LoadedArchive> archive = LoadArchive(path, problems);
      if (!archive.ok()) return archive.status();
      return LoadedModel{std::move(archive->model), std::move(archive->snapshot)};
    }
    case ModelForm::kJson:
      break;
  }
  absl::StatusOr<Model> model = LoadModelFile(path, problems);
  if (!model.ok()) return model.status();
  return LoadedModel{*std::move(model), std::nullopt};
}

}  // namespace

void ReportProblems(absl::string_view source, const absl::Status& status,
                    const ProblemList& problems, std::ostream& err) {
  if (problems.empty()) {
    err << status.message() << "\n";
    return;
  }
  for (const Problem& p : problems.kept()) err << source << ": " << p.ToString() << "\n";
  if (problems.total() > problems.kept().size()) {
    err << source << ": … and " << problems.total() - problems.kept().size()
        << " more problems\n";
  }
}

std::optional<ModelForm> ParseModelForm(absl::string_view name) {
  if (name == "json") return ModelForm::kJson;
  if (name == "csv") return ModelForm::kCsv;
  if (name == "zrn") return ModelForm::kArchive;
  return std::nullopt;
}

ModelForm InputFormOf(const std::string& path) {
  // The name first: a folder called x.json is a JSON document that cannot be read.
  if (absl::EndsWith(path, ".json")) return ModelForm::kJson;
  if (absl::EndsWith(path, ".zrn")) return ModelForm::kArchive;
  std::error_code error;
  return std::filesystem::is_directory(path, error) ? ModelForm::kCsv : ModelForm::kJson;
}

ModelForm OutputFormOf(const std::string& path) {
  if (absl::EndsWith(path, ".zrn")) return ModelForm::kArchive;
  return absl::EndsWith(path, ".json") ? ModelForm::kJson : ModelForm::kCsv;
}

std::optional<LoadedModel> LoadModelInput(const std::string& path, std::ostream& err,
                                          std::optional<ModelForm> form) {
  ProblemList problems;
  absl::StatusOr<LoadedModel> loaded = Read(path, form.value_or(InputFormOf(path)), &problems);
  if (!loaded.ok()) {
    ReportProblems(path, loaded.status(), problems, err);
    return std::nullopt;
  }
  return *std::move(loaded);
}

std::optional<Snapshot> SnapshotOf(const std::string& path, const LoadedModel& loaded,
                                   std::ostream& err) {
  if (loaded.snapshot) return loaded.snapshot;
  absl::StatusOr<Snapshot> snapshot = Snapshot::Compile(loaded.model);
  if (!snapshot.ok()) {
    err << path << ": " << snapshot.status().message() << "\n";
    return std::nullopt;
  }
  return *std::move(snapshot);
}

absl::Status SaveModelOutput(const std::string& path, ModelForm form, const Model& model,
                             const Snapshot* snapshot) {
  switch (form) {
    case ModelForm::kCsv: return ExportCsvFolder(model, path);
    case ModelForm::kArchive: return SaveArchive(path, model, snapshot);
    case ModelForm::kJson: break;
  }
  return SaveModelFile(model, path);
}

}  // namespace zeren::cli
