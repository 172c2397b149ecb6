#include "src/io/archive_codec.h"

#include <cstring>

#include "xxhash.h"

namespace zeren::archive {
namespace {

// The section being decoded on this thread, so that the field helpers can bound counts
// without a custom Boost archive class to carry it.
thread_local const SectionReader* current_reader = nullptr;

constexpr size_t kBufferSize = 1 << 20;

}  // namespace

struct SectionWriter::Hash {
  Hash() : state(XXH3_createState()) {
    if (state == nullptr) throw std::bad_alloc();
    XXH3_64bits_reset(state);
  }
  ~Hash() { XXH3_freeState(state); }
  XXH3_state_t* state;
};

SectionWriter::SectionWriter(ByteSink* sink)
    : sink_(sink), buffer_(kBufferSize), hash_(std::make_unique<Hash>()) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

SectionWriter::~SectionWriter() = default;

uint64_t SectionWriter::checksum() const { return XXH3_64bits_digest(hash_->state); }

bool SectionWriter::Emit(const char* data, size_t size) {
  if (!status_.ok()) return false;
  XXH3_64bits_update(hash_->state, data, size);
  size_ += size;
  status_ = sink_->Append(absl::string_view(data, size));
  return status_.ok();
}

bool SectionWriter::Flush() {
  const size_t pending = static_cast<size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return pending == 0 || Emit(buffer_.data(), pending);
}

SectionWriter::int_type SectionWriter::overflow(int_type c) {
  if (!Flush()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

// Large blocks (the snapshot's arrays) go straight to the sink: no copy through the buffer.
std::streamsize SectionWriter::xsputn(const char* s, std::streamsize n) {
  const size_t size = static_cast<size_t>(n);
  if (size == 0) return 0;  // an empty string or array: `s` may be null
  if (size <= static_cast<size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  if (!Flush()) return 0;
  if (size >= buffer_.size() / 2) return Emit(s, size) ? n : 0;
  std::memcpy(pptr(), s, size);
  pbump(static_cast<int>(size));
  return n;
}

int SectionWriter::sync() { return Flush() ? 0 : -1; }

absl::Status SectionWriter::Finish() {
  Flush();
  return status_;
}

SectionReader::SectionReader(absl::string_view bytes) : outer_(current_reader) {
  char* begin = const_cast<char*>(bytes.data());  // only read: std::streambuf wants char*
  setg(begin, begin, begin + bytes.size());
  current_reader = this;
}

SectionReader::~SectionReader() { current_reader = outer_; }

size_t RemainingBytes() { return current_reader == nullptr ? 0 : current_reader->remaining(); }

}  // namespace zeren::archive
