#include "zeren/member_roster.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

#include "absl/strings/str_cat.h"

namespace zeren {
namespace {

constexpr size_t kMaxRows = 0xFFFFFFFEu;
constexpr size_t kMaxBytes = std::numeric_limits<uint32_t>::max();

template <typename T, typename A>
size_t Bytes(const std::vector<T, A>& v) {
  return v.capacity() * sizeof(T);
}

// True when the offsets in `end` rise from 0 to bytes.size(), each text ending in NUL.
bool OffsetsFit(absl::Span<const uint32_t> end, absl::Span<const char> bytes) {
  uint32_t previous = 0;
  for (uint32_t e : end) {
    if (e <= previous || e > bytes.size() || bytes[e - 1] != '\0') return false;
    previous = e;
  }
  return previous == bytes.size();
}

}  // namespace

MemberRoster::MemberRoster() : c_(std::make_shared<const Columns>()) {}

std::optional<uint32_t> MemberRoster::Find(absl::string_view id) const {
  uint32_t low = 0, high = size();  // the first position whose id is not below `id`
  while (low < high) {
    const uint32_t mid = low + (high - low) / 2;
    if (this->id(by_id(mid)) < id) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  if (low == size() || this->id(by_id(low)) != id) return std::nullopt;
  return by_id(low);
}

size_t MemberRoster::ByteSize() const {
  size_t bytes = Bytes(c_->id_bytes) + Bytes(c_->name_bytes) + Bytes(c_->id_end) +
                 Bytes(c_->name_end) + Bytes(c_->unit) + Bytes(c_->from) + Bytes(c_->to) +
                 Bytes(c_->appraisal) + Bytes(c_->order) + Bytes(c_->unit_ids);
  for (const std::string& unit : c_->unit_ids) bytes += unit.capacity();
  return bytes;
}

absl::Status MemberRoster::FromColumns(Columns c, MemberRoster* roster) {
  const size_t rows = c.from.size();
  if (rows > kMaxRows || c.to.size() != rows || c.unit.size() != rows ||
      c.appraisal.size() != rows || c.id_end.size() != rows || c.name_end.size() != rows ||
      !(c.order.empty() || c.order.size() == rows)) {
    return absl::InvalidArgumentError("roster columns have different lengths");
  }
  if (!OffsetsFit(c.id_end, c.id_bytes) || !OffsetsFit(c.name_end, c.name_bytes)) {
    return absl::InvalidArgumentError("roster text offsets do not fit their bytes");
  }
  for (uint32_t u : c.unit) {
    if (u >= c.unit_ids.size()) return absl::InvalidArgumentError("roster unit out of range");
  }
  MemberRoster built(std::make_shared<const Columns>(std::move(c)));
  const Columns& k = *built.c_;
  if (!k.order.empty()) {
    std::vector<bool> seen(rows, false);
    for (uint32_t r : k.order) {
      if (r >= rows || seen[r]) return absl::InvalidArgumentError("roster order is not a permutation");
      seen[r] = true;
    }
  }
  for (uint32_t i = 1; i < rows; ++i) {
    if (built.id(built.by_id(i)) < built.id(built.by_id(i - 1))) {
      return absl::InvalidArgumentError("roster ids are not in the stored order");
    }
  }
  *roster = std::move(built);
  return absl::OkStatus();
}

void MemberRosterBuilder::Reserve(size_t rows, size_t id_bytes, size_t name_bytes) {
  c_.id_bytes.reserve(id_bytes);
  c_.name_bytes.reserve(name_bytes);
  for (auto* column : {&c_.id_end, &c_.name_end, &c_.unit}) column->reserve(rows);
  c_.from.reserve(rows);
  c_.to.reserve(rows);
  c_.appraisal.reserve(rows);
}

uint32_t MemberRosterBuilder::UnitSlot(absl::string_view unit_id) {
  // Rows usually come unit by unit: the previous row's unit is the first guess.
  if (!c_.unit.empty() && c_.unit_ids[c_.unit.back()] == unit_id) return c_.unit.back();
  if (auto it = unit_slot_.find(unit_id); it != unit_slot_.end()) return it->second;
  const uint32_t slot = static_cast<uint32_t>(c_.unit_ids.size());
  unit_slot_.emplace(std::string(unit_id), slot);
  c_.unit_ids.emplace_back(unit_id);
  return slot;
}

absl::Status MemberRosterBuilder::Add(absl::string_view id, absl::string_view name,
                                      absl::string_view unit_id, Interval held,
                                      std::optional<double> appraisal) {
  if (c_.from.size() >= kMaxRows) {
    return absl::ResourceExhaustedError(absl::StrCat("a roster holds at most ", kMaxRows, " rows"));
  }
  if (c_.id_bytes.size() + id.size() + 1 > kMaxBytes ||
      c_.name_bytes.size() + name.size() + 1 > kMaxBytes) {
    return absl::ResourceExhaustedError("a roster holds at most 4 GiB of ids and of names");
  }
  if (in_order_ && !c_.id_end.empty()) {
    const uint32_t last_begin = c_.id_end.size() == 1 ? 0 : c_.id_end[c_.id_end.size() - 2];
    const uint32_t last_size = c_.id_end.back() - last_begin - 1;
    in_order_ = absl::string_view(c_.id_bytes.data() + last_begin, last_size) <= id;
  }
  c_.id_bytes.insert(c_.id_bytes.end(), id.begin(), id.end());
  c_.id_bytes.push_back('\0');
  c_.id_end.push_back(static_cast<uint32_t>(c_.id_bytes.size()));
  c_.name_bytes.insert(c_.name_bytes.end(), name.begin(), name.end());
  c_.name_bytes.push_back('\0');
  c_.name_end.push_back(static_cast<uint32_t>(c_.name_bytes.size()));
  c_.unit.push_back(UnitSlot(unit_id));
  c_.from.push_back(held.from);
  c_.to.push_back(held.to);
  c_.appraisal.push_back(appraisal.value_or(std::numeric_limits<double>::quiet_NaN()));
  return absl::OkStatus();
}

MemberRoster MemberRosterBuilder::Build() {
  auto columns = std::make_shared<MemberRoster::Columns>(std::move(c_));
  if (!in_order_) {
    const MemberRoster unsorted(columns);
    columns->order.resize(unsorted.size());
    std::iota(columns->order.begin(), columns->order.end(), 0u);
    std::stable_sort(columns->order.begin(), columns->order.end(),
                     [&](uint32_t a, uint32_t b) { return unsorted.id(a) < unsorted.id(b); });
  }
  c_ = MemberRoster::Columns();
  in_order_ = true;
  unit_slot_.clear();
  return MemberRoster(std::move(columns));
}

}  // namespace zeren
