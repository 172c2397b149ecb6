#include "zeren/text_column.h"

namespace zeren {

void TextColumn::Reserve(size_t texts, size_t bytes) {
  end_.reserve(texts);
  bytes_.reserve(bytes);
}

bool TextColumn::Add(absl::string_view text) {
  if (text.size() >= kMaxBytes - bytes_.size()) return false;
  bytes_.insert(bytes_.end(), text.begin(), text.end());
  bytes_.push_back('\0');
  end_.push_back(static_cast<uint32_t>(bytes_.size()));
  return true;
}

}  // namespace zeren
