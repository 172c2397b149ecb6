#include "src/io/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace zeren {
namespace {

constexpr size_t kBlockBytes = size_t{1} << 16;

// The offset of the first byte of `text` that is not part of well-formed UTF-8 or is
// NUL; text.size() when there is none.
size_t FirstBadByte(absl::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char lead = bytes[i];
    if (lead != 0 && lead < 0x80) {
      ++i;
      continue;
    }
    const int length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > n) return i;
    uint32_t cp = lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (bytes[i + k] & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return n;
}

}  // namespace

CsvReader::CsvReader(std::istream* in, std::string name)
    : in_(in), name_(std::move(name)), buffer_(kBlockBytes) {}

CsvReader::CsvReader(absl::string_view text, std::string name)
    : name_(std::move(name)), pos_(text.data()), end_(text.data() + text.size()) {}

bool CsvReader::Fill() {
  if (in_ == nullptr) return false;
  const std::streamsize n = in_->rdbuf()->sgetn(buffer_.data(), buffer_.size());
  if (n <= 0) return false;
  pos_ = buffer_.data();
  end_ = pos_ + n;
  return true;
}

absl::Status CsvReader::Fail(int64_t line, std::string message) {
  failed_ = true;
  error_line_ = line;
  error_message_ = std::move(message);
  return absl::InvalidArgumentError(absl::StrCat(name_, ":", line, ": ", error_message_));
}

absl::StatusOr<bool> CsvReader::Next(std::vector<std::string>* fields) {
  if (failed_) {
    return absl::InvalidArgumentError(absl::StrCat(name_, ":", error_line_, ": ", error_message_));
  }
  if (!started_) {
    started_ = true;
    // The first block holds at least three bytes unless the whole input is shorter.
    if (!AtEnd() && end_ - pos_ >= 3 && std::memcmp(pos_, "\xEF\xBB\xBF", 3) == 0) pos_ += 3;
  }
  // Empty lines separate nothing: skip them.
  while (!AtEnd() && (*pos_ == '\n' || *pos_ == '\r')) {
    if (*pos_ == '\r') {
      ++pos_;
      if (AtEnd() || *pos_ != '\n') return Fail(line_, "a carriage return without a line feed");
    }
    ++pos_;
    ++line_;
  }
  if (AtEnd()) return false;
  record_line_ = line_;
  record_bytes_ = 0;
  size_t count = 0;
  for (bool last = false; !last; ++count) {
    if (fields->size() <= count) fields->emplace_back();
    if (absl::Status s = ReadField(&(*fields)[count], &last); !s.ok()) return s;
  }
  fields->resize(count);
  if (width_ == 0) width_ = count;
  if (count != width_) {
    return Fail(record_line_, absl::StrCat("expected ", width_, " fields as in the header, found ",
                                           count));
  }
  return true;
}

absl::Status CsvReader::ReadField(std::string* out, bool* last) {
  out->clear();
  const int64_t first_line = line_;
  bool quoted = false;
  if (!AtEnd() && *pos_ == '"') {
    quoted = true;
    if (absl::Status s = ReadQuoted(out); !s.ok()) return s;
  } else {
    // Unquoted: up to the next comma or line end, block by block.
    while (!AtEnd()) {
      const char* p = pos_;
      while (p < end_ && *p != ',' && *p != '\n' && *p != '\r' && *p != '"') ++p;
      out->append(pos_, p);
      pos_ = p;
      if (p < end_) break;
    }
  }
  record_bytes_ += out->size() + 1;
  if (record_bytes_ > kMaxRecordBytes) {
    return Fail(first_line, absl::StrCat("a record longer than ", kMaxRecordBytes, " bytes"));
  }
  if (AtEnd()) {
    *last = true;
  } else if (*pos_ == ',') {
    ++pos_;
    *last = false;
  } else if (*pos_ == '\n') {
    ++pos_;
    ++line_;
    *last = true;
  } else if (*pos_ == '\r') {
    ++pos_;
    if (AtEnd() || *pos_ != '\n') return Fail(line_, "a carriage return without a line feed");
    ++pos_;
    ++line_;
    *last = true;
  } else if (quoted) {
    return Fail(line_, "a quoted field must end at a comma or at the end of the line");
  } else {
    return Fail(line_, "a quote inside an unquoted field (quote the whole field and double the quote)");
  }
  return CheckText(*out, first_line);
}

absl::Status CsvReader::ReadQuoted(std::string* out) {
  const int64_t open_line = line_;
  ++pos_;  // the opening quote
  while (true) {
    if (AtEnd()) return Fail(open_line, "a quoted field is not closed");
    const char* quote = static_cast<const char*>(std::memchr(pos_, '"', end_ - pos_));
    const char* stop = quote == nullptr ? end_ : quote;
    line_ += std::count(pos_, stop, '\n');
    out->append(pos_, stop);
    pos_ = stop;
    if (out->size() > kMaxRecordBytes) {
      return Fail(open_line, absl::StrCat("a record longer than ", kMaxRecordBytes, " bytes"));
    }
    if (quote == nullptr) continue;
    ++pos_;  // the quote
    if (!AtEnd() && *pos_ == '"') {  // a doubled quote stands for one
      out->push_back('"');
      ++pos_;
      continue;
    }
    return absl::OkStatus();
  }
}

absl::Status CsvReader::CheckText(const std::string& field, int64_t first_line) {
  const size_t bad = FirstBadByte(field);
  if (bad == field.size()) return absl::OkStatus();
  const int64_t line = first_line + std::count(field.begin(), field.begin() + bad, '\n');
  return Fail(line, field[bad] == '\0' ? "a NUL byte" : "invalid UTF-8");
}

}  // namespace zeren
