#include "tools/commands.h"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "tools/model_input.h"
#include "tools/table.h"
#include "zeren/accountability.h"
#include "zeren/assessment.h"
#include "zeren/audit.h"
#include "zeren/chain.h"
#include "zeren/ledger.h"
#include "zeren/model_json.h"
#include "zeren/person_view.h"
#include "zeren/result_json.h"
#include "zeren/snapshot.h"

namespace zeren::cli {

Date Today() {
  return *ParseDate(absl::FormatCivilTime(absl::ToCivilDay(absl::Now(), absl::UTCTimeZone())));
}

extern const char kDemoModel[];

namespace {

struct Options {
  std::string model;
  std::string unit;
  std::string person;
  std::string incident;
  std::string report;
  std::optional<Date> as_of;
  bool json = false;
  bool all = false;
  bool defaults = false;
};

// Parses MODEL and the flags a command accepts; reports problems to `err`.
std::optional<Options> ParseOptions(const std::vector<std::string>& args,
                                    const std::vector<std::string>& flags, bool model_required,
                                    std::ostream& err) {
  Options options;
  auto allowed = [&](const std::string& flag) {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) {
      if (!options.model.empty()) {
        err << "zeren: unexpected argument \"" << arg << "\"\n";
        return std::nullopt;
      }
      options.model = arg;
      continue;
    }
    if (!allowed(arg)) {
      err << "zeren: unknown option " << arg << "\n";
      return std::nullopt;
    }
    if (arg == "--json" || arg == "--all" || arg == "--default") {
      (arg == "--json" ? options.json : arg == "--all" ? options.all : options.defaults) = true;
      continue;
    }
    if (i + 1 == args.size()) {
      err << "zeren: " << arg << " needs a value\n";
      return std::nullopt;
    }
    const std::string& value = args[++i];
    if (arg == "--unit") options.unit = value;
    if (arg == "--person") options.person = value;
    if (arg == "--incident") options.incident = value;
    if (arg == "--report") options.report = value;
    if (arg == "--as-of") {
      options.as_of = ParseDate(value);
      if (!options.as_of) {
        err << "zeren: --as-of: malformed date \"" << value << "\" (expected YYYY-MM-DD)\n";
        return std::nullopt;
      }
    }
  }
  if (model_required && options.model.empty()) {
    err << "zeren: missing MODEL (a JSON model document)\n";
    return std::nullopt;
  }
  return options;
}

std::optional<Model> Load(const std::string& path, std::ostream& err) {
  std::optional<LoadedModel> loaded = LoadModelInput(path, err);
  if (!loaded) return std::nullopt;
  return std::move(loaded->model);
}

std::string PersonCell(const Snapshot& s, PersonIndex p) {
  return p == kNoIndex ? "—" : s.DescribePerson(p);
}

std::string UnitCell(const Snapshot& s, UnitIndex u) {
  return u == kNoIndex ? "—" : s.DescribeUnit(u);
}

std::string RenderChain(const Snapshot& s, const Chain& chain) {
  Table table({"kind", "person", "unit", "steps", "why"});
  for (const ChainEntry& e : chain.entries) {
    table.AddRow({std::string(Name(e.kind)), PersonCell(s, e.person), UnitCell(s, e.unit),
                  absl::StrCat(e.distance), e.reason});
  }
  return absl::StrCat("Chain of responsibility of ", s.DescribeUnit(chain.unit), " as of ",
                      FormatDate(chain.as_of), "\n\n", table.Render());
}

std::string RenderPerson(const Snapshot& s, const PersonView& view) {
  Table table({"kind", "unit", "role", "why"});
  for (const Responsibility& r : view.entries) {
    table.AddRow({std::string(Name(r.kind)), UnitCell(s, r.unit),
                  r.post == kNoIndex ? "" : std::string(Name(s.post_role(r.post))), r.reason});
  }
  std::string out = absl::StrCat("Responsibilities of ", s.DescribePerson(view.person), " as of ",
                                 FormatDate(view.as_of), "\n\n");
  return view.entries.empty() ? out + "(none on this date)\n" : out + table.Render();
}

std::string RenderAccounting(const Snapshot& s, const Accounting& a) {
  const IncidentIndex i = a.incident;
  std::string title = absl::StrCat("Incident ", s.incident_id(i), " at ",
                                   s.DescribeUnit(s.incident_unit(i)), " on ",
                                   FormatDate(s.incident_date(i)));
  if (s.incident_has_since(i)) absl::StrAppend(&title, " (since ", FormatDate(s.incident_since(i)), ")");
  absl::StrAppend(&title, ", ", Name(s.incident_severity(i)), "\n\n");
  Table table({"party", "category", "degree", "form", "adjustments", "because"});
  for (const AccountableParty& p : a.parties) {
    std::vector<std::string> adjustments, because;
    for (const Adjustment& adj : a.AdjustmentsOf(p)) adjustments.push_back(Describe(adj));
    for (const ReachPath& path : a.PathsOf(p)) because.push_back(Describe(s, i, p.party, path));
    table.AddRow({p.party.is_unit ? s.DescribeUnit(p.party.index) : s.DescribePerson(p.party.index),
                  std::string(Name(p.category)), absl::StrFormat("%.6g", p.degree),
                  std::string(Name(p.form)), absl::StrJoin(adjustments, " "),
                  absl::StrJoin(because, "; ")});
  }
  return title + table.Render();
}

std::string RenderLedger(const Snapshot& s, const LedgerReport& report) {
  Table tasks({"task", "directive", "unit", "due", "status", "light", "reviews"});
  for (size_t k = 0; k < report.tasks.size(); ++k) {
    const TaskIndex t = report.tasks[k];
    std::vector<std::string> reviews;
    for (const Snapshot::Review& r : s.task_reviews(t)) {
      if (r.date > report.as_of) continue;
      reviews.push_back(absl::StrCat(FormatDate(r.date), " ", Name(r.result),
                                     r.result == ReviewResult::kFail ? " (!)" : ""));
    }
    tasks.AddRow({std::string(s.task_id(t)), std::string(s.directive_id(s.task_directive(t))), s.DescribeUnit(s.task_unit(t)),
                  FormatDate(s.task_due(t)), std::string(Name(s.task_status(t))),
                  std::string(Name(report.lights[k])), absl::StrJoin(reviews, "; ")});
  }
  std::string text = absl::StrCat("Ledger as of ", FormatDate(report.as_of), "\n\n",
                                  tasks.empty() ? "(no tasks)\n" : tasks.Render());
  for (const DirectiveProfile& p : report.directives) {
    const DirectiveIndex d = p.directive;
    Table levels({"level", "reached", "done", "on_time"});
    for (const LevelProfile& l : p.levels) {
      levels.AddRow({absl::StrCat(l.level), absl::StrCat(l.reached), absl::StrCat(l.done),
                     absl::StrCat(l.on_time)});
    }
    std::vector<std::string> breaks;
    for (UnitIndex u : p.break_points) breaks.push_back(s.DescribeUnit(u));
    absl::StrAppend(&text, "\nDirective ", s.directive_id(d), " ", s.directive_title(d),
                    " — issued by ", s.DescribeUnit(s.directive_issuer(d)), " on ",
                    FormatDate(s.directive_date(d)), ", reach ", s.directive_reach(d), "\n\n",
                    levels.Render(), "break points: ",
                    breaks.empty() ? "none" : absl::StrJoin(breaks, ", "), "\n");
  }
  return text;
}

std::string RenderAudit(const AuditReport& report) {
  Table table({"severity", "kind", "detail"});
  for (const Finding& f : report.findings) {
    table.AddRow({std::string(Name(SeverityOf(f.kind))), std::string(Name(f.kind)), f.detail});
  }
  return absl::StrCat("Audit as of ", FormatDate(report.as_of), ": ", report.findings.size(),
                      " finding", report.findings.size() == 1 ? "" : "s", "\n\n",
                      table.empty() ? "" : table.Render());
}

std::string RenderAssessment(const Snapshot& s, const Assessment& a) {
  Table table({"peer group", "rank", "unit", "own", "total", "grade", "flags"});
  for (UnitIndex u : a.order) {
    const UnitAssessment& ua = a.units[u];
    std::vector<std::string> flags;
    for (int32_t f : ua.flags) flags.push_back(a.scheme.flags[f].id);
    table.AddRow({s.unit_kind(u), absl::StrCat(ua.rank), s.DescribeUnit(u),
                  absl::StrFormat("%.2f", ua.own), absl::StrFormat("%.2f", ua.total),
                  a.scheme.grades[ua.grade].id, absl::StrJoin(flags, " ")});
  }
  return absl::StrCat("Assessment ", FormatDate(a.period.from), " to ", FormatDate(a.period.to),
                      " (to exclusive)\n\n", table.Render());
}

std::string RenderUnitAssessment(const Snapshot& s, const Assessment& a, UnitIndex u) {
  const UnitAssessment& ua = a.units[u];
  std::string text = absl::StrCat(s.DescribeUnit(u), ": ", a.scheme.grades[ua.grade].id,
                                  ", rank ", ua.rank, " among ", s.unit_kind(u), " units, total ",
                                  absl::StrFormat("%.2f", ua.total), "\n\n");
  for (const std::string& line : Explain(s, a, u)) absl::StrAppend(&text, "  ", line, "\n");
  return text;
}

// Loads MODEL and compiles it; on failure reports and returns the exit code in `code`.
std::optional<Snapshot> LoadSnapshot(const std::string& path, std::ostream& err, int* code) {
  *code = kExitInvalidModel;
  std::optional<LoadedModel> loaded = LoadModelInput(path, err);
  if (!loaded) return std::nullopt;
  return SnapshotOf(path, *loaded, err);
}

}  // namespace

int RunValidate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {}, true, err);
  if (!options) return kExitUsage;
  std::optional<Model> model = Load(options->model, err);
  if (!model) return kExitInvalidModel;
  const ModelData& d = model->data();
  out << options->model << ": valid (" << d.units.size() << " units, "
      << d.people.size() + d.roster.size() << " people, " << d.posts.size() + d.roster.size()
      << " posts, " << d.links.size() << " links)\n";
  return kExitOk;
}

int RunChain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--unit", "--as-of", "--json"}, true, err);
  if (!options) return kExitUsage;
  if (options->unit.empty()) {
    err << "zeren chain: --unit ID is required\n";
    return kExitUsage;
  }
  int code = kExitOk;
  std::optional<Snapshot> s = LoadSnapshot(options->model, err, &code);
  if (!s) return code;
  std::optional<UnitIndex> unit = s->FindUnit(options->unit);
  if (!unit) {
    err << "zeren chain: unknown unit \"" << options->unit << "\"\n";
    return kExitQuery;
  }
  absl::StatusOr<Chain> chain = ChainOf(*s, *unit, options->as_of.value_or(Today()));
  if (!chain.ok()) {
    err << "zeren chain: " << chain.status().message() << "\n";
    return kExitQuery;
  }
  out << (options->json ? ChainToJson(*s, *chain) : RenderChain(*s, *chain));
  return kExitOk;
}

int RunPerson(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options =
      ParseOptions(args, {"--person", "--as-of", "--json"}, true, err);
  if (!options) return kExitUsage;
  if (options->person.empty()) {
    err << "zeren person: --person ID is required\n";
    return kExitUsage;
  }
  int code = kExitOk;
  std::optional<Snapshot> s = LoadSnapshot(options->model, err, &code);
  if (!s) return code;
  std::optional<PersonIndex> person = s->FindPerson(options->person);
  if (!person) {
    err << "zeren person: unknown person \"" << options->person << "\"\n";
    return kExitQuery;
  }
  const PersonView view = ResponsibilitiesOf(*s, *person, options->as_of.value_or(Today()));
  out << (options->json ? PersonViewToJson(*s, view) : RenderPerson(*s, view));
  return kExitOk;
}

int RunAccount(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--incident", "--all", "--json"}, true, err);
  if (!options) return kExitUsage;
  if (options->all == !options->incident.empty()) {
    err << "zeren account: give either --incident ID or --all\n";
    return kExitUsage;
  }
  int code = kExitOk;
  std::optional<Snapshot> s = LoadSnapshot(options->model, err, &code);
  if (!s) return code;
  std::vector<Accounting> results;
  if (options->all) {
    results = AccountAll(*s, s->policy());
  } else if (std::optional<IncidentIndex> i = s->FindIncident(options->incident)) {
    Accountant(*s).Account(*i, &results.emplace_back());
  } else {
    err << "zeren account: unknown incident \"" << options->incident << "\"\n";
    return kExitQuery;
  }
  if (options->json) {
    out << (options->all ? AccountingsToJson(*s, results) : AccountingToJson(*s, results[0]));
    return kExitOk;
  }
  for (size_t k = 0; k < results.size(); ++k) out << (k ? "\n" : "") << RenderAccounting(*s, results[k]);
  return kExitOk;
}

int RunLedger(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--as-of", "--json"}, true, err);
  if (!options) return kExitUsage;
  int code = kExitOk;
  std::optional<Snapshot> s = LoadSnapshot(options->model, err, &code);
  if (!s) return code;
  const LedgerReport report = LedgerAsOf(*s, options->as_of.value_or(Today()));
  out << (options->json ? LedgerToJson(*s, report) : RenderLedger(*s, report));
  return kExitOk;
}

int RunAudit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--as-of", "--json"}, true, err);
  if (!options) return kExitUsage;
  int code = kExitOk;
  std::optional<Snapshot> s = LoadSnapshot(options->model, err, &code);
  if (!s) return code;
  const AuditReport report = AuditAsOf(*s, options->as_of.value_or(Today()));
  out << (options->json ? AuditToJson(*s, report) : RenderAudit(report));
  return kExitOk;
}

int RunAssess(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--unit", "--json"}, true, err);
  if (!options) return kExitUsage;
  int code = kExitOk;
  std::optional<Snapshot> s = LoadSnapshot(options->model, err, &code);
  if (!s) return code;
  std::optional<UnitIndex> unit;
  if (!options->unit.empty() && !(unit = s->FindUnit(options->unit))) {
    err << "zeren assess: unknown unit \"" << options->unit << "\"\n";
    return kExitQuery;
  }
  absl::StatusOr<Assessment> a = Assess(*s);
  if (!a.ok()) {
    err << "zeren assess: " << a.status().message() << "\n";
    return kExitQuery;
  }
  if (options->json) {
    out << AssessmentToJson(*s, *a, unit);
  } else {
    out << (unit ? RenderUnitAssessment(*s, *a, *unit) : RenderAssessment(*s, *a));
  }
  return kExitOk;
}

int RunScheme(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--default"}, false, err);
  if (!options) return kExitUsage;
  if (!options->defaults || !options->model.empty()) {
    err << "zeren scheme: usage: zeren scheme --default\n";
    return kExitUsage;
  }
  out << SchemeToJson(DefaultScheme());
  return kExitOk;
}

int RunPolicy(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--default"}, false, err);
  if (!options) return kExitUsage;
  if (!options->defaults || !options->model.empty()) {
    err << "zeren policy: usage: zeren policy --default\n";
    return kExitUsage;
  }
  out << PolicyToJson(DefaultPolicy());
  return kExitOk;
}

namespace {

// The demo's report: the organization at a glance, then the chain of each unit that the
// organ committee leads, vacancies, and one full chain and one person's view.
class DemoReport {
 public:
  DemoReport(const Model& model, const Snapshot& s, Date day) : model_(model), s_(s), day_(day) {}

  std::string Render() const {
    return absl::StrCat(Overview(), "\n", UnitTable(), "\n", Vacancies(), "\n",
                        FullChain(), "\n", PersonSection(), "\n", Accountability(), "\n",
                        "-- Directive ledger (动态台账) --\n\n", RenderLedger(s_, LedgerAsOf(s_, day_)),
                        "\n-- Chain-health audit --\n\n", RenderAudit(AuditAsOf(s_, day_)), "\n",
                        AssessmentSection());
  }

 private:
  std::string Overview() const {
    std::map<std::string, int> kinds;
    int64_t members = 0;
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      ++kinds[s_.unit_kind(u)];
      members += s_.unit_members(u);
    }
    Table table({"kind", "units"});
    for (const auto& [kind, count] : kinds) table.AddRow({kind, absl::StrCat(count)});
    return absl::StrCat("== ", model_.data().name, " — responsibility chains as of ",
                        FormatDate(day_), " ==\n\n", s_.unit_count(), " units, ",
                        s_.person_count(), " people, ", s_.post_count(), " posts, ",
                        s_.link_count(), " links, ", members, " members\n\n", table.Render());
  }

  // The distinct people of entries of `kind`, nearest first, as a cell.
  static std::string People(const Snapshot& s, const Chain& chain, ChainEntry::Kind kind,
                            absl::string_view if_none) {
    std::vector<std::string> names;
    for (const ChainEntry& e : chain.entries) {
      if (e.kind != kind || e.person == kNoIndex) continue;
      const std::string name(s.person_name(e.person));
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names.empty() ? std::string(if_none) : absl::StrJoin(names, "、");
  }

  std::string UnitTable() const {
    Table table({"unit", "secretary 书记", "in charge 分管", "guide 包干", "supervisor 监督"});
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (s_.unit_level(u) != 2) continue;
      absl::StatusOr<Chain> chain = ChainOf(s_, u, day_);
      if (!chain.ok()) continue;
      const bool discipline_body = s_.unit_kind(u) == "discipline_commission";
      table.AddRow({s_.DescribeUnit(u),
                    People(s_, *chain,
                           discipline_body ? ChainEntry::Kind::kDisciplineSecretary
                                           : ChainEntry::Kind::kSecretary,
                           "（空缺 vacant）"),
                    People(s_, *chain, ChainEntry::Kind::kInCharge, "—"),
                    People(s_, *chain, ChainEntry::Kind::kGuide, "—"),
                    People(s_, *chain, ChainEntry::Kind::kSupervisor, "—")});
    }
    return absl::StrCat("-- Departments and affiliated units (level 2) --\n\n", table.Render());
  }

  std::string Vacancies() const {
    Table table({"unit", "kind", "why"});
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (!NeedsFirstResponsible(s_.unit_kind(u))) continue;
      absl::StatusOr<Chain> chain = ChainOf(s_, u, day_);
      if (!chain.ok()) continue;
      for (const ChainEntry& e : chain->entries) {
        const bool leader = e.kind == ChainEntry::Kind::kSecretary ||
                            e.kind == ChainEntry::Kind::kDisciplineSecretary;
        if (leader && e.person == kNoIndex) {
          table.AddRow({s_.DescribeUnit(u), s_.unit_kind(u), e.reason});
        }
      }
    }
    return absl::StrCat("-- Vacant first-responsible posts --\n\n",
                        table.empty() ? "(none)\n" : table.Render());
  }

  std::string FullChain() const {
    // The deepest unit with two superiors shows dual leadership at work.
    UnitIndex pick = 0;
    for (UnitIndex u = 0; u < s_.unit_count(); ++u) {
      if (s_.parents(u).size() > 1) pick = u;
    }
    absl::StatusOr<Chain> chain = ChainOf(s_, pick, day_);
    return absl::StrCat("-- One unit's full chain --\n\n",
                        chain.ok() ? RenderChain(s_, *chain) : std::string(chain.status().message()));
  }

  std::string PersonSection() const {
    // The first leadership member in charge of several units.
    for (PostIndex post = 0; post < s_.post_count(); ++post) {
      if (s_.post_in_charge_of(post).size() > 1 && s_.post_held(post).Contains(day_)) {
        return absl::StrCat("-- One leader's responsibilities --\n\n",
                            RenderPerson(s_, ResponsibilitiesOf(s_, s_.post_person(post), day_)));
      }
    }
    return "";
  }

  std::string Accountability() const {
    std::string text = "-- Accountability for each incident (失责必问) --\n";
    Accountant accountant(s_);
    Accounting result;
    for (IncidentIndex i = 0; i < s_.incident_count(); ++i) {
      accountant.Account(i, &result);
      absl::StrAppend(&text, "\n", RenderAccounting(s_, result));
    }
    return text;
  }

  // Grades per peer group, the departments' ranking, and the reasons of the unit that lost
  // the most points to incidents.
  std::string AssessmentSection() const {
    absl::StatusOr<Assessment> a = Assess(s_);
    if (!a.ok()) return "";
    std::vector<std::string> header = {"peer group"};
    for (const GradeRule& g : a->scheme.grades) header.push_back(g.id);
    Table distribution(header);
    std::map<std::string, std::vector<int>> counts;
    for (const UnitAssessment& ua : a->units) {
      std::vector<int>& row = counts[s_.unit_kind(ua.unit)];
      row.resize(a->scheme.grades.size());
      ++row[ua.grade];
    }
    for (const auto& [kind, row] : counts) {
      std::vector<std::string> cells = {kind};
      for (int n : row) cells.push_back(absl::StrCat(n));
      distribution.AddRow(cells);
    }
    Table ranking({"unit", "total", "grade", "rank"});
    std::optional<UnitIndex> most_deducted;
    for (UnitIndex u : a->order) {
      const UnitAssessment& ua = a->units[u];
      if (s_.unit_level(u) == 2) {
        ranking.AddRow({s_.DescribeUnit(u), absl::StrFormat("%.2f", ua.total),
                        a->scheme.grades[ua.grade].id, absl::StrCat(ua.rank)});
      }
      if (ua.deducted > 0 && (!most_deducted || ua.deducted > a->units[*most_deducted].deducted)) {
        most_deducted = u;
      }
    }
    std::string text = absl::StrCat("-- Integrated assessment (统筹考核) --\n\nGrades by peer group\n\n",
                                    distribution.Render(), "\nDepartments and affiliated units\n\n",
                                    ranking.Render());
    if (most_deducted) absl::StrAppend(&text, "\nWhy: ", RenderUnitAssessment(s_, *a, *most_deducted));
    return text;
  }

  const Model& model_;
  const Snapshot& s_;
  Date day_;
};

}  // namespace

int RunDemo(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<Options> options = ParseOptions(args, {"--as-of", "--report"}, false, err);
  if (!options) return kExitUsage;
  ProblemList problems;
  absl::StatusOr<Model> model = options->model.empty()
                                    ? ParseModelJson(kDemoModel, &problems)
                                    : LoadModelFile(options->model, &problems);
  if (!model.ok()) {
    ReportProblems(options->model.empty() ? "demo" : options->model, model.status(), problems,
                   err);
    return kExitInvalidModel;
  }
  absl::StatusOr<Snapshot> s = Snapshot::Compile(*model);
  if (!s.ok()) {
    err << s.status().message() << "\n";
    return kExitInvalidModel;
  }
  // A fixed default date keeps the demo's report the same every day.
  const Date day = options->as_of.value_or(*ParseDate("2025-06-30"));
  out << DemoReport(*model, *s, day).Render();
  return WriteDemoReport(*model, *s, day,
                         options->report.empty() ? "zeren-demo-report.html" : options->report, out, err);
}

}  // namespace zeren::cli
