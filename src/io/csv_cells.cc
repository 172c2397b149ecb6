#include "src/io/csv_cells.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include <boost/json/value.hpp>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "src/io/json_text.h"

namespace zeren::csv_cells {
namespace {

namespace json = boost::json;

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; sets `*integral` when there is neither a
// fraction nor an exponent.
bool IsJsonNumber(absl::string_view s, bool* integral) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  *integral = true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    *integral = false;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    *integral = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

absl::Status Expected(absl::string_view what, absl::string_view cell) {
  return absl::InvalidArgumentError(absl::StrCat("expected ", what, ", found \"", cell, "\""));
}

// Could `cell` be JSON text? Spares the parser the common case of plain words.
bool MayBeJson(absl::string_view cell) {
  const size_t first = cell.find_first_not_of(" \t\r\n");
  if (first == absl::string_view::npos) return false;
  const char c = cell[first];
  return c == '"' || c == '{' || c == '[' || c == '-' || c == 't' || c == 'f' || c == 'n' ||
         (c >= '0' && c <= '9');
}

}  // namespace

std::string Number(double number) {
  std::string out;
  json_text::WriteNumber(number, &out);
  return out;
}

absl::StatusOr<double> ParseNumber(absl::string_view cell) {
  bool integral = false;
  if (!IsJsonNumber(cell, &integral)) return Expected("a number", cell);
  double value = 0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("number ", cell, " is out of range for a finite double"));
  }
  return value;
}

absl::StatusOr<int64_t> ParseInteger(absl::string_view cell) {
  constexpr int64_t kLimit = int64_t{1} << 53;
  bool integral = false;
  if (!IsJsonNumber(cell, &integral)) return Expected("an integer", cell);
  if (integral) {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error == std::errc() && end == cell.data() + cell.size() && value >= -kLimit &&
        value <= kLimit) {
      return value;
    }
    return absl::InvalidArgumentError("expected an integer within ±9007199254740992");
  }
  absl::StatusOr<double> number = ParseNumber(cell);
  if (!number.ok()) return number.status();
  if (*number != std::trunc(*number)) {
    return absl::InvalidArgumentError("expected an integer, found a fraction");
  }
  if (std::fabs(*number) > static_cast<double>(kLimit)) {
    return absl::InvalidArgumentError("expected an integer within ±9007199254740992");
  }
  return static_cast<int64_t>(*number);
}

absl::StatusOr<std::vector<std::string>> ParseList(absl::string_view cell) {
  std::vector<std::string> out;
  if (cell.empty()) return out;
  size_t start = 0;
  while (true) {
    const size_t bar = cell.find(kListSeparator, start);
    const absl::string_view id =
        cell.substr(start, bar == absl::string_view::npos ? absl::string_view::npos : bar - start);
    if (id.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("an empty id in the list \"", cell, "\" (ids are separated by \"",
                       absl::string_view(&kListSeparator, 1), "\")"));
    }
    out.emplace_back(id);
    if (bar == absl::string_view::npos) return out;
    start = bar + 1;
  }
}

std::string JsonOfCell(absl::string_view cell) {
  std::string out;
  if (MayBeJson(cell)) {
    absl::StatusOr<json::value> value = json_text::Parse(cell);
    if (value.ok()) {
      json_text::WriteCompact(*value, &out);
      return out;
    }
  }
  json_text::WriteCompact(json::value(json_text::J(cell)), &out);
  return out;
}

std::string CellOfJson(absl::string_view compact_json) {
  if (compact_json.empty() || compact_json.front() != '"') return std::string(compact_json);
  absl::StatusOr<json::value> value = json_text::Parse(compact_json);
  if (!value.ok() || !value->is_string()) return std::string(compact_json);
  const absl::string_view text(value->get_string().data(), value->get_string().size());
  if (text.empty() || (MayBeJson(text) && json_text::Parse(text).ok())) {
    return std::string(compact_json);
  }
  return std::string(text);
}

}  // namespace zeren::csv_cells
