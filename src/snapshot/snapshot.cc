#include "zeren/snapshot.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/strings/str_cat.h"
#include "src/graph/leads_graph.h"
#include "src/model/sequential_guess.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

// Groups `items` by key into CSR form: start has key_count + 1 offsets; items keep their
// relative order within a group (a stable counting sort).
template <typename Items, typename StartColumn, typename GroupedColumn>
void GroupBy(uint32_t key_count, absl::Span<const uint32_t> keys, const Items& items,
             StartColumn* start, GroupedColumn* grouped) {
  start->assign(key_count + 1, 0);
  for (uint32_t key : keys) ++(*start)[key + 1];
  std::partial_sum(start->begin(), start->end(), start->begin());
  std::vector<uint32_t> next(start->begin(), start->end() - 1);
  grouped->resize(items.size());
  for (size_t i = 0; i < items.size(); ++i) (*grouped)[next[keys[i]]++] = items[i];
}

// A stable sort for the short ranges of one unit's or one person's posts: an insertion
// sort, without the buffer std::stable_sort allocates on every call; std::stable_sort for
// the few long ones.
template <typename It, typename Less>
void StableSortShort(It first, It last, Less less) {
  if (last - first > 32) {
    std::stable_sort(first, last, less);
    return;
  }
  for (It i = first; i != last; ++i) {
    const auto value = *i;
    It j = i;
    for (; j != first && less(value, *(j - 1)); --j) *j = *(j - 1);
    *j = value;
  }
}

std::vector<uint32_t> Iota(size_t n) {
  std::vector<uint32_t> v(n);
  std::iota(v.begin(), v.end(), 0u);
  return v;
}

}  // namespace

class SnapshotCompiler {
 public:
  explicit SnapshotCompiler(const ModelData& data) : d_(data) {}

  absl::StatusOr<std::shared_ptr<Snapshot::Arrays>> Run() {
    a_ = std::make_shared<Snapshot::Arrays>();
    // Each phase looks up the ids of those before it: stop at a text column overflow.
    for (void (SnapshotCompiler::*phase)() :
         {&SnapshotCompiler::CompileUnits, &SnapshotCompiler::CompilePeople,
          &SnapshotCompiler::CompilePosts, &SnapshotCompiler::CompileLinks,
          &SnapshotCompiler::CompileDuties, &SnapshotCompiler::CompileIncidents,
          &SnapshotCompiler::CompileDirectives, &SnapshotCompiler::CompileAssessment}) {
      (this->*phase)();
      if (!status_.ok()) return status_;
    }
    a_->settings = d_.settings;
    a_->policy = *ParsePolicy(d_.policy_json);  // validated with the model
    return std::move(a_);
  }

 private:
  // Appends `text`, or records that the model's `what` exceed a text column.
  void AddText(TextColumn* column, absl::string_view text, const char* what) {
    if (!column->Add(text) && status_.ok()) {
      status_ = absl::ResourceExhaustedError(absl::StrCat("the model's ", what, " exceed 4 GiB"));
    }
  }

  // The texts text_at(0), ..., text_at(n - 1), in a column with exactly the room they need.
  template <typename TextAt>
  TextColumn Texts(uint32_t n, TextAt text_at, const char* what) {
    size_t bytes = 0;
    for (uint32_t i = 0; i < n; ++i) bytes += text_at(i).size() + 1;
    TextColumn texts;
    texts.Reserve(n, std::min(bytes, TextColumn::kMaxBytes));
    for (uint32_t i = 0; i < n; ++i) AddText(&texts, text_at(i), what);
    return texts;
  }

  // Ids of a valid model: each names a record.
  UnitIndex Unit(const std::string& id) { return Find(a_->unit_id, &unit_guess_, id).value(); }
  PersonIndex Person(const std::string& id) {
    if (std::optional<uint32_t> p = Find(a_->person_id, &person_guess_, id)) return *p;
    return record_people() + a_->roster.Find(id).value();
  }
  static std::optional<uint32_t> Find(const IdColumn& ids, SequentialGuess* guess,
                                      absl::string_view id) {
    return guess->Find(
        id, ids.size(), [&](uint32_t i) { return ids[i]; },
        [&](absl::string_view key) { return ids.Find(key); });
  }

  // Renumbers units in level order (stable within a level) and builds parents/children.
  void CompileUnits() {
    const uint32_t n = static_cast<uint32_t>(d_.units.size());
    absl::flat_hash_map<absl::string_view, uint32_t> document_index;
    document_index.reserve(n);
    for (uint32_t i = 0; i < n; ++i) document_index.emplace(d_.units[i].id, i);
    std::vector<graph::Edge> edges;
    for (uint32_t i = 0; i < n; ++i) {
      for (const ParentRef& p : d_.units[i].parents) edges.emplace_back(document_index.at(p.unit), i);
    }
    const std::vector<uint32_t> level = graph::LongestPathLevels(n, edges);
    std::vector<uint32_t> order = Iota(n);  // dense index -> document index
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t x, uint32_t y) { return level[x] < level[y]; });
    std::vector<uint32_t> dense(n);
    for (uint32_t u = 0; u < n; ++u) dense[order[u]] = u;

    auto unit_at = [&](uint32_t u) -> const zeren::Unit& { return d_.units[order[u]]; };
    a_->unit_id = IdColumn(Texts(n, [&](uint32_t u) { return unit_at(u).id; }, "unit ids"));
    a_->unit_name = Texts(n, [&](uint32_t u) { return unit_at(u).name; }, "unit names");
    absl::flat_hash_map<absl::string_view, uint32_t> kind_index;
    a_->unit_kind.reserve(n);
    a_->unit_members.reserve(n);
    a_->unit_level.reserve(n);
    a_->unit_exists.reserve(n);
    for (uint32_t u = 0; u < n; ++u) {
      const zeren::Unit& unit = unit_at(u);
      auto [it, fresh] = kind_index.emplace(unit.kind, static_cast<uint32_t>(a_->kinds.size()));
      if (fresh) a_->kinds.push_back(unit.kind);
      a_->unit_kind.push_back(it->second);
      a_->unit_members.push_back(unit.members);
      a_->unit_level.push_back(level[order[u]]);
      a_->unit_exists.push_back(unit.exists);
    }

    a_->parent_start.assign(n + 1, 0);
    for (uint32_t u = 0; u < n; ++u) {
      const auto parents = static_cast<uint32_t>(unit_at(u).parents.size());
      a_->parent_start[u + 1] = a_->parent_start[u] + parents;
    }
    a_->parent.reserve(a_->parent_start[n]);
    a_->parent_weight.reserve(a_->parent_start[n]);
    for (uint32_t u = 0; u < n; ++u) {
      const auto& parents = unit_at(u).parents;
      for (const ParentRef& p : parents) {
        a_->parent.push_back(dense[document_index.at(p.unit)]);
        a_->parent_weight.push_back(p.weight ? *p.weight : 1.0 / parents.size());
      }
    }
    // Children: each edge keyed by its parent; sorted by child index within a parent.
    std::vector<uint32_t> child_keys, child_items;
    std::vector<double> child_weights;
    for (uint32_t u = 0; u < n; ++u) {
      for (uint32_t k = a_->parent_start[u]; k < a_->parent_start[u + 1]; ++k) {
        child_keys.push_back(a_->parent[k]);
        child_items.push_back(u);
        child_weights.push_back(a_->parent_weight[k]);
      }
    }
    GroupBy(n, child_keys, child_items, &a_->child_start, &a_->child);
    std::vector<uint32_t> same_start;
    GroupBy(n, child_keys, child_weights, &same_start, &a_->child_weight);
  }

  void CompilePeople() {
    const uint32_t n = static_cast<uint32_t>(d_.people.size());
    a_->person_id = IdColumn(Texts(n, [&](uint32_t p) { return d_.people[p].id; }, "person ids"));
    a_->person_name = Texts(n, [&](uint32_t p) { return d_.people[p].name; }, "person names");
    a_->roster = d_.roster;
    a_->roster_unit.reserve(d_.roster.unit_ids().size());
    for (const std::string& id : d_.roster.unit_ids()) a_->roster_unit.push_back(Unit(id));
  }

  void CompilePosts() {
    const uint32_t count = static_cast<uint32_t>(d_.posts.size());
    a_->post_person.reserve(count);
    a_->post_unit.reserve(count);
    a_->post_role.reserve(count);
    a_->post_held.reserve(count);
    a_->charge_start.reserve(count + 1);
    a_->charge_start.push_back(0);
    std::vector<uint32_t> charged_keys, charged_items;
    for (PostIndex i = 0; i < count; ++i) {
      const Post& post = d_.posts[i];
      a_->post_person.push_back(Person(post.person));
      a_->post_unit.push_back(Unit(post.unit));
      a_->post_role.push_back(post.role);
      a_->post_held.push_back(post.held);
      for (const std::string& id : post.in_charge_of) {
        a_->charge_unit.push_back(Unit(id));
        charged_keys.push_back(a_->charge_unit.back());
        charged_items.push_back(i);
      }
      a_->charge_start.push_back(static_cast<uint32_t>(a_->charge_unit.size()));
    }
    GroupBy(unit_count(), charged_keys, charged_items, &a_->charged_start, &a_->charged_post);
    CompileUnitPosts();
    CompilePersonPosts();
  }

  // posts_in(u): by role then start date. Roster posts are staff, the last role, so each
  // unit's list is its record posts with the roster's merged into their staff tail.
  void CompileUnitPosts() {
    std::vector<uint32_t> record_start, record_post;
    GroupBy(unit_count(), a_->post_unit, Iota(record_posts()), &record_start, &record_post);
    std::vector<uint32_t> roster_start, roster_post;
    GroupRosterPosts(&roster_start, &roster_post);

    const Snapshot view(a_);
    auto earlier = [&](PostIndex x, PostIndex y) {
      return view.post_held(x).from < view.post_held(y).from;
    };
    auto by_role_then_start = [&](PostIndex x, PostIndex y) {
      if (a_->post_role[x] != a_->post_role[y]) return a_->post_role[x] < a_->post_role[y];
      return a_->post_held[x].from < a_->post_held[y].from;
    };
    a_->unit_post_start.assign(unit_count() + 1, 0);
    a_->unit_post.resize(record_post.size() + roster_post.size());
    for (UnitIndex u = 0; u < unit_count(); ++u) {
      const auto first = record_post.begin() + record_start[u];
      const auto last = record_post.begin() + record_start[u + 1];
      StableSortShort(first, last, by_role_then_start);
      const auto staff = std::find_if(first, last, [&](PostIndex p) {
        return a_->post_role[p] == Role::kStaff;
      });
      auto out = a_->unit_post.begin() + record_start[u] + roster_start[u];
      out = std::copy(first, staff, out);
      std::merge(staff, last, roster_post.begin() + roster_start[u],
                 roster_post.begin() + roster_start[u + 1], out, earlier);
      a_->unit_post_start[u + 1] = record_start[u + 1] + roster_start[u + 1];
    }
  }

  // Roster posts grouped by unit, each unit's by start date (stable).
  void GroupRosterPosts(std::vector<uint32_t>* start, std::vector<uint32_t>* posts) const {
    const MemberRoster& roster = a_->roster;
    std::vector<uint32_t> keys(roster.size()), items(roster.size());
    for (uint32_t r = 0; r < roster.size(); ++r) {
      keys[r] = a_->roster_unit[roster.unit(r)];
      items[r] = record_posts() + r;
    }
    GroupBy(unit_count(), keys, items, start, posts);
    auto from = [&](PostIndex p) { return roster.held(p - record_posts()).from; };
    auto earlier = [&](PostIndex x, PostIndex y) { return from(x) < from(y); };
    for (UnitIndex u = 0; u < unit_count(); ++u) {
      const auto first = posts->begin() + (*start)[u], last = posts->begin() + (*start)[u + 1];
      StableSortShort(first, last, earlier);
    }
  }

  // posts_of(p): by start date. A roster person holds their roster post and any record
  // posts that name them (a leadership post, say).
  void CompilePersonPosts() {
    const uint32_t count = record_posts();
    auto& start = a_->person_post_start;
    auto& posts = a_->person_post;
    GroupBy(person_count(), a_->post_person, Iota(count), &start, &posts);
    auto earlier = [&](PostIndex x, PostIndex y) {
      return a_->post_held[x].from < a_->post_held[y].from;
    };
    for (PersonIndex p = 0; p < person_count(); ++p) {
      StableSortShort(posts.begin() + start[p], posts.begin() + start[p + 1], earlier);
    }
    if (a_->roster.empty()) return;
    const uint32_t people = record_people();
    HugePageVector<PostIndex> merged(posts.size() + a_->roster.size());
    const Snapshot view(a_);
    uint32_t out = 0;
    for (PersonIndex p = 0; p < person_count(); ++p) {
      const auto first = posts.begin() + start[p], last = posts.begin() + start[p + 1];
      start[p] = out;
      if (p < people) {
        out = static_cast<uint32_t>(std::copy(first, last, merged.begin() + out) - merged.begin());
        continue;
      }
      const PostIndex own = count + (p - people);
      const auto at = std::upper_bound(first, last, own, [&](PostIndex x, PostIndex y) {
        return view.post_held(x).from < view.post_held(y).from;
      });
      auto next = std::copy(first, at, merged.begin() + out);
      *next++ = own;
      out = static_cast<uint32_t>(std::copy(at, last, next) - merged.begin());
    }
    start[person_count()] = out;
    posts = std::move(merged);
  }

  void CompileLinks() {
    const uint32_t count = static_cast<uint32_t>(d_.links.size());
    std::vector<uint32_t> unit_keys, unit_items, person_keys, person_items;
    a_->link_kind.reserve(count);
    a_->link_from.reserve(count);
    a_->link_to.reserve(count);
    a_->link_valid.reserve(count);
    for (LinkIndex i = 0; i < count; ++i) {
      const Link& link = d_.links[i];
      const bool from_person = link.kind == LinkKind::kGuides;
      a_->link_kind.push_back(link.kind);
      a_->link_from.push_back(from_person ? Person(link.from) : Unit(link.from));
      a_->link_to.push_back(Unit(link.to));
      a_->link_valid.push_back(link.valid);
      (from_person ? person_keys : unit_keys).push_back(a_->link_from.back());
      (from_person ? person_items : unit_items).push_back(i);
    }
    const std::vector<uint32_t> all = Iota(count);
    GroupBy(unit_count(), a_->link_to, all, &a_->link_to_start, &a_->link_by_to);
    GroupBy(unit_count(), unit_keys, unit_items, &a_->unit_link_start, &a_->unit_link);
    GroupBy(person_count(), person_keys, person_items, &a_->person_link_start, &a_->person_link);
  }

  void CompileDuties() {
    const uint32_t n = static_cast<uint32_t>(d_.duties.size());
    a_->duty_id = IdColumn(Texts(n, [&](uint32_t d) { return d_.duties[d].id; }, "duty ids"));
    a_->duty_text = Texts(n, [&](uint32_t d) { return d_.duties[d].text; }, "duty texts");
    for (const Duty& duty : d_.duties) {
      a_->duty_unit.push_back(Unit(duty.holder.unit));
      a_->duty_role.push_back(duty.holder.role);
      a_->duty_category.push_back(duty.category);
    }
    GroupBy(unit_count(), a_->duty_unit, Iota(d_.duties.size()), &a_->unit_duty_start,
            &a_->unit_duty);
  }

  void CompileIncidents() {
    const uint32_t n = static_cast<uint32_t>(d_.incidents.size());
    a_->incident_id =
        IdColumn(Texts(n, [&](uint32_t i) { return d_.incidents[i].id; }, "incident ids"));
    a_->incident_case =
        Texts(n, [&](uint32_t i) { return d_.incidents[i].case_id; }, "incident cases");
    a_->direct_start.push_back(0);
    a_->participant_start.push_back(0);
    a_->circumstance_start.push_back(0);
    for (const Incident& incident : d_.incidents) {
      a_->incident_unit.push_back(Unit(incident.unit));
      a_->incident_date.push_back(incident.date);
      a_->incident_since.push_back(incident.since.value_or(incident.date));
      a_->incident_since_given.push_back(incident.since.has_value());
      a_->incident_severity.push_back(incident.severity);
      a_->incident_duty.push_back(incident.duty.empty() ? kNoIndex
                                                        : a_->duty_id.Find(incident.duty).value());
      for (const std::string& p : incident.direct) a_->direct.push_back(Person(p));
      for (const std::string& p : incident.participants) a_->participant.push_back(Person(p));
      for (const Circumstance& c : incident.circumstances) {
        a_->circumstance.push_back({c.kind, c.person.empty() ? kNoIndex : Person(c.person)});
      }
      a_->direct_start.push_back(static_cast<uint32_t>(a_->direct.size()));
      a_->participant_start.push_back(static_cast<uint32_t>(a_->participant.size()));
      a_->circumstance_start.push_back(static_cast<uint32_t>(a_->circumstance.size()));
    }
    GroupBy(unit_count(), a_->incident_unit, Iota(n), &a_->unit_incident_start,
            &a_->unit_incident);
  }

  void CompileDirectives() {
    absl::flat_hash_map<absl::string_view, TaskIndex> task_by_id;
    a_->directive_task_start.push_back(0);
    a_->directive_review_start.push_back(0);
    for (DirectiveIndex d = 0; d < d_.directives.size(); ++d) {
      const Directive& directive = d_.directives[d];
      AddText(&a_->directive_id, directive.id, "directive ids");
      AddText(&a_->directive_title, directive.title, "directive titles");
      a_->directive_issuer.push_back(Unit(directive.issued_by));
      a_->directive_date.push_back(directive.date);
      a_->directive_reach.push_back(directive.reach);
      AddTasks(directive.tasks, d, kNoIndex, &task_by_id);
      a_->directive_task_start.push_back(task_count());
      for (const TaskReview& r : directive.reviews) {
        a_->review.push_back({r.date, r.task.empty() ? kNoIndex : task_by_id.at(r.task), r.result,
                              r.note});
      }
      a_->directive_review_start.push_back(static_cast<uint32_t>(a_->review.size()));
    }
    std::vector<uint32_t> review_keys;
    std::vector<Snapshot::Review> task_reviews;
    for (const Snapshot::Review& r : a_->review) {
      if (r.task == kNoIndex) continue;
      review_keys.push_back(r.task);
      task_reviews.push_back(r);
    }
    GroupBy(task_count(), review_keys, task_reviews,
            &a_->task_review_start, &a_->task_review);
    GroupBy(unit_count(), a_->task_unit, Iota(task_count()), &a_->unit_task_start,
            &a_->unit_task);
  }

  // Sums per unit and person, so that an assessment reads arrays, never ids.
  void CompileAssessment() {
    const uint32_t units = unit_count();
    a_->bonus_sum.assign(units, 0);
    a_->review_sum.assign(units, 0);
    a_->review_count.assign(units, 0);
    a_->votes.assign(units, {});
    a_->appraisal_sum.assign(record_people(), 0);
    a_->appraisal_count.assign(record_people(), 0);
    a_->scheme = DefaultScheme();
    GroupBy(units, {}, std::vector<Snapshot::PointsEntry>{}, &a_->point_start, &a_->point);
    if (!d_.assessment) return;
    const AssessmentInputs& in = *d_.assessment;
    a_->has_assessment = true;
    a_->period = in.period;
    a_->scheme = *ParseScheme(in.scheme_json);  // validated with the model
    absl::flat_hash_map<absl::string_view, uint32_t> indicator;
    std::vector<uint32_t> keys;
    std::vector<Snapshot::PointsEntry> entries;
    for (const IndicatorPoints& p : in.points) {
      auto [it, fresh] = indicator.emplace(p.indicator, static_cast<uint32_t>(a_->indicator_ids.size()));
      if (fresh) a_->indicator_ids.push_back(p.indicator);
      keys.push_back(Unit(p.unit));
      entries.push_back({it->second, p.value});
    }
    GroupBy(units, keys, entries, &a_->point_start, &a_->point);
    for (const Bonus& b : in.bonuses) a_->bonus_sum[Unit(b.unit)] += b.points;
    for (const ReviewScore& r : in.reviews) {
      const UnitIndex u = Unit(r.unit);
      a_->review_sum[u] += r.score;
      ++a_->review_count[u];
    }
    for (const Ballot& b : in.ballots) {
      Snapshot::Votes& v = a_->votes[Unit(b.subject.unit)];
      v.good += static_cast<double>(b.good);
      v.fairly_good += static_cast<double>(b.fairly_good);
      v.average += static_cast<double>(b.average);
      v.poor += static_cast<double>(b.poor);
    }
    CompileAppraisals(in.appraisals);
  }

  // Summed in document order, as Snapshot::appraisal_sum adds them.
  void CompileAppraisals(const std::vector<Appraisal>& appraisals) {
    absl::flat_hash_map<PersonIndex, uint32_t> row_slot;  // into row_appraisal
    for (const Appraisal& x : appraisals) {
      const PersonIndex p = Person(x.person);
      if (p < record_people()) {
        a_->appraisal_sum[p] += x.score;
        ++a_->appraisal_count[p];
        continue;
      }
      auto [it, fresh] = row_slot.emplace(p, static_cast<uint32_t>(a_->row_appraisal.size()));
      if (fresh) a_->row_appraisal.push_back({p, 0, 0});
      Snapshot::RowAppraisal& named = a_->row_appraisal[it->second];
      named.sum += x.score;
      ++named.count;
    }
    std::sort(a_->row_appraisal.begin(), a_->row_appraisal.end(),
              [](const Snapshot::RowAppraisal& x, const Snapshot::RowAppraisal& y) {
                return x.person < y.person;
              });
  }

  // Pre-order: a task, then its subtasks. Depth is bounded by validation.
  void AddTasks(const std::vector<Task>& tasks, DirectiveIndex d, TaskIndex parent,
                absl::flat_hash_map<absl::string_view, TaskIndex>* task_by_id) {
    for (const Task& task : tasks) {
      const TaskIndex t = task_count();
      task_by_id->emplace(task.id, t);
      AddText(&a_->task_id, task.id, "task ids");
      a_->task_directive.push_back(d);
      a_->task_parent.push_back(parent);
      a_->task_unit.push_back(Unit(task.unit));
      a_->task_due.push_back(task.due);
      a_->task_status.push_back(task.status);
      a_->task_completed.push_back(task.completed.value_or(kEndOfTime));
      AddTasks(task.subtasks, d, t, task_by_id);
    }
  }

  uint32_t unit_count() const { return static_cast<uint32_t>(a_->unit_id.size()); }
  uint32_t record_people() const { return static_cast<uint32_t>(a_->person_id.size()); }
  uint32_t record_posts() const { return static_cast<uint32_t>(a_->post_person.size()); }
  uint32_t person_count() const { return record_people() + a_->roster.size(); }
  // Not task_id's size, which stops short when the ids overflow their column.
  uint32_t task_count() const { return static_cast<uint32_t>(a_->task_directive.size()); }

  const ModelData& d_;
  std::shared_ptr<Snapshot::Arrays> a_;
  absl::Status status_;
  SequentialGuess unit_guess_, person_guess_;
};

absl::StatusOr<Snapshot> Snapshot::Compile(const Model& model) {
  const ModelData& data = model.data();
  constexpr size_t kLimit = kNoIndex;  // the largest index is reserved for "none"
  const size_t rows = data.roster.size();  // each a person and a post
  if (data.units.size() >= kLimit || data.people.size() + rows >= kLimit ||
      data.posts.size() + rows >= kLimit || data.links.size() >= kLimit ||
      data.duties.size() >= kLimit || data.incidents.size() >= kLimit ||
      data.directives.size() >= kLimit) {
    return absl::ResourceExhaustedError("the model has more than 2^32 - 2 records of one kind");
  }
  absl::StatusOr<std::shared_ptr<Snapshot::Arrays>> arrays = SnapshotCompiler(data).Run();
  if (!arrays.ok()) return arrays.status();
  return Snapshot(*std::move(arrays));
}

std::optional<UnitIndex> Snapshot::FindUnit(absl::string_view id) const {
  return a_->unit_id.Find(id);
}

std::optional<PersonIndex> Snapshot::FindPerson(absl::string_view id) const {
  if (std::optional<PersonIndex> p = a_->person_id.Find(id)) return p;
  if (std::optional<uint32_t> row = a_->roster.Find(id)) return record_people() + *row;
  return std::nullopt;
}

absl::Span<const PostIndex> Snapshot::posts_in(UnitIndex u, Role role) const {
  const absl::Span<const PostIndex> all = posts_in(u);
  const auto first = std::partition_point(
      all.begin(), all.end(), [&](PostIndex post) { return post_role(post) < role; });
  const auto last = std::partition_point(
      first, all.end(), [&](PostIndex post) { return post_role(post) == role; });
  return all.subspan(first - all.begin(), last - first);
}

const Snapshot::RowAppraisal* Snapshot::NamedRowAppraisal(PersonIndex p) const {
  const Column<RowAppraisal>& named = a_->row_appraisal;
  const auto it = std::partition_point(named.begin(), named.end(),
                                       [p](const RowAppraisal& x) { return x.person < p; });
  return it != named.end() && it->person == p ? &*it : nullptr;
}

std::optional<IncidentIndex> Snapshot::FindIncident(absl::string_view id) const {
  return a_->incident_id.Find(id);
}

std::string Snapshot::DescribeUnit(UnitIndex u) const {
  return absl::StrCat(unit_name(u), " (", unit_id(u), ")");
}

std::string Snapshot::DescribePerson(PersonIndex p) const {
  return absl::StrCat(person_name(p), " (", person_id(p), ")");
}

}  // namespace zeren
