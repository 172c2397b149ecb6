// Aligned text tables for the terminal, measuring East Asian wide characters as two columns.
#ifndef ZEREN_TOOLS_TABLE_H_
#define ZEREN_TOOLS_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace zeren::cli {

// Columns a UTF-8 string occupies on a terminal: CJK ideographs, Hangul, fullwidth forms
// and the like count two, combining marks zero, everything else one.
std::size_t DisplayWidth(absl::string_view utf8);

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  bool empty() const { return rows_.empty(); }
  // Header, a rule, then the rows; columns separated by two spaces, no trailing blanks.
  std::string Render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace zeren::cli

#endif  // ZEREN_TOOLS_TABLE_H_
