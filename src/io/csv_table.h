// One CSV file of a model's folder being imported: checks its header against the file's
// columns (docs/csv.md) and reads typed cells of each record, reporting problems as
// "file:line" with the column's name.
#ifndef ZEREN_SRC_IO_CSV_TABLE_H_
#define ZEREN_SRC_IO_CSV_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "src/io/csv_layout.h"
#include "src/io/csv_reader.h"
#include "zeren/date.h"
#include "zeren/problem.h"
#include "zeren/records.h"

namespace zeren {

class CsvTable {
 public:
  // `file` names the file's columns and nested prefix; `reader` must outlive the table.
  CsvTable(CsvReader* reader, const csv_layout::File& file, ProblemList* problems);

  // Reads and checks the header. False (with problems) when it is missing or wrong.
  bool Start();
  // Reads the next record. False at the end, or after a syntax error (reported).
  bool Next();

  int64_t line() const { return reader_->line(); }
  // "file:line" of the current record.
  std::string Where() const { return absl::StrCat(reader_->name(), ":", line()); }
  // The id reported with the current record's problems.
  void set_id(absl::string_view id) { id_ = std::string(id); }

  // The cell of column `c` (a position in the file's column list); "" when the header
  // lacks the column.
  const std::string& Cell(int c) const;
  bool Empty(int c) const { return Cell(c).empty(); }

  // Typed cells. An empty cell is absent: nullopt, or a problem when `required`.
  std::optional<Date> DateCell(int c, bool required);
  std::optional<double> NumberCell(int c, bool required);
  std::optional<int64_t> IntegerCell(int c);
  std::optional<int32_t> Int32Cell(int c);
  std::vector<std::string> ListCell(int c);
  template <typename Enum>
  std::optional<Enum> VocabularyCell(int c, bool required,
                                     std::optional<Enum> (*parse)(absl::string_view)) {
    const std::string& text = Cell(c);
    if (text.empty()) {
      if (required) Problem(c, "a value is required");
      return std::nullopt;
    }
    std::optional<Enum> value = parse(text);
    if (!value) {
      Problem(c, absl::StrCat("unknown ", Name(c), " \"", text, "\" (expected one of ",
                              Spellings(Enum{}), ")"));
    }
    return value;
  }

  // The record's extension keys (columns "x_…"), or its nested object's ("holder.x_…"),
  // with non-empty cells, in column order, as compact JSON text.
  Extras TakeExtras() const { return ExtrasOf(extras_); }
  Extras TakeNestedExtras() const { return ExtrasOf(nested_extras_); }
  // The first extension column ("x_…") with a value in this record, or "" when none has one.
  absl::string_view FirstExtra() const;

  // Reports a problem of the current record: "file:line", "column: message".
  void Problem(int c, absl::string_view message);
  // Reports a problem of the current record as a whole.
  void RecordProblem(absl::string_view message);
  absl::string_view Name(int c) const { return file_.columns[c].name; }

 private:
  struct ExtraColumn {
    size_t field;
    std::string key;
    std::string column;
  };

  Extras ExtrasOf(const std::vector<ExtraColumn>& columns) const;
  void HeaderProblem(std::string message);

  CsvReader* reader_;
  const csv_layout::File& file_;
  ProblemList* problems_;
  std::vector<std::string> fields_;
  std::vector<int> slot_;  // by column: its field, or -1 when the header lacks it
  std::vector<ExtraColumn> extras_;
  std::vector<ExtraColumn> nested_extras_;
  std::string id_;
};

}  // namespace zeren

#endif  // ZEREN_SRC_IO_CSV_TABLE_H_
