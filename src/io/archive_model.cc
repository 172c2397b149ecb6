// The model section: the records of include/zeren/records.h as Boost.Serialization
// classes. Each record is a class with a version (Boost writes it once per class and
// refuses a newer one) and no object tracking (records are values, never shared). Fields
// go through the helpers of archive_codec.h, which bound every count by the bytes left.
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/level.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "absl/strings/str_cat.h"
#include "src/io/archive_codec.h"
#include "zeren/records.h"

// Version and tracking of every record class. Raising a version here makes older zerens
// refuse archives written by this one; serialize() then reads older versions by `version`.
#define ZEREN_ARCHIVE_RECORD(T)           \
  BOOST_CLASS_VERSION(zeren::T, 0)        \
  BOOST_CLASS_TRACKING(zeren::T, boost::serialization::track_never)

ZEREN_ARCHIVE_RECORD(Settings)
ZEREN_ARCHIVE_RECORD(ParentRef)
ZEREN_ARCHIVE_RECORD(Unit)
ZEREN_ARCHIVE_RECORD(Person)
ZEREN_ARCHIVE_RECORD(Post)
ZEREN_ARCHIVE_RECORD(Link)
ZEREN_ARCHIVE_RECORD(Holder)
ZEREN_ARCHIVE_RECORD(Duty)
ZEREN_ARCHIVE_RECORD(Task)
ZEREN_ARCHIVE_RECORD(TaskReview)
ZEREN_ARCHIVE_RECORD(Directive)
ZEREN_ARCHIVE_RECORD(Circumstance)
ZEREN_ARCHIVE_RECORD(Incident)
ZEREN_ARCHIVE_RECORD(IndicatorPoints)
ZEREN_ARCHIVE_RECORD(Bonus)
ZEREN_ARCHIVE_RECORD(Ballot)
ZEREN_ARCHIVE_RECORD(ReviewScore)
ZEREN_ARCHIVE_RECORD(Appraisal)
ZEREN_ARCHIVE_RECORD(AssessmentInputs)
// ModelData version 1 adds the member roster, after the posts.
BOOST_CLASS_VERSION(zeren::ModelData, 1)
BOOST_CLASS_TRACKING(zeren::ModelData, boost::serialization::track_never)

namespace zeren {
namespace {

using archive::Block;
using archive::DecodeError;
using archive::Enum;
using archive::Extra;
using archive::Flag;
using archive::Int;
using archive::Maybe;
using archive::Real;
using archive::Span;
using archive::Text;
using archive::Texts;

// Every record encodes to at least this many bytes (a string's length or more).
constexpr size_t kMinRecordBytes = 8;

// Validation allows 20 levels of subtasks; deeper input stops here, before the recursion
// could exhaust the stack.
constexpr int kMaxTaskNesting = 32;
thread_local int task_nesting = 0;

// Boost passes the version a record was saved with; refuse one newer than this build's.
template <typename T, typename Ar>
void Known(const Ar&, unsigned version, const char* name) {
  constexpr unsigned kKnown = boost::serialization::version<T>::value;
  if (!archive::kSaving<Ar> && version > kKnown) {
    throw archive::NewerClassError(absl::StrCat("class zeren::", name, " version ", version,
                                                " is newer than this zeren reads (", kKnown, ")"));
  }
}

template <typename Ar, typename T>
void Records(Ar& ar, std::vector<T>& items) {
  archive::Size(ar, items, kMinRecordBytes);
  for (T& item : items) ar & item;
}

template <typename Ar>
void MaybeDay(Ar& ar, std::optional<zeren::Date>& date) {
  Maybe(ar, date, [](Ar& a, zeren::Date& d) { Int(a, d); });
}

template <typename Ar>
void RoleOf(Ar& ar, std::optional<Role>& role) {
  Maybe(ar, role, [](Ar& a, Role& r) { Enum(a, r, Role::kStaff); });
}

// The roster's columns (MemberRoster::Columns), each as one block: loading is a bounded
// allocation and a copy per column, then FromColumns checks that they fit together.
template <typename Ar>
void Roster(Ar& ar, MemberRoster& roster) {
  MemberRoster::Columns loaded;
  // Saving reads the columns through Block's non-const reference and leaves them unchanged.
  MemberRoster::Columns& c =
      archive::kSaving<Ar> ? const_cast<MemberRoster::Columns&>(roster.columns()) : loaded;
  Text(ar, c.id_bytes);
  Text(ar, c.name_bytes);
  Block(ar, c.id_end);
  Block(ar, c.name_end);
  Texts(ar, c.unit_ids);
  Block(ar, c.unit);
  Block(ar, c.from);
  Block(ar, c.to);
  Block(ar, c.appraisal);  // NaN: no appraisal; validation refuses the infinities
  Block(ar, c.order);
  if constexpr (!archive::kSaving<Ar>) {
    absl::Status status = MemberRoster::FromColumns(std::move(loaded), &roster);
    if (!status.ok()) throw DecodeError(std::string(status.message()));
  }
}

}  // namespace

// Found by argument-dependent lookup from Boost's serialization machinery.
template <typename Ar>
void serialize(Ar& ar, Settings& s, unsigned version) {
  Known<Settings>(ar, version, "Settings");
  Int(ar, s.warn_days);
  Int(ar, s.max_secretary_posts);
  Extra(ar, s.extras);
}

template <typename Ar>
void serialize(Ar& ar, ParentRef& p, unsigned version) {
  Known<ParentRef>(ar, version, "ParentRef");
  Text(ar, p.unit);
  Maybe(ar, p.weight, [](Ar& a, double& w) { Real(a, w); });
  Extra(ar, p.extras);
}

template <typename Ar>
void serialize(Ar& ar, Unit& u, unsigned version) {
  Known<Unit>(ar, version, "Unit");
  Text(ar, u.id);
  Text(ar, u.name);
  Text(ar, u.kind);
  Int(ar, u.members);
  Records(ar, u.parents);
  Span(ar, u.exists);
  Extra(ar, u.extras);
}

template <typename Ar>
void serialize(Ar& ar, Person& p, unsigned version) {
  Known<Person>(ar, version, "Person");
  Text(ar, p.id);
  Text(ar, p.name);
  Extra(ar, p.extras);
}

template <typename Ar>
void serialize(Ar& ar, Post& p, unsigned version) {
  Known<Post>(ar, version, "Post");
  Text(ar, p.person);
  Text(ar, p.unit);
  Enum(ar, p.role, Role::kStaff);
  Span(ar, p.held);
  Texts(ar, p.in_charge_of);
  Extra(ar, p.extras);
}

template <typename Ar>
void serialize(Ar& ar, Link& l, unsigned version) {
  Known<Link>(ar, version, "Link");
  Enum(ar, l.kind, LinkKind::kGuides);
  Text(ar, l.from);
  Text(ar, l.to);
  Span(ar, l.valid);
  Extra(ar, l.extras);
}

template <typename Ar>
void serialize(Ar& ar, Holder& h, unsigned version) {
  Known<Holder>(ar, version, "Holder");
  Text(ar, h.unit);
  RoleOf(ar, h.role);
  Extra(ar, h.extras);
}

template <typename Ar>
void serialize(Ar& ar, Duty& d, unsigned version) {
  Known<Duty>(ar, version, "Duty");
  Text(ar, d.id);
  ar & d.holder;
  Enum(ar, d.category, DutyCategory::kSpecialized);
  Text(ar, d.dimension);
  Text(ar, d.text);
  Extra(ar, d.extras);
}

template <typename Ar>
void serialize(Ar& ar, Task& t, unsigned version) {
  Known<Task>(ar, version, "Task");
  if (++task_nesting > kMaxTaskNesting) {
    task_nesting = 0;  // the load is abandoned: start the next one afresh
    throw DecodeError("tasks nest more than 32 levels deep");
  }
  Text(ar, t.id);
  Text(ar, t.unit);
  Int(ar, t.due);
  Enum(ar, t.status, TaskStatus::kCancelled);
  MaybeDay(ar, t.completed);
  Records(ar, t.subtasks);
  Extra(ar, t.extras);
  --task_nesting;
}

template <typename Ar>
void serialize(Ar& ar, TaskReview& r, unsigned version) {
  Known<TaskReview>(ar, version, "TaskReview");
  Int(ar, r.date);
  Text(ar, r.task);
  Enum(ar, r.result, ReviewResult::kFail);
  Text(ar, r.note);
  Extra(ar, r.extras);
}

template <typename Ar>
void serialize(Ar& ar, Directive& d, unsigned version) {
  Known<Directive>(ar, version, "Directive");
  Text(ar, d.id);
  Text(ar, d.title);
  Text(ar, d.issued_by);
  Int(ar, d.date);
  Int(ar, d.reach);
  Records(ar, d.tasks);
  Records(ar, d.reviews);
  Extra(ar, d.extras);
}

template <typename Ar>
void serialize(Ar& ar, Circumstance& c, unsigned version) {
  Known<Circumstance>(ar, version, "Circumstance");
  Enum(ar, c.kind, CircumstanceKind::kObjectionOnRecord);
  Text(ar, c.person);
  Extra(ar, c.extras);
}

template <typename Ar>
void serialize(Ar& ar, Incident& i, unsigned version) {
  Known<Incident>(ar, version, "Incident");
  Text(ar, i.id);
  Text(ar, i.unit);
  Int(ar, i.date);
  MaybeDay(ar, i.since);
  Enum(ar, i.severity, Severity::kGrave);
  Text(ar, i.case_id);
  Text(ar, i.dimension);
  Text(ar, i.duty);
  Text(ar, i.task);
  Texts(ar, i.direct);
  Texts(ar, i.participants);
  Records(ar, i.circumstances);
  Extra(ar, i.extras);
}

template <typename Ar>
void serialize(Ar& ar, IndicatorPoints& p, unsigned version) {
  Known<IndicatorPoints>(ar, version, "IndicatorPoints");
  Text(ar, p.unit);
  Text(ar, p.indicator);
  Real(ar, p.value);
  Extra(ar, p.extras);
}

template <typename Ar>
void serialize(Ar& ar, Bonus& b, unsigned version) {
  Known<Bonus>(ar, version, "Bonus");
  Text(ar, b.unit);
  Real(ar, b.points);
  Text(ar, b.reason);
  Extra(ar, b.extras);
}

template <typename Ar>
void serialize(Ar& ar, Ballot& b, unsigned version) {
  Known<Ballot>(ar, version, "Ballot");
  ar & b.subject;
  Int(ar, b.good);
  Int(ar, b.fairly_good);
  Int(ar, b.average);
  Int(ar, b.poor);
  Extra(ar, b.extras);
}

template <typename Ar>
void serialize(Ar& ar, ReviewScore& r, unsigned version) {
  Known<ReviewScore>(ar, version, "ReviewScore");
  Text(ar, r.unit);
  Real(ar, r.score);
  Extra(ar, r.extras);
}

template <typename Ar>
void serialize(Ar& ar, Appraisal& a, unsigned version) {
  Known<Appraisal>(ar, version, "Appraisal");
  Text(ar, a.person);
  Real(ar, a.score);
  Extra(ar, a.extras);
}

template <typename Ar>
void serialize(Ar& ar, AssessmentInputs& in, unsigned version) {
  Known<AssessmentInputs>(ar, version, "AssessmentInputs");
  Span(ar, in.period);
  Extra(ar, in.period_extras);
  Text(ar, in.scheme_json);
  Records(ar, in.points);
  Records(ar, in.bonuses);
  Records(ar, in.ballots);
  Records(ar, in.reviews);
  Records(ar, in.appraisals);
  Extra(ar, in.extras);
}

template <typename Ar>
void serialize(Ar& ar, ModelData& d, unsigned version) {
  Known<ModelData>(ar, version, "ModelData");
  Text(ar, d.name);
  ar & d.settings;
  Records(ar, d.units);
  Records(ar, d.people);
  Records(ar, d.posts);
  if (version >= 1) Roster(ar, d.roster);
  Records(ar, d.links);
  Records(ar, d.duties);
  Records(ar, d.directives);
  Records(ar, d.incidents);
  Maybe(ar, d.assessment, [](Ar& a, AssessmentInputs& in) { a & in; });
  Text(ar, d.policy_json);
  Extra(ar, d.extras);
}

namespace archive {

void SaveModelData(OutArchive& ar, const ModelData& data) { ar << data; }

void LoadModelData(InArchive& ar, ModelData* data) {
  task_nesting = 0;
  ar >> *data;
}

}  // namespace archive
}  // namespace zeren
