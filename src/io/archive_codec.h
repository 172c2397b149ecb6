// Encoding helpers shared by the archive's sections: the stream buffers that Boost's binary
// archives write to and read from, and field helpers that bound every count by the bytes
// left in the section before anything is allocated. Private to the library.
#ifndef ZEREN_SRC_IO_ARCHIVE_CODEC_H_
#define ZEREN_SRC_IO_ARCHIVE_CODEC_H_

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "zeren/date.h"
#include "zeren/records.h"

namespace boost::archive {
class binary_oarchive;
class binary_iarchive;
}  // namespace boost::archive

namespace zeren::archive {

using OutArchive = boost::archive::binary_oarchive;
using InArchive = boost::archive::binary_iarchive;

// Payload layout versions, stored in the section table. Bump one when its section's bytes
// change meaning; docs/archive.md says what older readers and writers then do.
// Model layout 2 (ModelData class version 1) adds the member roster; layout 1 has none.
// Snapshot layout 2 keeps appraisal sums for record people only (row_appraisal for the
// rest); layout 1 archives are compiled afresh.
inline constexpr uint32_t kModelLayout = 2;
inline constexpr uint32_t kSnapshotLayout = 2;

// Thrown by the decoding helpers on a malformed section; the section loader turns it into
// a status. Exceptions never leave the archive code.
class DecodeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown when a record class was saved with a version newer than this build knows.
// (Boost.Serialization 1.81 no longer checks class versions itself.)
class NewerClassError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a section's bytes go: a file or a string.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual absl::Status Append(absl::string_view bytes) = 0;
};

// The stream a section is encoded into: buffered, hashed as it goes, counted.
class SectionWriter : public std::streambuf {
 public:
  explicit SectionWriter(ByteSink* sink);
  ~SectionWriter() override;

  // Flushes what is buffered; the sink's first error, if any.
  absl::Status Finish();
  uint64_t size() const { return size_; }
  uint64_t checksum() const;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool Flush();
  bool Emit(const char* data, size_t size);

  ByteSink* sink_;
  std::vector<char> buffer_;
  struct Hash;
  std::unique_ptr<Hash> hash_;
  uint64_t size_ = 0;
  absl::Status status_;
};

// The stream a section is decoded from: its bytes in memory, never read past.
class SectionReader : public std::streambuf {
 public:
  explicit SectionReader(absl::string_view bytes);
  ~SectionReader() override;
  size_t remaining() const { return static_cast<size_t>(egptr() - gptr()); }

 private:
  const SectionReader* outer_;  // the reader active before this one (nested sections do not occur)
};

// The bytes left in the section being decoded on this thread.
size_t RemainingBytes();

// Throws unless `count` items of at least `min_bytes` each fit in what is left.
inline uint64_t CheckCount(uint64_t count, size_t min_bytes) {
  const size_t left = RemainingBytes();
  if (count > left / min_bytes) {
    throw DecodeError(absl::StrCat("a count of ", count, " exceeds the ", left,
                                   " bytes left in the section"));
  }
  return count;
}

// ---- field helpers: one function for both directions ----

template <typename Ar>
constexpr bool kSaving = Ar::is_saving::value;

// Fixed-size integers (and Date): their bytes, in the writer's byte order.
template <typename Ar, typename T>
void Int(Ar& ar, T& value) {
  static_assert(std::is_integral_v<T>);
  if constexpr (kSaving<Ar>) {
    ar.save_binary(&value, sizeof(T));
  } else {
    ar.load_binary(&value, sizeof(T));
  }
}

template <typename Ar>
void Real(Ar& ar, double& value) {
  if constexpr (kSaving<Ar>) {
    ar.save_binary(&value, sizeof(double));
  } else {
    ar.load_binary(&value, sizeof(double));
    if (!std::isfinite(value)) throw DecodeError("a number is not finite");
  }
}

template <typename Ar>
void Flag(Ar& ar, bool& value) {
  uint8_t byte = value ? 1 : 0;
  Int(ar, byte);
  if constexpr (!kSaving<Ar>) {
    if (byte > 1) throw DecodeError(absl::StrCat("a flag holds ", byte));
    value = byte == 1;
  }
}

// An enum stored as one byte; `last` is its largest value.
template <typename Ar, typename E>
void Enum(Ar& ar, E& value, E last) {
  static_assert(sizeof(E) == 1);
  uint8_t byte = static_cast<uint8_t>(value);
  Int(ar, byte);
  if constexpr (!kSaving<Ar>) {
    if (byte > static_cast<uint8_t>(last)) {
      throw DecodeError(absl::StrCat("an enum value ", byte, " is beyond ", static_cast<int>(last)));
    }
    value = static_cast<E>(byte);
  }
}

// Its size, then its bytes: a std::string, or a vector of char.
template <typename Ar, typename Chars>
void Text(Ar& ar, Chars& text) {
  uint64_t size = text.size();
  Int(ar, size);
  if constexpr (kSaving<Ar>) {
    ar.save_binary(text.data(), text.size());
  } else {
    text.resize(CheckCount(size, 1));
    ar.load_binary(text.data(), text.size());
  }
}

template <typename Ar>
void Span(Ar& ar, Interval& interval) {
  Int(ar, interval.from);
  Int(ar, interval.to);
}

// A count of items to come, each at least `min_bytes` long; resizes `items` on load.
template <typename Ar, typename T, typename A>
void Size(Ar& ar, std::vector<T, A>& items, size_t min_bytes) {
  uint64_t count = items.size();
  Int(ar, count);
  if constexpr (!kSaving<Ar>) items.resize(CheckCount(count, min_bytes));
}

// Plain data without padding, as one block of bytes (a Boost binary object).
template <typename Ar, typename T, typename A>
void Block(Ar& ar, std::vector<T, A>& items) {
  // Callers pass only types without padding, so that equal arrays give equal bytes.
  static_assert(std::is_trivially_copyable_v<T>);
  Size(ar, items, sizeof(T));
  if constexpr (kSaving<Ar>) {
    ar.save_binary(items.data(), items.size() * sizeof(T));
  } else {
    ar.load_binary(items.data(), items.size() * sizeof(T));
  }
}

template <typename Ar, typename A>
void Texts(Ar& ar, std::vector<std::string, A>& texts) {
  Size(ar, texts, sizeof(uint64_t));
  for (std::string& text : texts) Text(ar, text);
}

template <typename Ar>
void Extra(Ar& ar, Extras& extras) {
  Size(ar, extras, 2 * sizeof(uint64_t));
  for (auto& [key, value] : extras) {
    Text(ar, key);
    Text(ar, value);
  }
}

// `field(ar, value)` when the optional holds one.
template <typename Ar, typename T, typename Field>
void Maybe(Ar& ar, std::optional<T>& value, Field field) {
  bool present = value.has_value();
  Flag(ar, present);
  if (!present) {
    value.reset();
    return;
  }
  if (!value) value.emplace();
  field(ar, *value);
}

// The model section: every record of the document, each a Boost class with its version.
// Loading throws DecodeError or Boost's archive_exception on malformed input.
void SaveModelData(OutArchive& ar, const ModelData& data);
void LoadModelData(InArchive& ar, ModelData* data);

}  // namespace zeren::archive

#endif  // ZEREN_SRC_IO_ARCHIVE_CODEC_H_
