#include "zeren/assessment.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "src/engine/prefix_key.h"
#include "src/engine/rollup.h"
#include "zeren/accountability.h"
#include "zeren/assessment_state.h"
#include "zeren/ledger.h"

namespace zeren {
namespace {

bool IsMainLeader(Role role) { return role == Role::kSecretary || role == Role::kHead; }

rollup::Rule RuleOf(const Scheme& scheme) {
  return {scheme.rollup_own, scheme.rollup_subordinates, scheme.weight_by_members};
}

rollup::UnitTree TreeOf(const Snapshot& s, absl::Span<const uint32_t> level_start) {
  return {s.child_starts(), s.child_array(),  s.child_weight_array(),
          s.parent_starts(), s.parent_array(), level_start};
}

rollup::Columns ColumnsOf(const std::vector<double>& own, const std::vector<double>& members,
                          std::vector<double>* subtree_members, std::vector<double>* total) {
  return {own, members, absl::MakeSpan(*subtree_members), absl::MakeSpan(*total)};
}

class Assessor {
 public:
  Assessor(const Snapshot& s, const Scheme& scheme, const AssessOptions& options)
      : s_(s),
        scheme_(scheme),
        period_(s.assessment_period()),
        last_day_(period_.to - 1),
        threads_(rollup::ThreadsFor(options.threads, s.unit_count())),
        score_members_(options.score_members) {}

  Assessment Run() {
    Assessment a{period_, scheme_, std::vector<UnitAssessment>(s_.unit_count()), {}, {}};
    ResolveIndicators();
    ScoreOwn(&a.units);
    RollUp(&a.units);
    Finish(&a);
    return a;
  }

  // Grades, vetoes, quotas, ranks, flags and people's scores from the units' totals.
  void Finish(Assessment* a) {
    FindUnitsHeldAccountable();
    for (UnitAssessment& ua : a->units) Grade(&ua);
    ApplyQuotasAndRanks(a);
    for (UnitAssessment& ua : a->units) SetFlags(&ua);
    ScorePeople(a);
  }

 private:
  bool InPeriod(Date day) const { return period_.Contains(day); }

  // Maps the snapshot's indicator ids to the scheme's indicator slots.
  void ResolveIndicators() {
    absl::flat_hash_map<absl::string_view, uint32_t> slot_of;
    for (const Dimension& d : scheme_.dimensions) {
      for (const Indicator& i : d.indicators) {
        slot_of.emplace(i.id, static_cast<uint32_t>(maxima_.size()));
        maxima_.push_back(i.max);
        if (i.from_ledger) needs_rates_ = true;
      }
    }
    for (const std::string& id : s_.indicator_ids()) {
      auto it = slot_of.find(id);
      slot_.push_back(it == slot_of.end() ? kNoIndex : it->second);
    }
    if (needs_rates_) rates_ = OnTimeRates(s_, period_);
  }

  // Units that an incident of the period holds to account as organizations. The incidents
  // are answered unit by unit, as AccountAll does, the units split between the threads,
  // each with its own Accountant (it keeps scratch space); their findings are or-ed, so
  // every thread count finds the same units.
  void FindUnitsHeldAccountable() {
    const uint32_t n = s_.unit_count();
    std::vector<std::vector<uint8_t>> held(threads_, std::vector<uint8_t>(n, 0));
    auto answer = [&](int t, UnitIndex begin, UnitIndex end) {
      Accountant accountant(s_);
      Accounting result;
      for (UnitIndex u = begin; u < end; ++u) {
        for (IncidentIndex i : s_.incidents_at(u)) {
          if (!InPeriod(s_.incident_date(i))) continue;
          accountant.Account(i, &result);
          for (const AccountableParty& p : result.parties) {
            if (p.party.is_unit && p.form != Form::kNone) held[t][p.party.index] = 1;
          }
        }
      }
    };
    rollup::ParallelRanges(n, s_.incident_starts(), threads_, answer);
    held_.assign(n, false);
    for (const std::vector<uint8_t>& found : held) {
      for (UnitIndex u = 0; u < n; ++u) held_[u] = held_[u] || found[u];
    }
  }

  // What scoring one unit's own result needs besides the snapshot, one per thread.
  struct Scratch {
    std::vector<double> points;      // by indicator slot
    std::vector<uint32_t> seen;      // by record person: the last unit that counted them
    std::vector<PersonIndex> rows;   // roster people with other posts, counted for this unit
  };

  // Every unit's own result, the units split between the threads by their posts (each
  // unit's result is its own, so every thread count gives the same).
  void ScoreOwn(std::vector<UnitAssessment>* units) const {
    const uint32_t n = s_.unit_count();
    std::vector<uint32_t> post_start(n + 1, 0);
    for (UnitIndex u = 0; u < n; ++u) {
      post_start[u + 1] = post_start[u] + static_cast<uint32_t>(s_.posts_in(u).size()) + 1;
    }
    rollup::ParallelRanges(n, post_start, threads_, [&](int, uint32_t begin, uint32_t end) {
      Scratch scratch{std::vector<double>(maxima_.size()),
                      std::vector<uint32_t>(s_.record_people(), kNoIndex), {}};
      for (UnitIndex u = begin; u < end; ++u) (*units)[u] = Own(u, &scratch);
    });
  }

  // The unit's indicator score; `points_by_slot` is scratch space.
  double IndicatorScore(UnitIndex u, std::vector<double>* points_by_slot) const {
    std::vector<double>& points = *points_by_slot;
    std::fill(points.begin(), points.end(), 0.0);
    for (const Snapshot::PointsEntry& e : s_.points_of(u)) {
      if (slot_[e.indicator] != kNoIndex) points[slot_[e.indicator]] += e.value;
    }
    double score = 0, weights = 0;
    uint32_t slot = 0;
    for (const Dimension& d : scheme_.dimensions) {
      double clamped = 0, maxima = 0;
      for (const Indicator& i : d.indicators) {
        const double value = i.from_ledger ? i.max * rates_[u] : points[slot];
        clamped += std::clamp(value, 0.0, i.max);
        maxima += i.max;
        ++slot;
      }
      score += d.weight * 100 * clamped / maxima;
      weights += d.weight;
    }
    return score / weights;
  }

  // Each incident of the period deducts by severity times its circumstance factors; those
  // sharing a case deduct once, the largest.
  void Deduct(UnitIndex u, UnitAssessment* ua) const {
    for (IncidentIndex i : s_.incidents_at(u)) {
      if (!InPeriod(s_.incident_date(i))) continue;
      uint32_t kinds = 0;
      for (const Snapshot::IncidentCircumstance& c : s_.incident_circumstances(i)) {
        kinds |= 1u << static_cast<int>(c.kind);
      }
      double factor = 1;
      for (int k = 0; k < 8; ++k) {
        if (kinds & (1u << k)) factor *= scheme_.factors[k];
      }
      const double base = scheme_.deductions[static_cast<int>(s_.incident_severity(i))];
      ua->deductions.push_back({i, base, factor, base * factor, true});
    }
    for (size_t a = 0; a < ua->deductions.size(); ++a) {
      Deduction& x = ua->deductions[a];
      const absl::string_view case_id = s_.incident_case(x.incident);
      if (case_id.empty()) continue;
      for (size_t b = 0; b < ua->deductions.size(); ++b) {
        const Deduction& y = ua->deductions[b];
        if (b == a || s_.incident_case(y.incident) != case_id) continue;
        // The largest counts; among equals, the first.
        if (y.points > x.points || (y.points == x.points && b < a)) x.counted = false;
      }
    }
    double total = 0;
    for (const Deduction& d : ua->deductions) total += d.counted ? d.points : 0;
    ua->deduction_capped = total > scheme_.deduction_cap;
    ua->deducted = std::min(total, scheme_.deduction_cap);
  }

  // The mean appraisal of the people holding a post in u on some day of the period, each
  // once, summed in posts_in order. A roster row's person needs no check unless they hold
  // record posts too: their row's post is their only one in posts_in(u).
  std::optional<double> Members(UnitIndex u, Scratch* scratch) const {
    double sum = 0;
    uint32_t count = 0;
    scratch->rows.clear();
    for (PostIndex post : s_.posts_in(u)) {
      if (!s_.post_held(post).Touches(period_.from, last_day_)) continue;
      const PersonIndex p = s_.post_person(post);
      if (!FirstTimeIn(u, p, scratch)) continue;
      sum += s_.appraisal_sum(p);
      count += s_.appraisal_count(p);
    }
    if (count == 0) return std::nullopt;
    return sum / count;
  }

  // Whether p is counted for u for the first time, marking them counted.
  bool FirstTimeIn(UnitIndex u, PersonIndex p, Scratch* scratch) const {
    if (p < s_.record_people()) {
      if (scratch->seen[p] == u) return false;
      scratch->seen[p] = u;
      return true;
    }
    if (s_.posts_of(p).size() == 1) return true;
    std::vector<PersonIndex>& rows = scratch->rows;
    if (std::find(rows.begin(), rows.end(), p) != rows.end()) return false;
    rows.push_back(p);
    return true;
  }

  UnitAssessment Own(UnitIndex u, Scratch* scratch) const {
    UnitAssessment ua{};
    ua.unit = u;
    ua.indicators = IndicatorScore(u, &scratch->points);
    Deduct(u, &ua);
    ua.bonus_capped = s_.bonus_sum(u) > scheme_.bonus_cap;
    ua.bonus = std::min(s_.bonus_sum(u), scheme_.bonus_cap);
    ua.daily = std::clamp(ua.indicators - ua.deducted + ua.bonus, 0.0, 100.0);
    if (s_.review_count(u) > 0) ua.review = s_.review_sum(u) / s_.review_count(u);
    const Snapshot::Votes& v = s_.votes(u);
    const double votes = v.good + v.fairly_good + v.average + v.poor;
    if (votes > 0) {
      const auto& value = scheme_.ballot_values;
      ua.ballot = (v.good * value[0] + v.fairly_good * value[1] + v.average * value[2] +
                   v.poor * value[3]) /
                  votes;
    }
    ua.members = Members(u, scratch);
    double weighted = scheme_.daily_weight * ua.daily, weights = scheme_.daily_weight;
    for (const auto& [score, weight] : {std::make_pair(ua.review, scheme_.review_weight),
                                        std::make_pair(ua.ballot, scheme_.ballot_weight),
                                        std::make_pair(ua.members, scheme_.members_weight)}) {
      if (!score) continue;
      weighted += weight * *score;
      weights += weight;
    }
    ua.own = weights > 0 ? weighted / weights : ua.daily;
    return ua;
  }

  // m(u) and total(u) of every unit by the flat-array kernel (src/engine/rollup.h).
  void RollUp(std::vector<UnitAssessment>* units) const {
    const uint32_t n = s_.unit_count();
    std::vector<double> own(n), members(n), subtree_members(n), total(n);
    for (UnitIndex u = 0; u < n; ++u) {
      own[u] = (*units)[u].own;
      members[u] = static_cast<double>(s_.unit_members(u));
    }
    const std::vector<uint32_t> levels = rollup::LevelStarts(s_.unit_levels());
    rollup::RollUp(TreeOf(s_, levels), RuleOf(scheme_),
                   ColumnsOf(own, members, &subtree_members, &total), threads_);
    for (UnitIndex u = 0; u < n; ++u) {
      (*units)[u].subtree_members = subtree_members[u];
      (*units)[u].total = total[u];
    }
  }

  void Grade(UnitAssessment* ua) const {
    const int32_t last = static_cast<int32_t>(scheme_.grades.size()) - 1;
    ua->threshold_grade = last;
    for (int32_t g = 0; g <= last; ++g) {
      if (scheme_.grades[g].min <= ua->total) {
        ua->threshold_grade = g;
        break;
      }
    }
    ua->grade = ua->threshold_grade;
    for (int32_t v = 0; v < static_cast<int32_t>(scheme_.vetoes.size()); ++v) {
      const Veto& veto = scheme_.vetoes[v];
      for (IncidentIndex i : s_.incidents_at(ua->unit)) {
        if (InPeriod(s_.incident_date(i)) && s_.incident_severity(i) >= veto.severity) {
          ua->vetoes.push_back({v, i});
          ua->grade = std::max(ua->grade, veto.max_grade);
          break;
        }
      }
    }
  }

  // Within each peer group, grade by grade from the best, at most floor(quota × n) units keep
  // a grade with a quota (highest totals, ties by id); the rest move one grade down.
  void ApplyQuotasAndRanks(Assessment* a) const {
    const std::vector<RankKey> keys = RankKeys(*a);
    std::vector<UnitIndex> order(keys.size());
    for (size_t k = 0; k < keys.size(); ++k) order[k] = keys[k].unit;
    for (size_t begin = 0; begin < keys.size();) {
      size_t end = begin;
      while (end < keys.size() && keys[end].group == keys[begin].group) ++end;
      const size_t n = end - begin;
      for (size_t g = 0; g + 1 < scheme_.grades.size(); ++g) {
        if (!scheme_.grades[g].quota) continue;
        const size_t keep = static_cast<size_t>(std::floor(*scheme_.grades[g].quota * n));
        size_t kept = 0;
        for (size_t k = begin; k < end; ++k) {
          UnitAssessment& ua = a->units[order[k]];
          if (ua.grade != static_cast<int32_t>(g) || ++kept <= keep) continue;
          if (!ua.quota_cut_from) ua.quota_cut_from = ua.grade;
          ++ua.grade;
        }
      }
      for (size_t k = begin; k < end; ++k) a->units[order[k]].rank = static_cast<uint32_t>(k - begin + 1);
      begin = end;
    }
    a->order = std::move(order);
  }

  // A unit's place in the ranking: its peer group (the kind's place by name), then total,
  // then id, whose first 8 bytes come along so that most ties need no look at the id.
  struct RankKey {
    uint32_t group;
    UnitIndex unit;
    double total;
    uint64_t id_prefix;
  };

  // Every unit's key, sorted: by group, then total from the highest, then id. Kinds are
  // compared once each and ids mostly by their prefixes, so the sort moves 24-byte keys
  // rather than comparing strings: a national organization has millions of equal totals,
  // and each string comparison missed the cache twice. The order is total, so any split
  // gives the same.
  std::vector<RankKey> RankKeys(const Assessment& a) const {
    std::vector<uint32_t> kinds(s_.kind_count());
    for (uint32_t k = 0; k < kinds.size(); ++k) kinds[k] = k;
    std::sort(kinds.begin(), kinds.end(),
              [&](uint32_t x, uint32_t y) { return s_.kind(x) < s_.kind(y); });
    std::vector<uint32_t> group(kinds.size());
    for (uint32_t g = 0; g < kinds.size(); ++g) group[kinds[g]] = g;

    std::vector<RankKey> keys(s_.unit_count());
    for (UnitIndex u = 0; u < keys.size(); ++u) {
      keys[u] = {group[s_.unit_kind_index(u)], u, a.units[u].total, PrefixKey(s_.unit_id(u))};
    }
    auto before = [&](const RankKey& x, const RankKey& y) {
      if (x.group != y.group) return x.group < y.group;
      if (x.total != y.total) return x.total > y.total;
      if (x.id_prefix != y.id_prefix) return x.id_prefix < y.id_prefix;
      return s_.unit_id(x.unit) < s_.unit_id(y.unit);
    };
    // Each thread sorts a chunk; the chunks are then merged in turn.
    std::vector<uint32_t> chunk_end(threads_);
    rollup::ParallelRanges(s_.unit_count(), {}, threads_, [&](int t, uint32_t begin, uint32_t end) {
      std::sort(keys.begin() + begin, keys.begin() + end, before);
      chunk_end[t] = end;
    });
    for (int t = 1; t < threads_; ++t) {
      std::inplace_merge(keys.begin(), keys.begin() + chunk_end[t - 1],
                         keys.begin() + chunk_end[t], before);
    }
    return keys;
  }

  void SetFlags(UnitAssessment* ua) const {
    for (int32_t f = 0; f < static_cast<int32_t>(scheme_.flags.size()); ++f) {
      const FlagRule& rule = scheme_.flags[f];
      bool set = rule.grades.empty() ||
                 std::find(rule.grades.begin(), rule.grades.end(), ua->grade) != rule.grades.end();
      if (rule.held_accountable) set = set && held_[ua->unit] == *rule.held_accountable;
      if (rule.incident_at_least) {
        const auto incidents = s_.incidents_at(ua->unit);
        set = set && std::any_of(incidents.begin(), incidents.end(), [&](IncidentIndex i) {
                return InPeriod(s_.incident_date(i)) && s_.incident_severity(i) >= *rule.incident_at_least;
              });
      }
      if (set) ua->flags.push_back(f);
    }
  }

  // Everyone holding a post in the period, in person order; without the roster's rows when
  // they are left to ScorePerson.
  void ScorePeople(Assessment* a) const {
    const PersonIndex end = score_members_ ? s_.person_count() : s_.record_people();
    a->people.reserve(end);  // nearly everyone holds a post: no regrowth
    for (PersonIndex p = 0; p < end; ++p) {
      if (std::optional<PersonScore> score = ScorePerson(s_, *a, p)) {
        a->people.push_back(*std::move(score));
      }
    }
  }

  const Snapshot& s_;
  const Scheme& scheme_;
  const Interval period_;
  const Date last_day_;
  std::vector<double> maxima_;
  std::vector<uint32_t> slot_;
  bool needs_rates_ = false;
  std::vector<double> rates_;
  std::vector<bool> held_;
  const int threads_;
  const bool score_members_;
};

}  // namespace

std::optional<PersonScore> ScorePerson(const Snapshot& s, const Assessment& a, PersonIndex p) {
  PersonScore score{p, 0, {}};
  for (PostIndex post : s.posts_of(p)) {
    if (!s.post_held(post).Touches(a.period.from, a.period.to - 1)) continue;
    const auto charge = s.post_in_charge_of(post);
    double value = a.units[s.post_unit(post)].total;
    if (!IsMainLeader(s.post_role(post)) && !charge.empty()) {
      value = 0;
      for (UnitIndex u : charge) value += a.units[u].total;
      value /= charge.size();
    }
    score.score += value;
    score.posts.push_back(post);
  }
  if (score.posts.empty()) return std::nullopt;
  score.score /= score.posts.size();
  return score;
}

std::vector<SubordinateContribution> SubordinatesOf(const Snapshot& s, const Assessment& a,
                                                    UnitIndex u) {
  std::vector<SubordinateContribution> out;
  const auto children = s.children(u);
  const auto link_weights = s.child_weights(u);
  for (size_t k = 0; k < children.size(); ++k) {
    const UnitAssessment& child = a.units[children[k]];
    const double w =
        a.scheme.weight_by_members ? link_weights[k] * child.subtree_members : link_weights[k];
    out.push_back({children[k], w, child.total});
  }
  return out;
}

absl::StatusOr<Assessment> Assess(const Snapshot& snapshot) {
  return Assess(snapshot, snapshot.scheme());
}

absl::StatusOr<Assessment> Assess(const Snapshot& snapshot, const Scheme& scheme,
                                  const AssessOptions& options) {
  if (!snapshot.has_assessment()) {
    return absl::FailedPreconditionError("the model has no `assessment` section");
  }
  return Assessor(snapshot, scheme, options).Run();
}

// ---- AssessmentState ---------------------------------------------------------------------

absl::StatusOr<AssessmentState> AssessmentState::Create(const Snapshot& snapshot,
                                                        const Scheme& scheme,
                                                        const AssessOptions& options) {
  absl::StatusOr<Assessment> a = Assess(snapshot, scheme, options);
  if (!a.ok()) return a.status();
  return AssessmentState(snapshot, *std::move(a), options);
}

AssessmentState::AssessmentState(const Snapshot& snapshot, Assessment assessment,
                                 const AssessOptions& options)
    : snapshot_(snapshot),
      assessment_(std::move(assessment)),
      options_(options),
      level_start_(rollup::LevelStarts(snapshot_.unit_levels())) {
  for (UnitIndex u = 0; u < snapshot_.unit_count(); ++u) {
    const UnitAssessment& ua = assessment_.units[u];
    own_.push_back(ua.own);
    members_.push_back(static_cast<double>(snapshot_.unit_members(u)));
    subtree_members_.push_back(ua.subtree_members);
    total_.push_back(ua.total);
  }
}

absl::Status AssessmentState::CheckUnit(UnitIndex u) const {
  if (u < snapshot_.unit_count()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrFormat("unit index %u is out of range (%u units)", u,
                                                    snapshot_.unit_count()));
}

absl::Status AssessmentState::UpdateOwn(UnitIndex u, double own) {
  if (absl::Status status = CheckUnit(u); !status.ok()) return status;
  own_[u] = own;
  assessment_.units[u].own = own;
  RollUpFrom(u);
  return absl::OkStatus();
}

absl::Status AssessmentState::UpdateMembers(UnitIndex u, int64_t members) {
  if (absl::Status status = CheckUnit(u); !status.ok()) return status;
  if (members < 0) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "members of %s must be >= 0, not %d", snapshot_.DescribeUnit(u), members));
  }
  members_[u] = static_cast<double>(members);
  RollUpFrom(u);
  return absl::OkStatus();
}

void AssessmentState::RollUpFrom(UnitIndex u) {
  rollup::RollUpAncestors(TreeOf(snapshot_, level_start_), RuleOf(assessment_.scheme),
                          ColumnsOf(own_, members_, &subtree_members_, &total_), u, &touched_);
  for (UnitIndex v : touched_) {
    assessment_.units[v].subtree_members = subtree_members_[v];
    assessment_.units[v].total = total_[v];
  }
}

void AssessmentState::Regrade() {
  for (UnitAssessment& ua : assessment_.units) {
    ua.quota_cut_from.reset();
    ua.vetoes.clear();
    ua.flags.clear();
  }
  assessment_.people.clear();
  Assessor(snapshot_, assessment_.scheme, options_).Finish(&assessment_);
}

}  // namespace zeren
