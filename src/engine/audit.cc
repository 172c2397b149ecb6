#include "zeren/audit.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "src/query/hierarchy_walk.h"
#include "zeren/ledger.h"

namespace zeren {
namespace {


class Auditor {
 public:
  Auditor(const Snapshot& s, Date day) : s_(s), day_(day) {}

  AuditReport Run() {
    FindVacancies();
    FindConflicts();
    FindUnsupervised();
    FindUnguided();
    FindDutiesWithoutHolders();
    FindLedgerProblems();
    FindOverloaded();
    Sort();
    return {day_, std::move(findings_)};
  }

 private:
  bool Exists(UnitIndex u) const { return s_.unit_exists(u).Contains(day_); }
  bool Held(PostIndex p) const { return s_.post_held(p).Contains(day_); }
  bool Valid(LinkIndex l) const { return s_.link_valid(l).Contains(day_); }

  void Add(Finding finding) { findings_.push_back(std::move(finding)); }

  bool Vacant(UnitIndex u, Role role) const {
    const auto posts = s_.posts_in(u, role);
    return std::none_of(posts.begin(), posts.end(), [&](PostIndex p) { return Held(p); });
  }

  void FindVacancies() {
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (!Exists(u)) continue;
      const std::string& kind = s_.unit_kind(u);
      const Role role = kind == "discipline_commission" ? Role::kDisciplineSecretary
                                                        : Role::kSecretary;
      if (NeedsFirstResponsible(kind) && Vacant(u, role)) {
        Add({FindingKind::kVacantFirstResponsible, u, kNoIndex, kNoIndex, kNoIndex,
             absl::StrCat(s_.DescribeUnit(u), " (", kind, ") has no ", Name(role), " on ",
                          FormatDate(day_))});
      }
    }
  }

  // A discipline secretary of a body that supervises unit X who is secretary or head of X
  // or of a unit below it.
  void FindConflicts() {
    std::vector<walk::Reached> ancestors;
    for (LinkIndex l = 0; l < s_.link_count(); ++l) {
      if (s_.link_kind(l) != LinkKind::kSupervises || !Valid(l)) continue;
      const UnitIndex body = s_.link_from(l);
      const UnitIndex covered = s_.link_to(l);
      if (!Exists(body) || !Exists(covered)) continue;
      for (PostIndex watch : s_.posts_in(body, Role::kDisciplineSecretary)) {
        if (!Held(watch)) continue;
        const PersonIndex person = s_.post_person(watch);
        for (PostIndex lead : s_.posts_of(person)) {
          const Role role = s_.post_role(lead);
          if ((role != Role::kSecretary && role != Role::kHead) || !Held(lead)) continue;
          const UnitIndex led = s_.post_unit(lead);
          if (!Exists(led)) continue;
          walk::AncestorsByDistance(s_, led, day_, day_, &ancestors);
          if (std::none_of(ancestors.begin(), ancestors.end(),
                           [&](const walk::Reached& r) { return r.unit == covered; })) {
            continue;
          }
          Add({FindingKind::kConflictOfInterest, led, person, kNoIndex, kNoIndex,
               absl::StrCat(s_.DescribePerson(person), " is discipline secretary of ",
                            s_.DescribeUnit(body), ", which supervises ", s_.DescribeUnit(covered),
                            ", and ", Name(role), " of ", s_.DescribeUnit(led))});
        }
      }
    }
  }

  // Level order puts every superior first, so one pass propagates coverage down.
  void FindUnsupervised() {
    std::vector<bool> covered(s_.unit_count(), false);
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (!Exists(u)) continue;
      for (LinkIndex l : s_.links_to(u)) {
        if (s_.link_kind(l) == LinkKind::kSupervises && Valid(l) && Exists(s_.link_from(l))) {
          covered[u] = true;
        }
      }
      for (UnitIndex p : s_.parents(u)) {
        if (covered[p]) covered[u] = true;
      }
      if (!covered[u]) {
        Add({FindingKind::kUnsupervised, u, kNoIndex, kNoIndex, kNoIndex,
             absl::StrCat("no discipline body supervises ", s_.DescribeUnit(u),
                          " or any of its superiors on ", FormatDate(day_))});
      }
    }
  }

  void FindUnguided() {
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (!Exists(u) || s_.unit_kind(u) != "branch") continue;
      const auto links = s_.links_to(u);
      if (std::none_of(links.begin(), links.end(), [&](LinkIndex l) {
            return s_.link_kind(l) == LinkKind::kGuides && Valid(l);
          })) {
        Add({FindingKind::kUnguidedBranch, u, kNoIndex, kNoIndex, kNoIndex,
             absl::StrCat("no committee member guides ", s_.DescribeUnit(u), " on ",
                          FormatDate(day_))});
      }
    }
  }

  void FindDutiesWithoutHolders() {
    for (DutyIndex d = 0; d < s_.duty_count(); ++d) {
      const std::optional<Role> role = s_.duty_role(d);
      const UnitIndex u = s_.duty_unit(d);
      if (!role || !Exists(u) || !Vacant(u, *role)) continue;
      Add({FindingKind::kDutyWithoutHolder, u, kNoIndex, d, kNoIndex,
           absl::StrCat("duty ", s_.duty_id(d), " (", Name(s_.duty_category(d)), ") is held by the ",
                        Name(*role), " of ", s_.DescribeUnit(u), ", which is vacant on ",
                        FormatDate(day_))});
    }
  }

  void FindLedgerProblems() {
    const LedgerReport ledger = LedgerAsOf(s_, day_);
    for (const DirectiveProfile& profile : ledger.directives) {
      for (UnitIndex u : profile.break_points) {
        Add({FindingKind::kStalledCascade, u, kNoIndex, kNoIndex, profile.directive,
             absl::StrCat("directive ", s_.directive_id(profile.directive), " stops at ",
                          s_.DescribeUnit(u), ": none of its subordinates holds a task of it")});
      }
    }
    std::vector<std::pair<UnitIndex, TaskIndex>> red;
    for (size_t k = 0; k < ledger.tasks.size(); ++k) {
      const UnitIndex u = s_.task_unit(ledger.tasks[k]);
      if (ledger.lights[k] == Light::kRed && Exists(u)) red.push_back({u, ledger.tasks[k]});
    }
    std::stable_sort(red.begin(), red.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t k = 0; k < red.size();) {
      const UnitIndex u = red[k].first;
      std::vector<std::string> ids;
      for (; k < red.size() && red[k].first == u; ++k) ids.emplace_back(s_.task_id(red[k].second));
      Add({FindingKind::kOverdueTasks, u, kNoIndex, kNoIndex, kNoIndex,
           absl::StrCat(s_.DescribeUnit(u), " has ", ids.size(), " overdue task",
                        ids.size() == 1 ? "" : "s", " on ", FormatDate(day_), ": ",
                        absl::StrJoin(ids, ", "))});
    }
  }

  void FindOverloaded() {
    const int32_t limit = s_.settings().max_secretary_posts;
    for (PersonIndex p = 0; p < s_.person_count(); ++p) {
      const auto posts = s_.posts_of(p);
      auto counts = [&](PostIndex post) {
        return s_.post_role(post) == Role::kSecretary && Held(post) && Exists(s_.post_unit(post));
      };
      if (std::count_if(posts.begin(), posts.end(), counts) <= limit) continue;  // the usual case
      std::vector<std::string> units;
      for (PostIndex post : posts) {
        if (counts(post)) units.push_back(s_.DescribeUnit(s_.post_unit(post)));
      }
      Add({FindingKind::kOverloadedPerson, kNoIndex, p, kNoIndex, kNoIndex,
           absl::StrCat(s_.DescribePerson(p), " is secretary of ", units.size(), " units (at most ",
                        limit, "): ", absl::StrJoin(units, ", "))});
    }
  }

  absl::string_view SubjectId(const Finding& f) const {
    if (f.kind == FindingKind::kConflictOfInterest || f.kind == FindingKind::kOverloadedPerson) {
      return s_.person_id(f.person);
    }
    if (f.kind == FindingKind::kDutyWithoutHolder) return s_.duty_id(f.duty);
    return s_.unit_id(f.unit);
  }

  void Sort() {
    std::stable_sort(findings_.begin(), findings_.end(), [&](const Finding& a, const Finding& b) {
      // The unit last, so that duplicates (a conflict seen through two links) end adjacent.
      const auto key = [&](const Finding& f) {
        return std::make_tuple(SeverityOf(f.kind), Name(f.kind), absl::string_view(SubjectId(f)),
                               f.directive, f.unit);
      };
      return key(a) < key(b);
    });
    // A conflict seen through two supervises links is still one conflict.
    findings_.erase(std::unique(findings_.begin(), findings_.end(),
                                [](const Finding& a, const Finding& b) {
                                  return std::tie(a.kind, a.unit, a.person, a.duty, a.directive) ==
                                         std::tie(b.kind, b.unit, b.person, b.duty, b.directive);
                                }),
                    findings_.end());
  }

  const Snapshot& s_;
  const Date day_;
  std::vector<Finding> findings_;
};

}  // namespace

absl::string_view Name(FindingKind kind) {
  switch (kind) {
    case FindingKind::kConflictOfInterest: return "conflict_of_interest";
    case FindingKind::kDutyWithoutHolder: return "duty_without_holder";
    case FindingKind::kOverdueTasks: return "overdue_tasks";
    case FindingKind::kOverloadedPerson: return "overloaded_person";
    case FindingKind::kStalledCascade: return "stalled_cascade";
    case FindingKind::kUnguidedBranch: return "unguided_branch";
    case FindingKind::kUnsupervised: return "unsupervised";
    case FindingKind::kVacantFirstResponsible: return "vacant_first_responsible";
  }
  return "?";
}

absl::string_view Name(FindingSeverity severity) {
  switch (severity) {
    case FindingSeverity::kCritical: return "critical";
    case FindingSeverity::kWarning: return "warning";
    case FindingSeverity::kInfo: return "info";
  }
  return "?";
}

FindingSeverity SeverityOf(FindingKind kind) {
  switch (kind) {
    case FindingKind::kConflictOfInterest:
    case FindingKind::kVacantFirstResponsible: return FindingSeverity::kCritical;
    case FindingKind::kOverloadedPerson: return FindingSeverity::kInfo;
    default: return FindingSeverity::kWarning;
  }
}

bool NeedsFirstResponsible(absl::string_view kind) {
  return kind == "leading_group" || kind == "organ_committee" || kind == "general_branch" ||
         kind == "branch" || kind == "discipline_commission";
}

AuditReport AuditAsOf(const Snapshot& snapshot, Date as_of) { return Auditor(snapshot, as_of).Run(); }

}  // namespace zeren
