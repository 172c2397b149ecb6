#include "zeren/chain.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "src/query/hierarchy_walk.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

std::string Steps(uint32_t distance) {
  return distance == 1 ? "1 step up" : absl::StrCat(distance, " steps up");
}

class ChainBuilder {
 public:
  ChainBuilder(const Snapshot& s, UnitIndex u, Date day)
      : s_(s), u_(u), day_(day), ancestors_(walk::AncestorsByDistance(s, u, day)) {}

  Chain Build() {
    AddLeaders();
    AddInCharge();
    AddCovering(LinkKind::kSupervises, ChainEntry::Kind::kSupervisor);
    AddCovering(LinkKind::kSpecializes, ChainEntry::Kind::kSpecialist);
    AddGuides();
    AddSuperiors();
    return {u_, day_, std::move(entries_)};
  }

 private:
  void Add(ChainEntry entry) { entries_.push_back(std::move(entry)); }

  std::vector<walk::Covering> Covering(LinkKind kind) const {
    std::vector<walk::Covering> covering;
    walk::NearestCovering(s_, ancestors_, kind, day_, day_, &covering);
    return covering;
  }

  // The holder of a single-holder post of unit `unit`, or kNoIndex when vacant.
  PostIndex HolderOf(UnitIndex unit, Role role) const {
    const std::vector<PostIndex> held = walk::PostsHeld(s_, unit, role, day_, day_);
    return held.empty() ? kNoIndex : held.front();
  }

  void AddLeaders() {
    static constexpr std::pair<Role, ChainEntry::Kind> kRoles[] = {
        {Role::kSecretary, ChainEntry::Kind::kSecretary},
        {Role::kHead, ChainEntry::Kind::kHead},
        {Role::kDeputy, ChainEntry::Kind::kDeputy},
        {Role::kMember, ChainEntry::Kind::kMember},
        {Role::kDisciplineSecretary, ChainEntry::Kind::kDisciplineSecretary}};
    const std::string unit = s_.DescribeUnit(u_);
    for (const auto& [role, kind] : kRoles) {
      const std::vector<PostIndex> held = walk::PostsHeld(s_, u_, role, day_, day_);
      for (PostIndex post : held) {
        const PersonIndex person = s_.post_person(post);
        Add({kind, person, u_, post, kNoIndex, 0,
             absl::StrCat(s_.DescribePerson(person), " is ", Name(role), " of ", unit, " since ",
                          FormatDate(s_.post_held(post).from))});
      }
      if (held.empty() && NeedsHolder(role)) {
        Add({kind, kNoIndex, u_, kNoIndex, kNoIndex, 0,
             absl::StrCat("the ", Name(role), " post of ", unit, " is vacant on ",
                          FormatDate(day_))});
      }
    }
  }

  // A discipline body's first-responsible person is its discipline secretary; every other
  // unit's is its secretary.
  bool NeedsHolder(Role role) const {
    const bool discipline_body = s_.unit_kind(u_) == "discipline_commission";
    return role == (discipline_body ? Role::kDisciplineSecretary : Role::kSecretary);
  }

  // One entry per post, through the nearest unit it is in charge of; by distance, then post.
  void AddInCharge() {
    absl::flat_hash_set<PostIndex> seen;
    std::vector<ChainEntry> found;
    for (const walk::Reached& r : ancestors_) {
      for (PostIndex post : s_.posts_in_charge_of(r.unit)) {
        if (!IsLeadership(s_.post_role(post)) || !s_.post_held(post).Contains(day_)) continue;
        if (!seen.insert(post).second) continue;
        const PersonIndex person = s_.post_person(post);
        std::string reason =
            absl::StrCat(s_.DescribePerson(person), ", ", Name(s_.post_role(post)), " of ",
                         s_.DescribeUnit(s_.post_unit(post)), ", is in charge of ",
                         s_.DescribeUnit(r.unit));
        if (r.distance > 0) absl::StrAppend(&reason, ", ", Steps(r.distance));
        found.push_back({ChainEntry::Kind::kInCharge, person, s_.post_unit(post), post, kNoIndex,
                         r.distance, std::move(reason)});
      }
    }
    std::sort(found.begin(), found.end(), [](const ChainEntry& x, const ChainEntry& y) {
      return std::tie(x.distance, x.post) < std::tie(y.distance, y.post);
    });
    for (ChainEntry& e : found) Add(std::move(e));
  }

  void AddCovering(LinkKind link_kind, ChainEntry::Kind kind) {
    const std::vector<walk::Covering> covering = Covering(link_kind);
    for (const walk::Covering& c : covering) {
      const UnitIndex body = s_.link_from(c.link);
      const UnitIndex covered = s_.link_to(c.link);
      std::string reason = absl::StrCat(s_.DescribeUnit(body), " ", Name(link_kind), " ",
                                        s_.DescribeUnit(covered));
      if (c.distance > 0) absl::StrAppend(&reason, ", ", Steps(c.distance));
      PersonIndex person = kNoIndex;
      PostIndex post = kNoIndex;
      if (kind == ChainEntry::Kind::kSupervisor) {
        post = HolderOf(body, Role::kDisciplineSecretary);
        if (post == kNoIndex) {
          absl::StrAppend(&reason, "; its discipline secretary post is vacant");
        } else {
          person = s_.post_person(post);
          absl::StrAppend(&reason, "; its discipline secretary is ", s_.DescribePerson(person));
        }
      }
      Add({kind, person, body, post, c.link, c.distance, std::move(reason)});
    }
    if (covering.empty() && kind == ChainEntry::Kind::kSupervisor) {
      Add({kind, kNoIndex, kNoIndex, kNoIndex, kNoIndex, 0,
           absl::StrCat("no discipline body supervises ", s_.DescribeUnit(u_),
                        " or any of its superiors on ", FormatDate(day_))});
    }
  }

  void AddGuides() {
    for (const walk::Covering& c : Covering(LinkKind::kGuides)) {
      const PersonIndex person = s_.link_from(c.link);
      const UnitIndex guided = s_.link_to(c.link);
      std::string reason =
          absl::StrCat(s_.DescribePerson(person), " guides ", s_.DescribeUnit(guided));
      if (c.distance > 0) absl::StrAppend(&reason, ", ", Steps(c.distance));
      Add({ChainEntry::Kind::kGuide, person, guided, kNoIndex, c.link, c.distance,
           std::move(reason)});
    }
  }

  void AddSuperiors() {
    for (const walk::Reached& r : ancestors_) {
      if (r.distance == 0) continue;
      const PostIndex post = HolderOf(r.unit, Role::kSecretary);
      const PersonIndex person = post == kNoIndex ? kNoIndex : s_.post_person(post);
      std::string reason = absl::StrCat(s_.DescribeUnit(r.unit), " leads ",
                                        s_.DescribeUnit(u_), ", ", Steps(r.distance));
      absl::StrAppend(&reason, person == kNoIndex ? "; its secretary post is vacant"
                                                  : "; its secretary is " +
                                                        s_.DescribePerson(person));
      Add({ChainEntry::Kind::kSuperior, person, r.unit, post, kNoIndex, r.distance,
           std::move(reason)});
    }
  }

  const Snapshot& s_;
  UnitIndex u_;
  Date day_;
  std::vector<walk::Reached> ancestors_;
  std::vector<ChainEntry> entries_;
};

}  // namespace

absl::string_view Name(ChainEntry::Kind kind) {
  switch (kind) {
    case ChainEntry::Kind::kSecretary: return "secretary";
    case ChainEntry::Kind::kHead: return "head";
    case ChainEntry::Kind::kDeputy: return "deputy";
    case ChainEntry::Kind::kMember: return "member";
    case ChainEntry::Kind::kDisciplineSecretary: return "discipline_secretary";
    case ChainEntry::Kind::kInCharge: return "in_charge";
    case ChainEntry::Kind::kSupervisor: return "supervisor";
    case ChainEntry::Kind::kSpecialist: return "specialist";
    case ChainEntry::Kind::kGuide: return "guide";
    case ChainEntry::Kind::kSuperior: return "superior";
  }
  return "?";
}

absl::StatusOr<Chain> ChainOf(const Snapshot& snapshot, UnitIndex u, Date as_of) {
  if (u >= snapshot.unit_count()) {
    return absl::OutOfRangeError(absl::StrCat("unit index ", u, " is out of range"));
  }
  if (!snapshot.unit_exists(u).Contains(as_of)) {
    return absl::NotFoundError(absl::StrCat("unit ", snapshot.DescribeUnit(u),
                                            " does not exist on ", FormatDate(as_of)));
  }
  return ChainBuilder(snapshot, u, as_of).Build();
}

}  // namespace zeren
