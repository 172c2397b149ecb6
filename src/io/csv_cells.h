// The values in the cells of a model's CSV files (docs/csv.md): numbers as the JSON
// document prints them, list cells, and cells that hold a JSON value.
#ifndef ZEREN_SRC_IO_CSV_CELLS_H_
#define ZEREN_SRC_IO_CSV_CELLS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace zeren::csv_cells {

// Separates the ids of a list cell (`in_charge_of`, `direct`, `participants`).
inline constexpr char kListSeparator = '|';

// The shortest plain decimal that reads back as `number`, as in the JSON document.
std::string Number(double number);

// A number in JSON's grammar (no "+", no spaces, no "inf"), read exactly. The error says
// what was expected and found.
absl::StatusOr<double> ParseNumber(absl::string_view cell);
// An integer within ±2^53 in JSON's grammar; "18.0" counts, as in the JSON document.
absl::StatusOr<int64_t> ParseInteger(absl::string_view cell);

// The ids of a list cell; an empty cell is the empty list. Fails on an empty id.
absl::StatusOr<std::vector<std::string>> ParseList(absl::string_view cell);

// A cell holding a JSON value (extension keys, scheme, policy). The cell is read as JSON
// when it is JSON text, and as a string otherwise, so that plain text needs no JSON quotes.
// Returns the value as compact JSON text.
std::string JsonOfCell(absl::string_view cell);
// The inverse for compact JSON text: a string that would not read as JSON is written
// bare; anything else, the empty string included, as its JSON text.
std::string CellOfJson(absl::string_view compact_json);

}  // namespace zeren::csv_cells

#endif  // ZEREN_SRC_IO_CSV_CELLS_H_
