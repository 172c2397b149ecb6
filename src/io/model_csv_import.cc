// Importing a model from a folder of CSV files (docs/csv.md). Each file is read record by
// record into the ModelData; the model is then validated like a JSON document, and the
// JSON paths of validation problems are mapped back to the file and line of their record.
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <ios>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "src/io/csv_cells.h"
#include "src/io/csv_layout.h"
#include "src/io/csv_reader.h"
#include "src/io/csv_table.h"
#include "zeren/model_csv.h"

namespace zeren {
namespace {

namespace layout = csv_layout;

// Subtasks nest at most this deep, as Validate requires; deeper chains are refused while
// importing, before any recursion over the task tree.
constexpr int kMaxTaskDepth = 20;

constexpr size_t kFileCount = sizeof(layout::kFiles) / sizeof(layout::kFiles[0]);

// Positions of the files in layout::kFiles.
enum FileIndex : size_t {
  kModelFile, kUnitsFile, kParentsFile, kPeopleFile, kPostsFile, kLinksFile, kDutiesFile,
  kDirectivesFile, kTasksFile, kReviewsFile, kIncidentsFile, kCircumstancesFile, kPointsFile,
  kBonusesFile, kBallotsFile, kReviewScoresFile, kAppraisalsFile,
};
static_assert(kAppraisalsFile + 1 == kFileCount, "every file has a FileIndex");

std::string FileName(size_t file) { return absl::StrCat(layout::kFiles[file].name, ".csv"); }

std::string Quoted(absl::string_view id) { return absl::StrCat("\"", id, "\""); }

// Calls `read` with a reader of `file`; NotFound when there is no such file, another error
// when it cannot be read.
using Opener = std::function<absl::Status(const std::string& file,
                                          const std::function<void(CsvReader*)>& read)>;

// Reads "name[i]" at the start of `*path`: sets `*index` and drops it from `*path`.
bool Indexed(absl::string_view* path, absl::string_view name, size_t* index) {
  if (!absl::StartsWith(*path, name) || path->size() <= name.size() || (*path)[name.size()] != '[') {
    return false;
  }
  size_t i = name.size() + 1;
  size_t value = 0;
  const size_t first = i;
  while (i < path->size() && absl::ascii_isdigit(static_cast<unsigned char>((*path)[i]))) {
    value = value * 10 + static_cast<size_t>((*path)[i] - '0');
    ++i;
  }
  if (i == first || i >= path->size() || (*path)[i] != ']') return false;
  *index = value;
  path->remove_prefix(i + 1);
  return true;
}

// A task row before the rows are nested into their directives' task trees.
struct TaskRow {
  Task task;
  uint32_t directive;
  std::string parent;
  int64_t line;
};

// A record of a child file (a parent, review or circumstance): whose it is and its line.
struct ChildRow {
  uint32_t owner;
  int64_t line;
};

class Importer {
 public:
  explicit Importer(ProblemList* problems) : problems_(problems) {}

  // Reads every file `open` finds. Fails only when a file cannot be read.
  absl::Status ReadAll(const Opener& open) {
    for (size_t f = 0; f < kFileCount; ++f) {
      absl::Status status = open(FileName(f), [&](CsvReader* reader) {
        present_[f] = true;
        CsvTable table(reader, layout::kFiles[f], problems_);
        if (table.Start()) Read(f, table);
      });
      if (!status.ok() && !absl::IsNotFound(status)) return status;
    }
    return absl::OkStatus();
  }

  absl::StatusOr<CsvImport> Finish() {
    CheckAssessment();
    if (problems_->empty()) AssembleTasks();
    if (!problems_->empty()) return problems_->ToStatus();
    ProblemList validation;
    absl::StatusOr<Model> model = Model::Create(std::move(data_), &validation);
    if (!model.ok()) {
      for (const Problem& p : validation.kept()) Relocate(p);
      problems_->CountUnkept(validation.total() - validation.kept().size());
      return problems_->ToStatus();
    }
    CsvImport out{*std::move(model), {}};
    for (size_t f = 0; f < kFileCount; ++f) {
      if (present_[f]) out.present.emplace_back(layout::kFiles[f].name);
    }
    return out;
  }

 private:
  void Read(size_t file, CsvTable& t) {
    switch (static_cast<FileIndex>(file)) {
      case kModelFile: return ReadModel(t);
      case kUnitsFile: return ReadUnits(t);
      case kParentsFile: return ReadParents(t);
      case kPeopleFile: return ReadPeople(t);
      case kPostsFile: return ReadPosts(t);
      case kLinksFile: return ReadLinks(t);
      case kDutiesFile: return ReadDuties(t);
      case kDirectivesFile: return ReadDirectives(t);
      case kTasksFile: return ReadTasks(t);
      case kReviewsFile: return ReadReviews(t);
      case kIncidentsFile: return ReadIncidents(t);
      case kCircumstancesFile: return ReadCircumstances(t);
      case kPointsFile: return ReadPoints(t);
      case kBonusesFile: return ReadBonuses(t);
      case kBallotsFile: return ReadBallots(t);
      case kReviewScoresFile: return ReadReviewScores(t);
      case kAppraisalsFile: return ReadAppraisals(t);
    }
  }

  // ---- model.csv: key, value ----

  void ReadModel(CsvTable& t) {
    enum { kKey, kValue };
    while (t.Next()) {
      const std::string& key = t.Cell(kKey);
      auto [it, fresh] = model_keys_.emplace(key, t.line());
      if (!fresh) {
        t.RecordProblem(absl::StrCat("duplicate key ", Quoted(key), " (first on line ", it->second, ")"));
        continue;
      }
      ModelValue(t, key, t.Cell(kValue));
    }
  }

  void ModelValue(CsvTable& t, const std::string& key, const std::string& value) {
    auto problem = [&](absl::string_view message) { t.RecordProblem(absl::StrCat(key, ": ", message)); };
    auto int32_value = [&](int32_t* out) {
      if (value.empty()) return;
      absl::StatusOr<int64_t> n = csv_cells::ParseInteger(value);
      if (!n.ok()) return problem(n.status().message());
      if (*n < INT32_MIN || *n > INT32_MAX) return problem(absl::StrCat("integer ", *n, " is out of range"));
      *out = static_cast<int32_t>(*n);
    };
    auto date_value = [&](Date* out) {
      if (value.empty()) return;
      std::optional<Date> date = ParseDate(value);
      if (!date) return problem(absl::StrCat("malformed date ", Quoted(value), " (expected YYYY-MM-DD)"));
      *out = *date;
    };
    auto default_or_object = [&](std::string* out) {
      if (value.empty()) return;
      std::string json = csv_cells::JsonOfCell(value);
      if (json != "\"default\"" && !absl::StartsWith(json, "{")) {
        return problem("expected \"default\" or a JSON object");
      }
      *out = std::move(json);
    };
    auto extra = [&](Extras* extras, absl::string_view prefix) {
      if (!value.empty()) extras->emplace_back(key.substr(prefix.size()), csv_cells::JsonOfCell(value));
    };
    if (absl::StartsWith(key, "assessment.") && first_assessment_line_ == 0) {
      first_assessment_line_ = t.line();
    }
    if (key == "format") {
      if (value != "zeren-model") problem(absl::StrCat("expected \"zeren-model\", found ", Quoted(value)));
    } else if (key == "version") {
      absl::StatusOr<int64_t> n = csv_cells::ParseInteger(value);
      if (!n.ok()) {
        problem(n.status().message());
      } else if (*n != 1) {
        problem(absl::StrCat("unsupported format version ", *n, " (this library reads version 1)"));
      }
    } else if (key == "name") {
      data_.name = value;
    } else if (key == "settings.warn_days") {
      int32_value(&data_.settings.warn_days);
    } else if (key == "settings.max_secretary_posts") {
      int32_value(&data_.settings.max_secretary_posts);
    } else if (absl::StartsWith(key, "settings.x_")) {
      extra(&data_.settings.extras, "settings.");
    } else if (key == "assessment.period.from") {
      date_value(&inputs_.period.from);
    } else if (key == "assessment.period.to") {
      date_value(&inputs_.period.to);
    } else if (absl::StartsWith(key, "assessment.period.x_")) {
      extra(&inputs_.period_extras, "assessment.period.");
    } else if (key == "assessment.scheme") {
      default_or_object(&inputs_.scheme_json);
    } else if (absl::StartsWith(key, "assessment.x_")) {
      extra(&inputs_.extras, "assessment.");
    } else if (key == "policy") {
      default_or_object(&data_.policy_json);
    } else if (absl::StartsWith(key, "x_")) {
      extra(&data_.extras, "");
    } else {
      t.RecordProblem(absl::StrCat("unknown key ", Quoted(key)));
    }
  }

  // ---- collections ----

  void ReadUnits(CsvTable& t) {
    enum { kId, kName, kKind, kMembers, kFrom, kTo };
    while (t.Next()) {
      Unit u;
      u.id = t.Cell(kId);
      t.set_id(u.id);
      u.name = t.Cell(kName);
      u.kind = t.Cell(kKind);
      u.members = t.IntegerCell(kMembers).value_or(0);
      if (auto from = t.DateCell(kFrom, false)) u.exists.from = *from;
      if (auto to = t.DateCell(kTo, false)) u.exists.to = *to;
      u.extras = t.TakeExtras();
      units_.emplace(u.id, static_cast<uint32_t>(data_.units.size()));
      Add(kUnitsFile, t, &data_.units, std::move(u));
    }
  }

  void ReadParents(CsvTable& t) {
    enum { kUnit, kParent, kWeight };
    while (t.Next()) {
      t.set_id(t.Cell(kUnit));
      auto it = units_.find(t.Cell(kUnit));
      if (it == units_.end()) {
        t.Problem(kUnit, absl::StrCat("unknown unit ", Quoted(t.Cell(kUnit))));
        continue;
      }
      ParentRef parent;
      parent.unit = t.Cell(kParent);
      parent.weight = t.NumberCell(kWeight, false);
      parent.extras = t.TakeExtras();
      if (!parent.weight && !parent.extras.empty()) {
        t.RecordProblem(absl::StrCat(t.FirstExtra(), ": an extension value needs a weight "
                                                     "(a parent without one is a plain id)"));
      }
      parents_.push_back({it->second, t.line()});
      data_.units[it->second].parents.push_back(std::move(parent));
    }
  }

  void ReadPeople(CsvTable& t) {
    enum { kId, kName };
    while (t.Next()) {
      Person p;
      p.id = t.Cell(kId);
      p.name = t.Cell(kName);
      p.extras = t.TakeExtras();
      Add(kPeopleFile, t, &data_.people, std::move(p));
    }
  }

  void ReadPosts(CsvTable& t) {
    enum { kPerson, kUnit, kRole, kFrom, kTo, kInChargeOf };
    while (t.Next()) {
      Post p;
      p.person = t.Cell(kPerson);
      t.set_id(p.person);
      p.unit = t.Cell(kUnit);
      p.role = t.VocabularyCell<Role>(kRole, true, ParseRole).value_or(Role::kStaff);
      if (auto from = t.DateCell(kFrom, false)) p.held.from = *from;
      if (auto to = t.DateCell(kTo, false)) p.held.to = *to;
      p.in_charge_of = t.ListCell(kInChargeOf);
      p.extras = t.TakeExtras();
      Add(kPostsFile, t, &data_.posts, std::move(p));
    }
  }

  void ReadLinks(CsvTable& t) {
    enum { kKind, kFrom, kTo, kFromDate, kToDate };
    while (t.Next()) {
      Link l;
      l.from = t.Cell(kFrom);
      t.set_id(l.from);
      l.kind = t.VocabularyCell<LinkKind>(kKind, true, ParseLinkKind).value_or(LinkKind::kSupervises);
      l.to = t.Cell(kTo);
      if (auto from = t.DateCell(kFromDate, false)) l.valid.from = *from;
      if (auto to = t.DateCell(kToDate, false)) l.valid.to = *to;
      l.extras = t.TakeExtras();
      Add(kLinksFile, t, &data_.links, std::move(l));
    }
  }

  void ReadDuties(CsvTable& t) {
    enum { kId, kHolderUnit, kHolderRole, kCategory, kDimension, kText };
    while (t.Next()) {
      Duty d;
      d.id = t.Cell(kId);
      t.set_id(d.id);
      d.holder.unit = t.Cell(kHolderUnit);
      d.holder.role = t.VocabularyCell<Role>(kHolderRole, false, ParseRole);
      d.holder.extras = t.TakeNestedExtras();
      d.category = t.VocabularyCell<DutyCategory>(kCategory, true, ParseDutyCategory)
                       .value_or(DutyCategory::kPrincipal);
      d.dimension = t.Cell(kDimension);
      d.text = t.Cell(kText);
      d.extras = t.TakeExtras();
      Add(kDutiesFile, t, &data_.duties, std::move(d));
    }
  }

  void ReadDirectives(CsvTable& t) {
    enum { kId, kTitle, kIssuedBy, kDate, kReach };
    while (t.Next()) {
      Directive d;
      d.id = t.Cell(kId);
      t.set_id(d.id);
      d.title = t.Cell(kTitle);
      d.issued_by = t.Cell(kIssuedBy);
      d.date = t.DateCell(kDate, true).value_or(0);
      d.reach = t.Int32Cell(kReach).value_or(1);
      d.extras = t.TakeExtras();
      directives_.emplace(d.id, static_cast<uint32_t>(data_.directives.size()));
      Add(kDirectivesFile, t, &data_.directives, std::move(d));
    }
  }

  // The directive named in column `c`, or nullopt (reported) when there is none such.
  std::optional<uint32_t> DirectiveOf(CsvTable& t, int c) {
    auto it = directives_.find(t.Cell(c));
    if (it != directives_.end()) return it->second;
    t.Problem(c, absl::StrCat("unknown directive ", Quoted(t.Cell(c))));
    return std::nullopt;
  }

  void ReadTasks(CsvTable& t) {
    enum { kId, kDirective, kParent, kUnit, kDue, kStatus, kCompleted };
    while (t.Next()) {
      Task task;
      task.id = t.Cell(kId);
      t.set_id(task.id);
      task.unit = t.Cell(kUnit);
      task.due = t.DateCell(kDue, true).value_or(0);
      task.status = t.VocabularyCell<TaskStatus>(kStatus, true, ParseTaskStatus).value_or(TaskStatus::kOpen);
      task.completed = t.DateCell(kCompleted, false);
      task.extras = t.TakeExtras();
      const std::optional<uint32_t> directive = DirectiveOf(t, kDirective);
      if (!directive) continue;
      task_rows_.emplace(task.id, static_cast<uint32_t>(tasks_.size()));
      tasks_.push_back({std::move(task), *directive, t.Cell(kParent), t.line()});
    }
  }

  void ReadReviews(CsvTable& t) {
    enum { kDirective, kDate, kTask, kResult, kNote };
    while (t.Next()) {
      TaskReview r;
      r.task = t.Cell(kTask);
      t.set_id(r.task);
      r.date = t.DateCell(kDate, true).value_or(0);
      r.result = t.VocabularyCell<ReviewResult>(kResult, true, ParseReviewResult).value_or(ReviewResult::kPass);
      r.note = t.Cell(kNote);
      r.extras = t.TakeExtras();
      const std::optional<uint32_t> directive = DirectiveOf(t, kDirective);
      if (!directive) continue;
      reviews_.push_back({*directive, t.line()});
      data_.directives[*directive].reviews.push_back(std::move(r));
    }
  }

  void ReadIncidents(CsvTable& t) {
    enum { kId, kUnit, kDate, kSince, kSeverity, kCase, kDimension, kDuty, kTask, kDirect,
           kParticipants };
    while (t.Next()) {
      Incident i;
      i.id = t.Cell(kId);
      t.set_id(i.id);
      i.unit = t.Cell(kUnit);
      i.date = t.DateCell(kDate, true).value_or(0);
      i.since = t.DateCell(kSince, false);
      i.severity = t.VocabularyCell<Severity>(kSeverity, true, ParseSeverity).value_or(Severity::kMinor);
      i.case_id = t.Cell(kCase);
      i.dimension = t.Cell(kDimension);
      i.duty = t.Cell(kDuty);
      i.task = t.Cell(kTask);
      i.direct = t.ListCell(kDirect);
      i.participants = t.ListCell(kParticipants);
      i.extras = t.TakeExtras();
      incidents_.emplace(i.id, static_cast<uint32_t>(data_.incidents.size()));
      Add(kIncidentsFile, t, &data_.incidents, std::move(i));
    }
  }

  void ReadCircumstances(CsvTable& t) {
    enum { kIncident, kKind, kPerson };
    while (t.Next()) {
      t.set_id(t.Cell(kIncident));
      auto it = incidents_.find(t.Cell(kIncident));
      if (it == incidents_.end()) {
        t.Problem(kIncident, absl::StrCat("unknown incident ", Quoted(t.Cell(kIncident))));
        continue;
      }
      Circumstance c;
      c.kind = t.VocabularyCell<CircumstanceKind>(kKind, true, ParseCircumstanceKind)
                   .value_or(CircumstanceKind::kRepeat);
      c.person = t.Cell(kPerson);
      c.extras = t.TakeExtras();
      circumstances_.push_back({it->second, t.line()});
      data_.incidents[it->second].circumstances.push_back(std::move(c));
    }
  }

  // ---- assessment inputs ----

  void ReadPoints(CsvTable& t) {
    enum { kUnit, kIndicator, kValue };
    while (t.Next()) {
      IndicatorPoints x;
      x.unit = t.Cell(kUnit);
      t.set_id(x.unit);
      x.indicator = t.Cell(kIndicator);
      x.value = t.NumberCell(kValue, true).value_or(0);
      x.extras = t.TakeExtras();
      AddInput(kPointsFile, t, &inputs_.points, std::move(x));
    }
  }

  void ReadBonuses(CsvTable& t) {
    enum { kUnit, kPoints, kReason };
    while (t.Next()) {
      Bonus x;
      x.unit = t.Cell(kUnit);
      t.set_id(x.unit);
      x.points = t.NumberCell(kPoints, true).value_or(0);
      x.reason = t.Cell(kReason);
      x.extras = t.TakeExtras();
      AddInput(kBonusesFile, t, &inputs_.bonuses, std::move(x));
    }
  }

  void ReadBallots(CsvTable& t) {
    enum { kUnit, kRole, kGood, kFairlyGood, kAverage, kPoor };
    while (t.Next()) {
      Ballot x;
      x.subject.unit = t.Cell(kUnit);
      t.set_id(x.subject.unit);
      x.subject.role = t.VocabularyCell<Role>(kRole, false, ParseRole);
      x.subject.extras = t.TakeNestedExtras();
      x.good = t.IntegerCell(kGood).value_or(0);
      x.fairly_good = t.IntegerCell(kFairlyGood).value_or(0);
      x.average = t.IntegerCell(kAverage).value_or(0);
      x.poor = t.IntegerCell(kPoor).value_or(0);
      x.extras = t.TakeExtras();
      AddInput(kBallotsFile, t, &inputs_.ballots, std::move(x));
    }
  }

  void ReadReviewScores(CsvTable& t) {
    enum { kUnit, kScore };
    while (t.Next()) {
      ReviewScore x;
      x.unit = t.Cell(kUnit);
      t.set_id(x.unit);
      x.score = t.NumberCell(kScore, true).value_or(0);
      x.extras = t.TakeExtras();
      AddInput(kReviewScoresFile, t, &inputs_.reviews, std::move(x));
    }
  }

  void ReadAppraisals(CsvTable& t) {
    enum { kPerson, kScore };
    while (t.Next()) {
      Appraisal x;
      x.person = t.Cell(kPerson);
      t.set_id(x.person);
      x.score = t.NumberCell(kScore, true).value_or(0);
      x.extras = t.TakeExtras();
      AddInput(kAppraisalsFile, t, &inputs_.appraisals, std::move(x));
    }
  }

  template <typename Record>
  void Add(size_t file, const CsvTable& t, std::vector<Record>* records, Record record) {
    lines_[file].push_back(t.line());
    records->push_back(std::move(record));
  }

  template <typename Record>
  void AddInput(size_t file, const CsvTable& t, std::vector<Record>* records, Record record) {
    if (first_input_.empty()) first_input_ = t.Where();
    Add(file, t, records, std::move(record));
  }

  // The document has an assessment when model.csv has an assessment key; its inputs need
  // one.
  void CheckAssessment() {
    if (first_assessment_line_ != 0) {
      data_.assessment = std::move(inputs_);
    } else if (!first_input_.empty()) {
      problems_->Add(first_input_, "",
                     "assessment inputs need an assessment: model.csv has no "
                     "assessment.period.from and assessment.period.to");
    }
  }

  // ---- the task trees ----

  // Nests the task rows into their directives: each row under its parent task, or at the
  // top of its directive, in file order. Reports unknown parents, parents of another
  // directive, loops and nesting deeper than kMaxTaskDepth.
  void AssembleTasks() {
    const size_t n = tasks_.size();
    constexpr uint32_t kTop = UINT32_MAX;
    std::vector<uint32_t> parent(n, kTop);
    bool sound = true;
    auto problem = [&](size_t r, absl::string_view message) {
      problems_->Add(absl::StrCat(FileName(kTasksFile), ":", tasks_[r].line), tasks_[r].task.id,
                     std::string(message));
      sound = false;
    };
    for (size_t r = 0; r < n; ++r) {
      const TaskRow& row = tasks_[r];
      if (row.parent.empty()) continue;
      auto it = task_rows_.find(row.parent);
      if (it == task_rows_.end()) {
        problem(r, absl::StrCat("parent: unknown task ", Quoted(row.parent)));
      } else if (tasks_[it->second].directive != row.directive) {
        problem(r, absl::StrCat("parent: task ", Quoted(row.parent), " belongs to directive ",
                                Quoted(data_.directives[tasks_[it->second].directive].id), ", not ",
                                Quoted(data_.directives[row.directive].id)));
      } else {
        parent[r] = it->second;
      }
    }
    if (!sound) return;
    // Depths, walking up each chain once; -1 unknown, -2 on the current walk.
    std::vector<int> depth(n, -1);
    std::vector<uint32_t> walk;
    for (size_t r = 0; r < n; ++r) {
      uint32_t at = static_cast<uint32_t>(r);
      while (at != kTop && depth[at] == -1) {
        depth[at] = -2;
        walk.push_back(at);
        at = parent[at];
      }
      int base = at == kTop ? -1 : depth[at];
      if (base == -2) {
        // `at` is on this walk: the rows from it on form a loop; those before lead into it.
        for (auto w = std::find(walk.begin(), walk.end(), at); w != walk.end(); ++w) {
          problem(*w, absl::StrCat("parent: task ", Quoted(tasks_[*w].task.id),
                                   " is its own ancestor"));
        }
        for (uint32_t w : walk) depth[w] = INT32_MAX;
        walk.clear();
        continue;
      }
      while (!walk.empty()) {
        const uint32_t w = walk.back();
        walk.pop_back();
        depth[w] = base == INT32_MAX ? INT32_MAX : ++base;
        if (depth[w] == kMaxTaskDepth) {
          problem(w, absl::StrCat("subtasks nest deeper than ", kMaxTaskDepth, " levels"));
        }
      }
    }
    if (!sound) return;
    // Deepest rows first, in file order within a depth: each row's subtasks are complete
    // when it moves into its parent, and siblings keep their file order.
    std::vector<uint32_t> order(n);
    for (uint32_t r = 0; r < n; ++r) order[r] = r;
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return depth[a] > depth[b]; });
    children_.assign(n, {});
    top_.assign(data_.directives.size(), {});
    for (uint32_t r : order) {
      TaskRow& row = tasks_[r];
      if (parent[r] == kTop) {
        top_[row.directive].push_back(r);
        data_.directives[row.directive].tasks.push_back(std::move(row.task));
      } else {
        children_[parent[r]].push_back(r);
        tasks_[parent[r]].task.subtasks.push_back(std::move(row.task));
      }
    }
  }

  // ---- mapping validation problems back to their records ----

  void Relocate(const Problem& p) {
    bool keep_path = false;
    std::optional<std::string> where = Locate(p.path, &keep_path);
    std::string message = RewritePaths(p.message);
    if (!where) {
      problems_->Add(p.path, p.id, std::move(message));
    } else if (keep_path) {
      problems_->Add(*where, p.id, absl::StrCat(p.path, ": ", message));
    } else {
      problems_->Add(*where, p.id, std::move(message));
    }
  }

  // Messages name other records by JSON path ("duplicate id "x" (first at units[3])",
  // "... (posts[4], 2021-03-01 to …)"): name them by file and line instead.
  std::string RewritePaths(const std::string& message) {
    static constexpr absl::string_view kStarts[] = {"units[",      "people[",    "posts[",
                                                    "links[",      "duties[",    "directives[",
                                                    "incidents[", "assessment."};
    auto path_char = [](char c) {
      return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
             c == '[' || c == ']';
    };
    std::string out;
    size_t copied = 0;
    for (size_t i = 0; i < message.size(); ++i) {
      if (i > 0 && path_char(message[i - 1])) continue;
      const absl::string_view rest = absl::string_view(message).substr(i);
      if (!absl::c_any_of(kStarts, [&](absl::string_view s) { return absl::StartsWith(rest, s); })) {
        continue;
      }
      size_t end = i;
      while (end < message.size() && path_char(message[end])) ++end;
      while (end > i && message[end - 1] == '.') --end;
      bool keep_path = false;
      std::optional<std::string> where =
          Locate(absl::string_view(message).substr(i, end - i), &keep_path);
      if (!where || keep_path) continue;
      absl::StrAppend(&out, absl::string_view(message).substr(copied, i - copied), *where);
      copied = end;
      i = end - 1;
    }
    if (copied == 0) return message;
    absl::StrAppend(&out, absl::string_view(message).substr(copied));
    return out;
  }

  std::string At(size_t file, int64_t line) { return absl::StrCat(FileName(file), ":", line); }

  template <typename Lines>
  std::optional<std::string> Line(size_t file, const Lines& lines, size_t i) {
    if (i >= lines.size()) return std::nullopt;
    return At(file, lines[i]);
  }

  // The n-th child row of `owner`, in file order.
  std::optional<std::string> ChildAt(size_t file, const std::vector<ChildRow>& rows, size_t owner, size_t n) {
    for (const ChildRow& row : rows) {
      if (row.owner == owner && n-- == 0) return At(file, row.line);
    }
    return std::nullopt;
  }

  // The "file:line" of the record a JSON path is about. For paths into model.csv's values
  // `*keep_path` is set: the path names the value inside the record.
  std::optional<std::string> Locate(absl::string_view path, bool* keep_path) {
    size_t i = 0;
    size_t j = 0;
    absl::string_view rest = path;
    if (Indexed(&rest, "units", &i)) {
      if (Indexed(&rest, ".parents", &j)) return ChildAt(kParentsFile, parents_, i, j);
      if (absl::StartsWith(rest, ".parents")) {
        if (auto first = ChildAt(kParentsFile, parents_, i, 0)) return first;
      }
      return Line(kUnitsFile, lines_[kUnitsFile], i);
    }
    if (Indexed(&rest, "directives", &i)) {
      if (Indexed(&rest, ".tasks", &j)) return TaskAt(i, j, rest);
      if (Indexed(&rest, ".reviews", &j)) return ChildAt(kReviewsFile, reviews_, i, j);
      return Line(kDirectivesFile, lines_[kDirectivesFile], i);
    }
    if (Indexed(&rest, "incidents", &i)) {
      if (Indexed(&rest, ".circumstances", &j)) return ChildAt(kCircumstancesFile, circumstances_, i, j);
      return Line(kIncidentsFile, lines_[kIncidentsFile], i);
    }
    static constexpr std::pair<absl::string_view, FileIndex> kRecords[] = {
        {"people", kPeopleFile},
        {"posts", kPostsFile},
        {"links", kLinksFile},
        {"duties", kDutiesFile},
        {"assessment.points", kPointsFile},
        {"assessment.bonuses", kBonusesFile},
        {"assessment.ballots", kBallotsFile},
        {"assessment.reviews", kReviewScoresFile},
        {"assessment.appraisals", kAppraisalsFile},
    };
    for (const auto& [name, file] : kRecords) {
      if (Indexed(&rest, name, &i)) return Line(file, lines_[file], i);
    }
    return LocateKey(path, keep_path);
  }

  std::optional<std::string> TaskAt(size_t directive, size_t index, absl::string_view rest) {
    if (directive >= top_.size() || index >= top_[directive].size()) return std::nullopt;
    uint32_t row = top_[directive][index];
    size_t j = 0;
    while (Indexed(&rest, ".subtasks", &j)) {
      if (j >= children_[row].size()) return std::nullopt;
      row = children_[row][j];
    }
    return At(kTasksFile, tasks_[row].line);
  }

  // The model.csv key that `path` is in: the longest key that is the path or a prefix of
  // it ending before "." or "["; for other assessment paths, the first assessment key.
  std::optional<std::string> LocateKey(absl::string_view path, bool* keep_path) {
    if (path.empty()) return std::nullopt;
    *keep_path = true;
    for (absl::string_view key = path; !key.empty();) {
      auto it = model_keys_.find(key);
      if (it != model_keys_.end()) return At(kModelFile, it->second);
      const size_t cut = key.find_last_of(".[");
      if (cut == absl::string_view::npos) break;
      key = key.substr(0, cut);
    }
    if (absl::StartsWith(path, "assessment") && first_assessment_line_ != 0) {
      return At(kModelFile, first_assessment_line_);
    }
    *keep_path = false;
    return std::nullopt;
  }

  ProblemList* problems_;
  ModelData data_;
  AssessmentInputs inputs_;
  bool present_[kFileCount] = {};

  // Lookups by id (the first record with the id: duplicates are Validate's to report).
  absl::flat_hash_map<std::string, uint32_t> units_, directives_, incidents_, task_rows_;

  // Where each record came from, to map validation problems back.
  std::vector<int64_t> lines_[kFileCount];  // by file, the line of each record
  std::vector<ChildRow> parents_, reviews_, circumstances_;
  std::vector<TaskRow> tasks_;
  std::vector<std::vector<uint32_t>> top_;       // by directive, its top task rows
  std::vector<std::vector<uint32_t>> children_;  // by task row, its subtask rows
  absl::flat_hash_map<std::string, int64_t> model_keys_;
  int64_t first_assessment_line_ = 0;
  std::string first_input_;  // "file:line" of the first assessment input
};

// The collection a file name is of, or nullopt.
bool IsKnownFile(absl::string_view file) {
  for (size_t f = 0; f < kFileCount; ++f) {
    if (file == FileName(f)) return true;
  }
  return false;
}

std::string KnownFiles() {
  std::vector<std::string> names;
  for (size_t f = 0; f < kFileCount; ++f) names.push_back(FileName(f));
  return absl::StrJoin(names, ", ");
}

void UnknownFile(const std::string& file, ProblemList* problems) {
  problems->Add(file, "", absl::StrCat("unknown file (a model's CSV files are ", KnownFiles(), ")"));
}

absl::StatusOr<CsvImport> Import(const Opener& open, ProblemList* found, ProblemList* problems) {
  Importer importer(found);
  if (absl::Status status = importer.ReadAll(open); !status.ok()) return status;
  absl::StatusOr<CsvImport> result = importer.Finish();
  if (!result.ok() && problems != nullptr) *problems = std::move(*found);
  return result;
}

}  // namespace

const std::vector<std::string>& CsvCollections() {
  static const std::vector<std::string>* names = [] {
    auto* out = new std::vector<std::string>();
    for (const layout::File& file : layout::kFiles) out->emplace_back(file.name);
    return out;
  }();
  return *names;
}

bool CsvImport::Has(absl::string_view collection) const {
  return absl::c_linear_search(present, collection);
}

absl::StatusOr<CsvImport> ImportCsvFiles(const std::map<std::string, std::string>& files,
                                         ProblemList* problems) {
  ProblemList found;
  for (const auto& [name, contents] : files) {
    if (!IsKnownFile(name)) UnknownFile(name, &found);
  }
  return Import(
      [&](const std::string& file, const std::function<void(CsvReader*)>& read) {
        auto it = files.find(file);
        if (it == files.end()) return absl::NotFoundError(file);
        CsvReader reader(it->second, file);
        read(&reader);
        return absl::OkStatus();
      },
      &found, problems);
}

absl::StatusOr<CsvImport> ImportCsvFolder(const std::string& folder, ProblemList* problems) {
  namespace fs = std::filesystem;
  std::error_code error;
  ProblemList found;
  fs::directory_iterator entries(folder, error);
  if (error) {
    const std::string message = absl::StrCat(folder, ": cannot open the folder: ", error.message());
    return error == std::errc::no_such_file_or_directory ? absl::NotFoundError(message)
                                                           : absl::UnavailableError(message);
  }
  std::vector<std::string> unknown;
  for (const fs::directory_entry& entry : entries) {
    const std::string name = entry.path().filename().string();
    if (absl::EndsWith(name, ".csv") && !IsKnownFile(name)) unknown.push_back(name);
  }
  std::sort(unknown.begin(), unknown.end());
  for (const std::string& name : unknown) UnknownFile(name, &found);
  return Import(
      [&](const std::string& file, const std::function<void(CsvReader*)>& read) -> absl::Status {
        const std::string path = absl::StrCat(folder, "/", file);
        std::ifstream in(path, std::ios::binary);
        if (!in) {
          const int saved = errno;
          if (saved == ENOENT) return absl::NotFoundError(path);
          return absl::UnavailableError(absl::StrCat(path, ": cannot open the file: ", std::strerror(saved)));
        }
        try {
          CsvReader reader(&in, file);
          read(&reader);
        } catch (const std::ios_base::failure& e) {
          return absl::DataLossError(absl::StrCat(path, ": read failed: ", e.what()));
        }
        return absl::OkStatus();
      },
      &found, problems);
}

}  // namespace zeren
