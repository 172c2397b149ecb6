// Exporting a model to a folder of CSV files (docs/csv.md): every file, in a fixed order,
// records in document order, numbers and dates as the JSON document writes them.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "src/io/atomic_file.h"
#include "src/io/csv_cells.h"
#include "src/io/csv_layout.h"
#include "src/io/csv_writer.h"
#include "zeren/member_roster.h"
#include "zeren/model_csv.h"

namespace zeren {
namespace {

namespace layout = csv_layout;

std::string DateCell(Date date, Date open) { return date == open ? std::string() : FormatDate(date); }
std::string FromCell(const Interval& i) { return DateCell(i.from, kBeginningOfTime); }
std::string ToCell(const Interval& i) { return DateCell(i.to, kEndOfTime); }
std::string DateCell(const std::optional<Date>& date) {
  return date ? FormatDate(*date) : std::string();
}
template <typename Enum>
std::string EnumCell(const std::optional<Enum>& value) {
  return value ? std::string(Name(*value)) : std::string();
}

// The extension keys of a file's records (or of their nested objects), in order of first
// appearance: the file's "x_…" columns.
class ExtraColumns {
 public:
  void Note(const Extras& extras) {
    for (const auto& [key, value] : extras) {
      if (seen_.insert(key).second) keys_.push_back(key);
    }
  }
  const std::vector<std::string>& keys() const { return keys_; }

  // The cells of `extras` under these columns ("" for keys it lacks).
  void Write(const Extras& extras, CsvWriter* out) const {
    for (const std::string& key : keys_) {
      const std::string* value = nullptr;
      for (const auto& [k, v] : extras) {
        if (k == key) value = &v;
      }
      out->Field(value == nullptr ? std::string() : csv_cells::CellOfJson(*value));
    }
  }

 private:
  std::vector<std::string> keys_;
  absl::flat_hash_set<std::string> seen_;
};

// One file being written: the header (the layout's columns, then extension columns), then
// a record per call of `row`.
class FileWriter {
 public:
  FileWriter(const layout::File& file, bool byte_order_mark) : file_(file), out_(&text_) {
    if (byte_order_mark) text_ = "\xEF\xBB\xBF";
  }

  void Header(const ExtraColumns& extras, const ExtraColumns* nested = nullptr) {
    for (const layout::Column& column : file_.columns) out_.Field(column.name);
    for (const std::string& key : extras.keys()) out_.Field(key);
    if (nested != nullptr) {
      for (const std::string& key : nested->keys()) out_.Field(absl::StrCat(file_.nested, key));
    }
    out_.EndRecord();
  }

  // A record: its layout cells, then its extension cells.
  void Row(std::initializer_list<absl::string_view> cells, const ExtraColumns& columns,
           const Extras& extras, const ExtraColumns* nested_columns = nullptr,
           const Extras* nested = nullptr) {
    for (absl::string_view cell : cells) out_.Field(cell);
    columns.Write(extras, &out_);
    if (nested_columns != nullptr) nested_columns->Write(*nested, &out_);
    out_.EndRecord();
  }

  CsvWriter& out() { return out_; }
  std::string Take() { return std::move(text_); }

 private:
  const layout::File& file_;
  std::string text_;
  CsvWriter out_;
};

class Exporter {
 public:
  Exporter(const ModelData& data, const CsvExportOptions& options) : data_(data), options_(options) {}

  // Calls `put` with each file's name and contents, in layout order, one file at a time.
  absl::Status Run(const std::function<absl::Status(const std::string&, std::string)>& put) {
    if (absl::Status lists = CheckLists(); !lists.ok()) return lists;
    for (size_t f = 0; f < std::size(layout::kFiles); ++f) {
      FileWriter writer(layout::kFiles[f], options_.byte_order_mark);
      Write(f, &writer);
      absl::Status status = put(absl::StrCat(layout::kFiles[f].name, ".csv"), writer.Take());
      if (!status.ok()) return status;
    }
    return absl::OkStatus();
  }

 private:
  void Write(size_t file, FileWriter* w) {
    switch (file) {
      case 0: return ModelFile(w);
      case 1: return Units(w);
      case 2: return Parents(w);
      case 3: return People(w);
      case 4: return Posts(w);
      case 5: return Links(w);
      case 6: return Duties(w);
      case 7: return Directives(w);
      case 8: return Tasks(w);
      case 9: return Reviews(w);
      case 10: return Incidents(w);
      case 11: return Circumstances(w);
      case 12: return Points(w);
      case 13: return Bonuses(w);
      case 14: return Ballots(w);
      case 15: return ReviewScores(w);
      case 16: return Appraisals(w);
    }
  }
  static_assert(std::size(layout::kFiles) == 17, "a case of Write per file");

  // ---- model.csv ----

  void ModelFile(FileWriter* w) {
    w->Header(ExtraColumns());
    auto row = [&](absl::string_view key, absl::string_view value) {
      w->out().Field(key);
      w->out().Field(value);
      w->out().EndRecord();
    };
    auto extras = [&](absl::string_view prefix, const Extras& list) {
      for (const auto& [key, value] : list) row(absl::StrCat(prefix, key), csv_cells::CellOfJson(value));
    };
    row("format", "zeren-model");
    row("version", "1");
    row("name", data_.name);
    row("settings.warn_days", absl::StrCat(data_.settings.warn_days));
    row("settings.max_secretary_posts", absl::StrCat(data_.settings.max_secretary_posts));
    extras("settings.", data_.settings.extras);
    if (const auto& a = data_.assessment) {
      row("assessment.period.from", FromCell(a->period));
      row("assessment.period.to", ToCell(a->period));
      extras("assessment.period.", a->period_extras);
      row("assessment.scheme", csv_cells::CellOfJson(a->scheme_json));
      extras("assessment.", a->extras);
    }
    row("policy", csv_cells::CellOfJson(data_.policy_json));
    extras("", data_.extras);
  }

  // ---- collections ----

  template <typename Record>
  static ExtraColumns ExtrasOf(const std::vector<Record>& records) {
    ExtraColumns columns;
    for (const Record& r : records) columns.Note(r.extras);
    return columns;
  }

  void Units(FileWriter* w) {
    const ExtraColumns x = ExtrasOf(data_.units);
    w->Header(x);
    for (const Unit& u : data_.units) {
      w->Row({u.id, u.name, u.kind, absl::StrCat(u.members), FromCell(u.exists), ToCell(u.exists)},
             x, u.extras);
    }
  }

  void Parents(FileWriter* w) {
    ExtraColumns x;
    for (const Unit& u : data_.units) {
      for (const ParentRef& p : u.parents) x.Note(p.extras);
    }
    w->Header(x);
    for (const Unit& u : data_.units) {
      for (const ParentRef& p : u.parents) {
        w->Row({u.id, p.unit, p.weight ? csv_cells::Number(*p.weight) : std::string()}, x, p.extras);
      }
    }
  }

  void People(FileWriter* w) {
    const ExtraColumns x = ExtrasOf(data_.people);
    w->Header(x);
    for (const Person& p : data_.people) w->Row({p.id, p.name}, x, p.extras);
    // Roster rows come after the records, as the records they stand for
    // (zeren/member_roster.h), with empty extension cells.
    const MemberRoster& roster = data_.roster;
    const Extras none;
    for (uint32_t r = 0; r < roster.size(); ++r) w->Row({roster.id(r), roster.name(r)}, x, none);
  }

  void Posts(FileWriter* w) {
    const ExtraColumns x = ExtrasOf(data_.posts);
    w->Header(x);
    for (size_t i = 0; i < data_.posts.size(); ++i) {
      const Post& p = data_.posts[i];
      w->Row({p.person, p.unit, Name(p.role), FromCell(p.held), ToCell(p.held),
              List(p.in_charge_of)},
             x, p.extras);
    }
    const MemberRoster& roster = data_.roster;
    const Extras none;
    for (uint32_t r = 0; r < roster.size(); ++r) {
      const Interval held = roster.held(r);
      w->Row({roster.id(r), roster.unit_id(r), Name(Role::kStaff), FromCell(held), ToCell(held), ""},
             x, none);
    }
  }

  void Links(FileWriter* w) {
    const ExtraColumns x = ExtrasOf(data_.links);
    w->Header(x);
    for (const Link& l : data_.links) {
      w->Row({Name(l.kind), l.from, l.to, FromCell(l.valid), ToCell(l.valid)}, x, l.extras);
    }
  }

  void Duties(FileWriter* w) {
    const ExtraColumns x = ExtrasOf(data_.duties);
    ExtraColumns holder;
    for (const Duty& d : data_.duties) holder.Note(d.holder.extras);
    w->Header(x, &holder);
    for (const Duty& d : data_.duties) {
      w->Row({d.id, d.holder.unit, EnumCell(d.holder.role), Name(d.category), d.dimension, d.text},
             x, d.extras, &holder, &d.holder.extras);
    }
  }

  void Directives(FileWriter* w) {
    const ExtraColumns x = ExtrasOf(data_.directives);
    w->Header(x);
    for (const Directive& d : data_.directives) {
      w->Row({d.id, d.title, d.issued_by, FormatDate(d.date), absl::StrCat(d.reach)}, x, d.extras);
    }
  }

  // Every task of the document with its directive and parent, parents before their
  // subtasks (depth first, in document order).
  void EachTask(const std::function<void(const Directive&, const Task* parent, const Task&)>& fn) {
    std::function<void(const Directive&, const Task*, const std::vector<Task>&)> walk =
        [&](const Directive& d, const Task* parent, const std::vector<Task>& tasks) {
          for (const Task& t : tasks) {
            fn(d, parent, t);
            walk(d, &t, t.subtasks);
          }
        };
    for (const Directive& d : data_.directives) walk(d, nullptr, d.tasks);
  }

  void Tasks(FileWriter* w) {
    ExtraColumns x;
    EachTask([&](const Directive&, const Task*, const Task& t) { x.Note(t.extras); });
    w->Header(x);
    EachTask([&](const Directive& d, const Task* parent, const Task& t) {
      w->Row({t.id, d.id, parent == nullptr ? absl::string_view() : parent->id, t.unit,
              FormatDate(t.due), Name(t.status), DateCell(t.completed)},
             x, t.extras);
    });
  }

  void Reviews(FileWriter* w) {
    ExtraColumns x;
    for (const Directive& d : data_.directives) {
      for (const TaskReview& r : d.reviews) x.Note(r.extras);
    }
    w->Header(x);
    for (const Directive& d : data_.directives) {
      for (const TaskReview& r : d.reviews) {
        w->Row({d.id, FormatDate(r.date), r.task, Name(r.result), r.note}, x, r.extras);
      }
    }
  }

  void Incidents(FileWriter* w) {
    const ExtraColumns x = ExtrasOf(data_.incidents);
    w->Header(x);
    for (size_t k = 0; k < data_.incidents.size(); ++k) {
      const Incident& i = data_.incidents[k];
      w->Row({i.id, i.unit, FormatDate(i.date), DateCell(i.since), Name(i.severity), i.case_id,
              i.dimension, i.duty, i.task, List(i.direct),
              List(i.participants)},
             x, i.extras);
    }
  }

  void Circumstances(FileWriter* w) {
    ExtraColumns x;
    for (const Incident& i : data_.incidents) {
      for (const Circumstance& c : i.circumstances) x.Note(c.extras);
    }
    w->Header(x);
    for (const Incident& i : data_.incidents) {
      for (const Circumstance& c : i.circumstances) w->Row({i.id, Name(c.kind), c.person}, x, c.extras);
    }
  }

  // ---- assessment inputs ----

  template <typename Record>
  const std::vector<Record>& Inputs(std::vector<Record> AssessmentInputs::*list) {
    static const std::vector<Record> kNone;
    return data_.assessment ? (*data_.assessment).*list : kNone;
  }

  void Points(FileWriter* w) {
    const auto& list = Inputs(&AssessmentInputs::points);
    const ExtraColumns x = ExtrasOf(list);
    w->Header(x);
    for (const IndicatorPoints& p : list) {
      w->Row({p.unit, p.indicator, csv_cells::Number(p.value)}, x, p.extras);
    }
  }

  void Bonuses(FileWriter* w) {
    const auto& list = Inputs(&AssessmentInputs::bonuses);
    const ExtraColumns x = ExtrasOf(list);
    w->Header(x);
    for (const Bonus& b : list) w->Row({b.unit, csv_cells::Number(b.points), b.reason}, x, b.extras);
  }

  void Ballots(FileWriter* w) {
    const auto& list = Inputs(&AssessmentInputs::ballots);
    const ExtraColumns x = ExtrasOf(list);
    ExtraColumns subject;
    for (const Ballot& b : list) subject.Note(b.subject.extras);
    w->Header(x, &subject);
    for (const Ballot& b : list) {
      w->Row({b.subject.unit, EnumCell(b.subject.role), absl::StrCat(b.good),
              absl::StrCat(b.fairly_good), absl::StrCat(b.average), absl::StrCat(b.poor)},
             x, b.extras, &subject, &b.subject.extras);
    }
  }

  void ReviewScores(FileWriter* w) {
    const auto& list = Inputs(&AssessmentInputs::reviews);
    const ExtraColumns x = ExtrasOf(list);
    w->Header(x);
    for (const ReviewScore& r : list) w->Row({r.unit, csv_cells::Number(r.score)}, x, r.extras);
  }

  void Appraisals(FileWriter* w) {
    const auto& list = Inputs(&AssessmentInputs::appraisals);
    const ExtraColumns x = ExtrasOf(list);
    w->Header(x);
    for (const Appraisal& a : list) w->Row({a.person, csv_cells::Number(a.score)}, x, a.extras);
    const MemberRoster& roster = data_.roster;
    const Extras none;
    for (uint32_t r = 0; r < roster.size(); ++r) {
      if (roster.has_appraisal(r)) {
        w->Row({roster.id(r), csv_cells::Number(roster.appraisal(r))}, x, none);
      }
    }
  }

  // Ids holding the list separator cannot be written to a list cell: refuse them before
  // writing any file.
  absl::Status CheckLists() const {
    auto check = [](const std::vector<std::string>& ids, absl::string_view path) {
      for (size_t k = 0; k < ids.size(); ++k) {
        if (ids[k].find(csv_cells::kListSeparator) == std::string::npos) continue;
        return absl::InvalidArgumentError(absl::StrCat(
            path, "[", k, "]: id \"", ids[k], "\" contains \"",
            absl::string_view(&csv_cells::kListSeparator, 1),
            "\", the separator of list cells, and cannot be written to CSV"));
      }
      return absl::OkStatus();
    };
    for (size_t i = 0; i < data_.posts.size(); ++i) {
      absl::Status s = check(data_.posts[i].in_charge_of, absl::StrCat("posts[", i, "].in_charge_of"));
      if (!s.ok()) return s;
    }
    for (size_t i = 0; i < data_.incidents.size(); ++i) {
      const std::string path = absl::StrCat("incidents[", i, "]");
      absl::Status s = check(data_.incidents[i].direct, path + ".direct");
      if (s.ok()) s = check(data_.incidents[i].participants, path + ".participants");
      if (!s.ok()) return s;
    }
    return absl::OkStatus();
  }

  static std::string List(const std::vector<std::string>& ids) {
    return absl::StrJoin(ids, absl::string_view(&csv_cells::kListSeparator, 1));
  }

  const ModelData& data_;
  const CsvExportOptions& options_;
};

}  // namespace

absl::StatusOr<std::map<std::string, std::string>> ExportCsvFiles(const Model& model,
                                                                  const CsvExportOptions& options) {
  std::map<std::string, std::string> files;
  absl::Status status = Exporter(model.data(), options).Run([&](const std::string& name, std::string contents) {
    files.emplace(name, std::move(contents));
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return files;
}

absl::Status ExportCsvFolder(const Model& model, const std::string& folder,
                             const CsvExportOptions& options) {
  std::error_code error;
  std::filesystem::create_directory(folder, error);
  if (error) {
    return absl::UnavailableError(absl::StrCat(folder, ": cannot create the folder: ", error.message()));
  }
  // One file in memory at a time.
  return Exporter(model.data(), options).Run([&](const std::string& name, std::string contents) {
    return WriteFileAtomically(absl::StrCat(folder, "/", name), contents);
  });
}

}  // namespace zeren
