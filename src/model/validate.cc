// Semantic validation of a model document: ids, references, dates, overlaps, cycles.
// Structural problems (JSON types, unknown keys) are found by the JSON reader first.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "src/graph/leads_graph.h"
#include "zeren/model.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

std::string At(absl::string_view collection, size_t i) {
  return absl::StrCat(collection, "[", i, "]");
}

std::string Quoted(absl::string_view id) { return absl::StrCat("\"", id, "\""); }

std::string DateRange(const Interval& interval) {
  return absl::StrCat(interval.from == kBeginningOfTime ? "…" : FormatDate(interval.from),
                      " to ", interval.to == kEndOfTime ? "…" : FormatDate(interval.to));
}

using IdMap = absl::flat_hash_map<absl::string_view, uint32_t>;

class Validator {
 public:
  explicit Validator(const ModelData& data) : data_(data) {}

  ProblemList Run() {
    CheckSettings();
    IndexIds();
    CheckUnits();
    CheckPosts();
    CheckLinks();
    CheckDuties();
    CheckDirectives();
    CheckIncidents();
    CheckAssessment();
    return std::move(problems_);
  }

 private:
  void Add(std::string path, absl::string_view id, std::string message) {
    problems_.Add(std::move(path), std::string(id), std::move(message));
  }

  // Records each id of a collection; reports empty and duplicate ids.
  template <typename Record>
  void IndexCollection(const std::vector<Record>& records, absl::string_view name, IdMap* map) {
    for (size_t i = 0; i < records.size(); ++i) {
      const std::string& id = records[i].id;
      if (id.empty()) {
        Add(At(name, i) + ".id", id, "id must be a non-empty string");
      } else if (!map->emplace(id, static_cast<uint32_t>(i)).second) {
        Add(At(name, i) + ".id", id,
            absl::StrCat("duplicate id ", Quoted(id), " (first at ", At(name, (*map)[id]), ")"));
      }
    }
  }

  void IndexTasks(const std::vector<Task>& tasks, const std::string& path) {
    for (size_t i = 0; i < tasks.size(); ++i) {
      const std::string task_path = At(path, i);
      const Task& task = tasks[i];
      if (task.id.empty()) {
        Add(task_path + ".id", task.id, "id must be a non-empty string");
      } else if (!task_paths_.emplace(task.id, task_path).second) {
        Add(task_path + ".id", task.id,
            absl::StrCat("duplicate task id ", Quoted(task.id), " (first at ",
                         task_paths_[task.id], ")"));
      }
      IndexTasks(task.subtasks, task_path + ".subtasks");
    }
  }

  void IndexIds() {
    IndexCollection(data_.units, "units", &units_);
    IndexCollection(data_.people, "people", &people_);
    IndexCollection(data_.duties, "duties", &duties_);
    IndexCollection(data_.directives, "directives", &directives_);
    IndexCollection(data_.incidents, "incidents", &incidents_);
    for (size_t d = 0; d < data_.directives.size(); ++d) {
      IndexTasks(data_.directives[d].tasks, At("directives", d) + ".tasks");
    }
  }

  bool RequireUnit(std::string path, absl::string_view id) {
    if (units_.contains(id)) return true;
    Add(std::move(path), id, absl::StrCat("unknown unit ", Quoted(id)));
    return false;
  }

  bool RequirePerson(std::string path, absl::string_view id) {
    if (people_.contains(id)) return true;
    Add(std::move(path), id, absl::StrCat("unknown person ", Quoted(id)));
    return false;
  }

  // Days the document format can write: years 0001 to 9999.
  static bool Writable(Date day) {
    static const Date kFirst = *ParseDate("0001-01-01");
    static const Date kLast = *ParseDate("9999-12-31");
    return kFirst <= day && day <= kLast;
  }

  void RequireDay(Date day, std::string path, absl::string_view id) {
    if (!Writable(day)) {
      Add(std::move(path), id, absl::StrCat("day ", day, " is outside the years 0001 to 9999"));
    }
  }

  void RequireOrdered(const Interval& interval, std::string path, absl::string_view id,
                      absl::string_view from_key, absl::string_view to_key) {
    if (interval.from != kBeginningOfTime && !Writable(interval.from)) {
      RequireDay(interval.from, absl::StrCat(path.substr(0, path.rfind('.')), ".", from_key), id);
    }
    if (interval.to != kEndOfTime && !Writable(interval.to)) RequireDay(interval.to, path, id);
    if (interval.to <= interval.from) {
      Add(std::move(path), id,
          absl::StrCat("`", to_key, "` ", FormatDate(interval.to), " is not after `", from_key,
                       "` ", FormatDate(interval.from)));
    }
  }

  void CheckSettings() {
    if (data_.settings.warn_days < 0) {
      Add("settings.warn_days", "", "must not be negative");
    }
    if (data_.settings.max_secretary_posts < 0) {
      Add("settings.max_secretary_posts", "", "must not be negative");
    }
  }

  void CheckUnits() {
    for (size_t i = 0; i < data_.units.size(); ++i) {
      const Unit& unit = data_.units[i];
      const std::string path = At("units", i);
      if (unit.members < 0) Add(path + ".members", unit.id, "members must not be negative");
      RequireOrdered(unit.exists, path + ".to", unit.id, "from", "to");
      CheckParents(unit, path);
    }
    CheckLeadsCycle();
  }

  void CheckParents(const Unit& unit, const std::string& path) {
    size_t weighted = 0;
    for (size_t p = 0; p < unit.parents.size(); ++p) {
      const ParentRef& parent = unit.parents[p];
      const std::string parent_path = At(path + ".parents", p);
      if (parent.weight) {
        ++weighted;
        if (!std::isfinite(*parent.weight) || *parent.weight <= 0) {
          Add(parent_path + ".weight", unit.id,
              absl::StrCat("weight of parent ", Quoted(parent.unit), " of unit ",
                           Quoted(unit.id), " must be a finite number > 0"));
        }
      }
      if (parent.unit == unit.id) {
        Add(parent_path, unit.id, absl::StrCat("unit ", Quoted(unit.id), " leads itself"));
        continue;
      }
      RequireUnit(parent_path, parent.unit);
      for (size_t q = 0; q < p; ++q) {
        if (unit.parents[q].unit == parent.unit) {
          Add(parent_path, parent.unit,
              absl::StrCat("parent ", Quoted(parent.unit), " is listed twice"));
        }
      }
    }
    if (weighted != 0 && weighted != unit.parents.size()) {
      Add(path + ".parents", unit.id,
          absl::StrCat("parents of unit ", Quoted(unit.id),
                       " mix weighted and unweighted entries: give every parent a weight or "
                       "none"));
    }
  }

  void CheckLeadsCycle() {
    std::vector<graph::Edge> edges;
    for (size_t i = 0; i < data_.units.size(); ++i) {
      for (const ParentRef& parent : data_.units[i].parents) {
        auto it = units_.find(parent.unit);
        if (it != units_.end() && it->second != i) {
          edges.emplace_back(it->second, static_cast<uint32_t>(i));
        }
      }
    }
    const std::vector<uint32_t> cycle =
        graph::FindCycle(static_cast<uint32_t>(data_.units.size()), edges);
    if (cycle.empty()) {
      acyclic_ = true;
      return;
    }
    std::vector<absl::string_view> names;
    for (uint32_t u : cycle) names.push_back(data_.units[u].id);
    names.push_back(data_.units[cycle.front()].id);
    Add(At("units", cycle.front()) + ".parents", data_.units[cycle.front()].id,
        absl::StrCat("`leads` links form a cycle: ", absl::StrJoin(names, " -> ")));
  }

  void CheckPosts() {
    for (size_t i = 0; i < data_.posts.size(); ++i) {
      const Post& post = data_.posts[i];
      const std::string path = At("posts", i);
      RequirePerson(path + ".person", post.person);
      RequireUnit(path + ".unit", post.unit);
      if (post.held.from == kBeginningOfTime) {
        Add(path + ".from", post.person, "a post needs a `from` date");
      }
      RequireOrdered(post.held, path + ".to", post.person, "from", "to");
      for (size_t k = 0; k < post.in_charge_of.size(); ++k) {
        RequireUnit(At(path + ".in_charge_of", k), post.in_charge_of[k]);
      }
      if (!post.in_charge_of.empty() && !IsLeadership(post.role)) {
        Add(path + ".in_charge_of", post.person,
            "only a leadership post can be in charge of units (role is staff)");
      }
    }
    CheckSingleHolderOverlaps();
  }

  // At most one secretary, head and discipline secretary per unit on any day.
  void CheckSingleHolderOverlaps() {
    std::vector<uint32_t> order;
    for (size_t i = 0; i < data_.posts.size(); ++i) {
      if (IsSingleHolder(data_.posts[i].role)) order.push_back(static_cast<uint32_t>(i));
    }
    const auto& posts = data_.posts;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const Post& x = posts[a];
      const Post& y = posts[b];
      if (x.unit != y.unit) return x.unit < y.unit;
      if (x.role != y.role) return x.role < y.role;
      if (x.held.from != y.held.from) return x.held.from < y.held.from;
      return a < b;
    });
    for (size_t k = 0; k < order.size(); ++k) {
      const Post& post = posts[order[k]];
      // Sorted by start: any earlier post of the same slot still running overlaps.
      for (size_t j = k; j-- > 0;) {
        const Post& earlier = posts[order[j]];
        if (earlier.unit != post.unit || earlier.role != post.role) break;
        if (earlier.held.Overlaps(post.held)) {
          Add(At("posts", order[k]), post.unit,
              absl::StrCat(Name(post.role), " posts of unit ", Quoted(post.unit),
                           " overlap: ", Quoted(earlier.person), " (", At("posts", order[j]),
                           ", ", DateRange(earlier.held), ") and ", Quoted(post.person), " (",
                           DateRange(post.held), ")"));
          break;
        }
      }
    }
  }

  void CheckLinks() {
    for (size_t i = 0; i < data_.links.size(); ++i) {
      const Link& link = data_.links[i];
      const std::string path = At("links", i);
      if (link.kind == LinkKind::kGuides) {
        RequirePerson(path + ".from", link.from);
      } else {
        RequireUnit(path + ".from", link.from);
      }
      RequireUnit(path + ".to", link.to);
      RequireOrdered(link.valid, path + ".to_date", link.from, "from_date", "to_date");
    }
  }

  void CheckDuties() {
    for (size_t i = 0; i < data_.duties.size(); ++i) {
      RequireUnit(At("duties", i) + ".holder.unit", data_.duties[i].holder.unit);
    }
  }

  // True when `unit` is `top` or lies below it along the `leads` links.
  bool AtOrBelow(absl::string_view unit, absl::string_view top) {
    if (!acyclic_) return true;  // the cycle is reported already; ancestry is meaningless
    std::vector<absl::string_view> stack = {unit};
    absl::flat_hash_map<absl::string_view, bool> seen;
    while (!stack.empty()) {
      const absl::string_view current = stack.back();
      stack.pop_back();
      if (current == top) return true;
      auto it = units_.find(current);
      if (it == units_.end() || !seen.emplace(current, true).second) continue;
      for (const ParentRef& parent : data_.units[it->second].parents) {
        stack.push_back(parent.unit);
      }
    }
    return false;
  }

  void CheckTasks(const std::vector<Task>& tasks, const std::string& path,
                  absl::string_view above, absl::string_view above_what) {
    for (size_t i = 0; i < tasks.size(); ++i) {
      const Task& task = tasks[i];
      const std::string task_path = At(path, i);
      if (RequireUnit(task_path + ".unit", task.unit) && units_.contains(above) &&
          !AtOrBelow(task.unit, above)) {
        Add(task_path + ".unit", task.id,
            absl::StrCat("task ", Quoted(task.id), " targets unit ", Quoted(task.unit),
                         ", which is not ", above_what, " ", Quoted(above), " or below it"));
      }
      RequireDay(task.due, task_path + ".due", task.id);
      if (task.completed) RequireDay(*task.completed, task_path + ".completed", task.id);
      const bool finished = task.status == TaskStatus::kDone || task.status == TaskStatus::kVerified;
      if (finished && !task.completed) {
        Add(task_path + ".completed", task.id,
            absl::StrCat("task ", Quoted(task.id), " is ", Name(task.status),
                         " but has no `completed` date"));
      }
      CheckTasks(task.subtasks, task_path + ".subtasks", task.unit, "its parent task's unit");
    }
  }

  void CheckDirectives() {
    for (size_t d = 0; d < data_.directives.size(); ++d) {
      const Directive& directive = data_.directives[d];
      const std::string path = At("directives", d);
      RequireUnit(path + ".issued_by", directive.issued_by);
      RequireDay(directive.date, path + ".date", directive.id);
      if (directive.reach < 1) {
        Add(path + ".reach", directive.id, "reach must be at least 1");
      }
      CheckTasks(directive.tasks, path + ".tasks", directive.issued_by, "the issuing unit");
      for (size_t r = 0; r < directive.reviews.size(); ++r) {
        const std::string& task = directive.reviews[r].task;
        if (!task.empty() && !task_paths_.contains(task)) {
          Add(At(path + ".reviews", r) + ".task", task,
              absl::StrCat("unknown task ", Quoted(task)));
        }
      }
    }
  }

  void CheckIncidents() {
    for (size_t i = 0; i < data_.incidents.size(); ++i) {
      const Incident& incident = data_.incidents[i];
      const std::string path = At("incidents", i);
      RequireUnit(path + ".unit", incident.unit);
      RequireDay(incident.date, path + ".date", incident.id);
      if (incident.since) RequireDay(*incident.since, path + ".since", incident.id);
      if (incident.since && *incident.since > incident.date) {
        Add(path + ".since", incident.id,
            absl::StrCat("`since` ", FormatDate(*incident.since), " is after `date` ",
                         FormatDate(incident.date)));
      }
      if (!incident.duty.empty() && !duties_.contains(incident.duty)) {
        Add(path + ".duty", incident.duty, absl::StrCat("unknown duty ", Quoted(incident.duty)));
      }
      if (!incident.task.empty() && !task_paths_.contains(incident.task)) {
        Add(path + ".task", incident.task, absl::StrCat("unknown task ", Quoted(incident.task)));
      }
      for (size_t k = 0; k < incident.direct.size(); ++k) {
        RequirePerson(At(path + ".direct", k), incident.direct[k]);
      }
      for (size_t k = 0; k < incident.participants.size(); ++k) {
        RequirePerson(At(path + ".participants", k), incident.participants[k]);
      }
      for (size_t k = 0; k < incident.circumstances.size(); ++k) {
        const std::string& person = incident.circumstances[k].person;
        if (!person.empty()) RequirePerson(At(path + ".circumstances", k) + ".person", person);
      }
    }
  }

  void CheckAssessment() {
    if (!data_.assessment) return;
    const AssessmentInputs& a = *data_.assessment;
    RequireOrdered(a.period, "assessment.period.to", "", "from", "to");
    for (size_t i = 0; i < a.points.size(); ++i) {
      RequireUnit(At("assessment.points", i) + ".unit", a.points[i].unit);
    }
    for (size_t i = 0; i < a.bonuses.size(); ++i) {
      RequireUnit(At("assessment.bonuses", i) + ".unit", a.bonuses[i].unit);
    }
    for (size_t i = 0; i < a.ballots.size(); ++i) {
      const Ballot& b = a.ballots[i];
      const std::string path = At("assessment.ballots", i);
      RequireUnit(path + ".subject.unit", b.subject.unit);
      if (b.good < 0 || b.fairly_good < 0 || b.average < 0 || b.poor < 0) {
        Add(path, b.subject.unit, "vote counts must not be negative");
      }
    }
    for (size_t i = 0; i < a.reviews.size(); ++i) {
      RequireUnit(At("assessment.reviews", i) + ".unit", a.reviews[i].unit);
    }
    for (size_t i = 0; i < a.appraisals.size(); ++i) {
      RequirePerson(At("assessment.appraisals", i) + ".person", a.appraisals[i].person);
    }
  }

  const ModelData& data_;
  ProblemList problems_;
  IdMap units_, people_, duties_, directives_, incidents_;
  absl::flat_hash_map<absl::string_view, std::string> task_paths_;
  bool acyclic_ = false;
};

}  // namespace

ProblemList Validate(const ModelData& data) { return Validator(data).Run(); }

}  // namespace zeren
