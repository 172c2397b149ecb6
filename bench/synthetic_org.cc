#include "bench/synthetic_org.h"

#include <algorithm>
#include <cmath>
#include <optional>
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

namespace zeren::bench {
namespace {

constexpr uint32_t kLevels = 8;

// Fan-outs of `parents` units sharing `children` children: log-normal weights, so that most
// units have a few subordinates and some several hundred.
std::vector<uint32_t> FanOuts(uint32_t parents, uint32_t children, std::mt19937_64* random) {
  std::lognormal_distribution<double> weight(0.0, 1.2);
  std::vector<double> cumulative(parents);
  double sum = 0;
  for (uint32_t p = 0; p < parents; ++p) cumulative[p] = sum += weight(*random);
  std::vector<uint32_t> fan_out(parents);
  uint64_t given = 0;
  for (uint32_t p = 0; p < parents; ++p) {
    const uint64_t upto = static_cast<uint64_t>(cumulative[p] / sum * children + 0.5);
    fan_out[p] = static_cast<uint32_t>(std::min<uint64_t>(upto, children) - given);
    given += fan_out[p];
  }
  fan_out.back() += children - static_cast<uint32_t>(given);
  return fan_out;
}

uint32_t MembersOfUnit(std::mt19937_64* random) {
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  if (uniform(*random) < 0.97) return 3 + static_cast<uint32_t>((*random)() % 28);
  const double pareto = 31.0 / std::pow(1.0 - uniform(*random), 1.0 / 1.5);
  return static_cast<uint32_t>(std::min(pareto, 5000.0));
}

}  // namespace

uint64_t Shape::member_count() const {
  uint64_t sum = 0;
  for (uint32_t m : members) sum += m;
  return sum;
}

Shape NationalShape(uint32_t units, uint64_t seed) {
  std::mt19937_64 random(seed);
  const double growth = std::pow(static_cast<double>(units), 1.0 / (kLevels - 1));
  std::vector<uint32_t> level_size{1};
  uint32_t placed = 1;
  for (uint32_t k = 1; k < kLevels && placed < units; ++k) {
    uint32_t size = static_cast<uint32_t>(std::pow(growth, k) + 0.5);
    if (k + 1 == kLevels || placed + size > units) size = units - placed;
    level_size.push_back(size);
    placed += size;
  }
  Shape shape;
  shape.parent_start = {0, 0};  // the root has no parent
  shape.level.push_back(0);
  uint32_t level_begin = 0;
  for (uint32_t k = 0; k + 1 < level_size.size(); ++k) {
    const std::vector<uint32_t> fan_out = FanOuts(level_size[k], level_size[k + 1], &random);
    for (uint32_t p = 0; p < level_size[k]; ++p) {
      const uint32_t parent = level_begin + p;
      for (uint32_t c = 0; c < fan_out[p]; ++c) {
        const uint32_t unit = shape.unit_count();
        const bool dual = k >= 1 && unit % 97 == 0 && p > 0;
        shape.parent.push_back(parent);
        shape.parent_weight.push_back(dual ? 0.5 : 1.0);
        if (dual) {
          shape.parent.push_back(parent - 1);
          shape.parent_weight.push_back(0.5);
        }
        shape.parent_start.push_back(static_cast<uint32_t>(shape.parent.size()));
        shape.level.push_back(k + 1);
      }
    }
    level_begin += level_size[k];
  }
  shape.members.resize(shape.unit_count());
  for (uint32_t& m : shape.members) m = MembersOfUnit(&random);
  return shape;
}

Shape NationalShapeOfNodes(uint64_t nodes, uint64_t seed) {
  // Measured mean: about 18.6 members a unit, so 19.6 nodes a unit.
  return NationalShape(static_cast<uint32_t>(nodes / 19.6), seed);
}

Model ShapedOrganization(const Shape& shape, uint64_t seed) {
  std::mt19937_64 random(seed);
  ModelData data;
  const uint32_t n = shape.unit_count();
  data.units.reserve(n);
  AssessmentInputs inputs;
  inputs.period = {19000, 19365};
  for (uint32_t u = 0; u < n; ++u) {
    Unit unit;
    unit.id = absl::StrCat("u", u);
    unit.name = absl::StrCat("Unit ", u);
    unit.kind = shape.level[u] == 0 ? "leading_group" : absl::StrCat("level", shape.level[u]);
    unit.members = shape.members[u];
    for (uint32_t k = shape.parent_start[u]; k < shape.parent_start[u + 1]; ++k) {
      const std::optional<double> weight =
          shape.parent_weight[k] == 1.0 ? std::nullopt : std::optional<double>(shape.parent_weight[k]);
      unit.parents.push_back({absl::StrCat("u", shape.parent[k]), weight, {}});
    }
    data.units.push_back(std::move(unit));
    const std::string person = absl::StrCat("s", u);
    data.people.push_back({person, absl::StrCat("Secretary ", u), {}});
    Post post;
    post.person = person;
    post.unit = absl::StrCat("u", u);
    post.role = Role::kSecretary;
    post.held.from = 18000 + static_cast<Date>(random() % 1000);
    data.posts.push_back(std::move(post));
    const std::string& id = data.units.back().id;
    inputs.points.push_back({id, "integrity.meetings", static_cast<double>(random() % 41), {}});
    inputs.points.push_back({id, "integrity.education", static_cast<double>(random() % 61), {}});
    if (u % 3 == 0) inputs.reviews.push_back({id, 60.0 + random() % 40, {}});
    if (u % 5 == 0) {
      inputs.ballots.push_back({{id, Role::kSecretary, {}}, static_cast<int64_t>(random() % 30),
                                static_cast<int64_t>(random() % 10), static_cast<int64_t>(random() % 5), 0, {}});
    }
    inputs.appraisals.push_back({person, 60.0 + random() % 40, {}});
  }
  data.assessment = std::move(inputs);
  for (uint32_t k = 0; k < n / 10; ++k) {
    const uint32_t at = static_cast<uint32_t>(random() % n);
    Incident incident;
    incident.id = absl::StrCat("i", k);
    incident.unit = absl::StrCat("u", at);
    incident.date = 19000 + static_cast<Date>(random() % 700);
    incident.severity = static_cast<Severity>(k % 3);
    incident.direct.push_back(absl::StrCat("s", at));
    data.incidents.push_back(std::move(incident));
  }
  return *Model::Create(std::move(data));
}

}  // namespace zeren::bench

namespace zeren::bench {

FlatOrganization::FlatOrganization(const Shape& shape, uint64_t seed) {
  const uint32_t n = shape.unit_count();
  parent_start = shape.parent_start;
  parent = shape.parent;
  parent_weight = shape.parent_weight;
  level_start = rollup::LevelStarts(shape.level);
  // Children: the parents inverted, each parent's children in ascending unit order.
  child_start.assign(n + 1, 0);
  for (uint32_t p : shape.parent) ++child_start[p + 1];
  for (uint32_t u = 0; u < n; ++u) child_start[u + 1] += child_start[u];
  child.resize(shape.parent.size());
  child_weight.resize(shape.parent.size());
  std::vector<uint32_t> next(child_start.begin(), child_start.end() - 1);
  for (uint32_t u = 0; u < n; ++u) {
    for (uint32_t k = parent_start[u]; k < parent_start[u + 1]; ++k) {
      child[next[parent[k]]] = u;
      child_weight[next[parent[k]]++] = shape.parent_weight[k];
    }
  }
  std::mt19937_64 random(seed);
  const uint64_t total_members = shape.member_count();
  appraisal.reserve(total_members);
  held_from.reserve(total_members);
  held_to.reserve(total_members);
  member_start.reserve(n + 1);
  member_start.push_back(0);
  for (uint32_t u = 0; u < n; ++u) {
    members.push_back(shape.members[u]);
    // daily (weight 0.6) and, for one unit in three, a review (weight 0.2).
    daily.push_back(40 + static_cast<double>(random() % 6000) / 100);
    weighted.push_back(0.6 * daily.back());
    weights.push_back(0.6);
    if (u % 3 == 0) {
      weighted.back() += 0.2 * (60 + static_cast<double>(random() % 4000) / 100);
      weights.back() += 0.2;
    }
    for (uint32_t m = 0; m < shape.members[u]; ++m) {
      appraisal.push_back(static_cast<float>(50 + static_cast<double>(random() % 5000) / 97));
      held_from.push_back(18800 + static_cast<int32_t>(random() % 1300));
      held_to.push_back(held_from.back() + 30 + static_cast<int32_t>(random() % 2000));
    }
    member_start.push_back(static_cast<uint32_t>(appraisal.size()));
  }
}

}  // namespace zeren::bench
