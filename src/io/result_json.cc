#include "zeren/result_json.h"

#include <cmath>

#include <boost/json/value.hpp>

#include "src/io/json_text.h"

namespace zeren {

namespace json = boost::json;

std::string ChainToJson(const Snapshot& s, const Chain& chain) {
  json::array entries;
  for (const ChainEntry& e : chain.entries) {
    json::object o{{"kind", json_text::J(Name(e.kind))}};
    if (e.person != kNoIndex) o["person"] = json_text::J(s.person_id(e.person));
    if (e.unit != kNoIndex) o["unit"] = json_text::J(s.unit_id(e.unit));
    o["distance"] = e.distance;
    o["reason"] = e.reason;
    entries.push_back(std::move(o));
  }
  json::object root{{"unit", json_text::J(s.unit_id(chain.unit))},
                    {"as_of", FormatDate(chain.as_of)},
                    {"entries", std::move(entries)}};
  return json_text::WritePretty(root);
}

std::string PersonViewToJson(const Snapshot& s, const PersonView& view) {
  json::array entries;
  for (const Responsibility& r : view.entries) {
    json::object o{{"kind", json_text::J(Name(r.kind))}};
    if (r.unit != kNoIndex) o["unit"] = json_text::J(s.unit_id(r.unit));
    if (r.post != kNoIndex) o["role"] = json_text::J(Name(s.post_role(r.post)));
    if (r.duty != kNoIndex) o["duty"] = json_text::J(s.duty_id(r.duty));
    o["reason"] = r.reason;
    entries.push_back(std::move(o));
  }
  json::object root{{"person", json_text::J(s.person_id(view.person))},
                    {"as_of", FormatDate(view.as_of)},
                    {"entries", std::move(entries)}};
  return json_text::WritePretty(root);
}

namespace {

json::value AccountingValue(const Snapshot& s, const Accounting& a) {
  json::array parties;
  for (const AccountableParty& p : a.parties) {
    json::object party;
    if (p.party.is_unit) {
      party["unit"] = json_text::J(s.unit_id(p.party.index));
    } else {
      party["person"] = json_text::J(s.person_id(p.party.index));
    }
    json::array adjustments, because;
    for (const Adjustment& adj : a.AdjustmentsOf(p)) adjustments.emplace_back(Describe(adj));
    for (const ReachPath& path : a.PathsOf(p)) {
      because.emplace_back(Describe(s, a.incident, p.party, path));
    }
    parties.push_back(json::object{{"party", std::move(party)},
                                   {"category", json_text::J(Name(p.category))},
                                   {"degree", std::round(p.degree * 1e6) / 1e6},
                                   {"form", json_text::J(Name(p.form))},
                                   {"adjustments", std::move(adjustments)},
                                   {"because", std::move(because)}});
  }
  json::object o{{"incident", json_text::J(s.incident_id(a.incident))},
                 {"date", FormatDate(s.incident_date(a.incident))}};
  if (s.incident_has_since(a.incident)) o["since"] = FormatDate(s.incident_since(a.incident));
  o["severity"] = json_text::J(Name(s.incident_severity(a.incident)));
  o["parties"] = std::move(parties);
  return o;
}


json::object ReviewValue(const Snapshot& s, const Snapshot::Review& r) {
  json::object o{{"date", FormatDate(r.date)}, {"result", json_text::J(Name(r.result))}};
  if (r.task != kNoIndex) o["task"] = json_text::J(s.task_id(r.task));
  if (!r.note.empty()) o["note"] = r.note;
  return o;
}

json::value LedgerValue(const Snapshot& s, const LedgerReport& report) {
  // Reviews dated by the ledger's day are listed with their task, or with their directive
  // when they name none.
  json::array tasks;
  for (size_t k = 0; k < report.tasks.size(); ++k) {
    const TaskIndex t = report.tasks[k];
    json::object o{{"task", json_text::J(s.task_id(t))},
                   {"directive", json_text::J(s.directive_id(s.task_directive(t)))},
                   {"unit", json_text::J(s.unit_id(s.task_unit(t)))},
                   {"due", FormatDate(s.task_due(t))},
                   {"status", json_text::J(Name(s.task_status(t)))},
                   {"light", json_text::J(Name(report.lights[k]))}};
    json::array reviews;
    for (const Snapshot::Review& r : s.task_reviews(t)) {
      if (r.date <= report.as_of) reviews.push_back(ReviewValue(s, r));
    }
    if (!reviews.empty()) o["reviews"] = std::move(reviews);
    tasks.push_back(std::move(o));
  }
  json::array directives;
  for (const DirectiveProfile& p : report.directives) {
    json::array levels, break_points, reviews;
    for (const LevelProfile& l : p.levels) {
      levels.push_back(json::object{{"level", l.level}, {"reached", l.reached}, {"done", l.done},
                                    {"on_time", l.on_time}});
    }
    for (UnitIndex u : p.break_points) break_points.emplace_back(json_text::J(s.unit_id(u)));
    for (const Snapshot::Review& r : s.directive_reviews(p.directive)) {
      if (r.task == kNoIndex && r.date <= report.as_of) reviews.push_back(ReviewValue(s, r));
    }
    json::object o{{"directive", json_text::J(s.directive_id(p.directive))},
                   {"reach", s.directive_reach(p.directive)},
                   {"levels", std::move(levels)},
                   {"break_points", std::move(break_points)}};
    if (!reviews.empty()) o["reviews"] = std::move(reviews);
    directives.push_back(std::move(o));
  }
  return json::object{{"as_of", FormatDate(report.as_of)},
                      {"tasks", std::move(tasks)},
                      {"directives", std::move(directives)}};
}

json::value AuditValue(const Snapshot& s, const AuditReport& report) {
  json::array findings;
  for (const Finding& f : report.findings) {
    json::object o{{"kind", json_text::J(Name(f.kind))},
                   {"severity", json_text::J(Name(SeverityOf(f.kind)))}};
    if (f.person != kNoIndex) o["person"] = json_text::J(s.person_id(f.person));
    if (f.duty != kNoIndex) {
      o["duty"] = json_text::J(s.duty_id(f.duty));
    } else if (f.unit != kNoIndex) {
      o["unit"] = json_text::J(s.unit_id(f.unit));
    }
    if (f.directive != kNoIndex) o["directive"] = json_text::J(s.directive_id(f.directive));
    o["detail"] = f.detail;
    findings.push_back(std::move(o));
  }
  return json::object{{"as_of", FormatDate(report.as_of)}, {"findings", std::move(findings)}};
}

json::value UnitAssessmentValue(const Snapshot& s, const Assessment& a, UnitIndex u) {
  const UnitAssessment& ua = a.units[u];
  json::object components{{"daily", ua.daily}};
  if (ua.review) components["review"] = *ua.review;
  if (ua.ballot) components["ballot"] = *ua.ballot;
  if (ua.members) components["members"] = *ua.members;
  json::array deductions, vetoes, flags, subordinates, why;
  for (const Deduction& d : ua.deductions) {
    json::object o{{"incident", json_text::J(s.incident_id(d.incident))}, {"points", d.points}, {"factor", d.factor}};
    if (!d.counted) o["counted"] = false;
    deductions.push_back(std::move(o));
  }
  for (const VetoApplied& v : ua.vetoes) {
    vetoes.push_back(json::object{{"incident", json_text::J(s.incident_id(v.incident))},
                                  {"max_grade", a.scheme.grades[a.scheme.vetoes[v.veto].max_grade].id}});
  }
  for (int32_t f : ua.flags) flags.emplace_back(a.scheme.flags[f].id);
  for (const SubordinateContribution& c : SubordinatesOf(s, a, u)) {
    subordinates.push_back(json::object{{"unit", json_text::J(s.unit_id(c.unit))}, {"weight", c.weight}, {"total", c.total}});
  }
  for (std::string& line : Explain(s, a, u)) why.emplace_back(std::move(line));
  json::object o{{"unit", json_text::J(s.unit_id(u))},
                 {"peer_group", s.unit_kind(u)},
                 {"own", ua.own},
                 {"total", ua.total},
                 {"grade", a.scheme.grades[ua.grade].id},
                 {"rank", ua.rank},
                 {"components", std::move(components)},
                 {"deductions", std::move(deductions)},
                 {"vetoes", std::move(vetoes)},
                 {"flags", std::move(flags)},
                 {"subordinates", std::move(subordinates)}};
  if (ua.quota_cut_from) o["quota_cut_from"] = a.scheme.grades[*ua.quota_cut_from].id;
  o["why"] = std::move(why);
  return o;
}

}  // namespace

std::string LedgerToJson(const Snapshot& s, const LedgerReport& report) {
  return json_text::WritePretty(LedgerValue(s, report));
}

std::string AuditToJson(const Snapshot& s, const AuditReport& report) {
  return json_text::WritePretty(AuditValue(s, report));
}

std::string AccountingToJson(const Snapshot& s, const Accounting& accounting) {
  return json_text::WritePretty(AccountingValue(s, accounting));
}

std::string AccountingsToJson(const Snapshot& s, absl::Span<const Accounting> all) {
  json::array incidents;
  for (const Accounting& a : all) incidents.push_back(AccountingValue(s, a));
  return json_text::WritePretty(json::object{{"incidents", std::move(incidents)}});
}

std::string AssessmentToJson(const Snapshot& s, const Assessment& a, std::optional<UnitIndex> only) {
  json::array units, people;
  for (UnitIndex u : a.order) {
    if (!only || *only == u) units.push_back(UnitAssessmentValue(s, a, u));
  }
  for (const PersonScore& p : a.people) {
    if (!only) people.push_back(json::object{{"person", json_text::J(s.person_id(p.person))}, {"score", p.score}});
  }
  json::object root{{"period", json::object{{"from", FormatDate(a.period.from)}, {"to", FormatDate(a.period.to)}}},
                    {"units", std::move(units)}};
  if (!only) root["people"] = std::move(people);
  return json_text::WritePretty(root);
}

}  // namespace zeren
