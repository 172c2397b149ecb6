#include "zeren/model_json.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <utility>

#include <boost/json/value.hpp>

#include "absl/strings/str_cat.h"
#include "src/io/atomic_file.h"
#include "src/io/json_fields.h"
#include "src/io/json_text.h"
#include "zeren/limits.h"
#include "zeren/member_roster.h"
#include "absl/strings/string_view.h"

namespace zeren {
namespace {

namespace json = boost::json;
using json_fields::Fields;
using json_fields::Need;
constexpr Need kRequired = Need::kRequired;
constexpr Need kOptional = Need::kOptional;

std::string At(const std::string& path, size_t i) { return absl::StrCat(path, "[", i, "]"); }

// Reads every element of the array member `key` with `read(element, path)`.
template <typename Record, typename Reader>
std::vector<Record> ReadList(Fields& fields, absl::string_view key, Need need, Reader read) {
  std::vector<Record> out;
  const json::array* array = fields.Array(key, need);
  if (array == nullptr) return out;
  out.reserve(array->size());
  const std::string path = fields.PathOf(key);
  for (size_t i = 0; i < array->size(); ++i) out.push_back(read((*array)[i], At(path, i)));
  return out;
}

// ---- reading -------------------------------------------------------------------------

class DocumentReader {
 public:
  explicit DocumentReader(ProblemList* problems) : problems_(problems) {}

  ModelData Read(const json::value& root) {
    ModelData data;
    Fields f(root, "", problems_);
    if (auto format = f.String("format", kRequired); format && *format != "zeren-model") {
      f.Problem("format", absl::StrCat("expected \"zeren-model\", found \"", *format, "\""));
    }
    if (auto version = f.Integer("version", kRequired); version && *version != 1) {
      f.Problem("version", absl::StrCat("unsupported format version ", *version,
                                        " (this library reads version 1)"));
    }
    data.name = f.String("name", kOptional).value_or("");
    if (const json::value* settings = f.Raw("settings", kOptional)) {
      data.settings = ReadSettings(*settings);
    }
    data.units = ReadList<Unit>(f, "units", kRequired, [&](auto& v, auto p) { return ReadUnit(v, p); });
    data.people = ReadList<Person>(f, "people", kOptional, [&](auto& v, auto p) { return ReadPerson(v, p); });
    data.posts = ReadList<Post>(f, "posts", kOptional, [&](auto& v, auto p) { return ReadPost(v, p); });
    data.links = ReadList<Link>(f, "links", kOptional, [&](auto& v, auto p) { return ReadLink(v, p); });
    data.duties = ReadList<Duty>(f, "duties", kOptional, [&](auto& v, auto p) { return ReadDuty(v, p); });
    data.directives = ReadList<Directive>(f, "directives", kOptional,
                                          [&](auto& v, auto p) { return ReadDirective(v, p); });
    data.incidents = ReadList<Incident>(f, "incidents", kOptional,
                                        [&](auto& v, auto p) { return ReadIncident(v, p); });
    if (const json::value* assessment = f.Raw("assessment", kOptional)) {
      data.assessment = ReadAssessment(*assessment);
    }
    if (const json::value* policy = f.Raw("policy", kOptional)) {
      data.policy_json = DefaultOrObject(*policy, "policy", f);
    }
    data.extras = f.Finish();
    return data;
  }

 private:
  // "default" or an object, kept as compact JSON text for the engine that reads it.
  std::string DefaultOrObject(const json::value& value, std::string path, Fields& owner) {
    std::string text;
    if (value.is_object() || (value.is_string() && value.get_string() == "default")) {
      json_text::WriteCompact(value, &text);
    } else {
      owner.Problem(std::move(path), "expected \"default\" or an object");
    }
    return text;
  }

  Settings ReadSettings(const json::value& v) {
    Settings s;
    Fields f(v, "settings", problems_);
    if (auto n = Int32(f, "warn_days")) s.warn_days = *n;
    if (auto n = Int32(f, "max_secretary_posts")) s.max_secretary_posts = *n;
    s.extras = f.Finish();
    return s;
  }

  // An optional integer that must fit 32 bits.
  static std::optional<int32_t> Int32(Fields& f, absl::string_view key) {
    std::optional<int64_t> n = f.Integer(key, kOptional);
    if (!n) return std::nullopt;
    if (*n < INT32_MIN || *n > INT32_MAX) {
      f.Problem(f.PathOf(key), absl::StrCat("integer ", *n, " is out of range"));
      return std::nullopt;
    }
    return static_cast<int32_t>(*n);
  }

  Unit ReadUnit(const json::value& v, const std::string& path) {
    Unit u;
    Fields f(v, path, problems_);
    u.id = f.String("id", kRequired).value_or("");
    f.set_id(u.id);
    u.name = f.String("name", kRequired).value_or("");
    u.kind = f.String("kind", kRequired).value_or("");
    u.members = f.Integer("members", kOptional).value_or(0);
    if (const json::array* parents = f.Array("parents", kOptional)) {
      for (size_t i = 0; i < parents->size(); ++i) {
        u.parents.push_back(ReadParent((*parents)[i], At(f.PathOf("parents"), i), u.id));
      }
    }
    ReadInterval(f, "from", "to", &u.exists);
    u.extras = f.Finish();
    return u;
  }

  ParentRef ReadParent(const json::value& v, const std::string& path, const std::string& id) {
    ParentRef parent;
    if (v.is_string()) {
      parent.unit = std::string(v.get_string());
      return parent;
    }
    Fields f(v, path, problems_);
    f.set_id(id);
    if (!f.is_object()) return parent;
    parent.unit = f.String("unit", kRequired).value_or("");
    parent.weight = f.Number("weight", kRequired);
    parent.extras = f.Finish();
    return parent;
  }

  void ReadInterval(Fields& f, absl::string_view from_key, absl::string_view to_key,
                    Interval* interval, Need need_from = kOptional) {
    if (auto from = f.DateValue(from_key, need_from)) interval->from = *from;
    if (auto to = f.DateValue(to_key, kOptional)) interval->to = *to;
  }

  Person ReadPerson(const json::value& v, const std::string& path) {
    Person p;
    Fields f(v, path, problems_);
    p.id = f.String("id", kRequired).value_or("");
    f.set_id(p.id);
    p.name = f.String("name", kRequired).value_or("");
    p.extras = f.Finish();
    return p;
  }

  Post ReadPost(const json::value& v, const std::string& path) {
    Post p;
    Fields f(v, path, problems_);
    p.person = f.String("person", kRequired).value_or("");
    f.set_id(p.person);
    p.unit = f.String("unit", kRequired).value_or("");
    p.role = f.Vocabulary<Role>("role", kRequired, ParseRole).value_or(Role::kStaff);
    ReadInterval(f, "from", "to", &p.held, kRequired);
    p.in_charge_of = f.StringList("in_charge_of");
    p.extras = f.Finish();
    return p;
  }

  Link ReadLink(const json::value& v, const std::string& path) {
    Link l;
    Fields f(v, path, problems_);
    l.kind = f.Vocabulary<LinkKind>("kind", kRequired, ParseLinkKind).value_or(LinkKind::kSupervises);
    l.from = f.String("from", kRequired).value_or("");
    f.set_id(l.from);
    l.to = f.String("to", kRequired).value_or("");
    ReadInterval(f, "from_date", "to_date", &l.valid);
    l.extras = f.Finish();
    return l;
  }

  Holder ReadHolder(const json::value& v, const std::string& path, const std::string& id) {
    Holder h;
    Fields f(v, path, problems_);
    f.set_id(id);
    h.unit = f.String("unit", kRequired).value_or("");
    h.role = f.Vocabulary<Role>("role", kOptional, ParseRole);
    h.extras = f.Finish();
    return h;
  }

  Duty ReadDuty(const json::value& v, const std::string& path) {
    Duty d;
    Fields f(v, path, problems_);
    d.id = f.String("id", kRequired).value_or("");
    f.set_id(d.id);
    if (const json::value* holder = f.Raw("holder", kRequired)) {
      d.holder = ReadHolder(*holder, f.PathOf("holder"), d.id);
    }
    d.category = f.Vocabulary<DutyCategory>("category", kRequired, ParseDutyCategory)
                     .value_or(DutyCategory::kPrincipal);
    d.dimension = f.String("dimension", kOptional).value_or("");
    d.text = f.String("text", kOptional).value_or("");
    d.extras = f.Finish();
    return d;
  }

  Task ReadTask(const json::value& v, const std::string& path) {
    Task t;
    Fields f(v, path, problems_);
    t.id = f.String("id", kRequired).value_or("");
    f.set_id(t.id);
    t.unit = f.String("unit", kRequired).value_or("");
    t.due = f.DateValue("due", kRequired).value_or(0);
    t.status = f.Vocabulary<TaskStatus>("status", kRequired, ParseTaskStatus).value_or(TaskStatus::kOpen);
    t.completed = f.DateValue("completed", kOptional);
    t.subtasks = ReadList<Task>(f, "subtasks", kOptional, [&](auto& e, auto p) { return ReadTask(e, p); });
    t.extras = f.Finish();
    return t;
  }

  TaskReview ReadTaskReview(const json::value& v, const std::string& path) {
    TaskReview r;
    Fields f(v, path, problems_);
    r.task = f.Id("task", kOptional);
    f.set_id(r.task);
    r.date = f.DateValue("date", kRequired).value_or(0);
    r.result = f.Vocabulary<ReviewResult>("result", kRequired, ParseReviewResult)
                   .value_or(ReviewResult::kPass);
    r.note = f.String("note", kOptional).value_or("");
    r.extras = f.Finish();
    return r;
  }

  Directive ReadDirective(const json::value& v, const std::string& path) {
    Directive d;
    Fields f(v, path, problems_);
    d.id = f.String("id", kRequired).value_or("");
    f.set_id(d.id);
    d.title = f.String("title", kOptional).value_or("");
    d.issued_by = f.String("issued_by", kRequired).value_or("");
    d.date = f.DateValue("date", kRequired).value_or(0);
    d.reach = Int32(f, "reach").value_or(1);
    d.tasks = ReadList<Task>(f, "tasks", kOptional, [&](auto& e, auto p) { return ReadTask(e, p); });
    d.reviews = ReadList<TaskReview>(f, "reviews", kOptional,
                                     [&](auto& e, auto p) { return ReadTaskReview(e, p); });
    d.extras = f.Finish();
    return d;
  }

  Circumstance ReadCircumstance(const json::value& v, const std::string& path,
                                const std::string& id) {
    Circumstance c;
    Fields f(v, path, problems_);
    f.set_id(id);
    c.kind = f.Vocabulary<CircumstanceKind>("kind", kRequired, ParseCircumstanceKind)
                 .value_or(CircumstanceKind::kRepeat);
    c.person = f.Id("person", kOptional);
    c.extras = f.Finish();
    return c;
  }

  Incident ReadIncident(const json::value& v, const std::string& path) {
    Incident i;
    Fields f(v, path, problems_);
    i.id = f.String("id", kRequired).value_or("");
    f.set_id(i.id);
    i.unit = f.String("unit", kRequired).value_or("");
    i.date = f.DateValue("date", kRequired).value_or(0);
    i.since = f.DateValue("since", kOptional);
    i.severity = f.Vocabulary<Severity>("severity", kRequired, ParseSeverity).value_or(Severity::kMinor);
    i.case_id = f.Id("case", kOptional);
    i.dimension = f.String("dimension", kOptional).value_or("");
    i.duty = f.Id("duty", kOptional);
    i.task = f.Id("task", kOptional);
    i.direct = f.StringList("direct");
    i.participants = f.StringList("participants");
    i.circumstances = ReadList<Circumstance>(f, "circumstances", kOptional, [&](auto& e, auto p) {
      return ReadCircumstance(e, p, i.id);
    });
    i.extras = f.Finish();
    return i;
  }

  AssessmentInputs ReadAssessment(const json::value& v) {
    AssessmentInputs a;
    Fields f(v, "assessment", problems_);
    if (const json::value* period = f.Raw("period", kRequired)) {
      Fields p(*period, f.PathOf("period"), problems_);
      if (auto from = p.DateValue("from", kRequired)) a.period.from = *from;
      if (auto to = p.DateValue("to", kRequired)) a.period.to = *to;
      a.period_extras = p.Finish();
    }
    if (const json::value* scheme = f.Raw("scheme", kOptional)) {
      a.scheme_json = DefaultOrObject(*scheme, "assessment.scheme", f);
    }
    a.points = ReadList<IndicatorPoints>(f, "points", kOptional, [&](auto& e, auto path) {
      IndicatorPoints x;
      Fields g(e, path, problems_);
      x.unit = g.String("unit", kRequired).value_or("");
      g.set_id(x.unit);
      x.indicator = g.String("indicator", kRequired).value_or("");
      x.value = g.Number("value", kRequired).value_or(0);
      x.extras = g.Finish();
      return x;
    });
    a.bonuses = ReadList<Bonus>(f, "bonuses", kOptional, [&](auto& e, auto path) {
      Bonus x;
      Fields g(e, path, problems_);
      x.unit = g.String("unit", kRequired).value_or("");
      g.set_id(x.unit);
      x.points = g.Number("points", kRequired).value_or(0);
      x.reason = g.String("reason", kOptional).value_or("");
      x.extras = g.Finish();
      return x;
    });
    a.ballots = ReadList<Ballot>(f, "ballots", kOptional, [&](auto& e, auto path) {
      Ballot x;
      Fields g(e, path, problems_);
      if (const json::value* subject = g.Raw("subject", kRequired)) {
        x.subject = ReadHolder(*subject, g.PathOf("subject"), "");
      }
      g.set_id(x.subject.unit);
      x.good = g.Integer("good", kOptional).value_or(0);
      x.fairly_good = g.Integer("fairly_good", kOptional).value_or(0);
      x.average = g.Integer("average", kOptional).value_or(0);
      x.poor = g.Integer("poor", kOptional).value_or(0);
      x.extras = g.Finish();
      return x;
    });
    a.reviews = ReadList<ReviewScore>(f, "reviews", kOptional, [&](auto& e, auto path) {
      ReviewScore x;
      Fields g(e, path, problems_);
      x.unit = g.String("unit", kRequired).value_or("");
      g.set_id(x.unit);
      x.score = g.Number("score", kRequired).value_or(0);
      x.extras = g.Finish();
      return x;
    });
    a.appraisals = ReadList<Appraisal>(f, "appraisals", kOptional, [&](auto& e, auto path) {
      Appraisal x;
      Fields g(e, path, problems_);
      x.person = g.String("person", kRequired).value_or("");
      g.set_id(x.person);
      x.score = g.Number("score", kRequired).value_or(0);
      x.extras = g.Finish();
      return x;
    });
    a.extras = f.Finish();
    return a;
  }

  ProblemList* problems_;
};

// ---- writing -------------------------------------------------------------------------

json::value ParseKnownGood(const std::string& text) { return *json_text::Parse(text); }

void PutExtras(const Extras& extras, json::object* out) {
  for (const auto& [key, text] : extras) (*out)[key] = ParseKnownGood(text);
}

void PutDate(json::object* out, absl::string_view key, Date date, Date open) {
  if (date != open) (*out)[json_text::J(key)] = FormatDate(date);
}

json::array Strings(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

json::value ToValue(const Unit& u) {
  json::object o{{"id", u.id}, {"name", u.name}, {"kind", u.kind}};
  if (!u.parents.empty()) {
    json::array parents;
    for (const ParentRef& p : u.parents) {
      if (p.weight) {
        json::object entry{{"unit", p.unit}, {"weight", *p.weight}};
        PutExtras(p.extras, &entry);
        parents.push_back(std::move(entry));
      } else {
        parents.emplace_back(p.unit);
      }
    }
    o["parents"] = std::move(parents);
  }
  if (u.members != 0) o["members"] = u.members;
  PutDate(&o, "from", u.exists.from, kBeginningOfTime);
  PutDate(&o, "to", u.exists.to, kEndOfTime);
  PutExtras(u.extras, &o);
  return o;
}

// Records and roster rows are written by the same functions, from their fields as views,
// so that a row comes out exactly as the record it stands for.
json::object PersonValue(absl::string_view id, absl::string_view name) {
  return json::object{{"id", json_text::J(id)}, {"name", json_text::J(name)}};
}

json::object PostValue(absl::string_view person, absl::string_view unit, Role role,
                       const Interval& held) {
  json::object o{{"person", json_text::J(person)},
                 {"unit", json_text::J(unit)},
                 {"role", json_text::J(Name(role))}};
  PutDate(&o, "from", held.from, kBeginningOfTime);
  PutDate(&o, "to", held.to, kEndOfTime);
  return o;
}

json::object AppraisalValue(absl::string_view person, double score) {
  return json::object{{"person", json_text::J(person)}, {"score", score}};
}

json::value ToValue(const Person& p) {
  json::object o = PersonValue(p.id, p.name);
  PutExtras(p.extras, &o);
  return o;
}

json::value ToValue(const Post& p) {
  json::object o = PostValue(p.person, p.unit, p.role, p.held);
  if (!p.in_charge_of.empty()) o["in_charge_of"] = Strings(p.in_charge_of);
  PutExtras(p.extras, &o);
  return o;
}

json::value ToValue(const Link& l) {
  json::object o{{"kind", json_text::J(Name(l.kind))}, {"from", l.from}, {"to", l.to}};
  PutDate(&o, "from_date", l.valid.from, kBeginningOfTime);
  PutDate(&o, "to_date", l.valid.to, kEndOfTime);
  PutExtras(l.extras, &o);
  return o;
}

json::value ToValue(const Holder& h) {
  json::object o{{"unit", h.unit}};
  if (h.role) o["role"] = json_text::J(Name(*h.role));
  PutExtras(h.extras, &o);
  return o;
}

json::value ToValue(const Duty& d) {
  json::object o{{"id", d.id}, {"holder", ToValue(d.holder)}, {"category", json_text::J(Name(d.category))}};
  if (!d.dimension.empty()) o["dimension"] = d.dimension;
  if (!d.text.empty()) o["text"] = d.text;
  PutExtras(d.extras, &o);
  return o;
}

json::value ToValue(const Task& t) {
  json::object o{{"id", t.id}, {"unit", t.unit}, {"due", FormatDate(t.due)},
                 {"status", json_text::J(Name(t.status))}};
  if (t.completed) o["completed"] = FormatDate(*t.completed);
  if (!t.subtasks.empty()) {
    json::array subtasks;
    for (const Task& s : t.subtasks) subtasks.push_back(ToValue(s));
    o["subtasks"] = std::move(subtasks);
  }
  PutExtras(t.extras, &o);
  return o;
}

json::value ToValue(const TaskReview& r) {
  json::object o{{"date", FormatDate(r.date)}};
  if (!r.task.empty()) o["task"] = r.task;
  o["result"] = json_text::J(Name(r.result));
  if (!r.note.empty()) o["note"] = r.note;
  PutExtras(r.extras, &o);
  return o;
}

json::value ToValue(const Circumstance& c);
json::value ToValue(const IndicatorPoints& x);
json::value ToValue(const Bonus& x);
json::value ToValue(const Ballot& x);
json::value ToValue(const ReviewScore& x);
json::value ToValue(const Appraisal& x);
json::value ToValue(const Directive& d);
json::value ToValue(const Incident& i);

template <typename Record>
json::array List(const std::vector<Record>& records, size_t more = 0) {
  json::array out;
  out.reserve(records.size() + more);
  for (const Record& r : records) out.push_back(ToValue(r));
  return out;
}

// The records of a list, then the records the roster's rows stand for (zeren/member_roster.h):
// `row(r)` gives row r's value.
template <typename Record, typename Row>
json::array ListWithRoster(const std::vector<Record>& records, const MemberRoster& roster, Row row) {
  json::array out = List(records, roster.size());
  for (uint32_t r = 0; r < roster.size(); ++r) out.push_back(row(r));
  return out;
}

json::value ToValue(const Directive& d) {
  json::object o{{"id", d.id}};
  if (!d.title.empty()) o["title"] = d.title;
  o["issued_by"] = d.issued_by;
  o["date"] = FormatDate(d.date);
  o["reach"] = d.reach;
  o["tasks"] = List(d.tasks);
  if (!d.reviews.empty()) o["reviews"] = List(d.reviews);
  PutExtras(d.extras, &o);
  return o;
}

json::value ToValue(const Circumstance& c) {
  json::object o{{"kind", json_text::J(Name(c.kind))}};
  if (!c.person.empty()) o["person"] = c.person;
  PutExtras(c.extras, &o);
  return o;
}

json::value ToValue(const Incident& i) {
  json::object o{{"id", i.id}, {"unit", i.unit}, {"date", FormatDate(i.date)}};
  if (i.since) o["since"] = FormatDate(*i.since);
  o["severity"] = json_text::J(Name(i.severity));
  if (!i.case_id.empty()) o["case"] = i.case_id;
  if (!i.dimension.empty()) o["dimension"] = i.dimension;
  if (!i.duty.empty()) o["duty"] = i.duty;
  if (!i.task.empty()) o["task"] = i.task;
  if (!i.direct.empty()) o["direct"] = Strings(i.direct);
  if (!i.participants.empty()) o["participants"] = Strings(i.participants);
  if (!i.circumstances.empty()) o["circumstances"] = List(i.circumstances);
  PutExtras(i.extras, &o);
  return o;
}

json::value ToValue(const IndicatorPoints& x) {
  json::object o{{"unit", x.unit}, {"indicator", x.indicator}, {"value", x.value}};
  PutExtras(x.extras, &o);
  return o;
}

json::value ToValue(const Bonus& x) {
  json::object o{{"unit", x.unit}, {"points", x.points}};
  if (!x.reason.empty()) o["reason"] = x.reason;
  PutExtras(x.extras, &o);
  return o;
}

json::value ToValue(const Ballot& x) {
  json::object o{{"subject", ToValue(x.subject)}, {"good", x.good},
                 {"fairly_good", x.fairly_good}, {"average", x.average}, {"poor", x.poor}};
  PutExtras(x.extras, &o);
  return o;
}

json::value ToValue(const ReviewScore& x) {
  json::object o{{"unit", x.unit}, {"score", x.score}};
  PutExtras(x.extras, &o);
  return o;
}

json::value ToValue(const Appraisal& x) {
  json::object o = AppraisalValue(x.person, x.score);
  PutExtras(x.extras, &o);
  return o;
}

json::value ToValue(const AssessmentInputs& a, const MemberRoster& roster) {
  json::object period{{"from", FormatDate(a.period.from)}, {"to", FormatDate(a.period.to)}};
  PutExtras(a.period_extras, &period);
  json::object o{{"period", std::move(period)}, {"scheme", ParseKnownGood(a.scheme_json)}};
  o["points"] = List(a.points);
  o["bonuses"] = List(a.bonuses);
  o["ballots"] = List(a.ballots);
  o["reviews"] = List(a.reviews);
  json::array appraisals = List(a.appraisals);
  for (uint32_t r = 0; r < roster.size(); ++r) {
    if (roster.has_appraisal(r)) appraisals.push_back(AppraisalValue(roster.id(r), roster.appraisal(r)));
  }
  o["appraisals"] = std::move(appraisals);
  PutExtras(a.extras, &o);
  return o;
}

json::value ToValue(const ModelData& d) {
  json::object o{{"format", "zeren-model"}, {"version", 1}};
  if (!d.name.empty()) o["name"] = d.name;
  json::object settings{{"warn_days", d.settings.warn_days},
                        {"max_secretary_posts", d.settings.max_secretary_posts}};
  PutExtras(d.settings.extras, &settings);
  o["settings"] = std::move(settings);
  o["units"] = List(d.units);
  const MemberRoster& roster = d.roster;
  o["people"] = ListWithRoster(d.people, roster, [&](uint32_t r) {
    return PersonValue(roster.id(r), roster.name(r));
  });
  o["posts"] = ListWithRoster(d.posts, roster, [&](uint32_t r) {
    return PostValue(roster.id(r), roster.unit_id(r), Role::kStaff, roster.held(r));
  });
  o["links"] = List(d.links);
  o["duties"] = List(d.duties);
  o["directives"] = List(d.directives);
  o["incidents"] = List(d.incidents);
  if (d.assessment) o["assessment"] = ToValue(*d.assessment, roster);
  o["policy"] = ParseKnownGood(d.policy_json);
  PutExtras(d.extras, &o);
  return o;
}

}  // namespace

namespace {

std::string TooLarge(std::size_t limit) {
  return absl::StrCat("the document is more than ", limit,
                      " bytes, the limit (ZEREN_MAX_DOCUMENT_BYTES)");
}

}  // namespace

absl::StatusOr<Model> ParseModelJson(absl::string_view text, ProblemList* problems) {
  ProblemList found;
  const std::size_t limit = MaxDocumentBytes();
  absl::StatusOr<json::value> root =
      text.size() > limit ? absl::InvalidArgumentError(TooLarge(limit)) : json_text::Parse(text);
  if (!root.ok()) {
    found.Add("", "", std::string(root.status().message()));
  } else {
    ModelData data = DocumentReader(&found).Read(*root);
    if (found.empty()) return Model::Create(std::move(data), problems);
  }
  absl::Status status = found.ToStatus();
  if (problems != nullptr) *problems = std::move(found);
  return status;
}

namespace {

// The file's bytes, at most `limit`: reading stops there, so that a huge file, a device or
// a pipe that never ends costs no more than the limit.
absl::StatusOr<std::string> ReadDocument(const std::string& path, std::size_t limit,
                                         ProblemList* problems) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const std::string message = absl::StrCat(path, ": cannot open the file: ", std::strerror(errno));
    return errno == ENOENT ? absl::NotFoundError(message) : absl::UnavailableError(message);
  }
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while (text.size() <= limit && (n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, n);
  }
  const int error = std::ferror(file) ? errno : 0;
  std::fclose(file);
  if (error != 0) {
    // A directory opens but does not read (EISDIR).
    return absl::UnavailableError(
        absl::StrCat(path, ": cannot read the file: ", std::strerror(error)));
  }
  if (text.size() > limit) {
    std::string message = TooLarge(limit);
    if (problems != nullptr) problems->Add("", "", message);
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", message));
  }
  return text;
}

}  // namespace

absl::StatusOr<Model> LoadModelFile(const std::string& path, ProblemList* problems) {
  absl::StatusOr<std::string> text = ReadDocument(path, MaxDocumentBytes(), problems);
  if (!text.ok()) return text.status();
  absl::StatusOr<Model> model = ParseModelJson(*text, problems);
  if (!model.ok()) {
    return absl::Status(model.status().code(), absl::StrCat(path, ": ", model.status().message()));
  }
  return model;
}

std::string ModelToJson(const Model& model) {
  return json_text::WritePretty(ToValue(model.data()));
}

absl::Status SaveModelFile(const Model& model, const std::string& path) {
  return WriteFileAtomically(path, ModelToJson(model));
}

}  // namespace zeren
