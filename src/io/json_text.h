// Strict JSON text in and out, on top of Boost.JSON, with the model format's number rules:
// exact parsing (std::from_chars), no duplicate keys, no non-finite values, and output
// numbers as plain shortest round-trip decimals (std::to_chars, never an exponent).
#ifndef ZEREN_SRC_IO_JSON_TEXT_H_
#define ZEREN_SRC_IO_JSON_TEXT_H_

#include <string>

#include <boost/json/value.hpp>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zeren/limits.h"

namespace zeren::json_text {

inline constexpr std::size_t kMaxDepth = kMaxJsonDepth;

// Parses one JSON document (callers check its size: ParseModelJson against
// MaxDocumentBytes(), not the policy and scheme texts re-read from a validated model, whose
// parsing must not change with the environment). Errors name the line and column,
// or the JSON path of a duplicate key, an out-of-range number, a string longer than
// kMaxStringBytes or nesting deeper than kMaxDepth.
absl::StatusOr<boost::json::value> Parse(absl::string_view text);

// Appends `value` as compact JSON.
void WriteCompact(const boost::json::value& value, std::string* out);

// `value` as indented JSON; containers of scalars that fit stay on one line.
std::string WritePretty(const boost::json::value& value);

// Boost.JSON's string_view from Abseil's (Debian's Abseil does not use std::string_view).
inline boost::json::string_view J(absl::string_view s) { return {s.data(), s.size()}; }

// Appends the shortest plain decimal that reads back as `number`.
void WriteNumber(double number, std::string* out);

}  // namespace zeren::json_text

#endif  // ZEREN_SRC_IO_JSON_TEXT_H_
