#include "src/io/json_fields.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "src/io/json_text.h"
#include "absl/strings/string_view.h"

namespace zeren::json_fields {

namespace json = boost::json;

namespace {

absl::string_view KindName(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "?";
}

}  // namespace

Fields::Fields(const json::value& value, std::string path, ProblemList* problems)
    : path_(std::move(path)), problems_(problems) {
  if (value.is_object()) {
    object_ = &value.get_object();
  } else {
    Problem(path_, absl::StrCat("expected an object, found ", KindName(value)));
  }
}

std::string Fields::PathOf(absl::string_view key) const {
  return path_.empty() ? std::string(key) : absl::StrCat(path_, ".", key);
}

void Fields::Problem(std::string path, std::string message) {
  problems_->Add(std::move(path), id_, std::move(message));
}

void Fields::WrongType(absl::string_view key, absl::string_view expected) {
  Problem(PathOf(key), absl::StrCat("expected ", expected, ", found ",
                                    KindName(object_->at(json::string_view(key.data(), key.size())))));
}

const json::value* Fields::Find(absl::string_view key, Need need) {
  if (object_ == nullptr) return nullptr;
  known_.push_back(key);
  const json::value* value = object_->if_contains(json::string_view(key.data(), key.size()));
  if (value == nullptr && need == Need::kRequired) {
    Problem(PathOf(key), absl::StrCat("missing required key \"", key, "\""));
  }
  return value;
}

const json::value* Fields::Raw(absl::string_view key, Need need) { return Find(key, need); }

std::optional<std::string> Fields::String(absl::string_view key, Need need) {
  const json::value* value = Find(key, need);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    WrongType(key, "a string");
    return std::nullopt;
  }
  return std::string(value->get_string());
}

std::string Fields::Id(absl::string_view key, Need need) {
  std::optional<std::string> id = String(key, need);
  if (id && id->empty()) Problem(PathOf(key), "must be a non-empty id");
  return id.value_or("");
}

std::optional<int64_t> Fields::Integer(absl::string_view key, Need need) {
  const json::value* value = Find(key, need);
  if (value == nullptr) return std::nullopt;
  // Integers of the format stay exact as doubles too: |n| <= 2^53.
  constexpr int64_t kLimit = int64_t{1} << 53;
  if (value->is_int64() && value->get_int64() >= -kLimit && value->get_int64() <= kLimit) {
    return value->get_int64();
  }
  if (value->is_double()) {
    const double d = value->get_double();
    if (d == std::trunc(d) && std::fabs(d) <= static_cast<double>(kLimit)) {
      return static_cast<int64_t>(d);
    }
  }
  if (value->is_double() && value->get_double() != std::trunc(value->get_double())) {
    Problem(PathOf(key), "expected an integer, found a fraction");
  } else if (value->is_number()) {
    Problem(PathOf(key), "expected an integer within ±9007199254740992");
  } else {
    WrongType(key, "an integer");
  }
  return std::nullopt;
}

std::optional<double> Fields::Number(absl::string_view key, Need need) {
  const json::value* value = Find(key, need);
  if (value == nullptr) return std::nullopt;
  if (value->is_double()) return value->get_double();
  if (value->is_int64()) return static_cast<double>(value->get_int64());
  if (value->is_uint64()) return static_cast<double>(value->get_uint64());
  WrongType(key, "a number");
  return std::nullopt;
}

std::optional<Date> Fields::DateValue(absl::string_view key, Need need) {
  std::optional<std::string> text = String(key, need);
  if (!text) return std::nullopt;
  std::optional<Date> date = ParseDate(*text);
  if (!date) {
    Problem(PathOf(key), absl::StrCat("malformed date \"", *text, "\" (expected YYYY-MM-DD)"));
  }
  return date;
}

std::vector<std::string> Fields::StringList(absl::string_view key) {
  std::vector<std::string> out;
  const json::array* array = Array(key, Need::kOptional);
  if (array == nullptr) return out;
  for (size_t i = 0; i < array->size(); ++i) {
    const json::value& element = (*array)[i];
    if (element.is_string()) {
      out.emplace_back(element.get_string());
    } else {
      Problem(absl::StrCat(PathOf(key), "[", i, "]"),
              absl::StrCat("expected a string, found ", KindName(element)));
    }
  }
  return out;
}

const json::array* Fields::Array(absl::string_view key, Need need) {
  const json::value* value = Find(key, need);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    WrongType(key, "an array");
    return nullptr;
  }
  return &value->get_array();
}

Extras Fields::Finish() {
  Extras extras;
  if (object_ == nullptr) return extras;
  for (const auto& member : *object_) {
    const absl::string_view key(member.key().data(), member.key().size());
    if (absl::StartsWith(key, "x_")) {
      std::string text;
      json_text::WriteCompact(member.value(), &text);
      extras.emplace_back(std::string(key), std::move(text));
    } else if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
      Problem(PathOf(key), absl::StrCat("unknown key \"", key, "\""));
    }
  }
  return extras;
}

}  // namespace zeren::json_fields
