#include "zeren/accountability.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "src/engine/rollup.h"
#include "src/query/hierarchy_walk.h"

namespace zeren {
namespace {

using Rule = ReachPath::Rule;

struct Found {
  Party party;
  ReachPath path;
};

// True when path a is stronger than b: higher degree, then category precedence, then,
// for upward paths, fewer steps.
bool Stronger(const ReachPath& a, const ReachPath& b) {
  if (a.degree != b.degree) return a.degree > b.degree;
  if (a.category != b.category) return a.category < b.category;
  return a.category == Category::kUpward && a.steps < b.steps;
}

Category CategoryOfDuty(DutyCategory category) {
  switch (category) {
    case DutyCategory::kSupervisory: return Category::kSupervisory;
    case DutyCategory::kSpecialized: return Category::kImportantLeadership;
    default: return Category::kMainLeadership;
  }
}

}  // namespace

// The buffers one Accountant reuses from incident to incident.
struct Accountant::Scratch {
  std::vector<walk::Reached> ancestors;
  std::vector<walk::Covering> covering;
  std::vector<Found> found;
  std::vector<Party> parties;         // distinct, in order of discovery
  std::vector<uint32_t> slot;         // found[k] belongs to parties[slot[k]]
  std::vector<ReachPath> best;        // per party slot
  std::vector<uint32_t> order;        // party slots in output order
  std::vector<uint32_t> rank;         // slot -> output position
  std::vector<uint32_t> start;        // output position -> first path
};

Accountant::Accountant(const Snapshot& snapshot) : Accountant(snapshot, snapshot.policy()) {}

Accountant::Accountant(const Snapshot& snapshot, const Policy& policy)
    : snapshot_(snapshot), policy_(policy), scratch_(std::make_unique<Scratch>()) {}

Accountant::~Accountant() = default;

// One incident's pass: the reach rules in the spec's order, then one entry per party.
class Accountant::Pass {
 public:
  Pass(const Snapshot& s, const Policy& policy, Scratch& scratch, IncidentIndex i)
      : s_(s), policy_(policy), x_(scratch), i_(i), unit_(s.incident_unit(i)),
        first_(s.incident_since(i)), last_(s.incident_date(i)), severity_(s.incident_severity(i)) {}

  void Run(Accounting* out) {
    x_.found.clear();
    walk::AncestorsByDistance(s_, unit_, first_, last_, &x_.ancestors);
    ReachDirect();
    ReachMainLeadership();
    ReachImportantLeadership();
    Add({true, unit_}, {Rule::kUnitItself, Category::kOverallLeadership, Degree(Category::kOverallLeadership)});
    ReachDutyHolder();
    ReachSupervisors();
    ReachGuides();
    ReachUpward();
    Merge(out);
  }

 private:
  double Degree(Category c) const { return policy_.degree(c); }
  bool Held(PostIndex post) const { return s_.post_held(post).Touches(first_, last_); }
  Party Person(PostIndex post) const { return {false, s_.post_person(post)}; }

  void Add(Party party, ReachPath path) { x_.found.push_back({party, path}); }

  void ReachDirect() {
    for (PersonIndex p : s_.incident_direct(i_)) {
      Add({false, p}, {Rule::kNamedDirect, Category::kDirect, Degree(Category::kDirect)});
    }
  }

  void ReachMainLeadership() {
    const double degree = Degree(Category::kMainLeadership);
    for (Role role : {Role::kSecretary, Role::kHead}) {
      for (PostIndex post : s_.posts_in(unit_, role)) {
        if (Held(post)) {
          Add(Person(post), {Rule::kLeaderOfUnit, Category::kMainLeadership, degree, post});
        }
      }
    }
    for (PostIndex post : s_.posts_in_charge_of(unit_)) {
      if (IsLeadership(s_.post_role(post)) && Held(post)) {
        Add(Person(post), {Rule::kInChargeOfUnit, Category::kMainLeadership, degree, post});
      }
    }
  }

  void ReachImportantLeadership() {
    const double degree = Degree(Category::kImportantLeadership);
    for (PersonIndex p : s_.incident_participants(i_)) {
      for (PostIndex post : s_.posts_of(p)) {
        const Role role = s_.post_role(post);
        if (s_.post_unit(post) == unit_ && (role == Role::kDeputy || role == Role::kMember) &&
            Held(post)) {
          Add({false, p}, {Rule::kParticipant, Category::kImportantLeadership, degree, post});
          break;
        }
      }
    }
    for (const walk::Reached& r : x_.ancestors) {
      if (r.distance == 0) continue;
      for (PostIndex post : s_.posts_in_charge_of(r.unit)) {
        if (IsLeadership(s_.post_role(post)) && Held(post)) {
          Add(Person(post), {Rule::kInChargeOfAncestor, Category::kImportantLeadership, degree,
                             post, kNoIndex, r.unit, r.distance});
        }
      }
    }
  }

  void ReachDutyHolder() {
    const DutyIndex duty = s_.incident_duty(i_);
    if (duty == kNoIndex) return;
    const UnitIndex holder = s_.duty_unit(duty);
    const std::optional<Role> role = s_.duty_role(duty);
    if (!role) {
      Add({true, holder}, {Rule::kDutyUnit, Category::kOverallLeadership,
                           Degree(Category::kOverallLeadership), kNoIndex, kNoIndex, holder});
      return;
    }
    const Category category = CategoryOfDuty(s_.duty_category(duty));
    for (PostIndex post : s_.posts_in(holder, *role)) {
      if (Held(post)) {
        Add(Person(post), {Rule::kDutyPost, category, Degree(category), post, kNoIndex, holder});
      }
    }
  }

  void ReachSupervisors() {
    walk::NearestCovering(s_, x_.ancestors, LinkKind::kSupervises, first_, last_, &x_.covering);
    const double degree = Degree(Category::kSupervisory);
    for (const walk::Covering& c : x_.covering) {
      for (PostIndex post : s_.posts_in(s_.link_from(c.link), Role::kDisciplineSecretary)) {
        if (Held(post)) {
          Add(Person(post), {Rule::kSupervisor, Category::kSupervisory, degree, post, c.link,
                             s_.link_to(c.link), c.distance});
        }
      }
    }
  }

  void ReachGuides() {
    walk::NearestCovering(s_, x_.ancestors, LinkKind::kGuides, first_, last_, &x_.covering);
    const double degree = Degree(Category::kGuidance);
    for (const walk::Covering& c : x_.covering) {
      Add({false, s_.link_from(c.link)}, {Rule::kGuide, Category::kGuidance, degree, kNoIndex,
                                          c.link, s_.link_to(c.link), c.distance});
    }
  }

  void ReachUpward() {
    if (severity_ < policy_.upward_min_severity) return;
    for (const walk::Reached& r : x_.ancestors) {
      if (r.distance == 0) continue;
      if (r.distance > static_cast<uint32_t>(policy_.upward_max_levels)) break;
      double degree = Degree(Category::kUpward);
      for (uint32_t k = 1; k < r.distance; ++k) degree *= policy_.upward_decay;
      for (Role role : {Role::kSecretary, Role::kHead}) {
        for (PostIndex post : s_.posts_in(r.unit, role)) {
          if (Held(post)) {
            Add(Person(post), {Rule::kUpward, Category::kUpward, degree, post, kNoIndex, r.unit,
                               r.distance});
          }
        }
      }
    }
  }

  // Groups the paths by party, picks each party's strongest, computes its form and orders
  // the parties as the spec's output does.
  void Merge(Accounting* out) {
    AssignSlots();
    OrderParties();
    const size_t n = x_.order.size();
    out->incident = i_;
    out->parties.clear();
    out->adjustments.clear();
    // Each party's paths are a range, in output order; within it, the order found.
    x_.start.assign(n + 1, 0);
    for (uint32_t slot : x_.slot) ++x_.start[x_.rank[slot] + 1];
    for (size_t r = 0; r < n; ++r) x_.start[r + 1] += x_.start[r];
    for (size_t r = 0; r < n; ++r) {
      const uint32_t slot = x_.order[r];
      const ReachPath& best = x_.best[slot];
      AccountableParty party{x_.parties[slot], best.category, best.degree, Form::kNone,
                             best.category == Category::kUpward ? best.steps : 0,
                             x_.start[r], x_.start[r + 1], 0, 0};
      party.adjustment_begin = static_cast<uint32_t>(out->adjustments.size());
      party.form = FormOf(party, &out->adjustments);
      party.adjustment_end = static_cast<uint32_t>(out->adjustments.size());
      out->parties.push_back(party);
    }
    out->paths.resize(x_.found.size());
    x_.start.pop_back();  // now the next free position of each party's range
    for (size_t k = 0; k < x_.found.size(); ++k) {
      out->paths[x_.start[x_.rank[x_.slot[k]]]++] = x_.found[k].path;
    }
  }

  void AssignSlots() {
    x_.parties.clear();
    x_.slot.clear();
    x_.best.clear();
    for (const Found& f : x_.found) {
      auto it = std::find(x_.parties.begin(), x_.parties.end(), f.party);
      const uint32_t slot = static_cast<uint32_t>(it - x_.parties.begin());
      if (it == x_.parties.end()) {
        x_.parties.push_back(f.party);
        x_.best.push_back(f.path);
      } else if (Stronger(f.path, x_.best[slot])) {
        x_.best[slot] = f.path;
      }
      x_.slot.push_back(slot);
    }
  }

  absl::string_view IdOf(const Party& p) const {
    return p.is_unit ? s_.unit_id(p.index) : s_.person_id(p.index);
  }

  void OrderParties() {
    x_.order.resize(x_.parties.size());
    for (uint32_t k = 0; k < x_.order.size(); ++k) x_.order[k] = k;
    std::sort(x_.order.begin(), x_.order.end(), [&](uint32_t a, uint32_t b) {
      const ReachPath& x = x_.best[a];
      const ReachPath& y = x_.best[b];
      if (x.degree != y.degree) return x.degree > y.degree;
      if (x.category != y.category) return x.category < y.category;
      if (x_.parties[a].is_unit != x_.parties[b].is_unit) return !x_.parties[a].is_unit;
      return IdOf(x_.parties[a]) < IdOf(x_.parties[b]);
    });
    x_.rank.resize(x_.order.size());
    for (uint32_t r = 0; r < x_.order.size(); ++r) x_.rank[x_.order[r]] = r;
  }

  // The base form's rung, one lighter per upward level beyond the first, moved by every
  // applicable circumstance entry, clamped to the ladder; none if any entry exempts.
  Form FormOf(const AccountableParty& party, std::vector<Adjustment>* adjustments) const {
    const Ladder ladder = LadderOf(party.category);
    int rung = RungOf(ladder, policy_.form(party.category, severity_));
    if (party.upward_steps > 1) rung -= static_cast<int>(party.upward_steps) - 1;
    bool exempt = false;
    for (const Snapshot::IncidentCircumstance& c : s_.incident_circumstances(i_)) {
      if (c.person != kNoIndex && (party.party.is_unit || c.person != party.party.index)) continue;
      const CircumstanceStep& step = policy_.circumstance(c.kind);
      if (step.exempt) {
        exempt = true;
        adjustments->push_back({c.kind, true, 0});
      } else if (step.step != 0) {
        rung += step.step;
        adjustments->push_back({c.kind, false, step.step});
      }
    }
    if (exempt) return Form::kNone;
    return FormAt(ladder, std::clamp(rung, 0, RungCount(ladder) - 1));
  }

  const Snapshot& s_;
  const Policy& policy_;
  Scratch& x_;
  const IncidentIndex i_;
  const UnitIndex unit_;
  const Date first_, last_;
  const Severity severity_;
};

void Accountant::Account(IncidentIndex i, Accounting* out) {
  Pass(snapshot_, policy_, *scratch_, i).Run(out);
}

std::vector<Accounting> AccountAll(const Snapshot& snapshot, const Policy& policy, int threads) {
  std::vector<Accounting> all(snapshot.incident_count());
  auto answer = [&](int, UnitIndex begin, UnitIndex end) {
    Accountant accountant(snapshot, policy);
    for (UnitIndex u = begin; u < end; ++u) {
      for (IncidentIndex i : snapshot.incidents_at(u)) accountant.Account(i, &all[i]);
    }
  };
  rollup::ParallelRanges(snapshot.unit_count(), snapshot.incident_starts(), threads, answer);
  return all;
}

}  // namespace zeren
