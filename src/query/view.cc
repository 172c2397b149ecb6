// Views restrict the engines' results after the fact: the engines run on the whole snapshot
// (an outside superior still decides who answers upward), and this layer drops or redacts
// whatever names something outside. Membership is two bitsets computed once.
#include "zeren/view.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "src/engine/accountability_text.h"
#include "src/query/hierarchy_walk.h"

namespace zeren {
namespace {

absl::Status Outside(absl::string_view what, absl::string_view id) {
  return absl::NotFoundError(absl::StrCat(what, " \"", id, "\" is ", kOutsideThisView));
}

constexpr absl::string_view kOutsideUnit = "a unit outside this view";
constexpr absl::string_view kOutsidePerson = "a person outside this view";

}  // namespace

// "name (id)" for what is inside, a placeholder for what is not.
class View::Namer : public zeren::Namer {
 public:
  explicit Namer(const View& view) : v_(view) {}
  std::string Unit(UnitIndex u) const override {
    return v_.HasUnit(u) ? v_.snapshot_.DescribeUnit(u) : std::string(kOutsideUnit);
  }
  std::string Person(PersonIndex p) const override {
    return v_.HasPerson(p) ? v_.snapshot_.DescribePerson(p) : std::string(kOutsidePerson);
  }

 private:
  const View& v_;
};

absl::StatusOr<View> View::Create(const Snapshot& snapshot, absl::Span<const std::string> roots) {
  if (roots.empty()) return absl::InvalidArgumentError("a view needs at least one root unit");
  View view(snapshot);
  const Snapshot& s = view.snapshot_;
  view.unit_inside_.assign(s.unit_count(), false);
  for (const std::string& id : roots) {
    const std::optional<UnitIndex> u = s.FindUnit(id);
    if (!u) return absl::NotFoundError(absl::StrCat("unknown unit \"", id, "\""));
    if (view.unit_inside_[*u]) continue;
    view.unit_inside_[*u] = true;
    view.roots_.push_back(*u);
  }
  // Level order puts every parent before its children: one pass reaches the whole subtree.
  for (UnitIndex u = 0; u < s.unit_count(); ++u) {
    if (!view.unit_inside_[u]) {
      for (UnitIndex p : s.parents(u)) {
        if (view.unit_inside_[p]) {
          view.unit_inside_[u] = true;
          break;
        }
      }
    }
    view.unit_count_ += view.unit_inside_[u];
  }
  view.person_inside_.assign(s.person_count(), false);
  for (PostIndex post = 0; post < s.post_count(); ++post) {
    if (view.unit_inside_[s.post_unit(post)]) view.person_inside_[s.post_person(post)] = true;
  }
  view.person_count_ = static_cast<uint32_t>(
      std::count(view.person_inside_.begin(), view.person_inside_.end(), true));
  return view;
}

bool View::HasIncident(IncidentIndex i) const {
  return i < snapshot_.incident_count() && HasUnit(snapshot_.incident_unit(i));
}

absl::StatusOr<UnitIndex> View::FindUnit(absl::string_view id) const {
  const std::optional<UnitIndex> u = snapshot_.FindUnit(id);
  if (!u || !HasUnit(*u)) return Outside("unit", id);
  return *u;
}

absl::StatusOr<PersonIndex> View::FindPerson(absl::string_view id) const {
  const std::optional<PersonIndex> p = snapshot_.FindPerson(id);
  if (!p || !HasPerson(*p)) return Outside("person", id);
  return *p;
}

absl::StatusOr<IncidentIndex> View::FindIncident(absl::string_view id) const {
  const std::optional<IncidentIndex> i = snapshot_.FindIncident(id);
  if (!i || !HasIncident(*i)) return Outside("incident", id);
  return *i;
}

// ---- chains -------------------------------------------------------------------------------

absl::StatusOr<Chain> View::ChainOf(absl::string_view unit, Date as_of) const {
  absl::StatusOr<UnitIndex> u = FindUnit(unit);
  if (!u.ok()) return u.status();
  absl::StatusOr<Chain> chain = zeren::ChainOf(snapshot_, *u, as_of);
  if (!chain.ok()) return chain.status();
  return Restrict(*std::move(chain));
}

// Everything the entry's reason names: its person and unit, the post's unit, the link's
// ends, and for an in-charge entry the unit the post is in charge of (the nearest ancestor
// its in_charge_of names, as ChainOf finds it).
bool View::ChainEntryInside(const Chain& chain, const ChainEntry& e) const {
  const Snapshot& s = snapshot_;
  if (e.person != kNoIndex && !HasPerson(e.person)) return false;
  if (!UnitInside(e.unit)) return false;
  if (e.post != kNoIndex && (!HasUnit(s.post_unit(e.post)) || !HasPerson(s.post_person(e.post)))) {
    return false;
  }
  if (e.link != kNoIndex) {
    const bool from_person = s.link_kind(e.link) == LinkKind::kGuides;
    const uint32_t from = s.link_from(e.link);
    if (!HasUnit(s.link_to(e.link)) || !(from_person ? HasPerson(from) : HasUnit(from))) {
      return false;
    }
  }
  if (e.kind == ChainEntry::Kind::kInCharge) {
    const auto charged = s.post_in_charge_of(e.post);
    for (const walk::Reached& r : walk::AncestorsByDistance(s, chain.unit, chain.as_of)) {
      if (std::find(charged.begin(), charged.end(), r.unit) != charged.end()) {
        return HasUnit(r.unit);
      }
    }
  }
  return true;
}

Chain View::Restrict(Chain chain) const {
  for (ChainEntry& e : chain.entries) {
    if (ChainEntryInside(chain, e)) continue;
    e = ChainEntry{e.kind, kNoIndex, kNoIndex, kNoIndex, kNoIndex, e.distance,
                   std::string(kOutsideThisView)};
  }
  return chain;
}

// ---- person views -------------------------------------------------------------------------

absl::StatusOr<PersonView> View::ResponsibilitiesOf(absl::string_view person, Date as_of) const {
  absl::StatusOr<PersonIndex> p = FindPerson(person);
  if (!p.ok()) return p.status();
  return Restrict(zeren::ResponsibilitiesOf(snapshot_, *p, as_of));
}

bool View::ResponsibilityInside(const Responsibility& r) const {
  const Snapshot& s = snapshot_;
  if (!UnitInside(r.unit)) return false;
  if (r.post != kNoIndex && !HasUnit(s.post_unit(r.post))) return false;
  if (r.link != kNoIndex) {
    if (!HasUnit(s.link_to(r.link))) return false;
    if (s.link_kind(r.link) != LinkKind::kGuides && !HasUnit(s.link_from(r.link))) return false;
  }
  return r.duty == kNoIndex || HasUnit(s.duty_unit(r.duty));
}

PersonView View::Restrict(PersonView view) const {
  auto& entries = view.entries;
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const Responsibility& r) { return !ResponsibilityInside(r); }),
                entries.end());
  return view;
}

absl::StatusOr<std::vector<PostIndex>> View::HoldersOf(absl::string_view unit, Role role,
                                                       Date as_of) const {
  absl::StatusOr<UnitIndex> u = FindUnit(unit);
  if (!u.ok()) return u.status();
  return zeren::HoldersOf(snapshot_, *u, role, as_of);
}

// ---- accountability -----------------------------------------------------------------------

absl::StatusOr<ViewAccounting> View::Account(absl::string_view incident) const {
  return Account(incident, snapshot_.policy());
}

absl::StatusOr<ViewAccounting> View::Account(absl::string_view incident,
                                             const Policy& policy) const {
  absl::StatusOr<IncidentIndex> i = FindIncident(incident);
  if (!i.ok()) return i.status();
  Accounting accounting;
  Accountant(snapshot_, policy).Account(*i, &accounting);
  return Restrict(accounting);
}

std::vector<ViewAccounting> View::AccountAll() const { return AccountAll(snapshot_.policy()); }

std::vector<ViewAccounting> View::AccountAll(const Policy& policy) const {
  std::vector<ViewAccounting> all;
  Accountant accountant(snapshot_, policy);
  Accounting accounting;
  for (IncidentIndex i = 0; i < snapshot_.incident_count(); ++i) {
    if (!HasIncident(i)) continue;
    accountant.Account(i, &accounting);
    all.push_back(Restrict(accounting));
  }
  return all;
}

ViewAccounting View::Restrict(const Accounting& a) const {
  const Namer namer(*this);
  ViewAccounting out{a.incident, {}};
  out.parties.reserve(a.parties.size());
  for (const AccountableParty& p : a.parties) {
    ViewParty party{std::nullopt, p.category, p.degree, p.form, p.upward_steps, {}, {}};
    for (const Adjustment& adjustment : a.AdjustmentsOf(p)) {
      party.adjustments.push_back(Describe(adjustment));
    }
    if (p.party.is_unit ? HasUnit(p.party.index) : HasPerson(p.party.index)) {
      party.party = p.party;
      for (const ReachPath& path : a.PathsOf(p)) {
        party.because.push_back(DescribePath(snapshot_, namer, a.incident, p.party, path));
      }
    } else {
      party.because.emplace_back(kOutsideThisView);
    }
    out.parties.push_back(std::move(party));
  }
  return out;
}

// ---- the ledger ---------------------------------------------------------------------------

LedgerReport View::LedgerAsOf(Date as_of) const {
  return Restrict(zeren::LedgerAsOf(snapshot_, as_of));
}

// The profile counted over inside units only, as LedgerAsOf counts: one holding per
// (level, unit), done when all its tasks there are, on time when all were by their due dates.
DirectiveProfile View::RestrictProfile(const DirectiveProfile& profile, Date as_of,
                                       bool* visible) const {
  const Snapshot& s = snapshot_;
  const DirectiveIndex d = profile.directive;
  *visible = HasUnit(s.directive_issuer(d));
  struct Holding {
    uint32_t level;
    UnitIndex unit;
    bool done, on_time;
  };
  std::vector<Holding> holdings;
  const uint32_t issuer_level = s.unit_level(s.directive_issuer(d));
  for (TaskIndex t = s.directive_first_task(d); t < s.directive_end_task(d); ++t) {
    if (!HasUnit(s.task_unit(t))) continue;
    *visible = true;
    if (s.task_status(t) == TaskStatus::kCancelled) continue;
    const bool done = LightOf(s, t, as_of) == Light::kDone;
    holdings.push_back({s.unit_level(s.task_unit(t)) - issuer_level, s.task_unit(t), done,
                        done && s.task_completed(t) <= s.task_due(t)});
  }
  std::stable_sort(holdings.begin(), holdings.end(), [](const Holding& a, const Holding& b) {
    return std::tie(a.level, a.unit) < std::tie(b.level, b.unit);
  });
  DirectiveProfile out{d, {}, {}};
  for (size_t k = 0; k < holdings.size();) {
    const Holding& first = holdings[k];
    bool done = true, on_time = true;
    for (; k < holdings.size() && holdings[k].level == first.level &&
           holdings[k].unit == first.unit;
         ++k) {
      done &= holdings[k].done;
      on_time &= holdings[k].on_time;
    }
    if (out.levels.empty() || out.levels.back().level != first.level) {
      out.levels.push_back({first.level, 0, 0, 0});
    }
    ++out.levels.back().reached;
    out.levels.back().done += done;
    out.levels.back().on_time += on_time;
  }
  // Every subordinate of an inside unit is inside, so an inside break point is one in the
  // view too: the filter is exact.
  for (UnitIndex u : profile.break_points) {
    if (HasUnit(u)) out.break_points.push_back(u);
  }
  return out;
}

LedgerReport View::Restrict(const LedgerReport& report) const {
  LedgerReport out{report.as_of, {}, {}, {}};
  for (size_t k = 0; k < report.tasks.size(); ++k) {
    if (!HasUnit(snapshot_.task_unit(report.tasks[k]))) continue;
    out.tasks.push_back(report.tasks[k]);
    out.lights.push_back(report.lights[k]);
  }
  for (const DirectiveProfile& profile : report.directives) {
    bool visible = false;
    DirectiveProfile restricted = RestrictProfile(profile, report.as_of, &visible);
    if (visible) out.directives.push_back(std::move(restricted));
  }
  return out;
}

// ---- the audit ----------------------------------------------------------------------------

AuditReport View::AuditAsOf(Date as_of) const {
  return Restrict(zeren::AuditAsOf(snapshot_, as_of));
}

bool View::FindingInside(const Finding& f) const {
  switch (f.kind) {
    case FindingKind::kConflictOfInterest: return HasPerson(f.person) && HasUnit(f.unit);
    case FindingKind::kOverloadedPerson: return HasPerson(f.person);
    default: return HasUnit(f.unit);
  }
}

// The two kinds whose details name more than their subject are written again, in the
// audit's words, when something they name is outside. The rest name inside things only.
void View::RedactDetail(Date day, Finding* f) const {
  const Snapshot& s = snapshot_;
  const Namer namer(*this);
  auto held = [&](PostIndex post) { return s.post_held(post).Contains(day); };
  auto exists = [&](UnitIndex u) { return s.unit_exists(u).Contains(day); };
  if (f->kind == FindingKind::kOverloadedPerson) {
    std::vector<std::string> units;
    bool all_inside = true;
    for (PostIndex post : s.posts_of(f->person)) {
      const UnitIndex u = s.post_unit(post);
      if (s.post_role(post) != Role::kSecretary || !held(post) || !exists(u)) continue;
      units.push_back(namer.Unit(u));
      all_inside &= HasUnit(u);
    }
    if (all_inside) return;
    f->detail = absl::StrCat(s.DescribePerson(f->person), " is secretary of ", units.size(),
                             " units (at most ", s.settings().max_secretary_posts,
                             "): ", absl::StrJoin(units, ", "));
    return;
  }
  if (f->kind != FindingKind::kConflictOfInterest) return;
  // The first (link, body post, led post) the audit finds for this person and unit is the
  // one its detail names: the audit keeps the first of equal findings.
  std::vector<walk::Reached> ancestors;
  for (LinkIndex l = 0; l < s.link_count(); ++l) {
    if (s.link_kind(l) != LinkKind::kSupervises || !s.link_valid(l).Contains(day)) continue;
    const UnitIndex body = s.link_from(l);
    const UnitIndex covered = s.link_to(l);
    if (!exists(body) || !exists(covered)) continue;
    for (PostIndex watch : s.posts_in(body, Role::kDisciplineSecretary)) {
      if (!held(watch) || s.post_person(watch) != f->person) continue;
      for (PostIndex lead : s.posts_of(f->person)) {
        const Role role = s.post_role(lead);
        if ((role != Role::kSecretary && role != Role::kHead) || !held(lead) ||
            s.post_unit(lead) != f->unit) {
          continue;
        }
        walk::AncestorsByDistance(s, f->unit, day, day, &ancestors);
        if (std::none_of(ancestors.begin(), ancestors.end(),
                         [&](const walk::Reached& r) { return r.unit == covered; })) {
          continue;
        }
        if (HasUnit(body) && HasUnit(covered)) return;
        f->detail = absl::StrCat(s.DescribePerson(f->person), " is discipline secretary of ",
                                 namer.Unit(body), ", which supervises ", namer.Unit(covered),
                                 ", and ", Name(role), " of ", s.DescribeUnit(f->unit));
        return;
      }
    }
  }
}

AuditReport View::Restrict(AuditReport report) const {
  auto& findings = report.findings;
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) { return !FindingInside(f); }),
                 findings.end());
  for (Finding& f : findings) RedactDetail(report.as_of, &f);
  return report;
}

// ---- assessment ---------------------------------------------------------------------------

absl::StatusOr<Assessment> View::Assess() const { return Assess(snapshot_.scheme()); }

absl::StatusOr<Assessment> View::Assess(const Scheme& scheme) const {
  absl::StatusOr<Assessment> assessment = zeren::Assess(snapshot_, scheme);
  if (!assessment.ok()) return assessment.status();
  return Restrict(*std::move(assessment));
}

absl::StatusOr<std::vector<std::string>> View::Explain(const Assessment& assessment,
                                                       absl::string_view unit) const {
  absl::StatusOr<UnitIndex> u = FindUnit(unit);
  if (!u.ok()) return u.status();
  return zeren::Explain(snapshot_, assessment, *u);
}

Assessment View::Restrict(Assessment a) const {
  a.order.erase(std::remove_if(a.order.begin(), a.order.end(),
                               [&](UnitIndex u) { return !HasUnit(u); }),
                a.order.end());
  for (UnitIndex u = 0; u < a.units.size(); ++u) {
    if (HasUnit(u)) continue;
    a.units[u] = UnitAssessment{};
    a.units[u].unit = kNoIndex;
  }
  a.people.erase(std::remove_if(a.people.begin(), a.people.end(),
                                [&](const PersonScore& p) { return !HasPerson(p.person); }),
                 a.people.end());
  auto outside_post = [&](PostIndex post) { return !HasUnit(snapshot_.post_unit(post)); };
  for (PersonScore& p : a.people) {
    p.posts.erase(std::remove_if(p.posts.begin(), p.posts.end(), outside_post), p.posts.end());
  }
  return a;
}

}  // namespace zeren
