#include "zeren/person_view.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "src/query/hierarchy_walk.h"
#include "absl/strings/string_view.h"

namespace zeren {

absl::string_view Name(Responsibility::Kind kind) {
  switch (kind) {
    case Responsibility::Kind::kPost: return "post";
    case Responsibility::Kind::kInCharge: return "in_charge";
    case Responsibility::Kind::kGuides: return "guides";
    case Responsibility::Kind::kSupervises: return "supervises";
    case Responsibility::Kind::kDuty: return "duty";
  }
  return "?";
}

PersonView ResponsibilitiesOf(const Snapshot& s, PersonIndex p, Date as_of) {
  PersonView view{p, as_of, {}};
  auto add = [&](Responsibility r) { view.entries.push_back(std::move(r)); };
  const std::string who = s.DescribePerson(p);
  std::vector<PostIndex> held;
  for (PostIndex post : s.posts_of(p)) {
    if (s.post_held(post).Contains(as_of)) held.push_back(post);
  }
  using Kind = Responsibility::Kind;
  for (PostIndex post : held) {
    add({Kind::kPost, s.post_unit(post), post, kNoIndex, kNoIndex,
         absl::StrCat(who, " is ", Name(s.post_role(post)), " of ", s.DescribeUnit(s.post_unit(post)),
                      " since ", FormatDate(s.post_held(post).from))});
  }
  for (PostIndex post : held) {
    for (UnitIndex unit : s.post_in_charge_of(post)) {
      add({Kind::kInCharge, unit, post, kNoIndex, kNoIndex,
           absl::StrCat("as ", Name(s.post_role(post)), " of ", s.DescribeUnit(s.post_unit(post)),
                        ", ", who, " is in charge of ", s.DescribeUnit(unit))});
    }
  }
  for (LinkIndex link : s.links_from_person(p)) {
    if (!s.link_valid(link).Contains(as_of)) continue;
    add({Kind::kGuides, s.link_to(link), kNoIndex, link, kNoIndex,
         absl::StrCat(who, " guides ", s.DescribeUnit(s.link_to(link)))});
  }
  for (PostIndex post : held) {
    if (s.post_role(post) != Role::kDisciplineSecretary) continue;
    const UnitIndex body = s.post_unit(post);
    for (LinkIndex link : s.links_from_unit(body)) {
      if (s.link_kind(link) != LinkKind::kSupervises || !s.link_valid(link).Contains(as_of)) continue;
      add({Kind::kSupervises, s.link_to(link), post, link, kNoIndex,
           absl::StrCat("as discipline secretary of ", s.DescribeUnit(body), ", ", who,
                        " supervises ", s.DescribeUnit(s.link_to(link)))});
    }
  }
  for (PostIndex post : held) {
    for (DutyIndex duty : s.duties_of(s.post_unit(post))) {
      if (s.duty_role(duty) != s.post_role(post)) continue;
      add({Kind::kDuty, s.post_unit(post), post, kNoIndex, duty,
           absl::StrCat("as ", Name(s.post_role(post)), " of ", s.DescribeUnit(s.post_unit(post)),
                        ", ", who, " holds duty ", s.duty_id(duty), " (",
                        Name(s.duty_category(duty)), ")")});
    }
  }
  return view;
}

std::vector<PostIndex> HoldersOf(const Snapshot& snapshot, UnitIndex u, Role role, Date as_of) {
  return walk::PostsHeld(snapshot, u, role, as_of, as_of);
}

}  // namespace zeren
