// The records of a model document, as the user gave them: string ids, names, dates.
// Field names follow the JSON keys of the model format (docs: spec/model-format.md).
#ifndef ZEREN_RECORDS_H_
#define ZEREN_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zeren/date.h"
#include "zeren/member_roster.h"
#include "zeren/vocabulary.h"

namespace zeren {

// Keys starting with "x_" that an object carried, in document order, each with its value
// as compact JSON text. They are kept and written back (as equal JSON, reformatted).
using Extras = std::vector<std::pair<std::string, std::string>>;

// A `leads` edge seen from the subordinate. Without a weight each parent of the unit
// weighs 1 / (number of parents); either every parent of a unit has a weight or none has.
struct ParentRef {
  std::string unit;
  std::optional<double> weight;
  Extras extras;  // only in the object form
};

struct Unit {
  std::string id;
  std::string name;
  std::string kind;  // open vocabulary: leading_group, branch, group, ...
  int64_t members = 0;
  std::vector<ParentRef> parents;
  Interval exists;  // `from` / `to`; open ends when absent
  Extras extras;
};

struct Person {
  std::string id;
  std::string name;
  Extras extras;
};

struct Post {
  std::string person;
  std::string unit;
  Role role = Role::kStaff;
  Interval held;  // `from` is required in the document
  std::vector<std::string> in_charge_of;
  Extras extras;
};

struct Link {
  LinkKind kind = LinkKind::kSupervises;
  std::string from;  // a unit, or a person for `guides`
  std::string to;    // a unit
  Interval valid;    // `from_date` / `to_date`
  Extras extras;
};

// `{unit}` or `{unit, role}`: a unit as an organization, or whoever holds the post.
struct Holder {
  std::string unit;
  std::optional<Role> role;
  Extras extras;
};

struct Duty {
  std::string id;
  Holder holder;
  DutyCategory category = DutyCategory::kPrincipal;
  std::string dimension;  // empty when absent
  std::string text;
  Extras extras;
};

struct Task {
  std::string id;
  std::string unit;
  Date due = 0;
  TaskStatus status = TaskStatus::kOpen;
  std::optional<Date> completed;
  std::vector<Task> subtasks;
  Extras extras;
};

// A look-back review (回头看) of a directive or one of its tasks.
struct TaskReview {
  Date date = 0;
  std::string task;  // empty: the directive as a whole
  ReviewResult result = ReviewResult::kPass;
  std::string note;
  Extras extras;
};

struct Directive {
  std::string id;
  std::string title;
  std::string issued_by;
  Date date = 0;
  int32_t reach = 1;
  std::vector<Task> tasks;
  std::vector<TaskReview> reviews;
  Extras extras;
};

struct Circumstance {
  CircumstanceKind kind = CircumstanceKind::kRepeat;
  std::string person;  // empty: applies to every party the incident reaches
  Extras extras;
};

struct Incident {
  std::string id;
  std::string unit;
  Date date = 0;
  std::optional<Date> since;
  Severity severity = Severity::kMinor;
  std::string case_id;  // JSON key `case`; empty when absent
  std::string dimension;
  std::string duty;
  std::string task;
  std::vector<std::string> direct;
  std::vector<std::string> participants;
  std::vector<Circumstance> circumstances;
  Extras extras;
};

struct IndicatorPoints {
  std::string unit;
  std::string indicator;
  double value = 0;
  Extras extras;
};

struct Bonus {
  std::string unit;
  double points = 0;
  std::string reason;
  Extras extras;
};

struct Ballot {
  Holder subject;
  int64_t good = 0;
  int64_t fairly_good = 0;
  int64_t average = 0;
  int64_t poor = 0;
  Extras extras;
};

struct ReviewScore {
  std::string unit;
  double score = 0;
  Extras extras;
};

struct Appraisal {
  std::string person;
  double score = 0;
  Extras extras;
};

struct AssessmentInputs {
  Interval period;
  Extras period_extras;
  // "default" or a (partial) scheme object, as compact JSON text. The assessment engine
  // interprets it; the model keeps it verbatim.
  std::string scheme_json = "\"default\"";
  std::vector<IndicatorPoints> points;
  std::vector<Bonus> bonuses;
  std::vector<Ballot> ballots;
  std::vector<ReviewScore> reviews;
  std::vector<Appraisal> appraisals;
  Extras extras;
};

struct Settings {
  int32_t warn_days = 7;
  int32_t max_secretary_posts = 3;
  Extras extras;
};

// A whole model document.
struct ModelData {
  std::string name;
  Settings settings;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Post> posts;
  // Plain members, column by column: each row is a person, a staff post and an appraisal
  // (zeren/member_roster.h). Writers put them after the records above.
  MemberRoster roster;
  std::vector<Link> links;
  std::vector<Duty> duties;
  std::vector<Directive> directives;
  std::vector<Incident> incidents;
  std::optional<AssessmentInputs> assessment;
  // "default" or a (partial) policy object, as compact JSON text.
  std::string policy_json = "\"default\"";
  Extras extras;
};

}  // namespace zeren

#endif  // ZEREN_RECORDS_H_
