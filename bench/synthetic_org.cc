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
