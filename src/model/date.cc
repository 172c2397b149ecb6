#include "zeren/date.h"

#include <cstdio>

#include "absl/time/civil_time.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

bool ParseDigits(absl::string_view text, int* out) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

}  // namespace

std::optional<Date> ParseDate(absl::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year, month, day;
  if (!ParseDigits(text.substr(0, 4), &year) || !ParseDigits(text.substr(5, 2), &month) ||
      !ParseDigits(text.substr(8, 2), &day) || year == 0) {
    return std::nullopt;
  }
  const absl::CivilDay civil(year, month, day);
  // CivilDay normalizes out-of-range fields (Feb 30 -> Mar 2); a real date survives intact.
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return std::nullopt;
  }
  return static_cast<Date>(civil - kEpoch);
}

std::string FormatDate(Date date) {
  const absl::CivilDay civil = kEpoch + date;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(civil.year()),
                civil.month(), civil.day());
  return buffer;
}

}  // namespace zeren
