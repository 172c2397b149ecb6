// Pictures of accountability reach: one incident fanning out to the parties it reaches
// (coloured by category, with the form each receives), and, for many incidents at once,
// the count of parties per category and form.
#ifndef ZEREN_TOOLS_REPORT_REACH_PICTURE_H_
#define ZEREN_TOOLS_REPORT_REACH_PICTURE_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "zeren/policy.h"
#include "zeren/vocabulary.h"

namespace zeren::report {

struct ReachParty {
  std::string name;  // plain text
  bool is_unit = false;
  Category category = Category::kDirect;
  Form form = Form::kNone;
  double degree = 0;
};

struct ReachIncident {
  std::string id;
  std::string place;  // the unit, plain text
  std::string date;
  Severity severity = Severity::kMinor;
  std::vector<ReachParty> parties;  // strongest first
};

// The incident on the left, a line to each party on the right (thicker for a higher
// degree); at most `max_parties` rows, then one "+N more" row.
std::string ReachPicture(const ReachIncident& incident, size_t max_parties = 24);

inline constexpr int kFormCount = 7;
// counts[category][form]: parties reached.
using ReachCounts = std::array<std::array<uint64_t, kFormCount>, kCategoryCount>;

// A grid of categories (rows) by forms (columns), each cell shaded by its count. Rows and
// columns that are all zero are left out.
std::string ReachMatrix(const ReachCounts& counts);

}  // namespace zeren::report

#endif  // ZEREN_TOOLS_REPORT_REACH_PICTURE_H_
