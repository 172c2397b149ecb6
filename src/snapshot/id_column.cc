#include "zeren/id_column.h"

#include <utility>

#include "absl/hash/hash.h"

namespace zeren {

size_t IdColumn::Hash::operator()(absl::string_view id) const {
  return absl::Hash<absl::string_view>{}(id);
}

IdColumn::Indexed::Indexed(TextColumn texts)
    : ids(std::move(texts)), index(ids.size(), Hash{&ids}, Equal{&ids}) {
  for (uint32_t i = 0; i < ids.size(); ++i) index.insert(i);  // a repeat keeps the first
}

IdColumn::IdColumn() : IdColumn(TextColumn()) {}

IdColumn::IdColumn(TextColumn ids) : c_(std::make_shared<const Indexed>(std::move(ids))) {}

std::optional<uint32_t> IdColumn::Find(absl::string_view id) const {
  auto it = c_->index.find(id);
  if (it == c_->index.end()) return std::nullopt;
  return *it;
}

size_t IdColumn::ByteSize() const {
  return c_->ids.ByteSize() + c_->index.capacity() * (sizeof(uint32_t) + 1);
}

}  // namespace zeren
