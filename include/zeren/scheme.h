// The assessment scheme: dimensions of weighted indicators, component weights, ballot
// values, deductions, bonuses, vetoes, roll-up, grades with quotas and linkage flags, as
// data. A model's assessment `scheme` is "default" or a partial object over DefaultScheme()
// (objects merge key by key; arrays replace). docs/scheme.md explains the default.
#ifndef ZEREN_SCHEME_H_
#define ZEREN_SCHEME_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "zeren/problem.h"
#include "zeren/vocabulary.h"

namespace zeren {

struct Indicator {
  std::string id;
  double max = 0;
  bool from_ledger = false;  // `from: ledger.on_time_rate`: max × the unit's on-time rate
};

struct Dimension {
  std::string id;
  std::string name;
  double weight = 0;
  std::vector<Indicator> indicators;
};

struct GradeRule {
  std::string id;
  double min = 0;
  std::optional<double> quota;  // share of a peer group that may keep this grade
};

struct Veto {
  Severity severity;  // an incident at the unit in the period at least this severe...
  int32_t max_grade;  // ...caps its grade at this one (an index into grades)
};

// A linkage flag (评先评优, 约谈 ...): set when every condition given holds.
struct FlagRule {
  std::string id;
  std::vector<int32_t> grades;             // the unit's final grade is one of these
  std::optional<bool> held_accountable;    // an incident of the period reached the unit itself
                                           // (overall leadership) with a form other than none
  std::optional<Severity> incident_at_least;  // an incident at the unit in the period this severe
};

struct Scheme {
  std::vector<Dimension> dimensions;
  double daily_weight = 0.6, review_weight = 0.2, ballot_weight = 0.1, members_weight = 0.1;
  std::array<double, 4> ballot_values{};  // good, fairly_good, average, poor
  std::array<double, 3> deductions{};     // by Severity
  double deduction_cap = 30;
  std::array<double, 8> factors{};        // by CircumstanceKind; 1 when not given
  double bonus_cap = 5;
  std::vector<Veto> vetoes;
  double rollup_own = 0.7, rollup_subordinates = 0.3;
  bool weight_by_members = true;  // else "equal"
  std::vector<GradeRule> grades;  // best first
  std::vector<FlagRule> flags;
};

const Scheme& DefaultScheme();

// Parses an assessment's `scheme` given as JSON text: "default" or a partial object.
// Problems carry paths that start with `path`.
absl::StatusOr<Scheme> ParseScheme(absl::string_view json_text,
                                   absl::string_view path = "assessment.scheme",
                                   ProblemList* problems = nullptr);

// The scheme as a complete JSON object (indented), as `zeren scheme --default` prints it.
std::string SchemeToJson(const Scheme& scheme);

}  // namespace zeren

#endif  // ZEREN_SCHEME_H_
