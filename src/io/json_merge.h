// Partial documents over defaults: a partial policy or scheme overrides only the keys it
// names, at any depth.
#ifndef ZEREN_SRC_IO_JSON_MERGE_H_
#define ZEREN_SRC_IO_JSON_MERGE_H_

#include <boost/json/value.hpp>

namespace zeren::json_merge {

// Objects merge key by key, recursively; any other value replaces what was there.
inline void MergeInto(const boost::json::value& patch, boost::json::value* base) {
  if (!patch.is_object() || !base->is_object()) {
    *base = patch;
    return;
  }
  boost::json::object& target = base->get_object();
  for (const auto& member : patch.get_object()) {
    auto it = target.find(member.key());
    if (it == target.end()) {
      target.emplace(member.key(), member.value());
    } else {
      MergeInto(member.value(), &it->value());
    }
  }
}

}  // namespace zeren::json_merge

#endif  // ZEREN_SRC_IO_JSON_MERGE_H_
