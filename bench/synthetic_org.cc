#include "bench/synthetic_org.h"

#include <random>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace zeren::bench {

Model SyntheticOrganization(uint32_t units, uint32_t fan_out, uint64_t seed) {
  std::mt19937_64 random(seed);
  ModelData data;
  data.units.reserve(units);
  for (uint32_t i = 0; i < units; ++i) {
    Unit unit;
    unit.id = absl::StrCat("u", i);
    unit.name = absl::StrCat("Unit ", i);
    unit.kind = i == 0 ? "leading_group" : "branch";
    unit.members = static_cast<int64_t>(random() % 40 + 3);
    if (i > 0) {
      const uint32_t parent = (i - 1) / fan_out;
      unit.parents.push_back({absl::StrCat("u", parent), std::nullopt, {}});
      // Every 97th unit also answers to its parent's left neighbour: dual leadership.
      if (i % 97 == 0 && parent > 0) {
        unit.parents.push_back({absl::StrCat("u", parent - 1), std::nullopt, {}});
      }
    }
    data.units.push_back(std::move(unit));

    const std::string person = absl::StrCat("s", i);
    data.people.push_back({person, absl::StrCat("Secretary ", i), {}});
    Post post;
    post.person = person;
    post.unit = absl::StrCat("u", i);
    post.role = Role::kSecretary;
    post.held.from = 18000 + static_cast<Date>(random() % 1000);
    data.posts.push_back(post);
    if (i > 0 && i % fan_out == 1) {
      // A member of the parent in charge of this unit and its siblings.
      const std::string member = absl::StrCat("m", i);
      data.people.push_back({member, absl::StrCat("Member ", i), {}});
      Post charge;
      charge.person = member;
      charge.unit = absl::StrCat("u", (i - 1) / fan_out);
      charge.role = Role::kMember;
      charge.held.from = 18000;
      charge.in_charge_of.push_back(absl::StrCat("u", i));
      data.posts.push_back(std::move(charge));
      Link guide;
      guide.kind = LinkKind::kGuides;
      guide.from = member;
      guide.to = absl::StrCat("u", i);
      data.links.push_back(std::move(guide));
    }
  }
  Link supervises;
  supervises.from = "u0";
  supervises.to = "u0";
  data.links.push_back(supervises);
  // Ten directives from the root, each with a task for one unit in ten and a subtask for
  // one of that unit's children where it has any.
  uint32_t task_number = 0;
  for (uint32_t d = 0; d < 10; ++d) {
    Directive directive;
    directive.id = absl::StrCat("dv", d);
    directive.issued_by = "u0";
    directive.date = 19000 + static_cast<Date>(d * 30);
    directive.reach = 2;
    for (uint32_t u = 1 + d; u < units; u += 10) {
      Task task;
      task.id = absl::StrCat("t", task_number++);
      task.unit = absl::StrCat("u", u);
      task.due = directive.date + 60;
      task.status = static_cast<TaskStatus>(random() % 4);
      if (task.status == TaskStatus::kDone || task.status == TaskStatus::kVerified) {
        task.completed = task.due - 5 + static_cast<Date>(random() % 10);
      }
      const uint32_t child = u * fan_out + 1;
      if (child < units && random() % 2 == 0) {
        Task sub;
        sub.id = absl::StrCat("t", task_number++);
        sub.unit = absl::StrCat("u", child);
        sub.due = task.due;
        sub.status = TaskStatus::kOpen;
        task.subtasks.push_back(std::move(sub));
      }
      directive.tasks.push_back(std::move(task));
    }
    data.directives.push_back(std::move(directive));
  }
  // Assessment inputs: points for every unit, a review for one in three, ballots for one in
  // five, an appraisal for every person.
  AssessmentInputs inputs;
  inputs.period = {19000, 19365};
  for (uint32_t u = 0; u < units; ++u) {
    const std::string id = absl::StrCat("u", u);
    inputs.points.push_back({id, "integrity.meetings", static_cast<double>(random() % 41), {}});
    inputs.points.push_back({id, "integrity.education", static_cast<double>(random() % 61), {}});
    if (u % 3 == 0) inputs.reviews.push_back({id, 60.0 + random() % 40, {}});
    if (u % 5 == 0) {
      inputs.ballots.push_back({{id, Role::kSecretary, {}}, static_cast<int64_t>(random() % 30),
                                static_cast<int64_t>(random() % 10), static_cast<int64_t>(random() % 5), 0, {}});
    }
  }
  for (const Person& p : data.people) inputs.appraisals.push_back({p.id, 60.0 + random() % 40, {}});
  data.assessment = std::move(inputs);
  // One incident per ten units, at random units and dates, every severity.
  for (uint32_t k = 0; k < units / 10; ++k) {
    const uint32_t at = static_cast<uint32_t>(random() % units);
    Incident incident;
    incident.id = absl::StrCat("i", k);
    incident.unit = absl::StrCat("u", at);
    incident.date = 19000 + static_cast<Date>(random() % 700);
    if (k % 3 == 0) incident.since = incident.date - 200;
    incident.severity = static_cast<Severity>(k % 3);
    incident.direct.push_back(absl::StrCat("s", at));
    if (k % 4 == 0) incident.circumstances.push_back({CircumstanceKind::kSelfReport, "", {}});
    data.incidents.push_back(std::move(incident));
  }
  return *Model::Create(std::move(data));
}

}  // namespace zeren::bench
