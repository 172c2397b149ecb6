// A model as a folder of CSV files, one per collection, in the shape a database export
// has (docs/csv.md): import with the same validation as the JSON document, export with
// the same numbers and dates.
#ifndef ZEREN_MODEL_CSV_H_
#define ZEREN_MODEL_CSV_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zeren/model.h"
#include "zeren/problem.h"

namespace zeren {

// The collections of a CSV folder, in the order they are read and written; collection
// "units" is the file "units.csv". "model" holds the document's single values (name,
// settings, assessment period and scheme, policy, extension keys).
const std::vector<std::string>& CsvCollections();

struct CsvImport {
  Model model;
  // The collections whose file was in the folder, in CsvCollections() order. A missing file
  // is an empty collection; a command that needs one can tell "empty" from "not given".
  std::vector<std::string> present;

  bool Has(absl::string_view collection) const;
};

// Reads every `<collection>.csv` in `folder` (other files are ignored, except an unknown
// `*.csv`, which is an error) and validates the model. Problems are "file:line: message":
// Problem::path is "posts.csv:9" (the line of the record), Problem::message the rest; the
// status message is the first problem and the count. Validation problems found by
// Model::Create name the line of the record they are about. NotFound or Unavailable when
// the folder cannot be read.
absl::StatusOr<CsvImport> ImportCsvFolder(const std::string& folder,
                                          ProblemList* problems = nullptr);

// The same from memory: file name ("units.csv") to contents.
absl::StatusOr<CsvImport> ImportCsvFiles(const std::map<std::string, std::string>& files,
                                         ProblemList* problems = nullptr);

struct CsvExportOptions {
  // Start each file with a UTF-8 byte order mark, which some spreadsheets need to read
  // non-ASCII text as UTF-8.
  bool byte_order_mark = false;
};

// Every collection's file (header only when empty), file name to contents. Fails with
// InvalidArgument when an id in a list column (`in_charge_of`, `direct`, `participants`)
// contains the list separator "|" and so cannot be written.
absl::StatusOr<std::map<std::string, std::string>> ExportCsvFiles(
    const Model& model, const CsvExportOptions& options = {});

// Writes ExportCsvFiles into `folder` (created when missing, its parent must exist), each
// file atomically: a crash leaves every file either old or new, but the folder may mix
// old and new files.
absl::Status ExportCsvFolder(const Model& model, const std::string& folder,
                             const CsvExportOptions& options = {});

}  // namespace zeren

#endif  // ZEREN_MODEL_CSV_H_
