// Integrated assessment (统筹考核): every unit's components, own score, rolled-up total,
// grade (thresholds, vetoes, quotas), rank and linkage flags over the assessment period, and
// every leader's score — each with the reasons behind it. Rules: spec/model-format.md,
// "Scheme (assessment)".
#ifndef ZEREN_ASSESSMENT_H_
#define ZEREN_ASSESSMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "zeren/scheme.h"
#include "zeren/snapshot.h"

namespace zeren {

struct Deduction {
  IncidentIndex incident;
  double base;    // deductions[severity]
  double factor;  // product of the factors of the distinct circumstance kinds on it
  double points;  // base × factor
  bool counted;   // false when another incident of the same case deducted more
};

struct VetoApplied {
  int32_t veto;  // into scheme.vetoes
  IncidentIndex incident;
};

struct SubordinateContribution {
  UnitIndex unit;
  double weight;  // w(c, u): the link's weight, times the subtree's members when so weighted
  double total;
};

struct UnitAssessment {
  UnitIndex unit;
  // Components; `daily` is always present.
  double indicators;  // the weighted indicator score, before deductions and bonuses
  double deducted;    // after the cap
  bool deduction_capped;
  double bonus;  // after the cap
  bool bonus_capped;
  double daily;
  std::optional<double> review, ballot, members;
  double own, total;
  double subtree_members;  // m(u)
  int32_t threshold_grade;  // the first grade whose min <= total
  int32_t grade;            // after vetoes and quotas
  std::optional<int32_t> quota_cut_from;  // the grade a quota moved it down from
  uint32_t rank;                          // 1-based within the peer group
  // Empty unless something applies: a unit costs no allocation of its own.
  std::vector<Deduction> deductions;
  std::vector<VetoApplied> vetoes;
  std::vector<int32_t> flags;  // into scheme.flags
};

struct PersonScore {
  PersonIndex person;
  double score;
  // The posts held in the period that the score averages. Inline up to 4: at national
  // scale a hundred million members each hold one, and a heap block each would cost 7 GB.
  absl::InlinedVector<PostIndex, 4> posts;
};

struct Assessment {
  Interval period;
  Scheme scheme;
  std::vector<UnitAssessment> units;  // by UnitIndex
  // Units by peer group (kind, by name), then rank.
  std::vector<UnitIndex> order;
  // People holding a post in the period, in person order (the roster's rows left out when
  // AssessOptions::score_members is false).
  std::vector<PersonScore> people;
};

struct AssessOptions {
  // Threads for the roll-up. 0: the hardware's (at most 8), or 1 below 65536 units where
  // starting threads costs more than it saves; 1: one pass on the calling thread. Every
  // count gives the same results, bit for bit.
  int threads = 0;
  // false: `people` leaves out the member roster's rows, whose scores ScorePerson gives on
  // demand. A row is a plain member scored by their branch's total, and a national
  // organization's hundred million of them would cost about 4 GB here.
  bool score_members = true;
};

// Assesses the snapshot's assessment inputs with its scheme, or with `scheme` (which must
// come from ParseScheme or DefaultScheme: a hand-built one is not checked). Fails with
// FailedPrecondition when the model has no `assessment`.
absl::StatusOr<Assessment> Assess(const Snapshot& snapshot);
absl::StatusOr<Assessment> Assess(const Snapshot& snapshot, const Scheme& scheme,
                                  const AssessOptions& options = {});

// Person p's score as `people` has it, or nullopt when p holds no post in the period: the
// mean over p's posts in the period of the unit's total (secretary or head) or of the mean
// total of the units in charge of (other roles with any). p must be below person_count();
// of an assessment a View restricted, ask only for people inside the view.
std::optional<PersonScore> ScorePerson(const Snapshot& snapshot, const Assessment& assessment,
                                       PersonIndex p);

// What each subordinate of u contributed to its total, in child order (derived from the
// snapshot and the totals, so the roll-up itself stores nothing per edge).
std::vector<SubordinateContribution> SubordinatesOf(const Snapshot& snapshot,
                                                    const Assessment& assessment, UnitIndex u);

// Readable reasons for a unit's result: components, deductions, caps, vetoes, the quota
// cut, subordinates' contributions and flags, one line each, with names and ids.
std::vector<std::string> Explain(const Snapshot& snapshot, const Assessment& assessment,
                                 UnitIndex u);

}  // namespace zeren

#endif  // ZEREN_ASSESSMENT_H_
