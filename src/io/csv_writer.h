// Writing RFC 4180 CSV: fields joined by commas, records ended by LF, and a field quoted
// (its quotes doubled) only when it holds a comma, a quote, a CR or an LF.
#ifndef ZEREN_SRC_IO_CSV_WRITER_H_
#define ZEREN_SRC_IO_CSV_WRITER_H_

#include <string>

#include "absl/strings/string_view.h"

namespace zeren {

class CsvWriter {
 public:
  // Appends to `*out`, which must outlive the writer.
  explicit CsvWriter(std::string* out) : out_(out) {}

  // Appends one field of the current record.
  void Field(absl::string_view text);
  // Ends the current record.
  void EndRecord();

 private:
  std::string* out_;
  bool first_ = true;  // no field yet in the current record
};

}  // namespace zeren

#endif  // ZEREN_SRC_IO_CSV_WRITER_H_
