// Calendar dates as day numbers, and the half-open intervals posts and links hold over.
#ifndef ZEREN_DATE_H_
#define ZEREN_DATE_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"


namespace zeren {

// Days since 1970-01-01 in the proleptic Gregorian calendar. A plain integer, so that
// millions of dated records cost four bytes each (absl::CivilDay costs sixteen).
using Date = int32_t;

// Sentinels for the open ends of an interval.
inline constexpr Date kBeginningOfTime = std::numeric_limits<Date>::min();
inline constexpr Date kEndOfTime = std::numeric_limits<Date>::max();

// Parses a strict ISO date "YYYY-MM-DD" (years 0001-9999). Returns nullopt for anything
// else, including impossible days such as 2025-02-30.
std::optional<Date> ParseDate(absl::string_view text);

// Formats a day number as "YYYY-MM-DD".
std::string FormatDate(Date date);

// The days [from, to): `from` is the first day that holds, `to` the first that no longer
// does. Open ends use the sentinels above.
struct Interval {
  Date from = kBeginningOfTime;
  Date to = kEndOfTime;

  bool Contains(Date day) const { return from <= day && day < to; }
  // True when the interval holds on at least one day of [first, last] (both inclusive).
  bool Touches(Date first, Date last) const { return from <= last && first < to; }
  bool Overlaps(const Interval& other) const {
    return from < other.to && other.from < to;
  }
};

}  // namespace zeren

#endif  // ZEREN_DATE_H_
