#include "src/io/csv_writer.h"

namespace zeren {

void CsvWriter::Field(absl::string_view text) {
  if (!first_) out_->push_back(',');
  first_ = false;
  if (text.find_first_of(",\"\r\n") == absl::string_view::npos) {
    out_->append(text.data(), text.size());
    return;
  }
  out_->push_back('"');
  for (char c : text) {
    if (c == '"') out_->push_back('"');
    out_->push_back(c);
  }
  out_->push_back('"');
}

void CsvWriter::EndRecord() {
  out_->push_back('\n');
  first_ = true;
}

}  // namespace zeren
