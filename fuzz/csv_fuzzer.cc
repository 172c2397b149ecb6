// libFuzzer target: the CSV folder importer. The input is a folder as NUL-separated pairs
// "NAME\0CONTENTS\0NAME\0CONTENTS...". Any input must either fail with at least one problem
// or message, or give a model that compiles, answers queries, and comes back equal from an
// export and a second import.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_support.h"
#include "zeren/model_csv.h"
#include "zeren/model_json.h"
#include "zeren/problem.h"
#include "zeren/snapshot.h"

using zeren::fuzz::Broken;
using zeren::fuzz::Query;

namespace {

std::map<std::string, std::string> Folder(absl::string_view input) {
  const std::vector<absl::string_view> parts = absl::StrSplit(input, '\0');
  std::map<std::string, std::string> files;
  for (size_t i = 0; i + 1 < parts.size(); i += 2) {
    files[std::string(parts[i])] = std::string(parts[i + 1]);
  }
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  zeren::ProblemList problems;
  absl::StatusOr<zeren::CsvImport> imported = zeren::ImportCsvFiles(Folder(input), &problems);
  if (!imported.ok()) {
    if (imported.status().message().empty()) Broken("failure without a message", input);
    return 0;
  }
  absl::StatusOr<zeren::Snapshot> snapshot = zeren::Snapshot::Compile(imported->model);
  if (!snapshot.ok()) Broken("a valid model does not compile", snapshot.status().message());
  Query(*snapshot);
  const std::string once = zeren::ModelToJson(imported->model);
  absl::StatusOr<std::map<std::string, std::string>> files =
      zeren::ExportCsvFiles(imported->model);
  if (!files.ok()) return 0;  // e.g. an id with the list separator: refused, not written
  absl::StatusOr<zeren::CsvImport> again = zeren::ImportCsvFiles(*files);
  if (!again.ok()) Broken("exported CSV does not import", again.status().message());
  if (zeren::ModelToJson(again->model) != once) Broken("export/import changes the model", once);
  return 0;
}
