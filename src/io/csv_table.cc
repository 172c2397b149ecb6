#include "src/io/csv_table.h"

#include <climits>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "src/io/csv_cells.h"

namespace zeren {
namespace {

const std::string& EmptyString() {
  static const std::string* empty = new std::string();
  return *empty;
}

}  // namespace

CsvTable::CsvTable(CsvReader* reader, const csv_layout::File& file, ProblemList* problems)
    : reader_(reader), file_(file), problems_(problems), slot_(file.columns.size(), -1) {}

void CsvTable::HeaderProblem(std::string message) {
  problems_->Add(absl::StrCat(reader_->name(), ":", reader_->line() == 0 ? 1 : reader_->line()),
                 "", std::move(message));
}

bool CsvTable::Start() {
  absl::StatusOr<bool> read = reader_->Next(&fields_);
  if (!read.ok()) {
    problems_->Add(absl::StrCat(reader_->name(), ":", reader_->error_line()), "",
                   reader_->error_message());
    return false;
  }
  if (!*read) {
    HeaderProblem("the file is empty: a header row is required");
    return false;
  }
  const size_t before = problems_->total();
  absl::flat_hash_map<absl::string_view, size_t> seen;
  for (size_t f = 0; f < fields_.size(); ++f) {
    const std::string& name = fields_[f];
    if (!seen.emplace(name, f).second) {
      HeaderProblem(absl::StrCat("duplicate column \"", name, "\""));
      continue;
    }
    bool known = false;
    for (size_t c = 0; c < file_.columns.size(); ++c) {
      if (file_.columns[c].name == name) {
        slot_[c] = static_cast<int>(f);
        known = true;
      }
    }
    if (known) continue;
    if (file_.extensible && absl::StartsWith(name, "x_")) {
      extras_.push_back({f, name, name});
    } else if (!file_.nested.empty() && absl::StartsWith(name, file_.nested) &&
               absl::StartsWith(absl::string_view(name).substr(file_.nested.size()), "x_")) {
      nested_extras_.push_back({f, name.substr(file_.nested.size()), name});
    } else {
      HeaderProblem(absl::StrCat("unknown column \"", name, "\""));
    }
  }
  for (size_t c = 0; c < file_.columns.size(); ++c) {
    if (file_.columns[c].required && slot_[c] < 0) {
      HeaderProblem(absl::StrCat("missing column \"", file_.columns[c].name, "\""));
    }
  }
  return problems_->total() == before;
}

bool CsvTable::Next() {
  id_.clear();
  absl::StatusOr<bool> read = reader_->Next(&fields_);
  if (read.ok()) return *read;
  problems_->Add(absl::StrCat(reader_->name(), ":", reader_->error_line()), "",
                 reader_->error_message());
  return false;
}

const std::string& CsvTable::Cell(int c) const {
  const int f = slot_[c];
  return f < 0 ? EmptyString() : fields_[f];
}

void CsvTable::Problem(int c, absl::string_view message) {
  problems_->Add(Where(), id_, absl::StrCat(Name(c), ": ", message));
}

void CsvTable::RecordProblem(absl::string_view message) {
  problems_->Add(Where(), id_, std::string(message));
}

std::optional<Date> CsvTable::DateCell(int c, bool required) {
  const std::string& text = Cell(c);
  if (text.empty()) {
    if (required) Problem(c, "a date is required");
    return std::nullopt;
  }
  std::optional<Date> date = ParseDate(text);
  if (!date) Problem(c, absl::StrCat("malformed date \"", text, "\" (expected YYYY-MM-DD)"));
  return date;
}

std::optional<double> CsvTable::NumberCell(int c, bool required) {
  const std::string& text = Cell(c);
  if (text.empty()) {
    if (required) Problem(c, "a number is required");
    return std::nullopt;
  }
  absl::StatusOr<double> number = csv_cells::ParseNumber(text);
  if (!number.ok()) {
    Problem(c, number.status().message());
    return std::nullopt;
  }
  return *number;
}

std::optional<int64_t> CsvTable::IntegerCell(int c) {
  const std::string& text = Cell(c);
  if (text.empty()) return std::nullopt;
  absl::StatusOr<int64_t> number = csv_cells::ParseInteger(text);
  if (!number.ok()) {
    Problem(c, number.status().message());
    return std::nullopt;
  }
  return *number;
}

std::optional<int32_t> CsvTable::Int32Cell(int c) {
  std::optional<int64_t> n = IntegerCell(c);
  if (!n) return std::nullopt;
  if (*n < INT32_MIN || *n > INT32_MAX) {
    Problem(c, absl::StrCat("integer ", *n, " is out of range"));
    return std::nullopt;
  }
  return static_cast<int32_t>(*n);
}

std::vector<std::string> CsvTable::ListCell(int c) {
  absl::StatusOr<std::vector<std::string>> list = csv_cells::ParseList(Cell(c));
  if (list.ok()) return *std::move(list);
  Problem(c, list.status().message());
  return {};
}

Extras CsvTable::ExtrasOf(const std::vector<ExtraColumn>& columns) const {
  Extras extras;
  for (const ExtraColumn& column : columns) {
    const std::string& cell = fields_[column.field];
    if (!cell.empty()) extras.emplace_back(column.key, csv_cells::JsonOfCell(cell));
  }
  return extras;
}

absl::string_view CsvTable::FirstExtra() const {
  for (const ExtraColumn& column : extras_) {
    if (!fields_[column.field].empty()) return column.column;
  }
  return "";
}

}  // namespace zeren
