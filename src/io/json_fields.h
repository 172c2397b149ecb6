// Typed, checked access to the members of one JSON object of the model document. Every
// getter records its key as known; Finish() reports the keys nobody asked for (except
// `x_…` keys, which it returns as extras). Problems carry the member's JSON path.
#ifndef ZEREN_SRC_IO_JSON_FIELDS_H_
#define ZEREN_SRC_IO_JSON_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "zeren/date.h"
#include "zeren/problem.h"
#include "zeren/records.h"
#include "absl/strings/string_view.h"

namespace zeren::json_fields {

enum class Need { kRequired, kOptional };

class Fields {
 public:
  // Reports a problem (and yields no members) when `value` is not an object.
  Fields(const boost::json::value& value, std::string path, ProblemList* problems);

  bool is_object() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string PathOf(absl::string_view key) const;
  // The id reported with later problems of this object.
  void set_id(std::string id) { id_ = std::move(id); }

  std::optional<std::string> String(absl::string_view key, Need need);
  // A string that names something: when present it must not be empty ("" when absent).
  std::string Id(absl::string_view key, Need need);
  std::optional<int64_t> Integer(absl::string_view key, Need need);
  std::optional<double> Number(absl::string_view key, Need need);
  std::optional<Date> DateValue(absl::string_view key, Need need);
  std::vector<std::string> StringList(absl::string_view key);
  // The member itself, unchecked; nullptr when absent.
  const boost::json::value* Raw(absl::string_view key, Need need);
  // An array member; nullptr (with a problem) when present but not an array.
  const boost::json::array* Array(absl::string_view key, Need need);

  template <typename Enum>
  std::optional<Enum> Vocabulary(absl::string_view key, Need need,
                                 std::optional<Enum> (*parse)(absl::string_view)) {
    std::optional<std::string> text = String(key, need);
    if (!text) return std::nullopt;
    std::optional<Enum> value = parse(*text);
    if (!value) {
      Problem(PathOf(key), "unknown " + std::string(key) + " \"" + *text + "\" (expected one of " +
                               std::string(Spellings(Enum{})) + ")");
    }
    return value;
  }

  // Reports unknown keys; returns the `x_…` members as compact JSON text.
  Extras Finish();

  void Problem(std::string path, std::string message);

 private:
  const boost::json::value* Find(absl::string_view key, Need need);
  void WrongType(absl::string_view key, absl::string_view expected);

  const boost::json::object* object_ = nullptr;
  std::string path_;
  std::string id_;
  ProblemList* problems_;
  std::vector<absl::string_view> known_;
};

}  // namespace zeren::json_fields

#endif  // ZEREN_SRC_IO_JSON_FIELDS_H_
