// A streaming reader of RFC 4180 CSV in UTF-8: quoted fields may hold commas, doubled
// quotes, CR and LF; records end with LF or CRLF (the last one may end without); a UTF-8
// byte order mark at the start is skipped; empty lines are skipped. Every record must have
// as many fields as the first (the header). Memory stays bounded by the longest record:
// input is read in blocks, never whole.
#ifndef ZEREN_SRC_IO_CSV_READER_H_
#define ZEREN_SRC_IO_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace zeren {

class CsvReader {
 public:
  // A record longer than this is an error: a missing closing quote in a large file must
  // not make the reader buffer the rest of it.
  static constexpr size_t kMaxRecordBytes = size_t{64} << 20;

  // Reads `in`, which must outlive the reader. `name` starts error messages.
  CsvReader(std::istream* in, std::string name);
  // Reads `text`, which must outlive the reader.
  CsvReader(absl::string_view text, std::string name);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `*fields` (reusing its strings' storage). Returns false at
  // the end of the input. Errors read "name:line: message", with the line of the problem;
  // after an error the reader stays failed.
  absl::StatusOr<bool> Next(std::vector<std::string>* fields);

  // The line on which the last record returned by Next starts (1-based).
  int64_t line() const { return record_line_; }
  // After a failed Next: the line and message of the error, without the name.
  int64_t error_line() const { return error_line_; }
  const std::string& error_message() const { return error_message_; }
  const std::string& name() const { return name_; }

 private:
  // Makes at least one unread byte available; false at the end of the input.
  bool Fill();
  bool AtEnd() { return pos_ == end_ && !Fill(); }
  absl::Status Fail(int64_t line, std::string message);
  // Reads one field into `*out`; sets `*last` when it ended its record.
  absl::Status ReadField(std::string* out, bool* last);
  absl::Status ReadQuoted(std::string* out);
  absl::Status CheckText(const std::string& field, int64_t first_line);

  std::istream* in_ = nullptr;
  std::string name_;
  std::vector<char> buffer_;
  const char* pos_ = nullptr;
  const char* end_ = nullptr;
  int64_t line_ = 1;          // the line the next unread byte is on
  int64_t record_line_ = 0;
  size_t record_bytes_ = 0;
  size_t width_ = 0;          // fields per record, set by the first record
  bool started_ = false;      // the byte order mark has been looked for
  bool failed_ = false;
  int64_t error_line_ = 0;
  std::string error_message_;
};

}  // namespace zeren

#endif  // ZEREN_SRC_IO_CSV_READER_H_
