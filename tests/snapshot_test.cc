// The compiled snapshot's arrays on the conformance organization.
#include "zeren/snapshot.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "zeren/member_roster.h"
#include "zeren/model_json.h"

namespace zeren {
namespace {

class SnapshotTest : public testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Model> model =
        LoadModelFile(std::string(ZEREN_TEST_DATA) + "/conformance/model-1.json");
    ASSERT_TRUE(model.ok()) << model.status();
    absl::StatusOr<Snapshot> snapshot = Snapshot::Compile(*model);
    ASSERT_TRUE(snapshot.ok()) << snapshot.status();
    s_ = *snapshot;
  }

  UnitIndex U(const char* id) const { return *s_->FindUnit(id); }

  std::vector<std::string> Ids(absl::Span<const UnitIndex> units) const {
    std::vector<std::string> ids;
    for (UnitIndex u : units) ids.emplace_back(s_->unit_id(u));
    return ids;
  }

  std::optional<Snapshot> s_;
};

TEST_F(SnapshotTest, UnitsComeInLevelOrder) {
  std::vector<std::string> order;
  for (UnitIndex u = 0; u < s_->unit_count(); ++u) order.emplace_back(s_->unit_id(u));
  // Level 0: party; 1: dc, dept1, dept2 (document order); 2: br11, br12, grp21, joint.
  EXPECT_EQ(order, (std::vector<std::string>{"party", "dc", "dept1", "dept2", "br11", "br12",
                                             "grp21", "joint"}));
  EXPECT_EQ(s_->unit_level(U("joint")), 2u);  // party -> dept1 -> joint is the longest path
  for (UnitIndex u = 0; u < s_->unit_count(); ++u) {
    for (UnitIndex p : s_->parents(u)) EXPECT_LT(p, u);
  }
}

TEST_F(SnapshotTest, ParentsChildrenAndWeights) {
  EXPECT_EQ(Ids(s_->parents(U("joint"))), (std::vector<std::string>{"party", "dept1"}));
  EXPECT_EQ(std::vector<double>(s_->parent_weights(U("joint")).begin(),
                                s_->parent_weights(U("joint")).end()),
            (std::vector<double>{0.7, 0.3}));
  EXPECT_EQ(std::vector<double>(s_->parent_weights(U("br11")).begin(),
                                s_->parent_weights(U("br11")).end()),
            std::vector<double>{1.0});
  EXPECT_EQ(Ids(s_->children(U("party"))), (std::vector<std::string>{"dc", "dept1", "dept2", "joint"}));
  EXPECT_EQ(Ids(s_->children(U("dept1"))), (std::vector<std::string>{"br11", "br12", "joint"}));
  EXPECT_TRUE(s_->children(U("grp21")).empty());
  EXPECT_EQ(s_->unit_kind(U("dept1")), "general_branch");
  EXPECT_EQ(s_->unit_members(U("joint")), 12);
  EXPECT_EQ(s_->FindUnit("nope"), std::nullopt);
}

TEST_F(SnapshotTest, PostsAreIndexedByUnitPersonAndCharge) {
  std::vector<std::string> party_posts;
  for (PostIndex p : s_->posts_in(U("party"))) {
    party_posts.push_back(std::string(Name(s_->post_role(p))) + ":" +
                          std::string(s_->person_id(s_->post_person(p))));
  }
  // By role, then start date.
  EXPECT_EQ(party_posts, (std::vector<std::string>{"secretary:a_sec", "head:a_head", "member:a_mem",
                                                   "member:a_mem2", "member:a_mem3"}));
  std::vector<std::string> in_charge_of_dept2;
  for (PostIndex p : s_->posts_in_charge_of(U("dept2"))) {
    in_charge_of_dept2.push_back(std::string(s_->person_id(s_->post_person(p))));
  }
  EXPECT_EQ(in_charge_of_dept2, (std::vector<std::string>{"a_mem2", "a_mem3"}));
  // One role's range of posts_in, by start date; empty when the unit has none.
  auto holders = [&](UnitIndex u, Role role) {
    std::vector<std::string> ids;
    for (PostIndex p : s_->posts_in(u, role)) {
      EXPECT_EQ(s_->post_role(p), role);
      ids.push_back(std::string(s_->person_id(s_->post_person(p))));
    }
    return ids;
  };
  EXPECT_EQ(holders(U("party"), Role::kSecretary), std::vector<std::string>{"a_sec"});
  EXPECT_EQ(holders(U("party"), Role::kHead), std::vector<std::string>{"a_head"});
  EXPECT_EQ(holders(U("party"), Role::kMember),
            (std::vector<std::string>{"a_mem", "a_mem2", "a_mem3"}));
  EXPECT_TRUE(holders(U("party"), Role::kDeputy).empty());
  EXPECT_TRUE(holders(U("party"), Role::kStaff).empty());
  const PersonIndex a_mem = *s_->FindPerson("a_mem");
  ASSERT_EQ(s_->posts_of(a_mem).size(), 1u);
  EXPECT_EQ(Ids(s_->post_in_charge_of(s_->posts_of(a_mem)[0])), std::vector<std::string>{"dept1"});
}

TEST_F(SnapshotTest, LinksAreIndexedBothWays) {
  ASSERT_EQ(s_->links_to(U("party")).size(), 1u);
  const LinkIndex supervises = s_->links_to(U("party"))[0];
  EXPECT_EQ(s_->link_kind(supervises), LinkKind::kSupervises);
  EXPECT_EQ(s_->unit_id(s_->link_from(supervises)), "dc");
  EXPECT_EQ(s_->links_from_unit(U("dc")).size(), 1u);
  const PersonIndex a_mem = *s_->FindPerson("a_mem");
  std::vector<std::string> guided;
  for (LinkIndex l : s_->links_from_person(a_mem)) guided.emplace_back(s_->unit_id(s_->link_to(l)));
  EXPECT_EQ(guided, (std::vector<std::string>{"br11", "br12"}));
}

TEST_F(SnapshotTest, DutiesByHolderUnit) {
  ASSERT_EQ(s_->duties_of(U("br12")).size(), 1u);
  const DutyIndex d = s_->duties_of(U("br12"))[0];
  EXPECT_EQ(s_->duty_id(d), "du3");
  EXPECT_EQ(s_->duty_role(d), Role::kSecretary);
  EXPECT_EQ(s_->duty_category(d), DutyCategory::kPrincipal);
  EXPECT_EQ(s_->duty_role(s_->duties_of(U("dept1"))[0]), std::nullopt);
}

TEST_F(SnapshotTest, CopiesShareTheSameArrays) {
  const Snapshot copy = *s_;
  EXPECT_EQ(copy.unit_id(0).data(), s_->unit_id(0).data());
}

// A unit with 40 record posts and 40 roster rows, and a person with 36 posts, take the
// long sorting path; unit b1 (6 posts, 5 rows, many equal start dates) and the other
// people the short one. Either way a unit's posts
// come by role and then start date, a person's by start date, ties in document order.
TEST(SnapshotPostOrder, ByRoleThenStartInAnyRangeLength) {
  ModelData data;
  data.units.push_back(Unit{"org", "Org", "leading_group", 0, {}, {}, {}});
  data.units.push_back(Unit{"b1", "B1", "branch", 0, {ParentRef{"org", {}, {}}}, {}, {}});
  data.people.push_back(Person{"busy", "Busy", {}});
  const Role roles[] = {Role::kMember, Role::kDeputy, Role::kStaff, Role::kMember};
  const Date day = *ParseDate("2020-01-01");
  for (int i = 0; i < 40; ++i) {
    data.people.push_back(Person{"p" + std::to_string(i), "P", {}});
    Post post;
    post.person = data.people.back().id;
    post.unit = "org";
    post.role = roles[i % 4];
    post.held.from = day + (i * 7) % 11;  // repeats: ties keep document order
    data.posts.push_back(post);
  }
  for (int i = 0; i < 36; ++i) {
    Post post;
    post.person = "busy";
    post.unit = i < 6 ? "b1" : "org";
    post.role = i < 6 && i % 3 == 0 ? Role::kMember : Role::kStaff;
    post.held = Interval{day + (i < 6 ? i % 2 : (i * 5) % 13), day + 20 + i};
    data.posts.push_back(post);
  }
  MemberRosterBuilder roster;
  for (int i = 0; i < 45; ++i) {
    const std::string id = "m" + std::to_string(100 + i);
    const bool b1 = i >= 40;
    const Interval held{day + (b1 ? i % 2 : (i * 3) % 17), kEndOfTime};
    ASSERT_TRUE(roster.Add(id, "M", b1 ? "b1" : "org", held).ok());
  }
  data.roster = roster.Build();
  absl::StatusOr<Model> model = Model::Create(data);
  ASSERT_TRUE(model.ok()) << model.status();
  absl::StatusOr<Snapshot> s = Snapshot::Compile(*model);
  ASSERT_TRUE(s.ok()) << s.status();

  // The expected orders, from the document by std::stable_sort.
  const uint32_t records = static_cast<uint32_t>(data.posts.size());
  auto from = [&](PostIndex p) {
    return p < records ? data.posts[p].held.from : data.roster.held(p - records).from;
  };
  auto role = [&](PostIndex p) { return p < records ? data.posts[p].role : Role::kStaff; };
  auto expect_unit = [&](absl::string_view unit) {
    std::vector<PostIndex> posts;
    for (PostIndex p = 0; p < records; ++p) {
      if (data.posts[p].unit == unit) posts.push_back(p);
    }
    for (uint32_t r = 0; r < data.roster.size(); ++r) {
      if (data.roster.unit_id(r) == unit) posts.push_back(records + r);
    }
    std::stable_sort(posts.begin(), posts.end(), [&](PostIndex x, PostIndex y) {
      if (role(x) != role(y)) return role(x) < role(y);
      return from(x) < from(y);
    });
    return posts;
  };
  auto expect_person = [&](absl::string_view person) {
    std::vector<PostIndex> posts;
    for (PostIndex p = 0; p < records; ++p) {
      if (data.posts[p].person == person) posts.push_back(p);
    }
    std::stable_sort(posts.begin(), posts.end(),
                     [&](PostIndex x, PostIndex y) { return from(x) < from(y); });
    return posts;
  };
  auto got = [](absl::Span<const PostIndex> posts) {
    return std::vector<PostIndex>(posts.begin(), posts.end());
  };
  // Record posts keep their document index in the snapshot; roster rows follow them.
  ASSERT_EQ(s->post_count(), records + 45);
  EXPECT_EQ(got(s->posts_in(*s->FindUnit("org"))), expect_unit("org"));
  EXPECT_EQ(got(s->posts_in(*s->FindUnit("b1"))), expect_unit("b1"));
  EXPECT_EQ(got(s->posts_of(*s->FindPerson("busy"))), expect_person("busy"));
  EXPECT_EQ(got(s->posts_of(*s->FindPerson("p5"))), expect_person("p5"));
  EXPECT_EQ(got(s->posts_of(*s->FindPerson("m107"))), std::vector<PostIndex>{records + 7});
}

}  // namespace
}  // namespace zeren
